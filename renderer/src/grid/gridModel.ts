/**
 * The editor's grids: the same merged layout the exporters print (one
 * definition, shared/export/layout.ts), plus where each value cell sits so
 * that arrows, Tab, Enter and pasted blocks move the way a spreadsheet does.
 */
import { groupTables, layoutTables, type TableLayout } from '../../../shared/export/layout.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import type { FormatId, SectionKey } from '../../../shared/formats/types.ts';
import { createReport } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';

export interface GridSlot {
  id: string;
  /** First grid column and how many it covers. */
  col: number;
  colSpan: number;
}

export interface GridModel {
  key: string;
  format: FormatId;
  layout: TableLayout;
  /** Value cells by data row, left to right. */
  rows: GridSlot[][];
  /** Where each value cell is: data row index and index within that row. */
  where: ReadonlyMap<string, { row: number; index: number }>;
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'previous';

function buildGrid(format: FormatId, layout: TableLayout): GridModel {
  const rows: GridSlot[][] = [];
  const where = new Map<string, { row: number; index: number }>();
  for (const row of layout.rows) {
    if (row.kind !== 'data') continue;
    const slots: GridSlot[] = [];
    for (const cell of row.cells) {
      if (cell.role !== 'value' || !cell.cellId) continue;
      where.set(cell.cellId, { row: rows.length, index: slots.length });
      slots.push({ id: cell.cellId, col: cell.col, colSpan: cell.colSpan });
    }
    rows.push(slots);
  }
  return { key: layout.tables.join('+'), format, layout, rows, where };
}

const cache = new Map<string, GridModel[]>();

/** The grids of one section, built once per format. */
export function sectionGrids(format: FormatId, section: SectionKey): GridModel[] {
  const key = `${format}:${section}`;
  const known = cache.get(key);
  if (known) return known;
  const index = formatIndex(format);
  const def = index.format.sections.find((s) => s.key === section);
  const defs = (def?.tables ?? []).map((id) => {
    const table = index.tables.get(id);
    if (!table) throw new Error(`section ${section} names unknown table ${id}`);
    return table;
  });
  // The structure does not depend on values; an empty report supplies the cells.
  const values = evaluateReport(createReport({ format, year: index.format.firstYear, organ: '' })).cells;
  const grids = groupTables(defs).map((group) => buildGrid(format, layoutTables(group, values)));
  cache.set(key, grids);
  return grids;
}

/** The slot of row `row` that covers grid column `col`, or the nearest one. */
function slotAt(grid: GridModel, row: number, col: number): GridSlot | undefined {
  const slots = grid.rows[row];
  if (!slots || slots.length === 0) return undefined;
  return (
    slots.find((s) => col >= s.col && col < s.col + s.colSpan) ??
    slots.reduce((best, s) => (Math.abs(s.col - col) < Math.abs(best.col - col) ? s : best))
  );
}

/** The cell a key press moves to; undefined at the edge (the focus stays). */
export function moveFrom(grid: GridModel, id: string, move: Move): string | undefined {
  const at = grid.where.get(id);
  if (!at) return undefined;
  const slots = grid.rows[at.row]!;
  const here = slots[at.index]!;
  switch (move) {
    case 'up':
    case 'down': {
      const step = move === 'up' ? -1 : 1;
      for (let row = at.row + step; row >= 0 && row < grid.rows.length; row += step) {
        const slot = slotAt(grid, row, here.col);
        if (slot) return slot.id;
      }
      return undefined;
    }
    case 'left':
      return slots[at.index - 1]?.id;
    case 'right':
      return slots[at.index + 1]?.id;
    case 'next':
    case 'previous': {
      const order = grid.rows.flat();
      const position = order.findIndex((s) => s.id === id);
      return order[position + (move === 'next' ? 1 : -1)]?.id;
    }
  }
}

export interface BlockPlacement {
  assignments: Map<string, string>;
  /** Pasted values that fell outside the grid. */
  clipped: number;
}

/** A pasted block laid over the grid from `id` rightwards and downwards, by data rows and value cells. */
export function placeBlock(grid: GridModel, id: string, block: readonly (readonly string[])[]): BlockPlacement {
  const assignments = new Map<string, string>();
  let clipped = 0;
  const at = grid.where.get(id);
  if (!at) return { assignments, clipped: block.reduce((n, r) => n + r.length, 0) };
  block.forEach((values, i) => {
    const slots = grid.rows[at.row + i];
    values.forEach((raw, j) => {
      const slot = slots?.[at.index + j];
      if (slot) assignments.set(slot.id, raw);
      else clipped++;
    });
  });
  return { assignments, clipped };
}
