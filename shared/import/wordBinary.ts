/**
 * The structures of the Word 97-2003 binary format ([MS-DOC]) the .doc
 * reader needs, read from the streams of the compound file: the FIB, the
 * piece table (CLX) giving the text, the paragraph properties (PAPX in FKP
 * pages) saying which paragraph ends a cell or a table row, and the table
 * sprms giving each row's cell boundaries and merges. Every offset read
 * from the file is checked against its stream; a bad one is a DocFormatError.
 */

/** Raised for a structure that points outside its stream or contradicts itself. */
export class DocFormatError extends Error {}

function u16(b: Uint8Array, at: number): number {
  if (at < 0 || at + 2 > b.length) throw new DocFormatError(`u16 at ${at}`);
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > b.length) throw new DocFormatError(`u32 at ${at}`);
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function i16(b: Uint8Array, at: number): number {
  const v = u16(b, at);
  return v & 0x8000 ? v - 0x10000 : v;
}

// ---------------------------------------------------------------- FIB

/** nFib of Word 97; Word 6 and 95 files carry smaller numbers and another layout. */
export const NFIB_WORD97 = 0x00c1;
const WORD_IDENT = 0xa5ec;

export interface Fib {
  nFib: number;
  encrypted: boolean;
  /** Which table stream holds the piece table: "1Table" or "0Table". */
  tableStream: '0Table' | '1Table';
  /** Characters of the main document (the body; footnotes and headers follow it). */
  ccpText: number;
  clx: { fc: number; lcb: number };
  btePapx: { fc: number; lcb: number };
  bteChpx: { fc: number; lcb: number };
}

/** The FIB at the start of the WordDocument stream, or undefined when it is not a Word FIB. */
export function readFib(doc: Uint8Array): Fib | undefined {
  if (doc.length < 32 || u16(doc, 0) !== WORD_IDENT) return undefined;
  const nFib = u16(doc, 2);
  const flags = u16(doc, 0x0a);
  const fib = {
    nFib,
    // fEncrypted; fObfuscated (XOR "encryption") is a password too.
    encrypted: (flags & 0x0100) !== 0 || (flags & 0x8000) !== 0,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
  } as const;
  if (nFib < NFIB_WORD97 || fib.encrypted) return { ...fib, ccpText: 0, clx: { fc: 0, lcb: 0 }, btePapx: { fc: 0, lcb: 0 }, bteChpx: { fc: 0, lcb: 0 } };
  const csw = u16(doc, 32);
  const rgLw = 34 + csw * 2 + 2;
  const cslw = u16(doc, rgLw - 2);
  const cbRgFcLcb = u16(doc, rgLw + cslw * 4);
  const blob = rgLw + cslw * 4 + 2;
  // fcClx is the 34th pair of FibRgFcLcb97.
  if (cslw < 4 || cbRgFcLcb < 34) throw new DocFormatError('short FIB');
  const pair = (index: number): { fc: number; lcb: number } => ({ fc: u32(doc, blob + index * 8), lcb: u32(doc, blob + index * 8 + 4) });
  return { ...fib, ccpText: u32(doc, rgLw + 12), clx: pair(33), btePapx: pair(13), bteChpx: pair(12) };
}

// ---------------------------------------------------------------- pieces

export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  /** 8-bit characters (Windows-1252) instead of UTF-16. */
  compressed: boolean;
  /** Property modifications the piece applies (a Prc's grpprl), if any. */
  grpprl?: Uint8Array;
}

export interface PieceLimits {
  maxPieces: number;
}

/** The piece table from the CLX in the table stream. */
export function readPieces(table: Uint8Array, fib: Fib, docLength: number, limits: PieceLimits): Piece[] {
  const { fc, lcb } = fib.clx;
  if (lcb === 0 || fc + lcb > table.length) throw new DocFormatError('CLX outside the table stream');
  const clx = table.subarray(fc, fc + lcb);
  const prcs: Uint8Array[] = [];
  let at = 0;
  while (at < clx.length && clx[at] === 0x01) {
    const cb = u16(clx, at + 1);
    if (at + 3 + cb > clx.length) throw new DocFormatError('Prc outside the CLX');
    prcs.push(clx.subarray(at + 3, at + 3 + cb));
    at += 3 + cb;
  }
  if (clx[at] !== 0x02) throw new DocFormatError('no Pcdt');
  const size = u32(clx, at + 1);
  const plc = at + 5;
  if (plc + size > clx.length || size < 4 || (size - 4) % 12 !== 0) throw new DocFormatError('PlcPcd size');
  const n = (size - 4) / 12;
  if (n > limits.maxPieces) throw new DocFormatError('too many pieces');
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = u32(clx, plc + i * 4);
    const cpEnd = u32(clx, plc + (i + 1) * 4);
    const pcd = plc + (n + 1) * 4 + i * 8;
    const fcValue = u32(clx, pcd + 2);
    const compressed = (fcValue & 0x40000000) !== 0;
    const raw = fcValue & 0x3fffffff;
    const start = compressed ? raw / 2 : raw;
    if (cpEnd < cpStart || start + (cpEnd - cpStart) * (compressed ? 1 : 2) > docLength) {
      throw new DocFormatError('piece outside the WordDocument stream');
    }
    const prm = u16(clx, pcd + 6);
    // A complex prm names a Prc; a simple one (a single sprm by index) carries no table property.
    const grpprl = prm & 1 ? prcs[prm >> 1] : undefined;
    pieces.push(grpprl ? { cpStart, cpEnd, fc: start, compressed, grpprl } : { cpStart, cpEnd, fc: start, compressed });
  }
  return pieces;
}

// ---------------------------------------------------------------- sprms

export interface Sprm {
  op: number;
  /** The operand's bytes (for variable-length sprms, without the size). */
  operand: Uint8Array;
}

const SPRM_TDEFTABLE = 0xd608;

/** The sprms of a grpprl, in order; a truncated last one is dropped. */
export function readSprms(grpprl: Uint8Array): Sprm[] {
  const out: Sprm[] = [];
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const op = u16(grpprl, at);
    at += 2;
    let start = at;
    let size: number;
    switch (op >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        // Variable: a size byte, or for sprmTDefTable a 16-bit size counting itself less one.
        if (op === SPRM_TDEFTABLE) {
          if (at + 2 > grpprl.length) return out;
          size = u16(grpprl, at) - 1;
          start = at + 2;
        } else {
          if (at >= grpprl.length) return out;
          size = grpprl[at]!;
          start = at + 1;
        }
    }
    if (size < 0 || start + size > grpprl.length) return out;
    out.push({ op, operand: grpprl.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}

// ---------------------------------------------------------------- paragraph properties

/** What a paragraph's properties say about tables. */
export interface ParagraphTableProps {
  /** Table depth: 0 outside tables, 1 in a table, 2 in a table nested in a cell… */
  depth: number;
  /** The paragraph mark ends a row (TTP) of the table at `depth`. */
  rowEnd: boolean;
  /** At depth ≥ 2: the mark ends a cell of the nested table. */
  innerCellEnd: boolean;
  /** The sprms of the paragraph, for a row end: its cell boundaries and merges. */
  sprms: Sprm[];
}

const SPRM_PFINTABLE = 0x2416;
const SPRM_PFTTP = 0x2417;
const SPRM_PITAP = 0x6649;
const SPRM_PFINNERTABLECELL = 0x244b;
const SPRM_PFINNERTTP = 0x244c;
const SPRM_PHUGEPAPX = 0x6646;

export function tableProps(sprms: Sprm[]): ParagraphTableProps {
  let inTable = false;
  let itap: number | undefined;
  let ttp = false;
  let innerTtp = false;
  let innerCell = false;
  for (const { op, operand } of sprms) {
    if (op === SPRM_PFINTABLE) inTable = operand[0] !== 0;
    else if (op === SPRM_PFTTP) ttp = operand[0] !== 0;
    else if (op === SPRM_PITAP && operand.length === 4) itap = u32(operand, 0);
    else if (op === SPRM_PFINNERTTP) innerTtp = operand[0] !== 0;
    else if (op === SPRM_PFINNERTABLECELL) innerCell = operand[0] !== 0;
  }
  const depth = itap ?? (inTable ? 1 : 0);
  return { depth, rowEnd: depth > 1 ? innerTtp : ttp, innerCellEnd: depth > 1 && innerCell, sprms };
}

/**
 * Paragraph sprms by the file offset of a paragraph mark: the bin table
 * (PlcBtePapx) names the 512-byte FKP page whose runs cover the offset.
 */
export class ParagraphProps {
  private readonly fcs: number[] = [];
  private readonly pages: number[] = [];

  constructor(
    private readonly doc: Uint8Array,
    table: Uint8Array,
    /** The Data stream, where properties too large for an FKP page live (sprmPHugePapx). */
    private readonly data: Uint8Array | undefined,
    fib: Fib,
  ) {
    const { fc, lcb } = fib.btePapx;
    if (lcb === 0) return;
    if (fc + lcb > table.length || (lcb - 4) % 8 !== 0) throw new DocFormatError('PlcBtePapx outside the table stream');
    const n = (lcb - 4) / 8;
    for (let i = 0; i <= n; i++) this.fcs.push(u32(table, fc + i * 4));
    for (let i = 0; i < n; i++) this.pages.push(u32(table, fc + (n + 1) * 4 + i * 4) & 0x3fffff);
  }

  /** The sprms of the paragraph whose mark is at byte `fc`; none when no page covers it. */
  at(fc: number): Sprm[] {
    const bte = upperBound(this.fcs, fc) - 1;
    if (bte < 0 || bte >= this.pages.length) return [];
    const page = this.page(this.pages[bte]!);
    const run = upperBound(page.fcs, fc) - 1;
    return run >= 0 && run < page.runs.length ? page.runs[run]! : [];
  }

  /** A table row's properties (its cells) often exceed a page: then the FKP points into the Data stream. */
  private huge(sprms: Sprm[]): Sprm[] {
    const pointer = sprms.find((s) => s.op === SPRM_PHUGEPAPX && s.operand.length === 4);
    if (!pointer) return sprms;
    const at = u32(pointer.operand, 0);
    if (!this.data) throw new DocFormatError('no Data stream');
    const size = u16(this.data, at);
    if (at + 2 + size > this.data.length) throw new DocFormatError('huge PAPX outside the Data stream');
    return readSprms(this.data.subarray(at + 2, at + 2 + size));
  }

  private readonly pageCache = new Map<number, { fcs: number[]; runs: Sprm[][] }>();

  private page(pn: number): { fcs: number[]; runs: Sprm[][] } {
    const cached = this.pageCache.get(pn);
    if (cached) return cached;
    const start = pn * 512;
    if (start + 512 > this.doc.length) throw new DocFormatError('FKP outside the WordDocument stream');
    const page = this.doc.subarray(start, start + 512);
    const crun = page[511]!;
    if (4 * (crun + 1) + 13 * crun > 511) throw new DocFormatError('FKP run count');
    const fcs: number[] = [];
    for (let i = 0; i <= crun; i++) fcs.push(u32(page, i * 4));
    const runs: Sprm[][] = [];
    for (let i = 0; i < crun; i++) {
      const offset = page[4 * (crun + 1) + 13 * i]! * 2;
      if (offset === 0) {
        runs.push([]);
        continue;
      }
      let cb = page[offset]!;
      let from = offset + 1;
      let length = 2 * cb - 1;
      if (cb === 0) {
        cb = page[offset + 1]!;
        from = offset + 2;
        length = 2 * cb;
      }
      if (from + length > 511 || length < 2) {
        runs.push([]);
        continue;
      }
      // The first two bytes are the style index; the sprms follow.
      runs.push(this.huge(readSprms(page.subarray(from + 2, from + length))));
    }
    const read = { fcs, runs };
    this.pageCache.set(pn, read);
    return read;
  }
}

/** The first index whose value is greater than `value` in an ascending list. */
function upperBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------- character properties

const SPRM_CFRMARKDEL = 0x0800;
const SPRM_CFVANISH = 0x083c;

/** A toggle operand: 1 on; 0x81 the opposite of the style's, taken as on (styles are not read). */
function toggledOn(operand: Uint8Array): boolean {
  return operand[0] === 1 || operand[0] === 0x81;
}

/**
 * The stream ranges [from, to) of text the report does not show: hidden
 * (sprmCFVanish) or deleted with changes tracked (sprmCFRMarkDel), from the
 * character runs of the CHPX FKP pages.
 */
export function hiddenRanges(doc: Uint8Array, table: Uint8Array, fib: Fib): [number, number][] {
  const { fc, lcb } = fib.bteChpx;
  if (lcb === 0) return [];
  if (fc + lcb > table.length || (lcb - 4) % 8 !== 0) throw new DocFormatError('PlcBteChpx outside the table stream');
  const n = (lcb - 4) / 8;
  const ranges: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const start = (u32(table, fc + (n + 1) * 4 + i * 4) & 0x3fffff) * 512;
    if (start + 512 > doc.length) throw new DocFormatError('FKP outside the WordDocument stream');
    const page = doc.subarray(start, start + 512);
    const crun = page[511]!;
    if (4 * (crun + 1) + crun > 511) throw new DocFormatError('FKP run count');
    for (let r = 0; r < crun; r++) {
      const offset = page[4 * (crun + 1) + r]! * 2;
      if (offset === 0 || offset >= 511) continue;
      const cb = page[offset]!;
      if (offset + 1 + cb > 511) continue;
      const hidden = readSprms(page.subarray(offset + 1, offset + 1 + cb)).some(
        (sprm) => (sprm.op === SPRM_CFVANISH || sprm.op === SPRM_CFRMARKDEL) && toggledOn(sprm.operand),
      );
      if (hidden) ranges.push([u32(page, r * 4), u32(page, (r + 1) * 4)]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Whether byte offset `fc` lies in one of the sorted `ranges`. */
export function inRanges(ranges: readonly [number, number][], fc: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid]!;
    if (fc < from) hi = mid - 1;
    else if (fc >= to) lo = mid + 1;
    else return true;
  }
  return false;
}

// ---------------------------------------------------------------- table rows

export interface RowCellDef {
  /** Left and right boundary, in twips. */
  left: number;
  right: number;
  hMerge: 'restart' | 'continue' | undefined;
  vMerge: 'restart' | 'continue' | undefined;
}

const SPRM_TVERTMERGE = 0xd62b;
const SPRM_TMERGE = 0x5624;

function mergeFlags(first: boolean, merged: boolean): 'restart' | 'continue' | undefined {
  if (merged) return 'continue';
  return first ? 'restart' : undefined;
}

/** A row's cells as its TTP's sprms define them: sprmTDefTable, then merges applied in order. */
export function rowCells(sprms: Sprm[]): RowCellDef[] {
  let cells: RowCellDef[] = [];
  for (const { op, operand } of sprms) {
    if (op === SPRM_TDEFTABLE && operand.length >= 1) {
      const count = operand[0]!;
      if (1 + (count + 1) * 2 > operand.length) continue;
      const tcs = 1 + (count + 1) * 2;
      cells = [];
      for (let i = 0; i < count; i++) {
        const tc = tcs + i * 20;
        // TC80.tcgrf: fFirstMerged, fMerged, …, fVertMerge (bit 5), fVertRestart (bit 6).
        const grf = tc + 2 <= operand.length ? u16(operand, tc) : 0;
        cells.push({
          left: i16(operand, 1 + i * 2),
          right: i16(operand, 1 + (i + 1) * 2),
          hMerge: mergeFlags((grf & 1) !== 0, (grf & 2) !== 0),
          vMerge: grf & 0x20 ? (grf & 0x40 ? 'restart' : 'continue') : undefined,
        });
      }
    } else if (op === SPRM_TVERTMERGE && operand.length >= 2) {
      const cell = cells[operand[0]!];
      if (cell) cell.vMerge = operand[1] === 0 ? undefined : operand[1]! & 2 ? 'restart' : 'continue';
    } else if (op === SPRM_TMERGE && operand.length >= 2) {
      for (let i = operand[0]!; i < operand[1]! && i < cells.length; i++) cells[i]!.hMerge = i === operand[0] ? 'restart' : 'continue';
    }
  }
  return cells;
}
