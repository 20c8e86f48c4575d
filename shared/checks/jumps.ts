/**
 * Information findings for unusual changes against last year, from the
 * thresholds the format declares (shared/formats/jumps.ts). Not warnings:
 * a real change is no fault, the clerk may only want to say why.
 */
import { formatIndex } from '../formats/index.ts';
import { JUMP_RULES, type JumpRule } from '../formats/jumps.ts';
import type { FormatId } from '../formats/types.ts';
import type { Finding } from './types.ts';

/** One of this year's cells beside the value of the cell it pairs with last year. */
export interface YearPair {
  cell: string;
  last: number;
  this: number;
}

function isJump(rule: JumpRule, last: number, current: number): boolean {
  if (Math.abs(current - last) < rule.minChange) return false;
  if (last === 0 || current === 0) return true;
  return Math.max(current / last, last / current) >= rule.factor;
}

function describeJump(last: number, current: number): string {
  if (last === 0) return '由 0 增至';
  if (current === 0) return '降为 0，上年为';
  return current > last ? `增至上年的 ${(current / last).toFixed(1)} 倍，` : `降至上年的 1/${(last / current).toFixed(1)}，`;
}

export function jumpFindings(format: FormatId, pairs: readonly YearPair[]): Finding[] {
  const labels = formatIndex(format).cellById;
  const byCell = new Map(pairs.map((p) => [p.cell, p]));
  const findings: Finding[] = [];
  for (const rule of JUMP_RULES[format] ?? []) {
    for (const cell of rule.cells) {
      const pair = byCell.get(cell);
      const info = labels.get(cell);
      if (!pair || !info || !isJump(rule, pair.last, pair.this)) continue;
      const figure = pair.last === 0 ? `${pair.this}` : pair.this === 0 ? `${pair.last}` : `${pair.last} → ${pair.this}`;
      findings.push({
        severity: 'info',
        rule: rule.id,
        cells: [cell],
        section: info.table.section,
        expected: pair.last,
        actual: pair.this,
        message: `${info.label} ${describeJump(pair.last, pair.this)}${figure}（${rule.describe}变化异常，请核实或在报告中说明原因）`,
        key: `${rule.id}:${cell}`,
      });
    }
  }
  return findings;
}
