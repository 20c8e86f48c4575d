/**
 * Warnings from the format's cross-year rules (format.crossYear), read
 * against the baseline of last year's report kept in the document.
 */
import type { CrossYearRule } from '../formats/types.ts';
import { cellValue, effective, type CheckContext } from './context.ts';
import type { Finding } from './types.ts';

const HOLDS: Record<CrossYearRule['relation'], (actual: number, expected: number) => boolean> = {
  '=': (a, e) => a === e,
  '>=': (a, e) => a >= e,
  '<=': (a, e) => a <= e,
};

function message(label: string, rule: CrossYearRule, expected: number, actual: number): string {
  if (rule.relation === '=') return `${label} 应为 ${expected}（${rule.describe}），现为 ${actual}`;
  return `${label} 现为 ${actual}，应${rule.describe}（${expected}）`;
}

export function crossYearFindings(ctx: CheckContext, out: Finding[]): void {
  const last = ctx.report.lastYear;
  // A baseline from another year would compare the wrong reports.
  if (!last || last.year !== ctx.report.year - 1) return;
  for (const rule of ctx.compiled.index.format.crossYear) {
    if (!rule.lastFormats.includes(last.format)) continue;
    const actual = effective(ctx, rule.target);
    if (actual === null) continue;
    let expected = 0;
    let known = true;
    for (const term of rule.terms) {
      const v = term.year === 'last' ? last.values[term.cell] : effective(ctx, term.cell);
      if (v === null || v === undefined) {
        known = false;
        break;
      }
      expected += term.coef * v;
    }
    if (!known || HOLDS[rule.relation](actual, expected)) continue;
    const target = cellValue(ctx, rule.target).info;
    const thisYearCells = rule.terms.filter((t) => t.year === 'this' && t.cell !== rule.target).map((t) => t.cell);
    out.push({
      severity: 'warning',
      rule: rule.id,
      cells: [rule.target, ...thisYearCells],
      section: target.table.section,
      expected,
      actual,
      message: message(target.label, rule, expected, actual),
      key: `${rule.id}:${rule.target}`,
      // An equation names the one value that satisfies it; a total is fixed through its parts instead.
      ...(rule.relation === '=' && !target.computedBy ? { fix: { kind: 'setValue' as const, cell: rule.target, raw: String(expected) } } : {}),
    });
  }
}

/** Carried values the carry-over could only approximate (2019 → 2021 format) stay flagged until confirmed or retyped. */
export function carriedToConfirmFindings(ctx: CheckContext, out: Finding[]): void {
  for (const [id, entry] of Object.entries(ctx.report.cells)) {
    if (!entry.confirm) continue;
    const cell = ctx.values.cells.get(id);
    if (!cell) continue;
    out.push({
      severity: 'warning',
      rule: 'carryover.confirm',
      cells: [id],
      section: cell.info.table.section,
      message: `${cell.info.label}：${entry.confirm}`,
      key: `carryover.confirm:${id}`,
      fix: { kind: 'confirmCarried', cells: [id] },
    });
  }
}
