/**
 * One value cell of the official grids in comparison mode: this year's
 * figure, last year's beside it and the change. Read-only; a click takes the
 * clerk to the cell in the editor.
 */
import { createContext, useContext } from 'react';
import type { Comparison } from '../../../shared/compare/compare.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import type { FormatId } from '../../../shared/formats/types.ts';
import { formatCellNumber } from '../../../shared/model/parseCellValue.ts';
import { useActions } from '../store/context.tsx';
import { percentText, signed } from './format.ts';

export type ComparedCell =
  | { kind: 'both'; last: number; this: number; change: number; percent: number | null; note?: string }
  | { kind: 'onlyLast'; last: number }
  | { kind: 'onlyThis'; this: number }
  /** A cell of this year's format that last year's lacks (2019 → 2021). */
  | { kind: 'new'; this: number | null };

export interface CompareGridData {
  format: FormatId;
  cells: ReadonlyMap<string, ComparedCell>;
}

/** Every cell the grids show, from one comparison. */
export function comparedCells(comparison: Comparison): ReadonlyMap<string, ComparedCell> {
  const cells = new Map<string, ComparedCell>();
  for (const c of comparison.cells) {
    cells.set(c.cell, { kind: 'both', last: c.last, this: c.this, change: c.change, percent: c.percent, ...(c.note ? { note: c.note } : {}) });
  }
  for (const c of comparison.onlyLast) cells.set(c.cell, { kind: 'onlyLast', last: c.value });
  for (const c of comparison.onlyThis) cells.set(c.cell, { kind: 'onlyThis', this: c.value });
  for (const c of comparison.unmatched.this) cells.set(c.cell, { kind: 'new', this: c.value });
  return cells;
}

export const CompareGridContext = createContext<CompareGridData | null>(null);

function describe(cell: ComparedCell | undefined): { now: string; before: string; delta: string; tone: string; title: string } {
  if (!cell) return { now: '', before: '', delta: '', tone: 'blank', title: '两年均未填写' };
  switch (cell.kind) {
    case 'both': {
      const tone = cell.change > 0 ? 'up' : cell.change < 0 ? 'down' : 'same';
      // The narrow columns of 三 hold the change; its percent is in the tooltip and the list of changes.
      const delta = cell.change === 0 ? '' : signed(cell.change);
      const change = cell.change === 0 ? '持平' : `变化 ${delta}${cell.percent === null ? '' : `（${percentText(cell.percent)}）`}`;
      const title = `上年 ${formatCellNumber(cell.last)}，本年 ${formatCellNumber(cell.this)}，${change}${cell.note ? `；${cell.note}` : ''}`;
      return { now: formatCellNumber(cell.this), before: formatCellNumber(cell.last), delta, tone, title };
    }
    case 'onlyLast':
      return { now: '未填', before: formatCellNumber(cell.last), delta: '仅上年', tone: 'one-year', title: `仅上年填写：${formatCellNumber(cell.last)}` };
    case 'onlyThis':
      return { now: formatCellNumber(cell.this), before: '未填', delta: '仅本年', tone: 'one-year', title: `仅本年填写：${formatCellNumber(cell.this)}` };
    case 'new':
      return {
        now: cell.this === null ? '' : formatCellNumber(cell.this),
        before: '',
        delta: '上年无',
        tone: 'unmatched',
        title: '上年格式没有对应的单元格',
      };
  }
}

export function CompareCell({ id }: { id: string }) {
  const data = useContext(CompareGridContext);
  const actions = useActions();
  if (!data) return null;
  const info = formatIndex(data.format).cellById.get(id);
  const shown = describe(data.cells.get(id));
  return (
    <button
      type="button"
      className={`compare-cell ${shown.tone}`}
      data-cell={id}
      title={`${info?.label ?? id}\n${shown.title}`}
      aria-label={`${info?.label ?? id}：${shown.title}`}
      onClick={() => info && actions.goTo({ page: info.table.section, cell: id })}
    >
      <span className="now">{shown.now}</span>
      {shown.before !== '' && <span className="before">{shown.before}</span>}
      {shown.delta !== '' && <span className="delta">{shown.delta}</span>}
    </button>
  );
}
