/**
 * The county's 汇总 of one year in one format: each input cell is the sum of
 * what the units state, and the totals are computed from those sums by the
 * report's own evaluation — never by adding the units' typed totals, which
 * may be wrong.
 */
import { formatIndex, getFormat } from '../formats/index.ts';
import type { FormatId } from '../formats/types.ts';
import { createReport, type Report } from '../model/report.ts';
import { evaluateReport } from '../model/values.ts';
import { coreNameKey } from './organName.ts';
import type { CountyUnit } from './unit.ts';

export interface SummaryOptions {
  year: number;
  format: FormatId;
  /** The 机关名称 of the summed report, e.g. 某县（汇总）. */
  organ?: string;
}

export interface ExcludedUnit {
  file: string;
  organ: string;
  reason: string;
}

export interface Summary {
  year: number;
  format: FormatId;
  /** The units counted, in file order. */
  units: CountyUnit[];
  excluded: ExcludedUnit[];
  /** Every cell of the format: input cells the units' sum, totals computed from it. */
  cells: Record<string, number | null>;
  /** The sums as a report, for showing and exporting in the official layout. */
  report: Report;
}

/** Amounts have at most 4 decimals (万元); keep a long sum free of binary noise. */
function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function byFile(a: CountyUnit, b: CountyUnit): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

function mismatch(unit: CountyUnit, year: number, format: FormatId): string | null {
  if (unit.year === null) return '未能识别报告年度';
  if (unit.year !== year) return `报告年度为${unit.year}年，不是${year}年`;
  if (unit.format !== format) return `使用${getFormat(unit.format).source}格式，与汇总所用的${getFormat(format).source}格式不同`;
  return null;
}

/** One report per unit: the one with fewer errors, then the first file; the others are listed with the reason. */
function dropDuplicates(units: CountyUnit[], excluded: ExcludedUnit[]): CountyUnit[] {
  const groups = new Map<string, CountyUnit[]>();
  for (const unit of units) {
    const key = coreNameKey(unit.organ);
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  const kept: CountyUnit[] = [];
  for (const group of groups.values()) {
    const [first, ...rest] = [...group].sort((a, b) => a.errors - b.errors || byFile(a, b));
    if (!first) continue;
    kept.push(first);
    for (const other of rest) {
      const why = other.errors > first.errors ? '计入错误较少的一份' : '错误数相同，计入文件名在前的一份';
      excluded.push({ file: other.file, organ: other.organ, reason: `与“${first.file}”是同一单位（${first.organ}）同一年度，只计入一份：${why}` });
    }
  }
  return kept.sort(byFile);
}

export function summarize(all: readonly CountyUnit[], options: SummaryOptions): Summary {
  const { year, format } = options;
  const excluded: ExcludedUnit[] = [];
  const fitting: CountyUnit[] = [];
  for (const unit of [...all].sort(byFile)) {
    const reason = mismatch(unit, year, format);
    if (reason) excluded.push({ file: unit.file, organ: unit.organ, reason });
    else fitting.push(unit);
  }
  const units = dropDuplicates(fitting, excluded);

  const report = createReport({ format, year, organ: options.organ ?? '汇总' });
  const inputs = formatIndex(format).cells.filter((c) => !c.computedBy);
  for (const cell of inputs) {
    let sum = 0;
    for (const unit of units) sum += unit.inputs[cell.id] ?? 0;
    report.cells[cell.id] = { raw: String(round(sum)), source: 'imported' };
  }
  const cells: Record<string, number | null> = {};
  for (const [id, cell] of evaluateReport(report).cells) cells[id] = cell.value;
  return { year, format, units, excluded, cells, report };
}
