/**
 * 四 entered both ways: a result column the clerk typed that differs from
 * the counts entered by decision type. Neither is overwritten; the clerk
 * decides (the fix writes the roll-up, as the clerk's own entry).
 */
import { rollUpDecisions } from '../model/decisions.ts';
import { cellValue, showStated, type CheckContext } from './context.ts';
import type { Finding } from './types.ts';

export function decisionFindings(ctx: CheckContext, out: Finding[]): void {
  for (const { cell: id, value, parts } of rollUpDecisions(ctx.report.appealDecisions)) {
    if (!ctx.values.cells.has(id)) continue;
    const cell = cellValue(ctx, id);
    if (cell.raw === undefined || cell.parsed.status === 'invalid' || cell.value === value) continue;
    const added = parts.length > 0 ? parts.map((p) => `${p.label} ${p.count}`).join(' + ') : '没有归入此栏的决定';
    out.push({
      severity: 'warning',
      rule: 'appeals.decisions',
      cells: [id],
      section: cell.info.table.section,
      expected: value,
      actual: cell.value,
      message: `${cell.info.label} 填写为 ${showStated(cell)}，按决定类型汇总为 ${value}（${added}），请核对`,
      key: `appeals.decisions:${id}`,
      fix: { kind: 'setValue', cell: id, raw: String(value) },
    });
  }
}
