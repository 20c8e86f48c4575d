/**
 * The one front door for every file handed in to be read as a report — by
 * the app (open, 导入上年报告, drop), the CLI and the browser host. The kind
 * is told by content (sniff.ts); the name only chooses the words of a
 * refusal. Each kind has one reader; what no reader takes is refused with
 * one Chinese line (an ImportError), so a file gets the same message
 * everywhere.
 */
import { parseReportBytes } from '../file/document.ts';
import type { Report } from '../model/report.ts';
import { importDocx } from './docx.ts';
import { decodeHtml, HTML_LIMITS, htmlToBlocks, htmlTooLargeMessage } from './html.ts';
import { mhtPage } from './mht.ts';
import { DOCX_MESSAGES } from './ooxml.ts';
import { readPdf, type PdfResources } from './pdf.ts';
import { recognizeReport } from './recognize.ts';
import { sniffKind, type FileKind } from './sniff.ts';
import { decodeText, importText } from './text.ts';
import { ImportError, type ImportReport, type ImportResult } from './types.ts';

const RESAVE_DOCX = '请用 Word 或 WPS 另存为 .docx 后再试';

export const READ_MESSAGES = {
  empty: '文件是空的（0 字节），没有可导入的内容。请重新选择上一年度的报告文件',
  encrypted: DOCX_MESSAGES.encrypted,
  word97: `暂不支持 Word 97-2003 (.doc) 文件，${RESAVE_DOCX}`,
  rtf: `暂不支持 RTF 格式的文件（扩展名可能是 .doc），${RESAVE_DOCX}`,
  /** Bytes in a file named like a Word file that are neither Word nor text. */
  notWord: DOCX_MESSAGES.notDocx,
} as const;

const WORD_NAME = /\.(docx|docm|dotx|doc|wps|wpt|rtf)$/i;

/** A .nianbao file read as a template has nothing to recognize; its report is complete. */
export function nianbaoImportReport(report: Report): ImportReport {
  const sections = Object.entries(report.sections);
  return {
    source: 'nianbao',
    format: report.format,
    formatReason: '读取自年报文件，格式按文件所记',
    year: report.year,
    organ: report.organ,
    tablesFound: [],
    tablesMissing: [],
    sectionsFound: sections.filter(([, n]) => n.text.trim() !== '').map(([key]) => key),
    sectionsMissing: sections.filter(([, n]) => n.text.trim() === '').map(([key]) => key),
    cellsRead: Object.values(report.cells).filter((c) => c.raw.trim() !== '').length,
    blankCells: [],
    normalized: [],
    invalidCells: [],
    warnings: [],
  };
}

function readText(bytes: Uint8Array, fileName: string): ImportResult {
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (error) {
    // Binary junk named .docx: "not a Word file" says more than "save as plain text".
    if (error instanceof ImportError && WORD_NAME.test(fileName)) throw new ImportError(READ_MESSAGES.notWord);
    throw error;
  }
  return importText(text);
}

/** A saved page, or the page inside a web archive: decoded, read into blocks, recognized. */
function readPage(bytes: Uint8Array, charset?: string): ImportResult {
  if (bytes.length > HTML_LIMITS.maxFileBytes) throw new ImportError(htmlTooLargeMessage(bytes.length));
  return recognizeReport(htmlToBlocks(decodeHtml(bytes, charset)), 'html');
}

/** What a host hands in for the readers that need it. */
export interface ReadResources {
  pdf?: PdfResources;
}

type Reader = (bytes: Uint8Array, fileName: string, resources: ReadResources) => ImportResult | Promise<ImportResult>;

const refuse =
  (message: string): Reader =>
  () => {
    throw new ImportError(message);
  };

/** One reader per kind. */
const READERS: Record<FileKind, Reader> = {
  empty: refuse(READ_MESSAGES.empty),
  zip: (bytes) => importDocx(bytes),
  encryptedOoxml: refuse(READ_MESSAGES.encrypted),
  word97: refuse(READ_MESSAGES.word97),
  rtf: refuse(READ_MESSAGES.rtf),
  pdf: async (bytes, _name, resources) => {
    const { blocks, notes } = await readPdf(bytes, resources.pdf);
    const result = recognizeReport(blocks, 'pdf');
    result.importReport.warnings.unshift(...notes);
    return result;
  },
  nianbao: (bytes) => {
    const report = parseReportBytes(bytes);
    return { report, importReport: nianbaoImportReport(report) };
  },
  html: (bytes) => readPage(bytes),
  mht: (bytes) => {
    if (bytes.length > HTML_LIMITS.maxFileBytes) throw new ImportError(htmlTooLargeMessage(bytes.length));
    const page = mhtPage(bytes);
    return readPage(page.bytes, page.charset);
  },
  text: readText,
};

/**
 * The report in `bytes` with its import report (source 'nianbao' for our own
 * file). Throws ImportError, or ReportFileError for a damaged .nianbao, with
 * a message for the clerk.
 */
export async function readReportBytes(bytes: Uint8Array, fileName: string, resources: ReadResources = {}): Promise<ImportResult> {
  return READERS[sniffKind(bytes)](bytes, fileName, resources);
}
