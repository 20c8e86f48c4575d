/**
 * Year over year: every cell both years state with its change, the cells only
 * one year states, the cells one format has and the other lacks, the
 * indicators of both years and the unusual jumps. Pure; works from last
 * year's report or from the baseline this year's report keeps of it.
 */
import { jumpFindings, type YearPair } from '../checks/jumps.ts';
import type { Finding } from '../checks/types.ts';
import { formatIndex } from '../formats/index.ts';
import type { FormatId } from '../formats/types.ts';
import type { LastYearBaseline, Report } from '../model/report.ts';
import { figuresOf, type YearFigures } from './figures.ts';
import { indicatorsOf } from './indicators.ts';
import { pairCells } from './pairing.ts';

export interface ReportHeading {
  year: number;
  organ: string;
  format: FormatId;
}

export interface CellChange {
  /** This year's cell. */
  cell: string;
  /** Last year's cell it is compared with (another id only across formats). */
  lastCell: string;
  label: string;
  last: number;
  this: number;
  change: number;
  /** Change in percent of last year's value; null where last year's is 0. */
  percent: number | null;
  /** Why the pair is only approximate, where the carry-over says so. */
  note?: string;
}

export interface OneYearCell {
  cell: string;
  label: string;
  value: number;
}

export interface IndicatorChange {
  id: string;
  label: string;
  /** This year's formula (last year's when only last year's format has the indicator). */
  formula: string;
  /** Set when last year's format computes it from other cells. */
  lastFormula?: string;
  /** Counts, or rates in percent; null where not stated or the denominator is 0. */
  last: number | null;
  this: number | null;
  rate: boolean;
}

export interface Comparison {
  last: ReportHeading;
  this: ReportHeading;
  /** Cells both years state, in this year's document order. */
  cells: CellChange[];
  /** Paired cells only last year states (this year blank). */
  onlyLast: OneYearCell[];
  /** Paired cells only this year states (last year blank). */
  onlyThis: OneYearCell[];
  /** Cells of one format with no counterpart in the other (2019 → 2021), with what each year states. */
  unmatched: {
    last: { cell: string; label: string; value: number | null; reason?: string }[];
    this: { cell: string; label: string; value: number | null }[];
  };
  indicators: IndicatorChange[];
  /** Information findings on this year's cells (severity info). */
  jumps: Finding[];
}

/** Differences of amounts without float noise (万元 with up to 4 decimals). */
function tidy(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function heading(figures: YearFigures): ReportHeading {
  return { year: figures.year, organ: figures.organ, format: figures.format };
}

function compareIndicators(last: YearFigures, current: YearFigures): IndicatorChange[] {
  const lastById = new Map(indicatorsOf(last).map((i) => [i.def.id, i]));
  const thisById = new Map(indicatorsOf(current).map((i) => [i.def.id, i]));
  const ids = [...thisById.keys(), ...[...lastById.keys()].filter((id) => !thisById.has(id))];
  return ids.map((id) => {
    const now = thisById.get(id);
    const before = lastById.get(id);
    const def = (now ?? before)!.def;
    const change: IndicatorChange = {
      id,
      label: def.label,
      formula: def.formula,
      last: before?.value ?? null,
      this: now?.value ?? null,
      rate: def.denominator !== undefined,
    };
    if (now && before && before.def.formula !== now.def.formula) change.lastFormula = before.def.formula;
    return change;
  });
}

export function compareFigures(last: YearFigures, current: YearFigures): Comparison {
  const pairing = pairCells(last.format, current.format);
  const thisLabels = formatIndex(current.format).cellById;
  const lastLabels = formatIndex(last.format).cellById;
  const labelOf = (id: string): string => thisLabels.get(id)?.label ?? id;
  const cells: CellChange[] = [];
  const onlyLast: OneYearCell[] = [];
  const onlyThis: OneYearCell[] = [];
  for (const pair of pairing.pairs) {
    const before = last.values[pair.lastCell] ?? null;
    const now = current.values[pair.cell] ?? null;
    if (before === null && now === null) continue;
    if (now === null) onlyLast.push({ cell: pair.cell, label: labelOf(pair.cell), value: before! });
    else if (before === null) onlyThis.push({ cell: pair.cell, label: labelOf(pair.cell), value: now });
    else {
      const change = tidy(now - before);
      const entry: CellChange = {
        cell: pair.cell,
        lastCell: pair.lastCell,
        label: labelOf(pair.cell),
        last: before,
        this: now,
        change,
        percent: before === 0 ? null : (change / before) * 100,
      };
      if (pair.note) entry.note = pair.note;
      cells.push(entry);
    }
  }
  const yearPairs: YearPair[] = cells.map((c) => ({ cell: c.cell, last: c.last, this: c.this }));
  return {
    last: heading(last),
    this: heading(current),
    cells,
    onlyLast,
    onlyThis,
    unmatched: {
      last: pairing.unmatchedLast.map(({ cell, reason }) => ({
        cell,
        label: lastLabels.get(cell)?.label ?? cell,
        value: last.values[cell] ?? null,
        ...(reason ? { reason } : {}),
      })),
      this: pairing.unmatchedThis.map((cell) => ({ cell, label: labelOf(cell), value: current.values[cell] ?? null })),
    },
    indicators: compareIndicators(last, current),
    jumps: jumpFindings(current.format, yearPairs),
  };
}

/** `last` may be last year's report or the baseline kept in this year's (report.lastYear). */
export function compareReports(last: Report | LastYearBaseline, current: Report): Comparison {
  return compareFigures(figuresOf(last), figuresOf(current));
}

/** The comparison a report started from last year's carries with it; undefined without a baseline. */
export function compareWithBaseline(report: Report): Comparison | undefined {
  return report.lastYear ? compareReports(report.lastYear, report) : undefined;
}

/** The largest changes first: by absolute change, then by percent. */
export function largestChanges(comparison: Comparison, count: number): CellChange[] {
  return [...comparison.cells]
    .filter((c) => c.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || Math.abs(b.percent ?? 0) - Math.abs(a.percent ?? 0))
    .slice(0, count);
}
