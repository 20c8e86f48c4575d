/**
 * The real report formats behind the bridge: our own file format, the shared
 * exporters and importers. The 检查说明 sheet is built here from the checks,
 * so the renderer only says whether it wants one.
 */
import { checkReport } from '../../shared/checks/index.ts';
import { parseReportFile, serializeReport } from '../../shared/file/document.ts';
import { exportDocx } from '../../shared/export/docx.ts';
import { exportHtml } from '../../shared/export/html.ts';
import type { FindingNote } from '../../shared/export/layout.ts';
import { exportText } from '../../shared/export/text.ts';
import { readReportBytes } from '../../shared/import/read.ts';
import { NODE_PDF_RESOURCES } from './pdfResources.ts';
import type { Report } from '../../shared/model/report.ts';
import type { ReportFormats } from './handlers.ts';

function findingNotes(report: Report, wanted: boolean): readonly FindingNote[] | undefined {
  return wanted ? checkReport(report).map(({ key, message }) => ({ key, message })) : undefined;
}

export const REPORT_FORMATS: ReportFormats = {
  codec: { serialize: serializeReport, parse: parseReportFile },
  exporters: {
    docx: (report, { findingsSheet, ...options }) =>
      exportDocx(report, { ...options, findingsSheet: findingNotes(report, findingsSheet) }),
    text: (report, { findingsSheet, ...options }) =>
      exportText(report, { ...options, findingsSheet: findingNotes(report, findingsSheet) }),
    html: (report, { findingsSheet, ...options }) =>
      exportHtml(report, { ...options, findingsSheet: findingNotes(report, findingsSheet) }),
  },
  importers: { read: (bytes, fileName) => readReportBytes(bytes, fileName, { pdf: NODE_PDF_RESOURCES }) },
};
