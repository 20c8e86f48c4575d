/** Imports last year's report from a .docx made in Word, WPS, LibreOffice or by us. */
import { docxToBlocks } from './ooxml.ts';
import { recognizeReport } from './recognize.ts';
import type { ImportResult } from './types.ts';

/** Throws ImportError, with a message for the clerk, for anything that is not a readable .docx. */
export function importDocx(bytes: Uint8Array): ImportResult {
  return recognizeReport(docxToBlocks(bytes), 'docx');
}
