/**
 * Reads any report file a clerk may hand us — our own .nianbao, a .docx made
 * in Word or WPS, or plain text — deciding by content, not by name alone.
 */
import { looksLikeReportFile, parseReportBytes } from '../../shared/file/document.ts';
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

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export async function readReportFile(path: string): Promise<ReadReport> {
  const bytes = await readFileCapped(path, MAX_INPUT_BYTES);
  // The docx reader also explains old .doc/.wps files, so both go there.
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return importDocx(bytes);
  if (looksLikeReportFile(bytes) || /\.nianbao$/i.test(path)) return { report: parseReportBytes(bytes) };
  return importText(decodeText(bytes));
}
