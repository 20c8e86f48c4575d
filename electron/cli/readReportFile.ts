/**
 * Reads any report file a clerk may hand us through the one front door
 * (shared/import/read.ts), so the CLI and the app read a file alike.
 */
import { basename } from 'node:path';
import { readReportBytes } from '../../shared/import/read.ts';
import type { ImportReport } from '../../shared/import/types.ts';
import type { Report } from '../../shared/model/report.ts';
import { readFileCapped } from '../services/files.ts';
import { NODE_PDF_RESOURCES } from '../services/pdfResources.ts';

export interface ReadReport {
  report: Report;
  /** Present when the file was imported rather than opened. */
  importReport?: ImportReport;
}

/** The docx reader has its own, smaller caps; this only keeps huge files off the heap. */
const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export async function readReportFile(path: string): Promise<ReadReport> {
  const bytes = await readFileCapped(path, MAX_INPUT_BYTES);
  const { report, importReport } = await readReportBytes(bytes, basename(path), { pdf: NODE_PDF_RESOURCES });
  // Our own file was opened, not imported: there is nothing to report about reading it.
  return importReport.source === 'nianbao' ? { report } : { report, importReport };
}
