/**
 * The checks engine: every rule the formats declare, applied to a report.
 * Pure and fast (the editor runs it on every change); findings are derived,
 * never stored.
 */
import { SECTION_KEYS } from '../formats/types.ts';
import { evaluateReport, type ReportValues } from '../model/values.ts';
import type { Report } from '../model/report.ts';
import { balanceFindings, sumFindings } from './arithmetic.ts';
import { compiledFormat } from './compile.ts';
import type { CheckContext } from './context.ts';
import { citationFindings } from './citation.ts';
import { decisionFindings } from './decisions.ts';
import { carriedToConfirmFindings, crossYearFindings } from './crossYear.ts';
import { infoFindings } from './info.ts';
import { baselineJumpFindings } from './jumps.ts';
import { citedProseNumbers, narrativeFindings, proseNumberFindings } from './narrative.ts';
import { formatYearFindings } from './reportFormat.ts';
import type { ExtraRules, Finding } from './types.ts';
import { blankFindings, plausibilityFindings, valueFindings } from './values.ts';

export type { ExtraRules, Finding, FindingFix, Severity } from './types.ts';

type RuleGroup = (ctx: CheckContext, out: Finding[]) => void;

/**
 * A group whose findings follow from `reads` alone: it runs again only when
 * one of those values changed since its last run (compared by ===), so a
 * digit typed in a cell does not rescan the prose. Callers get copies of the
 * remembered findings, which checkReport then marks acknowledged or not.
 */
export function rememberedGroup(group: RuleGroup, reads: (ctx: CheckContext) => readonly unknown[]): RuleGroup {
  let last: { inputs: readonly unknown[]; found: Finding[] } | undefined;
  return (ctx, out) => {
    const inputs = reads(ctx);
    if (!last || inputs.length !== last.inputs.length || inputs.some((value, i) => value !== last?.inputs[i])) {
      const found: Finding[] = [];
      group(ctx, found);
      last = { inputs, found };
    }
    for (const finding of last.found) out.push({ ...finding });
  };
}

/** The prose as the prose rules read it: each place's text and where it came from. */
function proseReads({ report }: CheckContext): unknown[] {
  const reads: unknown[] = [report.format, report.year, report.preface.text, report.preface.source];
  for (const key of SECTION_KEYS) reads.push(report.sections[key].text, report.sections[key].source);
  return reads;
}

/**
 * The prose-number rules the prose cites, found again only when the prose
 * changed (one remembered answer), and the cells those rules compare with.
 */
let cited: { prose: readonly unknown[]; format: string; rules: ReturnType<typeof citedProseNumbers> } | undefined;
function citedCells(ctx: CheckContext, prose: readonly unknown[]): unknown[] {
  if (!cited || cited.format !== ctx.report.format || prose.length !== cited.prose.length || prose.some((v, i) => v !== cited?.prose[i])) {
    cited = { prose, format: ctx.report.format, rules: citedProseNumbers(ctx) };
  }
  const reads: unknown[] = [];
  for (const { rule } of cited.rules) {
    for (const id of rule.equalsAnyOf.flat()) {
      const cell = ctx.values.cells.get(id);
      reads.push(cell?.raw, cell?.value, cell?.computed);
    }
  }
  return reads;
}

const RULE_GROUPS: RuleGroup[] = [
  formatYearFindings,
  sumFindings,
  balanceFindings,
  valueFindings,
  blankFindings,
  plausibilityFindings,
  crossYearFindings,
  carriedToConfirmFindings,
  // The 基本信息 rules read the organ, its kind, the date line and the prose (the preface, a signature line).
  rememberedGroup(infoFindings, (ctx) => [...proseReads(ctx), ctx.report.organ, ctx.report.organKind, ctx.report.dateLine]),
  // The prose rules read the prose and last year's prose (preface and sections).
  rememberedGroup(narrativeFindings, (ctx) => [
    ...proseReads(ctx),
    ctx.report.lastYear?.preface,
    ...SECTION_KEYS.map((key) => ctx.report.lastYear?.sections[key]),
  ]),
  // Numbers in the prose read the prose and the cells of the rules it cites.
  rememberedGroup(proseNumberFindings, (ctx) => {
    const prose = proseReads(ctx);
    return [...prose, ...citedCells(ctx, prose)];
  }),
  rememberedGroup(citationFindings, proseReads),
  decisionFindings,
  baselineJumpFindings,
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
