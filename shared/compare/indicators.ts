/** Evaluates the indicators a format declares (shared/formats/indicators.ts) on one year's figures. */
import { INDICATORS, type IndicatorDef } from '../formats/indicators.ts';
import type { YearFigures } from './figures.ts';

export interface IndicatorValue {
  def: IndicatorDef;
  /** A count, or a rate in percent; null when no cell states a figure or a rate's denominator is 0. */
  value: number | null;
}

function sum(figures: YearFigures, cells: readonly string[]): { total: number; stated: boolean } {
  let total = 0;
  let stated = false;
  for (const cell of cells) {
    const v = figures.values[cell];
    if (v === null || v === undefined) continue;
    total += v;
    stated = true;
  }
  return { total, stated };
}

export function indicatorValue(def: IndicatorDef, figures: YearFigures): number | null {
  const numerator = sum(figures, def.numerator);
  if (!def.denominator) return numerator.stated ? numerator.total : null;
  const denominator = sum(figures, def.denominator);
  if (denominator.total === 0) return null;
  return (numerator.total / denominator.total) * 100;
}

export function indicatorsOf(figures: YearFigures): IndicatorValue[] {
  return (INDICATORS[figures.format] ?? []).map((def) => ({ def, value: indicatorValue(def, figures) }));
}
