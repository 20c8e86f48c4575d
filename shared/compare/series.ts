/**
 * The years a chart series may hold: one organ's reports, one per year. The
 * organ is compared by the name keys the county office uses, so 某镇 and
 * 某镇人民政府 are one unit.
 */
import { nameKeys } from '../county/organName.ts';
import type { YearFigures } from './figures.ts';

export function sameOrgan(a: string, b: string): boolean {
  const keys = nameKeys(a);
  return nameKeys(b).some((key) => keys.includes(key));
}

/** One entry per year, the later-listed one winning (a clerk's re-added file replaces the earlier), oldest first. */
export function seriesYears(years: readonly YearFigures[]): YearFigures[] {
  const byYear = new Map<number, YearFigures>();
  for (const figures of years) byYear.set(figures.year, figures);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
