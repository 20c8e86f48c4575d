/**
 * Word 97-2003 .doc files, and WPS .wps files (WPS saves its legacy format
 * in the same binary): the compound file is opened with cfb, the body text
 * is read through the piece table, split at paragraph marks, and laid into
 * the same blocks the .docx reader makes — a cell ends at a cell mark, a row
 * at the mark whose properties say so (TTP), and the row's cell boundaries
 * and merge flags give the same grid as gridSpan/vMerge in a .docx.
 */
import CFB from 'cfb';
import { STOPPED_NOT_A_REPORT } from '../file/messages.ts';
import { asNativeBytes } from '../platform.ts';
import { gridWidth, layGrid, type GridCell, type GridRow } from './grid.ts';
import { recognizeReport } from './recognize.ts';
import { ImportError, type Block, type ImportResult } from './types.ts';
import {
  DocFormatError,
  hiddenRanges,
  inRanges,
  NFIB_WORD97,
  ParagraphProps,
  readFib,
  readPieces,
  readSprms,
  rowCells,
  tableProps,
  type Piece,
  type RowCellDef,
  type Sprm,
} from './wordBinary.ts';

export const DOC_LIMITS = {
  /** A report with photos stays far below this (as for .docx). */
  maxFileBytes: 100 * 1024 * 1024,
  /** Characters of the body; a long report has some 30 000. */
  maxChars: 5_000_000,
  maxPieces: 100_000,
  /** Columns of one table; the official tables have at most 15. */
  maxColumns: 200,
  /** Cells of all tables after expanding merges. */
  maxGridCells: 250_000,
} as const;

const RESAVE = '请在 Word 或 WPS 中打开该文件，“另存为”.docx 后再导入';

export const DOC_MESSAGES = {
  tooLarge: `文件过大（超过 ${DOC_LIMITS.maxFileBytes / 1024 / 1024} MB），无法导入。若报告中插入了大量图片，可删除图片后另存为 .docx 再导入`,
  damaged: `Word 97-2003 文件（.doc/.wps）不完整或已损坏，无法读取。${RESAVE}`,
  encrypted: '文件设置了打开密码，无法读取。请在 Word 或 WPS 中取消文档密码后另存为 .docx 再导入',
  word6: `这是 Word 6.0/95 或更早版本保存的文件，暂不支持。${RESAVE}`,
  notWord: '这个文件不是 Word 文档（其中没有 Word 正文），可能是 Excel 或 PowerPoint 的旧版文件。请改选上一年度报告的 Word 文件',
  tooLong: `文档正文过长（超过 ${DOC_LIMITS.maxChars} 个字符），${STOPPED_NOT_A_REPORT}`,
  tooWide: `表格列数异常（超过 ${DOC_LIMITS.maxColumns} 列），文件可能已损坏。${RESAVE}`,
  tooManyCells: `文档中表格单元格数量异常多，${STOPPED_NOT_A_REPORT}`,
} as const;

type Container = ReturnType<typeof CFB.read>;

function stream(container: Container, name: string): Uint8Array | undefined {
  const entry = CFB.find(container, name);
  if (!entry || entry.type !== 2 || !entry.content) return undefined;
  const content = entry.content;
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

/**
 * The part of the file its FAT can address, or undefined when the header's
 * sector counts are more than the file holds (cfb would chase them). Sectors
 * past the FAT's reach belong to no stream; cfb would still split them all.
 */
function addressable(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.length < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  const sectors = Math.ceil(bytes.length / size);
  const fatSectors = view.getUint32(44, true);
  const miniFatSectors = view.getUint32(64, true);
  const difatSectors = view.getUint32(72, true);
  if (fatSectors > sectors || miniFatSectors > sectors || difatSectors > sectors) return undefined;
  // The header takes one 512-byte sector (a whole sector of 4096 in version 4).
  const reach = size + fatSectors * (size / 4) * size;
  return bytes.subarray(0, Math.min(bytes.length, Math.max(reach, size)));
}

function openContainer(bytes: Uint8Array): Container {
  const file = addressable(bytes);
  if (!file) throw new ImportError(DOC_MESSAGES.damaged);
  try {
    return CFB.read(asNativeBytes(file), { type: 'buffer' });
  } catch {
    throw new ImportError(DOC_MESSAGES.damaged);
  }
}

// ---------------------------------------------------------------- text

/**
 * Windows-1252's characters at 0x80–0x9F (the rest is Latin-1). Spelled out
 * because TextDecoder in Node decodes "windows-1252" as Latin-1.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
}

/** The body's characters, and where each piece starts in the WordDocument stream. */
function bodyText(doc: Uint8Array, pieces: Piece[], ccpText: number): string {
  const parts: string[] = [];
  for (const piece of pieces) {
    const from = piece.cpStart;
    const to = Math.min(piece.cpEnd, ccpText);
    if (to <= from) continue;
    if (piece.compressed) {
      parts.push(Array.from(doc.subarray(piece.fc, piece.fc + (to - from)), windows1252).join(''));
    } else {
      const start = piece.fc;
      let s = '';
      for (let i = 0; i < to - from; i++) s += String.fromCharCode(doc[start + 2 * i]! | (doc[start + 2 * i + 1]! << 8));
      parts.push(s);
    }
  }
  return parts.join('');
}

/** The stream offset of character `cp`, from the piece holding it. */
function fcOf(pieces: Piece[], cp: number): { fc: number; piece: Piece } | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (cp < p.cpStart) hi = mid - 1;
    else if (cp >= p.cpEnd) lo = mid + 1;
    else return { fc: p.fc + (cp - p.cpStart) * (p.compressed ? 1 : 2), piece: p };
  }
  return undefined;
}

const CELL_MARK = 0x07;
const PARAGRAPH_MARK = 0x0d;
const SECTION_MARK = 0x0c;
const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;

/** A paragraph of the body: its visible text and the table properties of its mark. */
interface Paragraph {
  text: string;
  mark: number;
  sprms: Sprm[];
}

/**
 * The body split at its paragraph marks (cell marks end paragraphs too).
 * Field codes are hidden and their results shown, as Word shows them;
 * hidden text and tracked deletions left out; line breaks and tabs kept;
 * objects, notes' anchors and soft hyphens dropped.
 */
function paragraphs(text: string, pieces: Piece[], props: ParagraphProps, hidden: readonly [number, number][]): Paragraph[] {
  const out: Paragraph[] = [];
  // Per open field: whether its result (after the separator) is being read.
  const fields: boolean[] = [];
  let current = '';
  for (let cp = 0; cp < text.length; cp++) {
    const code = text.charCodeAt(cp);
    if (code === PARAGRAPH_MARK || code === CELL_MARK || code === SECTION_MARK) {
      const at = fcOf(pieces, cp);
      const sprms = at ? props.at(at.fc) : [];
      out.push({ text: current, mark: code, sprms: at?.piece.grpprl ? [...sprms, ...readSprms(at.piece.grpprl)] : sprms });
      current = '';
      continue;
    }
    // Hidden and deleted text is not what the report shows (marks above still shape it).
    if (hidden.length > 0) {
      const at = fcOf(pieces, cp);
      if (at && inRanges(hidden, at.fc)) continue;
    }
    if (code === FIELD_BEGIN) fields.push(false);
    else if (code === FIELD_SEPARATOR) {
      if (fields.length > 0) fields[fields.length - 1] = true;
    } else if (code === FIELD_END) fields.pop();
    else if (fields.every((showing) => showing)) {
      if (code === 0x0b) current += '\n';
      else if (code === 0x09) current += '\t';
      else if (code === 0x1e) current += '-';
      else if (code >= 0x20) current += text[cp];
    }
  }
  if (current.trim() !== '') out.push({ text: current, mark: PARAGRAPH_MARK, sprms: [] });
  return out;
}

// ---------------------------------------------------------------- blocks

/** Boundaries closer than this (in twips) are one grid line: Word rounds widths per row. */
const SAME_BOUNDARY = 5;

class BlockBuilder {
  readonly blocks: Block[] = [];
  private rows: { cells: string[]; defs: RowCellDef[] }[] = [];
  private cells: string[] = [];
  private lines: string[] = [];
  /** A nested table's cells on the current line, and the paragraphs of its current cell. */
  private innerCells: string[] = [];
  private innerLines: string[] = [];
  private gridCells = 0;

  add(p: Paragraph): void {
    const { depth, rowEnd, innerCellEnd, sprms } = tableProps(p.sprms);
    const text = p.text.trim();
    if (depth === 0 || (depth === 1 && p.mark !== CELL_MARK)) {
      if (depth === 0) {
        this.endTable();
        if (text !== '') this.blocks.push({ kind: 'paragraph', text });
        return;
      }
      // A paragraph inside a cell, ended by a paragraph mark: more of the cell.
      if (text !== '') this.lines.push(text);
      return;
    }
    if (depth === 1) {
      if (rowEnd) {
        this.rows.push({ cells: this.cells, defs: rowCells(sprms) });
        this.cells = [];
        this.lines = [];
        return;
      }
      if (text !== '') this.lines.push(text);
      this.cells.push(this.lines.join('\n').trim());
      this.lines = [];
      return;
    }
    // A table nested in a cell becomes lines of tab-separated text, as in the .docx reader.
    if (rowEnd) {
      const line = this.innerCells.join('\t').trim();
      if (line !== '') this.lines.push(line);
      this.innerCells = [];
      return;
    }
    if (text !== '') this.innerLines.push(text);
    if (innerCellEnd) {
      this.innerCells.push(this.innerLines.join('\n'));
      this.innerLines = [];
    }
  }

  endTable(): void {
    if (this.cells.length > 0 || this.lines.length > 0) {
      // Cells after the last row end (a damaged or truncated table): a row of their own.
      if (this.lines.length > 0) this.cells.push(this.lines.join('\n').trim());
      this.rows.push({ cells: this.cells, defs: [] });
    }
    this.cells = [];
    this.lines = [];
    if (this.rows.length === 0) return;
    const rows = gridRows(this.rows);
    const width = gridWidth(rows);
    if (width > DOC_LIMITS.maxColumns) throw new ImportError(DOC_MESSAGES.tooWide);
    this.gridCells += width * rows.length;
    if (this.gridCells > DOC_LIMITS.maxGridCells) throw new ImportError(DOC_MESSAGES.tooManyCells);
    const grid = layGrid(rows, width);
    if (grid.length > 0) this.blocks.push({ kind: 'table', rows: grid });
    this.rows = [];
  }
}

/**
 * A table's rows on one grid: its columns are the distinct cell boundaries
 * of all rows, so a cell as wide as two columns below it spans two (what a
 * .docx says with gridSpan), and a row starting further right has empty
 * columns before it.
 */
function gridRows(rows: { cells: string[]; defs: RowCellDef[] }[]): GridRow[] {
  const edges: number[] = [];
  for (const row of rows) for (const def of row.defs) edges.push(def.left, def.right);
  edges.sort((a, b) => a - b);
  const lines: number[] = [];
  for (const edge of edges) if (lines.length === 0 || edge - lines.at(-1)! > SAME_BOUNDARY) lines.push(edge);
  if (lines.length - 1 > DOC_LIMITS.maxColumns) throw new ImportError(DOC_MESSAGES.tooWide);
  const lineOf = (x: number): number => {
    let best = 0;
    for (let i = 1; i < lines.length; i++) if (Math.abs(lines[i]! - x) < Math.abs(lines[best]! - x)) best = i;
    return best;
  };
  const width = Math.max(lines.length - 1, 0);
  return rows.map((row) => {
    const cells: GridCell[] = row.cells.map((text, i) => {
      const def = row.defs[i];
      const span = def ? Math.max(1, lineOf(def.right) - lineOf(def.left)) : 1;
      return { text, span, vMerge: def?.vMerge, hMerge: def?.hMerge };
    });
    const first = row.defs[0];
    const last = row.defs[Math.min(row.cells.length, row.defs.length) - 1];
    const before = first ? lineOf(first.left) : 0;
    const after = last && row.defs.length === row.cells.length ? Math.max(0, width - lineOf(last.right)) : 0;
    return { before, after, cells };
  });
}

/** The paragraphs and tables of a .doc/.wps body, in document order. Throws ImportError. */
export function docToBlocks(bytes: Uint8Array): Block[] {
  if (bytes.length > DOC_LIMITS.maxFileBytes) throw new ImportError(DOC_MESSAGES.tooLarge);
  const container = openContainer(bytes);
  const doc = stream(container, 'WordDocument');
  if (!doc) throw new ImportError(DOC_MESSAGES.notWord);
  try {
    const fib = readFib(doc);
    if (!fib) throw new ImportError(DOC_MESSAGES.notWord);
    if (fib.nFib < NFIB_WORD97) throw new ImportError(DOC_MESSAGES.word6);
    if (fib.encrypted) throw new ImportError(DOC_MESSAGES.encrypted);
    if (fib.ccpText > DOC_LIMITS.maxChars) throw new ImportError(DOC_MESSAGES.tooLong);
    const table = stream(container, fib.tableStream);
    if (!table) throw new ImportError(DOC_MESSAGES.damaged);
    const pieces = readPieces(table, fib, doc.length, { maxPieces: DOC_LIMITS.maxPieces });
    const text = bodyText(doc, pieces, fib.ccpText);
    const builder = new BlockBuilder();
    const props = new ParagraphProps(doc, table, stream(container, 'Data'), fib);
    for (const paragraph of paragraphs(text, pieces, props, hiddenRanges(doc, table, fib))) builder.add(paragraph);
    builder.endTable();
    return builder.blocks;
  } catch (error) {
    if (error instanceof DocFormatError) throw new ImportError(DOC_MESSAGES.damaged);
    throw error;
  }
}

export function importDoc(bytes: Uint8Array): ImportResult {
  return recognizeReport(docToBlocks(bytes), 'doc');
}
