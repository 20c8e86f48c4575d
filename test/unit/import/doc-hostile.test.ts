/**
 * Hostile and damaged Word 97 files, built from a real .doc: each is refused
 * in one Chinese line, never hangs or reads outside a stream (time and
 * memory of each are measured in `npm run bench`, hostile.bench.ts).
 */
import { describe, expect, it } from 'vitest';
import { DOC_LIMITS, DOC_MESSAGES, docToBlocks } from '../../../shared/import/doc.ts';
import { ImportError } from '../../../shared/import/types.ts';
import { docFixture, fatLoop, hugeSectorCount, hugeText, padded, pieceOutside } from '../../fixtures/doc/index.ts';

function refusal(bytes: Uint8Array): string {
  try {
    docToBlocks(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  }
  throw new Error('the file was imported instead of refused');
}

describe('docToBlocks refuses hostile compound files in one line', () => {
  const base = docFixture('2024_hongze-district');

  it('reads the untouched file, so each refusal below is caused by its one change', () => {
    expect(docToBlocks(base).length).toBeGreaterThan(10);
    expect(docToBlocks(padded(base, 1)).length).toBe(docToBlocks(base).length);
  });

  it.each<[string, () => Uint8Array, string]>([
    ['a FAT whose directory chain loops on itself', () => fatLoop(base), DOC_MESSAGES.damaged],
    ['a header claiming two billion FAT sectors', () => hugeSectorCount(base), DOC_MESSAGES.damaged],
    ['a piece table pointing 1 GB past the WordDocument stream', () => pieceOutside(base), DOC_MESSAGES.damaged],
    ['a FIB claiming a body of two billion characters', () => hugeText(base), DOC_MESSAGES.tooLong],
    ['a file over the size cap', () => new Uint8Array(DOC_LIMITS.maxFileBytes + 1), DOC_MESSAGES.tooLarge],
  ])('%s', (_what, bytes, message) => {
    expect(refusal(bytes())).toBe(message);
  });
});
