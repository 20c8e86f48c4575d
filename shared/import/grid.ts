/**
 * Rows of cells with spans and merge marks laid on one rectangular grid, the
 * shape the recognizer reads: a merged cell's continuations repeat its
 * anchor's text, marked as coming from above or from the left. Shared by the
 * readers of Word files (.docx and .doc), which both describe merges this way.
 */
import type { BlockCell } from './types.ts';

export interface GridCell {
  text: string;
  /** Grid columns the cell covers. */
  span: number;
  vMerge: 'restart' | 'continue' | undefined;
  hMerge: 'restart' | 'continue' | undefined;
}

export interface GridRow {
  /** Empty grid columns before the first cell and after the last. */
  before: number;
  after: number;
  cells: GridCell[];
}

interface Anchor {
  text: string;
}

/**
 * The column count: the widest row (before + spans + after). WPS writes
 * tblGrid entries that do not match its rows, and the rows are what Word and
 * WPS draw.
 */
export function gridWidth(rows: readonly GridRow[]): number {
  let width = 0;
  for (const row of rows) {
    let w = row.before + row.after;
    for (const cell of row.cells) w += cell.span;
    width = Math.max(width, w);
  }
  return width;
}

export function layGrid(rows: readonly GridRow[], width: number): BlockCell[][] {
  // The vertically merged anchor each column is open to, if any.
  const open: (Anchor | undefined)[] = new Array<Anchor | undefined>(width).fill(undefined);
  const grid: BlockCell[][] = [];
  for (const row of rows) {
    const out: BlockCell[] = [];
    for (let c = 0; c < row.before; c++) out.push({ text: '' });
    open.fill(undefined, 0, row.before);
    let col = row.before;
    let leftAnchor: Anchor | undefined;
    for (const cell of row.cells) {
      const above = cell.vMerge === 'continue' ? open[col] : undefined;
      if (above) {
        for (let c = 0; c < cell.span; c++) out.push({ text: above.text, continuation: 'above' });
        leftAnchor = undefined;
      } else if (cell.hMerge === 'continue' && leftAnchor) {
        for (let c = 0; c < cell.span; c++) out.push({ text: leftAnchor.text, continuation: 'left' });
        open.fill(undefined, col, col + cell.span);
      } else {
        const anchor: Anchor = { text: cell.text };
        out.push({ text: anchor.text });
        for (let c = 1; c < cell.span; c++) out.push({ text: anchor.text, continuation: 'left' });
        // A "continue" with nothing above is drawn by Word as the start of a merge.
        open.fill(cell.vMerge ? anchor : undefined, col, col + cell.span);
        leftAnchor = anchor;
      }
      col += cell.span;
    }
    while (out.length < width) out.push({ text: '' });
    open.fill(undefined, col, width);
    grid.push(out);
  }
  return grid;
}
