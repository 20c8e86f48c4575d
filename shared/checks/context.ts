/** What every rule module reads: the report, its compiled format and its evaluated values. */
import type { CellValue, ReportValues } from '../model/values.ts';
import type { Report } from '../model/report.ts';
import type { CompiledFormat } from './compile.ts';

export interface CheckContext {
  report: Report;
  compiled: CompiledFormat;
  values: ReportValues;
}

export function cellValue(ctx: CheckContext, id: string): CellValue {
  const cell = ctx.values.cells.get(id);
  if (!cell) throw new Error(`unknown cell ${id}`);
  return cell;
}

/** The number a cell contributes to an equation; null when it holds none. */
export function effective(ctx: CheckContext, id: string): number | null {
  return cellValue(ctx, id).value;
}

/** How a stated value reads in a message: the number, 空 for blank, else the text as written. */
export function showStated(cell: CellValue): string {
  if (cell.parsed.status === 'number') return String(cell.parsed.value);
  if (cell.parsed.status === 'blank') return '空';
  return (cell.raw ?? '').trim();
}
