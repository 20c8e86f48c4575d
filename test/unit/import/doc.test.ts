/**
 * Word 97-2003 .doc files: each published sample exported by our .docx
 * export and saved as .doc by LibreOffice, and the real provincial Word
 * template saved the same way (test/tools/make-doc-fixtures.ts), read
 * through the front door. Every cell must come back exactly as from the
 * sample's text; the template's blocks exactly as the .docx reader reads the
 * original. A .wps is the same binary under WPS's name.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../shared/export/docx.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import { importDocx } from '../../../shared/import/docx.ts';
import { parseCellValue } from '../../../shared/model/parseCellValue.ts';
import { docToBlocks, DOC_MESSAGES } from '../../../shared/import/doc.ts';
import { docxToBlocks } from '../../../shared/import/ooxml.ts';
import { READ_MESSAGES, readReportBytes } from '../../../shared/import/read.ts';
import { importText } from '../../../shared/import/text.ts';
import { ImportError, type ImportResult } from '../../../shared/import/types.ts';
import { compressedPiece, docFixture, HIDDEN_AND_DELETED_BODY, sampleDoc, withStream } from '../../fixtures/doc/index.ts';
import { docxFromBody } from '../../fixtures/docx/package.ts';
import { SAMPLES, SAMPLES_DIR, sampleText, type SampleFixture } from '../../fixtures/samples/index.ts';

const rawCells = (cells: Record<string, { raw: string }>): Record<string, string> =>
  Object.fromEntries(Object.entries(cells).map(([id, c]) => [id, c.raw]));

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readReportBytes(bytes, name);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('not refused');
}

describe.each(SAMPLES.map((fx) => [fx.file, fx] as [string, SampleFixture]))('%s saved as .doc', (_file, fx) => {
  const fromText = importText(sampleText(fx));
  const bytes = sampleDoc(fx);
  let fromDocx: ImportResult;
  beforeAll(async () => {
    fromDocx = importDocx(await exportDocx(fromText.report, { layout: 'official' }));
  });

  it.each(['上年.doc', '上年.wps', '上年.txt'])('named %s: every cell, the year, organ, format and prose as from the text', async (name) => {
    const { report, importReport } = await readReportBytes(bytes, name);
    expect(importReport.source).toBe('doc');
    // Every cell exactly as the Word file it was saved from prints it…
    expect(rawCells(report.cells)).toEqual(rawCells(fromDocx.report.cells));
    // …and, read, the same number (or blank, or 无) as from the text.
    for (const info of formatIndex(fromText.report.format).cells) {
      const want = parseCellValue(fromText.report.cells[info.id]?.raw ?? '', info.column.kind);
      const got = parseCellValue(report.cells[info.id]?.raw ?? '', info.column.kind);
      expect({ cell: info.id, status: got.status, value: 'value' in got ? got.value : null }).toEqual({
        cell: info.id,
        status: want.status,
        value: 'value' in want ? want.value : null,
      });
    }
    expect([report.year, report.organ, report.format]).toEqual([fromText.report.year, fromText.report.organ, fromText.report.format]);
    expect(report.sections).toEqual(fromText.report.sections);
    expect(report.dateLine).toBe(fromText.report.dateLine);
    expect(importReport.tablesMissing).toEqual(fromText.importReport.tablesMissing);
    expect(importReport.sectionsMissing).toEqual(fromText.importReport.sectionsMissing);
  });
});

describe('the real provincial Word template saved as .doc', () => {
  it('gives the same paragraphs and merged grids as the .docx reader gives the original', () => {
    const original = docxToBlocks(new Uint8Array(readFileSync(`${SAMPLES_DIR}template-2021-format-blank.docx`)));
    const blocks = docToBlocks(docFixture('template-2021-format-blank'));
    expect(blocks).toEqual(original);
    // Merged header cells: continuations from the left and from above repeat their anchor's text.
    const marks = blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : [])).map((c) => c.continuation);
    expect(marks).toContain('left');
    expect(marks).toContain('above');
  });
});

describe('hidden text and tracked deletions', () => {
  it('are left out, as the .docx reader leaves them out of the same document', () => {
    const bytes = docFixture('hidden-and-deleted');
    const utf16 = (text: string) => Buffer.from(text, 'utf16le');
    // The file holds both…
    expect(Buffer.from(bytes).includes(utf16('隐藏的批注'))).toBe(true);
    expect(Buffer.from(bytes).includes(utf16('已删除的'))).toBe(true);
    // …the report shows neither.
    expect(docToBlocks(bytes)).toEqual(docxToBlocks(docxFromBody(HIDDEN_AND_DELETED_BODY)));
    expect(docToBlocks(bytes)).toEqual([
      { kind: 'paragraph', text: '本年度收到申请12件。' },
      { kind: 'paragraph', text: '答复及时。' },
    ]);
  });
});

describe('an 8-bit (compressed) piece, as Word stores Western text', () => {
  it('is read as Windows-1252', () => {
    expect(docToBlocks(compressedPiece())).toEqual([
      { kind: 'paragraph', text: 'Hello \u201cwor\u201d 2024' },
      { kind: 'paragraph', text: 'Second line' },
    ]);
  });
});

describe('refusals', () => {
  const base = docFixture('2024_hongze-district');
  const fibFlags = (set: number) => (doc: Uint8Array) => {
    doc[0x0a] = doc[0x0a]! | (set & 0xff);
    doc[0x0b] = doc[0x0b]! | (set >> 8);
  };

  it.each<[string, () => Uint8Array, string]>([
    ['a password-protected .doc (fEncrypted)', () => withStream(base, 'WordDocument', fibFlags(0x0100)), READ_MESSAGES.docEncrypted],
    ['an obfuscated .doc (fObfuscated)', () => withStream(base, 'WordDocument', fibFlags(0x8000)), READ_MESSAGES.docEncrypted],
    [
      'a Word 95 file (nFib 0x68)',
      () =>
        withStream(base, 'WordDocument', (doc) => {
          doc[2] = 0x68;
          doc[3] = 0;
        }),
      READ_MESSAGES.word6,
    ],
    [
      'a compound file without a Word body (an old .xls)',
      () =>
        withStream(base, 'WordDocument', (doc) => {
          doc[0] = 0x09;
          doc[1] = 0x08;
        }),
      DOC_MESSAGES.notWord,
    ],
    ['a truncated .doc', () => base.subarray(0, 4096), READ_MESSAGES.docDamaged],
  ])('%s in one Chinese line', async (_what, bytes, message) => {
    expect(await refusal(bytes(), '上年.doc')).toBe(message);
  });

  it('names the password, the old Word version and the damage, each in its own words', () => {
    expect(READ_MESSAGES.docEncrypted).toContain('密码');
    expect(READ_MESSAGES.word6).toContain('Word 6.0/95');
    expect(new Set([READ_MESSAGES.docEncrypted, READ_MESSAGES.word6, READ_MESSAGES.docDamaged]).size).toBe(3);
  });
});
