/** Builds reports for the checks tests from a few cells and prose. */
import { SECTION_KEYS, type FormatId, type SectionKey } from '../../../shared/formats/types.ts';
import { createReport, type LastYearBaseline, type NarrativeSource, type Report } from '../../../shared/model/report.ts';
import { checkReport } from '../../../shared/checks/index.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import type { Finding } from '../../../shared/checks/types.ts';

export interface ReportSpec {
  format: FormatId;
  year?: number;
  cells?: Record<string, string>;
  sections?: Partial<Record<SectionKey, string>>;
  preface?: string;
  narrativeSource?: NarrativeSource;
  lastYear?: LastYearBaseline;
}

export function buildReport(spec: ReportSpec): Report {
  const year = spec.year ?? (spec.format === 'gov2019' ? 2019 : 2023);
  const report = createReport({ format: spec.format, year, organ: '测试镇人民政府' });
  for (const [cell, raw] of Object.entries(spec.cells ?? {})) report.cells[cell] = { raw, source: 'typed' };
  for (const [key, text] of Object.entries(spec.sections ?? {})) {
    report.sections[key as SectionKey] = { text, source: spec.narrativeSource ?? 'typed' };
  }
  if (spec.preface !== undefined) report.preface = { text: spec.preface, source: 'typed' };
  if (spec.lastYear) report.lastYear = spec.lastYear;
  return report;
}

/** Findings whose rule starts with `rule`, to keep assertions about one thing. */
export function findingsOf(report: Report, rule: string): Finding[] {
  return checkReport(report).filter((f) => f.rule.startsWith(rule));
}

/** Last year's baseline as the document keeps it: every stated or computed number, and the prose. */
export function baselineOf(report: Report): LastYearBaseline {
  const values: Record<string, number | null> = {};
  for (const cell of evaluateReport(report).cells.values()) values[cell.info.id] = cell.value;
  const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, report.sections[k].text]));
  return { format: report.format, year: report.year, organ: report.organ, values, sections };
}
