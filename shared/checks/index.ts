/**
 * The checks engine: every rule the formats declare, applied to a report.
 * Pure and fast (the editor runs it on every change); findings are derived,
 * never stored.
 */
import { evaluateReport, type ReportValues } from '../model/values.ts';
import type { Report } from '../model/report.ts';
import { balanceFindings, sumFindings } from './arithmetic.ts';
import { compiledFormat } from './compile.ts';
import type { CheckContext } from './context.ts';
import { citationFindings } from './citation.ts';
import { decisionFindings } from './decisions.ts';
import { carriedToConfirmFindings, crossYearFindings } from './crossYear.ts';
import { infoFindings } from './info.ts';
import { narrativeFindings } from './narrative.ts';
import { formatYearFindings } from './reportFormat.ts';
import type { ExtraRules, Finding } from './types.ts';
import { blankFindings, plausibilityFindings, valueFindings } from './values.ts';

export type { ExtraRules, Finding, FindingFix, Severity } from './types.ts';

const RULE_GROUPS: ((ctx: CheckContext, out: Finding[]) => void)[] = [
  formatYearFindings,
  sumFindings,
  balanceFindings,
  valueFindings,
  blankFindings,
  plausibilityFindings,
  crossYearFindings,
  carriedToConfirmFindings,
  infoFindings,
  narrativeFindings,
  citationFindings,
  decisionFindings,
];

/**
 * `values` may be passed when the caller has already evaluated this very
 * report (the editor does); `extra` are rule sets the caller adds (loaded
 * rule packs, rulePackRules).
 */
export function checkReport(report: Report, values: ReportValues = evaluateReport(report), extra: readonly ExtraRules[] = []): Finding[] {
  const ctx: CheckContext = { report, compiled: compiledFormat(report.format), values };
  const findings: Finding[] = [];
  for (const group of RULE_GROUPS) group(ctx, findings);
  for (const rules of extra) findings.push(...rules(report, values));
  // Errors must be fixed; only warnings can be explained away.
  for (const finding of findings) {
    const ack = report.acknowledgements[finding.key];
    if (ack && finding.severity === 'warning') finding.acknowledged = ack.explanation;
  }
  return findings;
}
