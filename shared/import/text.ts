/**
 * Plain-text import: a report copied out of Word or a web page.
 *
 * Shape (see the samples): each table cell on its own line starting with a
 * TAB; an empty line ends a table row; merged-cell continuations and blank
 * cells are empty TAB lines; a line break inside a cell is a continuation
 * line without a TAB. Some copies have whole rows as tab-separated lines.
 */
import { recognizeReport } from './recognize.ts';
import { ImportError, type Block, type BlockCell, type ImportResult } from './types.ts';
import { formatSize, tooLargeText } from '../file/size.ts';
import { tryDecode } from '../platform.ts';
import { STOPPED_NOT_A_REPORT } from '../file/messages.ts';

/**
 * What a text import reads at most. A published report is ~10 KB and 400
 * lines with 3 tables of at most 255 cells; these caps are two orders of
 * magnitude above that and keep a hostile or mistaken file (a log, a data
 * dump) from costing seconds and gigabytes before the recognizer gives up.
 */
export const TEXT_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxLines: 100_000,
  maxTables: 100,
  /** Cells of one table; the official tables have at most 255. */
  maxCellsPerTable: 5_000,
  /** Cells of all tables together. */
  maxCells: 50_000,
  /** Columns of one tab-separated row; the official tables have at most 15. */
  maxColumns: 200,
} as const;


export const TEXT_MESSAGES = {
  tooManyLines: `文本行数过多（超过 ${TEXT_LIMITS.maxLines} 行），${STOPPED_NOT_A_REPORT}`,
  tooManyTables: `文本中的表格过多（超过 ${TEXT_LIMITS.maxTables} 个），${STOPPED_NOT_A_REPORT}`,
  tooLargeTable: `文本中有一个表格的单元格过多（超过 ${TEXT_LIMITS.maxCellsPerTable} 个），${STOPPED_NOT_A_REPORT}`,
  tooManyCells: `文本中表格单元格总数过多（超过 ${TEXT_LIMITS.maxCells} 个），${STOPPED_NOT_A_REPORT}`,
  tooWide: `文本中有一行的列数过多（超过 ${TEXT_LIMITS.maxColumns} 列），${STOPPED_NOT_A_REPORT}`,
} as const;

/** The refusal of a text file larger than the cap, naming both sizes. */
export function textTooLargeMessage(bytes: number): string {
  return `${tooLargeText(bytes, TEXT_LIMITS.maxFileBytes)}，无法按文本导入。年度报告的纯文本通常不到 ${formatSize(1024 * 1024)}，请确认选择的文件是否正确`;
}

/** A line this short starting with a section numeral is a heading, never the rest of a cell. */
const SECTION_LINE = /^\s*[一二三四五六][、.．]/;

/** Calls `each` for every line without building an array of all of them. */
function forEachLine(text: string, each: (line: string) => void): void {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let count = 0;
  while (start <= text.length) {
    let end = start;
    // Scanning by char code: a regex split of a 10 MB text holds every line at once.
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    if (++count > TEXT_LIMITS.maxLines) throw new ImportError(TEXT_MESSAGES.tooManyLines);
    each(text.slice(start, end));
    if (end >= text.length) return;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
}

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let rows: BlockCell[][] | undefined;
  let row: BlockCell[] = [];
  let tableCells = 0;
  let allCells = 0;
  let tables = 0;
  // Continuation lines only extend a cell-per-line row.
  let inCellRow = false;

  const count = (cells: number): void => {
    tableCells += cells;
    allCells += cells;
    if (tableCells > TEXT_LIMITS.maxCellsPerTable) throw new ImportError(TEXT_MESSAGES.tooLargeTable);
    if (allCells > TEXT_LIMITS.maxCells) throw new ImportError(TEXT_MESSAGES.tooManyCells);
  };
  const endRow = (): void => {
    if (row.length > 0) (rows ??= []).push(row);
    row = [];
    inCellRow = false;
  };
  const endTable = (): void => {
    endRow();
    if (rows) {
      if (++tables > TEXT_LIMITS.maxTables) throw new ImportError(TEXT_MESSAGES.tooManyTables);
      blocks.push({ kind: 'table', rows });
    }
    rows = undefined;
    tableCells = 0;
  };

  forEachLine(text, (line) => {
    if (line.trim() === '' && !line.includes('\t')) {
      endRow();
      return;
    }
    const tab = line.indexOf('\t');
    if (tab === 0 && line.indexOf('\t', 1) < 0) {
      count(1);
      row.push({ text: line.slice(1) });
      inCellRow = true;
    } else if (tab >= 0) {
      endRow();
      const tabs = line.split('\t', TEXT_LIMITS.maxColumns + 1);
      if (tabs.length > TEXT_LIMITS.maxColumns) throw new ImportError(TEXT_MESSAGES.tooWide);
      count(tabs.length);
      (rows ??= []).push(tabs.map((t) => ({ text: t })));
    } else if (inCellRow && row.length > 0 && !SECTION_LINE.test(line)) {
      const last = row.at(-1)!;
      last.text = `${last.text}\n${line}`;
    } else {
      endTable();
      blocks.push({ kind: 'paragraph', text: line });
    }
  });
  endTable();
  return blocks;
}

export function importText(text: string): ImportResult {
  if (text.trim() === '') throw new ImportError('文件是空的，没有可导入的内容');
  return recognizeReport(textToBlocks(text), 'text');
}

/**
 * Whether decoded text reads as writing: almost only printable ASCII, CJK,
 * CJK and full-width punctuation, and common symbols; no control characters.
 */
function looksLikeText(text: string): boolean {
  let odd = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x20) continue;
    total++;
    const plain =
      (c > 0x20 && c < 0x7f) ||
      (c >= 0xa0 && c <= 0x2fff && !(c >= 0x80 && c < 0xa0)) ||
      (c >= 0x3000 && c <= 0x30ff) ||
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef && c !== 0xfffd);
    if (!plain) odd++;
  }
  return total === 0 || odd / total < 0.02;
}

const NOT_TEXT = '无法读取：文件不是文本文件，或使用了无法识别的编码。请在 Word 或记事本中另存为“纯文本（UTF-8）”后再导入';

/**
 * Text from file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, and
 * GB18030/GBK — what Chinese Windows writes — when the bytes are not UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  const starts = (...prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);
  if (bytes.length > TEXT_LIMITS.maxFileBytes) throw new ImportError(textTooLargeMessage(bytes.length));
  let text: string | undefined;
  if (starts(0xef, 0xbb, 0xbf)) text = tryDecode(bytes.subarray(3), 'utf-8');
  else if (starts(0xff, 0xfe)) text = tryDecode(bytes.subarray(2), 'utf-16le');
  else if (starts(0xfe, 0xff)) text = tryDecode(bytes.subarray(2), 'utf-16be');
  else text = tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'gb18030');
  if (text === undefined || !looksLikeText(text)) throw new ImportError(NOT_TEXT);
  return text;
}
