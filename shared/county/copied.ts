/**
 * How much of a unit's prose is last year's, for the county office's table:
 * the share of this year's characters (preface and the six narratives) that
 * lie in a run of N characters also found in the unit's previous report.
 *
 * Compared after dropping spaces and punctuation and writing every number as
 * one placeholder, so a paragraph copied with only its year and figures
 * changed still counts as copied — that is what the office wants to see.
 */
import { SECTION_KEYS } from '../formats/types.ts';
import type { Report } from '../model/report.ts';
import { matchRoster, type MatchRule } from './roster.ts';
import { coreNameKey } from './organName.ts';
import type { CountyUnit } from './unit.ts';

/** Long enough that stock phrases (政府信息公开工作) alone do not count, short enough to catch a clause. */
export const COPY_RUN_CHARS = 10;

/** Letters kept, numbers as one '#', everything else (spaces, punctuation, symbols) dropped. */
export function normalizeProse(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{N}+(?:[.．]\p{N}+)?/gu, '#')
    .replace(/[^\p{L}#]+/gu, '');
}

function proseParts(report: Report): string[] {
  return [report.preface.text, ...SECTION_KEYS.map((k) => report.sections[k].text)].map(normalizeProse).filter((p) => p !== '');
}

function runsOf(part: string, n: number): string[] {
  const runs: string[] = [];
  for (let i = 0; i + n <= part.length; i++) runs.push(part.slice(i, i + n));
  return runs;
}

/** Characters of `part` covered by a run found in `before`. */
function coveredChars(part: string, before: ReadonlySet<string>, whole: string, n: number): number {
  if (part.length < n) return whole.includes(part) ? part.length : 0;
  const covered = new Uint8Array(part.length);
  for (let i = 0; i + n <= part.length; i++) if (before.has(part.slice(i, i + n))) covered.fill(1, i, i + n);
  return covered.reduce((a, b) => a + b, 0);
}

/**
 * Share (0–1) of this year's prose copied from last year's, rounded to a
 * tenth of a percent; null when either report has no prose to compare.
 */
export function copiedProseShare(thisReport: Report, lastReport: Report): number | null {
  const parts = proseParts(thisReport);
  const lastParts = proseParts(lastReport);
  if (parts.length === 0 || lastParts.length === 0) return null;
  const before = new Set(lastParts.flatMap((p) => runsOf(p, COPY_RUN_CHARS)));
  // A part shorter than one run is looked for whole; parts are kept apart so no run spans two sections.
  const whole = lastParts.join('\u0000');
  let total = 0;
  let copied = 0;
  for (const part of parts) {
    total += part.length;
    copied += coveredChars(part, before, whole, COPY_RUN_CHARS);
  }
  return Math.round((copied / total) * 1000) / 1000;
}

export interface PreviousYear {
  /** The previous year's report, as the folder names it. */
  file: string;
  organ: string;
  year: number;
  /** How the two organ names were found to be one unit. */
  rule: MatchRule;
}

type YearUnit = Pick<CountyUnit, 'file' | 'organ' | 'year'>;

const byFile = (a: YearUnit, b: YearUnit) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * Each unit's report of the year before, where the folder holds one: organ
 * names matched as the roster matches them (淮安市洪泽区人民政府 ↔ 洪泽区人民政府),
 * never a guess between two. Keyed by this year's file; a unit sent twice
 * maps both copies; of two previous copies the first file is taken.
 */
export function findPreviousYear(units: readonly YearUnit[]): Map<string, PreviousYear> {
  const byYear = new Map<number, YearUnit[]>();
  for (const unit of [...units].sort(byFile)) {
    if (unit.year === null) continue;
    byYear.set(unit.year, [...(byYear.get(unit.year) ?? []), unit]);
  }
  const found = new Map<string, PreviousYear>();
  for (const [year, current] of byYear) {
    const previous = byYear.get(year - 1);
    if (!previous) continue;
    // One name per unit, as the 汇总 counts units: 甲镇 and 甲镇人民政府 are one.
    const distinct = (list: YearUnit[]) => [...new Map(list.map((u) => [coreNameKey(u.organ), u.organ])).values()];
    for (const match of matchRoster(distinct(current), distinct(previous)).matches) {
      const last = previous.find((u) => coreNameKey(u.organ) === coreNameKey(match.organ))!;
      for (const unit of current.filter((u) => coreNameKey(u.organ) === coreNameKey(match.name))) {
        found.set(unit.file, { file: last.file, organ: last.organ, year: year - 1, rule: match.rule });
      }
    }
  }
  return found;
}
