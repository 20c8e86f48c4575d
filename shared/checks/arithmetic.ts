/**
 * Errors from the format's arithmetic: typed totals that disagree with their
 * parts (format.sums) and the 勾稽 balance (format.balances), once both of
 * its sides have been filled in.
 */
import type { SumEquation } from './compile.ts';
import type { Finding } from './types.ts';
import { cellValue, showStated, type CheckContext } from './context.ts';

/**
 * The rule to name for a wrong total: the first whose parts, as the table
 * states them, do not add up to it (a corner total whose row adds up fails
 * by its column).
 */
function failedRule(ctx: CheckContext, eq: SumEquation, stated: number | null): SumEquation['rules'][number] {
  const fails = eq.rules.find(({ parts }) => parts.reduce((sum, id) => sum + (cellValue(ctx, id).value ?? 0), 0) !== stated);
  return fails ?? { rule: eq.rule, parts: eq.parts };
}

export function sumFindings(ctx: CheckContext, out: Finding[]): void {
  for (const eq of ctx.compiled.sums) {
    const { target } = eq;
    const cell = cellValue(ctx, target.id);
    // A total nobody typed is computed, and an unreadable one is reported by the value rules.
    if (cell.raw === undefined || cell.parsed.status === 'invalid') continue;
    const computed = cell.computed ?? null;
    const stated = cell.parsed.status === 'number' ? cell.parsed.value : null;
    // Parts all blank read as 0 against a typed total: a total must be backed by its parts.
    const expected = stated !== null ? (computed ?? 0) : computed;
    if (expected === null || expected === stated) continue;
    const failed = failedRule(ctx, eq, stated);
    out.push({
      severity: 'error',
      rule: failed.rule.id,
      cells: [target.id, ...failed.parts],
      section: target.table.section,
      expected,
      actual: stated,
      message: `${target.label} 应为 ${expected}（${failed.rule.describe}），现为 ${showStated(cell)}`,
      key: `${eq.rule.id}:${target.id}`,
      fix: { kind: 'useComputed', cells: [target.id] },
    });
  }
}

export function balanceFindings(ctx: CheckContext, out: Finding[]): void {
  for (const eq of ctx.compiled.balances) {
    const cells = [...eq.left, ...eq.right].map((id) => cellValue(ctx, id));
    // A balance waits until both sides state something: a report just started
    // from last year's (上年结转 carried in, nothing handled yet) is unfinished,
    // not wrong, and its blanks are already listed as such.
    const stated = (ids: string[]) => ids.some((id) => cellValue(ctx, id).value !== null);
    if (!stated(eq.left) || !stated(eq.right)) continue;
    // An unreadable cell is its own error; balancing around it would only add noise.
    if (cells.some((c) => c.parsed.status === 'invalid')) continue;
    const side = (ids: string[]) => ids.reduce((sum, id) => sum + (cellValue(ctx, id).value ?? 0), 0);
    const left = side(eq.left);
    const right = side(eq.right);
    if (left === right) continue;
    out.push({
      severity: 'error',
      rule: eq.rule.id,
      cells: cells.map((c) => c.info.id),
      section: eq.section,
      expected: left,
      actual: right,
      message: `勾稽关系不平衡（${eq.column.label}）：${eq.leftText}为 ${left}，${eq.rightText}为 ${right}`,
      key: `${eq.rule.id}:${eq.rule.table}.${eq.column.id}`,
    });
  }
}
