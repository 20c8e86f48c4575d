/**
 * PDFs as LibreOffice exports them from our Word export of each published
 * sample (test/fixtures/pdf, both layouts): every cell must come back
 * exactly as the sample's text import gives it, the narratives' text the
 * same but for where lines were joined.
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../shared/export/docx.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import type { SectionKey } from '../../../shared/formats/types.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { importText } from '../../../shared/import/text.ts';
import { SAMPLES, sampleText, type SampleFixture } from '../../fixtures/samples/index.ts';
import { pdfFixture } from '../../fixtures/pdf/index.ts';
import type { Report } from '../../../shared/model/report.ts';
import { NODE_PDF_RESOURCES } from '../../../electron/services/pdfResources.ts';

/** Every cell of the format, '' when blank or absent. */
const rawCells = (report: Report) => Object.fromEntries(formatIndex(report.format).cells.map(({ id }) => [id, report.cells[id]?.raw ?? '']));
/** Line breaks and the spaces a page shows are layout: the text compared without them. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Punctuation LibreOffice would hang past the right margin at a line end: its PDF export leaves it out. */
const HANGING = new Set(['，', '。', '、', '；', '：']);

/**
 * The text read, compared with the text written without whitespace: the
 * marks missing from the read text, all of them hanging punctuation, or
 * the first place where the two differ otherwise.
 */
function compareProse(written: string, read: string): { missing: number } | { differsAt: string } {
  const [w, r] = [squeeze(written), squeeze(read)];
  let missing = 0;
  let j = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === r[j]) j++;
    else if (HANGING.has(w[i]!)) missing++;
    else return { differsAt: `${w.slice(Math.max(0, i - 10), i + 10)} / ${r.slice(Math.max(0, j - 10), j + 10)}` };
  }
  return j === r.length ? { missing } : { differsAt: r.slice(j, j + 20) };
}

/** pdf.js is loaded by the first test; a busy machine can take seconds. */
const PDF_TEST_MS = 30_000;

describe.each(SAMPLES.map((fx) => [fx.file, fx] as [string, SampleFixture]))('the PDF of %s', (_file, fx) => {
  const fromText = importText(sampleText(fx));

  it.each(['official', 'compact'] as const)('%s layout: every cell as in the Word file, the rest as from the text', async (layout) => {
    // The Word file the PDF was made from, as the docx reader reads it: the export writes a few cells its own way (无 as 0).
    const fromDocx = await readReportBytes(await exportDocx(fromText.report, { layout }), 'report.docx');
    const { report, importReport } = await readReportBytes(pdfFixture(fx, layout), 'report.pdf', { pdf: NODE_PDF_RESOURCES });
    expect(importReport.source).toBe('pdf');
    expect(rawCells(report)).toEqual(rawCells(fromDocx.report));
    expect(report.format).toBe(fromText.report.format);
    expect(report.year).toBe(fromText.report.year);
    expect(report.organ).toBe(fromText.report.organ);
    expect(importReport.tablesMissing).toEqual(fromText.importReport.tablesMissing);
    expect(importReport.sectionsFound).toEqual(fromText.importReport.sectionsFound);
    const prose = [
      ['preface', fromText.report.preface.text, report.preface.text],
      ...Object.entries(fromText.report.sections).map(([key, section]) => [key, section.text, report.sections[key as SectionKey].text]),
    ];
    for (const [key, written, read] of prose) {
      const compared = compareProse(written!, read!);
      expect(compared, key).toHaveProperty('missing');
      // Only the 公文 layout's full 28-character lines leave a mark to hang: a few per section.
      const allowed = layout === 'compact' ? 0 : 2 + squeeze(written!).length / 200;
      expect('missing' in compared && compared.missing <= allowed, key).toBe(true);
    }
  }, PDF_TEST_MS);
});
