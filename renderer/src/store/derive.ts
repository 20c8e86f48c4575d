/**
 * Everything the editor shows that follows from the report: values, computed
 * totals, findings, the mark each cell carries and the counts per section.
 * Derived once per report object (the store replaces the object on every
 * edit), so two hundred cell selectors share one evaluation.
 */
import { checkReport, type Finding, type Severity } from '../../../shared/checks/index.ts';
import { SECTION_KEYS, type SectionKey } from '../../../shared/formats/types.ts';
import type { CellEntry, Report } from '../../../shared/model/report.ts';
import { evaluateReport, type ReportValues } from '../../../shared/model/values.ts';
import { packGeneration, packRules } from '../rules/rulePacks.ts';

export type PageKey = 'info' | SectionKey;

export interface CellMark {
  severity: Severity;
  message: string;
  acknowledged: boolean;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
}

export interface Derived {
  values: ReportValues;
  findings: Finding[];
  /** The finding a cell shows in place: the most severe open one naming it. */
  marks: ReadonlyMap<string, CellMark>;
  /** Open findings per editor page (explained warnings are not counted). */
  counts: Readonly<Record<PageKey, FindingCounts>>;
  total: FindingCounts;
}

/**
 * Value rules concern each cell they name; other rules are shown at the cell
 * to go to. Blank cells are visibly empty already: a fresh report would be
 * all warning borders, so blanks are listed in the panel only.
 */
function markedCells(finding: Finding): readonly string[] {
  if (finding.rule === 'value.blank') return [];
  return finding.rule.startsWith('value.') ? finding.cells : finding.cells.slice(0, 1);
}

function rank(mark: CellMark): number {
  if (mark.acknowledged) return 0;
  return mark.severity === 'error' ? 2 : 1;
}

export function pageOf(finding: Finding): PageKey {
  return finding.section === 'preface' ? 'info' : finding.section;
}

export function isOpen(finding: Finding): boolean {
  return finding.acknowledged === undefined;
}

/**
 * React keys for a list of findings: each finding's own key, numbered if it
 * repeats. Stable as findings come and go, so an edit does not rebuild the
 * rows after the one that changed.
 */
export function listKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const n = (seen.get(finding.key) ?? 0) + 1;
    seen.set(finding.key, n);
    return n === 1 ? finding.key : `${finding.key}#${n}`;
  });
}

function computeDerived(report: Report): Derived {
  const values = evaluateReport(report);
  const findings = checkReport(report, values, packRules());
  const marks = new Map<string, CellMark>();
  const counts = Object.fromEntries(
    (['info', ...SECTION_KEYS] as PageKey[]).map((key) => [key, { errors: 0, warnings: 0 }]),
  ) as Record<PageKey, FindingCounts>;
  const total: FindingCounts = { errors: 0, warnings: 0 };
  for (const finding of findings) {
    const mark: CellMark = { severity: finding.severity, message: finding.message, acknowledged: !isOpen(finding) };
    for (const id of markedCells(finding)) {
      const existing = marks.get(id);
      if (!existing || rank(mark) > rank(existing)) marks.set(id, mark);
    }
    if (!isOpen(finding)) continue;
    const bucket = counts[pageOf(finding)];
    if (finding.severity === 'error') {
      bucket.errors++;
      total.errors++;
    } else {
      bucket.warnings++;
      total.warnings++;
    }
  }
  return { values, findings, marks, counts, total };
}

let last: { report: Report; generation: number; derived: Derived } | undefined;

export function derive(report: Report): Derived {
  // Loading or removing a rule pack changes the findings of the same report.
  const generation = packGeneration();
  if (last?.report !== report || last.generation !== generation) last = { report, generation, derived: computeDerived(report) };
  return last.derived;
}

/** What one grid cell shows: what is stored, its computed value and its mark. */
export interface CellView {
  entry: CellEntry | undefined;
  computed: number | null | undefined;
  mark: CellMark | undefined;
}

function sameMark(a: CellMark | undefined, b: CellMark | undefined): boolean {
  return a?.severity === b?.severity && a?.message === b?.message && a?.acknowledged === b?.acknowledged;
}

const views = new Map<string, { report: Report; generation: number; view: CellView }>();

/**
 * A cell's view, the same object for as long as nothing in it changes, so
 * each cell needs one subscription and a keystroke wakes only the cells it
 * changed. Called for every cell on every edit, so an unchanged cell
 * allocates nothing.
 */
export function cellView(report: Report, id: string): CellView {
  const cached = views.get(id);
  const generation = packGeneration();
  if (cached?.report === report && cached.generation === generation) return cached.view;
  const derived = derive(report);
  const entry = report.cells[id];
  const computed = derived.values.cells.get(id)?.computed;
  const mark = derived.marks.get(id);
  if (cached) {
    const { view } = cached;
    cached.report = report;
    cached.generation = generation;
    if (view.entry === entry && view.computed === computed && sameMark(view.mark, mark)) return view;
    cached.view = { entry, computed, mark };
    return cached.view;
  }
  const view: CellView = { entry, computed, mark };
  views.set(id, { report, generation, view });
  return view;
}
