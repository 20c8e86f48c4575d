/**
 * The real report formats behind the bridge: our own file format, the shared
 * exporters and importers. The 检查说明 sheet is built here from the checks,
 * so the renderer only says whether it wants one.
 */
import { checkReport } from '../../shared/checks/index.ts';
import { parseReportFile, serializeReport } from '../../shared/file/document.ts';
import { reportCharts } from '../../shared/compare/charts.ts';
import { exportDocx, type AppendixChart } from '../../shared/export/docx.ts';
import { exportHtml } from '../../shared/export/html.ts';
import type { FindingNote } from '../../shared/export/layout.ts';
import { exportText } from '../../shared/export/text.ts';
import { readReportBytes } from '../../shared/import/read.ts';
import { NODE_PDF_RESOURCES } from './pdfResources.ts';
import type { Report } from '../../shared/model/report.ts';
import type { ReportFormats } from './handlers.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The report's own charts with the editor's PNG of each; a chart without a valid PNG is left out. */
function appendixCharts(report: Report, images: readonly { id: string; png: string }[]): AppendixChart[] {
  const pngs = new Map(images.map((i) => [i.id, new Uint8Array(Buffer.from(i.png, 'base64'))]));
  return reportCharts(report).flatMap((chart) => {
    const png = pngs.get(chart.id);
    return png && PNG_SIGNATURE.every((b, i) => png[i] === b) ? [{ chart, png }] : [];
  });
}

function findingNotes(report: Report, wanted: boolean): readonly FindingNote[] | undefined {
  return wanted ? checkReport(report).map(({ key, message }) => ({ key, message })) : undefined;
}

export const REPORT_FORMATS: ReportFormats = {
  codec: { serialize: serializeReport, parse: parseReportFile },
  exporters: {
    docx: (report, { findingsSheet, chartsAppendix, ...options }) =>
      exportDocx(report, {
        ...options,
        findingsSheet: findingNotes(report, findingsSheet),
        chartsAppendix: appendixCharts(report, chartsAppendix ?? []),
      }),
    text: (report, { findingsSheet, ...options }) =>
      exportText(report, { ...options, findingsSheet: findingNotes(report, findingsSheet) }),
    html: (report, { findingsSheet, ...options }) =>
      exportHtml(report, { ...options, findingsSheet: findingNotes(report, findingsSheet) }),
  },
  importers: { read: (bytes, fileName) => readReportBytes(bytes, fileName, { pdf: NODE_PDF_RESOURCES }) },
};
