/**
 * PDFs of tables drawn without borders (test/fixtures/pdf/*-borderless: our
 * Word export with its table borders and shading taken out, then LibreOffice),
 * so the reader finds the tables by column alignment alone: every cell must
 * come back as the Word file gives it.
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../shared/export/docx.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { importText } from '../../../shared/import/text.ts';
import type { Report } from '../../../shared/model/report.ts';
import { NODE_PDF_RESOURCES } from '../../../electron/services/pdfResources.ts';
import { BORDERLESS_SAMPLES, borderlessPdfFixture } from '../../fixtures/pdf/index.ts';
import { sampleText, type SampleFixture } from '../../fixtures/samples/index.ts';

const rawCells = (report: Report) => Object.fromEntries(formatIndex(report.format).cells.map(({ id }) => [id, report.cells[id]?.raw ?? '']));

/** pdf.js is loaded by the first test; a busy machine can take seconds. */
const PDF_TEST_MS = 30_000;

describe.each(BORDERLESS_SAMPLES.map((fx) => [fx.file, fx] as [string, SampleFixture]))('the borderless PDF of %s', (_file, fx) => {
  it('has every table found and every cell as in the Word file', async () => {
    const fromText = importText(sampleText(fx));
    const fromDocx = await readReportBytes(await exportDocx(fromText.report, { layout: 'compact' }), 'report.docx');
    const { report, importReport } = await readReportBytes(borderlessPdfFixture(fx), 'report.pdf', { pdf: NODE_PDF_RESOURCES });
    expect(importReport.tablesMissing).toEqual(fromText.importReport.tablesMissing);
    expect(report.format).toBe(fromText.report.format);
    expect(rawCells(report)).toEqual(rawCells(fromDocx.report));
    // The cells are not all blank: the comparison has something to find.
    expect(Object.values(rawCells(report)).filter((raw) => raw !== '').length).toBeGreaterThan(50);
  }, PDF_TEST_MS);
});
