/**
 * The real report formats behind the bridge: our own file format, the shared
 * exporters and importers.
 */
import { parseReportFile, serializeReport } from '../../shared/file/document.ts';
import { exportDocx } from '../../shared/export/docx.ts';
import { exportHtml } from '../../shared/export/html.ts';
import { exportText } from '../../shared/export/text.ts';
import { importDocx } from '../../shared/import/docx.ts';
import { decodeText, importText } from '../../shared/import/text.ts';
import type { ReportFormats } from './handlers.ts';

export const REPORT_FORMATS: ReportFormats = {
  codec: { serialize: serializeReport, parse: parseReportFile },
  exporters: {
    docx: (report, options) => exportDocx(report, options),
    text: (report, options) => exportText(report, options),
    html: (report, options) => exportHtml(report, options),
  },
  importers: {
    docx: importDocx,
    text: (bytes) => importText(decodeText(bytes)),
  },
};
