/**
 * Matching the units a county office expects (its roster) to the organs
 * named in the reports it received. Tolerant, but never a guess: every match
 * says how it was made, and a name that fits more than one organ is left
 * for the office to decide.
 */
import { nameKeys, sameNameKey } from './organName.ts';

export type MatchRule = 'same' | 'core' | 'substring';

export const MATCH_RULE_TEXT: Record<MatchRule, string> = {
  same: '名称相同',
  core: '去掉“中共”“人民政府”等字样、括号，或按括号内外的名称后相同',
  substring: '一个名称是另一个省去前面地名的简称，且只与这一个单位如此',
};

export interface RosterMatch {
  /** The roster line as written. */
  name: string;
  /** The organ as its report writes it. */
  organ: string;
  rule: MatchRule;
  how: string;
}

export interface RosterAmbiguity {
  name: string;
  /** Every organ the name could be, so the office can choose. */
  candidates: string[];
  /** Other roster names that fit the same single organ (empty when the name itself fits several). */
  rivals: string[];
  rule: MatchRule;
}

export interface RosterResult {
  matches: RosterMatch[];
  ambiguous: RosterAmbiguity[];
  /** Roster names with no organ at all. */
  unmatched: string[];
  /** Organs that no roster line names. */
  unlisted: string[];
}

/** Roster file text: one name a line; blank lines, surrounding spaces and repeats dropped. */
export function parseRoster(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/u)) {
    const name = line.trim();
    if (name === '' || seen.has(sameNameKey(name))) continue;
    seen.add(sameNameKey(name));
    names.push(name);
  }
  return names;
}

/** The shorter ends the longer: a name with the higher region left off (洪泽区 of 淮安市洪泽区). */
function endsLike(a: string, b: string): boolean {
  if (a.length === b.length) return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  // Two characters (财政, 县委) are too short to tell units apart; a region followed by more (沭阳县 of 沭阳县委) is another unit.
  return short.length >= 3 && long.endsWith(short);
}

const anyPair = (a: string, b: string, fits: (x: string, y: string) => boolean) =>
  nameKeys(a).some((x) => nameKeys(b).some((y) => fits(x, y)));

const RULES: { rule: MatchRule; fits: (name: string, organ: string) => boolean }[] = [
  { rule: 'same', fits: (n, o) => sameNameKey(n) === sameNameKey(o) },
  { rule: 'core', fits: (n, o) => anyPair(n, o, (x, y) => x === y) },
  { rule: 'substring', fits: (n, o) => anyPair(n, o, endsLike) },
];

/**
 * Rules from strictest to loosest; each pass only sees the names and organs
 * the stricter ones left, so 洪泽区 matched exactly is no candidate for a
 * looser name elsewhere. `organs` may repeat (one organ, several years).
 */
export function matchRoster(roster: readonly string[], organs: readonly string[]): RosterResult {
  const distinct = [...new Map(organs.map((o) => [sameNameKey(o), o])).values()];
  const freeOrgans = new Set(distinct);
  let pending = [...roster];
  const matches: RosterMatch[] = [];
  const ambiguous: RosterAmbiguity[] = [];
  for (const { rule, fits } of RULES) {
    const found = pending.map((name) => ({ name, candidates: [...freeOrgans].filter((o) => fits(name, o)) }));
    // An organ two names both fit uniquely is ambiguous for both: neither takes it.
    const claims = new Map<string, number>();
    for (const f of found) if (f.candidates.length === 1) claims.set(f.candidates[0]!, (claims.get(f.candidates[0]!) ?? 0) + 1);
    const next: string[] = [];
    for (const { name, candidates } of found) {
      const [only] = candidates;
      if (candidates.length === 1 && only !== undefined && claims.get(only) === 1) {
        matches.push({ name, organ: only, rule, how: MATCH_RULE_TEXT[rule] });
      } else if (candidates.length > 0) {
        const rivals = candidates.length === 1 ? found.filter((f) => f.name !== name && f.candidates.length === 1 && f.candidates[0] === only).map((f) => f.name) : [];
        ambiguous.push({ name, candidates, rivals, rule });
      } else next.push(name);
    }
    for (const m of matches) freeOrgans.delete(m.organ);
    pending = next;
  }
  const order = new Map(roster.map((n, i) => [n, i]));
  const byRoster = (a: { name: string }, b: { name: string }) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0);
  return { matches: matches.sort(byRoster), ambiguous: ambiguous.sort(byRoster), unmatched: pending, unlisted: [...freeOrgans] };
}

export interface RosterUnit {
  file: string;
  organ: string;
  year: number | null;
}

export interface MissingUnit {
  name: string;
  reason: string;
}

export interface RosterCheck {
  /** Roster names matched to a unit of the year, with the files of that unit. */
  matches: (RosterMatch & { files: string[] })[];
  /** Roster names with no report of the year: absent, only another year's report, or more than one candidate. */
  missing: MissingUnit[];
  /** Organs of the year no roster line names. */
  unlisted: string[];
}

function ambiguityText(a: RosterAmbiguity): string {
  if (a.rivals.length > 0) return `与名单中的“${a.rivals.join('”“')}”都对应${a.candidates[0]}`;
  return `名称可对应多个单位（${a.candidates.join('、')}）`;
}

function filesOf(units: readonly RosterUnit[], organ: string): string[] {
  return units.filter((u) => sameNameKey(u.organ) === sameNameKey(organ)).map((u) => u.file);
}

/**
 * The roster against one year's units first; names still unmatched are
 * then tried against the other years', to tell "sent last year's report"
 * from "sent nothing".
 */
export function checkRoster(roster: readonly string[], ofYear: readonly RosterUnit[], others: readonly RosterUnit[]): RosterCheck {
  const current = matchRoster(roster, ofYear.map((u) => u.organ));
  const missing: MissingUnit[] = current.ambiguous.map((a) => ({ name: a.name, reason: `${ambiguityText(a)}，未自动认定，请核对` }));
  const elsewhere = matchRoster(current.unmatched, others.map((u) => u.organ));
  for (const m of elsewhere.matches) {
    const years = [...new Set(others.filter((u) => sameNameKey(u.organ) === sameNameKey(m.organ)).map((u) => u.year ?? '未识别'))];
    missing.push({ name: m.name, reason: `只有其他年度（${years.join('、')}）的报告：${filesOf(others, m.organ).join('、')}（${m.organ}，${m.how}）` });
  }
  for (const a of elsewhere.ambiguous) missing.push({ name: a.name, reason: `未收到本年度报告；其他年度中${ambiguityText(a)}` });
  for (const name of elsewhere.unmatched) missing.push({ name, reason: '未收到报告' });
  const order = new Map(roster.map((n, i) => [n, i]));
  missing.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  return {
    matches: current.matches.map((m) => ({ ...m, files: filesOf(ofYear, m.organ) })),
    missing,
    unlisted: current.unlisted,
  };
}
