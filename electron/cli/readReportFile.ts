/**
 * Reads any report file a clerk may hand us — our own .nianbao, a .docx made
 * in Word or WPS, or plain text — deciding by content, not by name alone.
 */
import { looksLikeReportFile, parseReportBytes } from '../../shared/file/document.ts';
import { chooseImporter } from '../../shared/import/choose.ts';
import { importDocx } from '../../shared/import/docx.ts';
import { decodeText, importText } from '../../shared/import/text.ts';
import type { ImportReport } from '../../shared/import/types.ts';
import type { Report } from '../../shared/model/report.ts';
import { readFileCapped } from '../services/files.ts';

export interface ReadReport {
  report: Report;
  /** Present when the file was imported rather than opened. */
  importReport?: ImportReport;
}

/** The docx reader has its own, smaller caps; this only keeps huge files off the heap. */
const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export async function readReportFile(path: string): Promise<ReadReport> {
  const bytes = await readFileCapped(path, MAX_INPUT_BYTES);
  // The same choice as the app's import, so a file gets the same message in both.
  if (chooseImporter(bytes, path) === 'docx') return importDocx(bytes);
  if (looksLikeReportFile(bytes) || /\.nianbao$/i.test(path)) return { report: parseReportBytes(bytes) };
  return importText(decodeText(bytes));
}
