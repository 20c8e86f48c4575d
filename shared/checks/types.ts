/** What the checks engine reports. Findings are derived from the report, never stored. */
import type { SectionKey } from '../formats/types.ts';
import type { InfoField, Report } from '../model/report.ts';
import type { ReportValues } from '../model/values.ts';

/** info: worth a look, never a fault (e.g. an unusual change against last year). */
export type Severity = 'error' | 'warning' | 'info';

/** A one-click repair the editor may offer; each is safe to apply. */
export type FindingFix =
  /** Write 0 into these blank cells. */
  | { kind: 'fillZero'; cells: string[] }
  /** Replace the raw text of a cell with its normalized value (e.g. "9项" → "9"). */
  | { kind: 'normalize'; cell: string; raw: string }
  /** Remove the stored entry of a total cell so that it is computed again. */
  | { kind: 'useComputed'; cells: string[] }
  /** Write the number a rule expects into a cell, as the clerk's own entry (a carried 现行有效件数 brought up to date). */
  | { kind: 'setValue'; cell: string; raw: string }
  /** Keep a carried value the carry-over asked the clerk to confirm, and stop asking. */
  | { kind: 'confirmCarried'; cells: string[] }
  /** Replace `from` at this span of a narrative with `to`; applied only while the span still reads `from`. */
  | { kind: 'replaceText'; section: SectionKey | 'preface'; start: number; end: number; from: string; to: string };

export interface Finding {
  severity: Severity;
  /** Stable rule id, e.g. requests.results_total, balance, value.blank, narrative.year. */
  rule: string;
  /** Cell ids involved, the one to go to first. Empty for findings about prose only. */
  cells: string[];
  /** The section the clerk is taken to. */
  section: SectionKey | 'preface';
  /** For findings on a 基本信息 field (机关名称, 落款日期 …): the field to go to. */
  field?: InfoField;
  /** For prose findings: the span of text in that section's narrative. */
  span?: { start: number; end: number };
  expected?: number | string | null;
  actual?: number | string | null;
  /** Plain Chinese, naming the place, e.g. （七）总计·自然人 应为 2（各项办理结果之和），现为 空. */
  message: string;
  /** Identity used to attach an explanation (Report.acknowledgements) that survives edits elsewhere. */
  key: string;
  fix?: FindingFix;
  /** The clerk's explanation, when this warning's key is in Report.acknowledgements. */
  acknowledged?: string;
}

/** A rule set beyond the format's (a loaded rule pack): its findings on a report. */
export type ExtraRules = (report: Report, values: ReportValues) => Finding[];
