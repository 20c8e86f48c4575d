/**
 * The common ground of all importers. A source (docx, plain text) is first
 * turned into a flat list of blocks — paragraphs and tables whose merged
 * cells are already expanded into a rectangular-ish grid — and one
 * recognizer turns blocks into a report. So the docx and text importers
 * differ only in how they read their bytes.
 */
import type { FormatId } from '../formats/types.ts';
import type { Report } from '../model/report.ts';

export interface BlockCell {
  text: string;
  /**
   * The cell continues a merged cell (from above: vMerge; from the left:
   * gridSpan/hMerge); `text` repeats the anchor's text. Unknown in plain
   * text, where a continuation looks like a blank cell.
   */
  continuation?: 'above' | 'left';
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: BlockCell[][] };

export interface NormalizedCell {
  cell: string;
  /** The text as found in the source. */
  raw: string;
  /** The number stored (万元 for amounts). */
  value: number;
  /** Why it changed, in Chinese, e.g. 去掉单位“项”; 由元换算为万元. */
  note: string;
}

export interface ImportReport {
  /** What the file was read as. */
  source: 'nianbao' | 'docx' | 'text' | 'html' | 'pdf';
  format: FormatId;
  /** How the format was decided, in Chinese (e.g. 按报告年度2023年判定为2021年版格式). */
  formatReason: string;
  year: number | null;
  organ: string | null;
  /** Table ids recognized, with the label that identified each. */
  tablesFound: { table: string; matchedBy: string }[];
  /** Table ids of the format that were not found. */
  tablesMissing: string[];
  /** Sections whose heading was found. */
  sectionsFound: string[];
  sectionsMissing: string[];
  /** Number of cells read with a value (including 0). */
  cellsRead: number;
  /** Cells found blank in the source. */
  blankCells: string[];
  /** Cells read with a note (unit removed, 元 converted, full-width digits…). */
  normalized: NormalizedCell[];
  /** Cells whose text could not be read as a number; the raw text is kept in the report. */
  invalidCells: { cell: string; raw: string; message: string }[];
  /** Everything else the clerk should know, in Chinese (e.g. 三 表“（一）予以公开”一行少 1 个数值，未猜测). */
  warnings: string[];
}

/** The name of each source, in Chinese, for the import's summary. */
export const IMPORT_SOURCE_NAMES: Record<ImportReport['source'], string> = {
  nianbao: '年报文件',
  docx: 'Word 文档',
  text: '文本',
  html: '网页',
  pdf: 'PDF 文件',
};

export interface ImportResult {
  report: Report;
  importReport: ImportReport;
}

/** Raised for input that cannot be imported at all; `message` is for the clerk, in Chinese. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
