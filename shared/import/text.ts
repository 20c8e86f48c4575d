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
import { tryDecode } from '../platform.ts';

/** A line this short starting with a section numeral is a heading, never the rest of a cell. */
const SECTION_LINE = /^\s*[一二三四五六][、.．]/;

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let rows: BlockCell[][] | undefined;
  let row: BlockCell[] = [];
  // Continuation lines only extend a cell-per-line row.
  let inCellRow = false;

  const endRow = (): void => {
    if (row.length > 0) (rows ??= []).push(row);
    row = [];
    inCellRow = false;
  };
  const endTable = (): void => {
    endRow();
    if (rows) blocks.push({ kind: 'table', rows });
    rows = undefined;
  };

  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (line.trim() === '' && !line.includes('\t')) {
      endRow();
      continue;
    }
    const tabbed = line.startsWith('\t');
    const tabs = line.split('\t');
    if (tabbed && tabs.length === 2) {
      row.push({ text: tabs[1]! });
      inCellRow = true;
    } else if (tabs.length > 1) {
      endRow();
      (rows ??= []).push(tabs.map((t) => ({ text: t })));
    } else if (inCellRow && row.length > 0 && !SECTION_LINE.test(line)) {
      const last = row.at(-1)!;
      last.text = `${last.text}\n${line}`;
    } else {
      endTable();
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
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
  if (starts(0x50, 0x4b, 0x03, 0x04)) throw new ImportError('这是压缩文件（如 Word .docx），不是纯文本；Word 文件请用“导入 Word 文件”');
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) throw new ImportError('这是旧版 Word/WPS 文件（.doc/.wps），请先另存为 .docx 再导入');
  let text: string | undefined;
  if (starts(0xef, 0xbb, 0xbf)) text = tryDecode(bytes.subarray(3), 'utf-8');
  else if (starts(0xff, 0xfe)) text = tryDecode(bytes.subarray(2), 'utf-16le');
  else if (starts(0xfe, 0xff)) text = tryDecode(bytes.subarray(2), 'utf-16be');
  else text = tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'gb18030');
  if (text === undefined || !looksLikeText(text)) throw new ImportError(NOT_TEXT);
  return text;
}
