/**
 * PDFs that cannot or must not be read: each is refused in one Chinese line
 * (a scan, a password, a page tree or object table out of all proportion,
 * nesting deep enough to exhaust the parser), and a damaged cross-reference
 * table is rebuilt rather than refused.
 */
import { describe, expect, it } from 'vitest';
import { PDF_LIMITS, PDF_MESSAGES, readPdf } from '../../../shared/import/pdf.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { ImportError } from '../../../shared/import/types.ts';
import { NODE_PDF_RESOURCES } from '../../../electron/services/pdfResources.ts';
import { deepPdf, manyObjectsPdf, manyPagesPdf, misplacedXref, repeatedPagePdf, truncatedXref, unembeddedChinesePdf } from '../../fixtures/pdf/build.ts';
import { ENCRYPTED, namedPdfFixture, pdfFixture, SCANNED } from '../../fixtures/pdf/index.ts';
import { HONGZE_2024 } from '../../fixtures/samples/index.ts';

const PDF_TEST_MS = 30_000;

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readReportBytes(bytes, 'report.pdf', { pdf: NODE_PDF_RESOURCES });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the PDF was read instead of refused');
}

describe('PDFs refused in one line', () => {
  it.each<[string, () => Uint8Array, string]>([
    ['a scan without a text layer', () => namedPdfFixture(SCANNED), PDF_MESSAGES.scanned],
    ['a PDF with an open password', () => namedPdfFixture(ENCRYPTED), PDF_MESSAGES.encrypted],
    ['a page tree claiming a million pages', () => manyPagesPdf(1_000_000, 2), PDF_MESSAGES.tooManyPages],
    ['one page past the page cap', () => manyPagesPdf(PDF_LIMITS.maxPages + 1, PDF_LIMITS.maxPages + 1), PDF_MESSAGES.tooManyPages],
    ['a million references to one page', () => repeatedPagePdf(1_000_000), PDF_MESSAGES.tooManyPages],
    ['a trailer declaring a million objects', () => manyObjectsPdf(10, 1_000_000), PDF_MESSAGES.tooManyObjects],
    ['a file cut off just after its cross-reference header', () => truncatedXref(pdfFixture(HONGZE_2024, 'official'), 20), PDF_MESSAGES.damaged],
    ['arrays nested 100,000 deep', () => deepPdf(100_000), PDF_MESSAGES.damaged],
    ['a file larger than the cap', () => { const big = new Uint8Array(PDF_LIMITS.maxFileBytes + 1); big.set(manyPagesPdf(1)); return big; }, PDF_MESSAGES.tooLarge],
  ])('%s', async (_what, bytes, message) => {
    expect(await refusal(bytes())).toBe(message);
  }, PDF_TEST_MS);

  it('reads the pages a small tree holds', async () => {
    const { blocks } = await readPdf(manyPagesPdf(2, 2), NODE_PDF_RESOURCES);
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'Page of a hostile file Page of a hostile file' }]);
  }, PDF_TEST_MS);

  it('says each refusal in one Chinese line', () => {
    for (const message of Object.values(PDF_MESSAGES)) {
      expect(message).not.toContain('\n');
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('PDFs read despite damage or missing fonts', () => {
  it.each<[string, (pdf: Uint8Array) => Uint8Array]>([
    ['startxref misses the table', misplacedXref],
  ])('rebuilds the cross-reference table when %s, and reads every cell', async (_what, damage) => {
    const whole = pdfFixture(HONGZE_2024, 'official');
    const broken = damage(whole);
    expect(broken).not.toEqual(whole);
    const read = async (bytes: Uint8Array) => (await readReportBytes(bytes, 'report.pdf', { pdf: NODE_PDF_RESOURCES })).report.cells;
    const cells = await read(whole);
    expect(Object.keys(cells).length).toBeGreaterThan(100);
    expect(await read(broken)).toEqual(cells);
  }, PDF_TEST_MS);

  it('reads Chinese in a font the file only names, through the CMaps the host hands in', async () => {
    const asked: string[] = [];
    const resources = { readCMap: (name: string) => (asked.push(name), NODE_PDF_RESOURCES.readCMap(name)) };
    const { blocks } = await readPdf(unembeddedChinesePdf(['一、总体情况', '本年度共受理申请12件。']), resources);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '一、总体情况' },
      { kind: 'paragraph', text: '本年度共受理申请12件。' },
    ]);
    expect(asked).toContain('UniGB-UCS2-H');
  }, PDF_TEST_MS);
});
