/**
 * Findings about single cells: unreadable entries, entries read with a
 * normalization (units, 元→万元), blanks where a number is expected, and
 * implausible values.
 */
import type { NormalizationNote } from '../model/parseCellValue.ts';
import type { CellValue } from '../model/values.ts';
import { cellValue, type CheckContext } from './context.ts';
import type { Finding } from './types.ts';

/** Normalizations worth telling the clerk about; full-width digits and thousands grouping are read silently. */
const NOTE_TEXT: Partial<Record<NormalizationNote, (cell: CellValue, notes: NormalizationNote[]) => string | undefined>> = {
  unit: (cell, notes) =>
    notes.includes('yuanToWan') || cell.parsed.status !== 'number' ? undefined : `去掉单位“${cell.parsed.unit ?? ''}”`,
  yuanToWan: () => '由元换算为万元',
  zeroWord: (cell) => `“${(cell.raw ?? '').trim()}”视为 0`,
  rounded: () => '四舍五入保留4位小数',
  zeroDecimals: () => '小数点后均为0，按整数计；“.”不是千位分隔符',
};

function unitSuffix(cell: CellValue): string {
  return cell.info.column.unit ? ` ${cell.info.column.unit}` : '';
}

export function valueFindings(ctx: CheckContext, out: Finding[]): void {
  for (const cell of ctx.values.cells.values()) {
    const { info, parsed } = cell;
    if (parsed.status === 'invalid') {
      out.push({
        severity: 'error',
        rule: 'value.invalid',
        cells: [info.id],
        section: info.table.section,
        actual: cell.raw ?? null,
        message: `${info.label}：${parsed.message}`,
        key: `value.invalid:${info.id}`,
      });
      continue;
    }
    if (parsed.status !== 'number' || cell.raw === undefined) continue;
    const reasons = parsed.notes.flatMap((note) => NOTE_TEXT[note]?.(cell, parsed.notes) ?? []);
    if (reasons.length === 0) continue;
    const normalized = String(parsed.value);
    out.push({
      severity: 'warning',
      rule: 'value.normalized',
      cells: [info.id],
      section: info.table.section,
      expected: normalized,
      actual: cell.raw,
      message: `${info.label} 填写为“${cell.raw.trim()}”，按 ${normalized}${unitSuffix(cell)} 计（${reasons.join('，')}）`,
      key: `value.normalized:${info.id}`,
      fix: { kind: 'normalize', cell: info.id, raw: normalized },
    });
  }
}

export function blankFindings(ctx: CheckContext, out: Finding[]): void {
  for (const { table, name, inputs } of ctx.compiled.tables) {
    const blanks = inputs.filter((id) => cellValue(ctx, id).parsed.status === 'blank');
    if (blanks.length === 0) continue;
    out.push({
      severity: 'warning',
      rule: 'value.blank',
      cells: blanks,
      section: table.section,
      actual: blanks.length,
      message: `${name} 有 ${blanks.length} 个单元格未填写，如确无数据应填 0`,
      // Per table, so an explanation (e.g. 本机关无此类事项) survives filling some cells.
      key: `value.blank:${table.id}`,
      fix: { kind: 'fillZero', cells: blanks },
    });
  }
}

export function plausibilityFindings(ctx: CheckContext, out: Finding[]): void {
  const max = ctx.compiled.index.format.plausibleAmountMaxWan;
  for (const info of ctx.compiled.amounts) {
    const value = cellValue(ctx, info.id).value;
    if (value === null || value <= max) continue;
    out.push({
      severity: 'warning',
      rule: 'plausibility.amount',
      cells: [info.id],
      section: info.table.section,
      expected: max,
      actual: value,
      message: `${info.label} 为 ${value} 万元，数额异常偏大（超过 ${max} 万元），是否误按“元”填写？请核实单位`,
      key: `plausibility.amount:${info.id}`,
    });
  }
  for (const { base, change } of ctx.compiled.signedPairs) {
    const b = cellValue(ctx, base.id).value;
    const c = cellValue(ctx, change.id).value;
    if (b === null || c === null || b + c >= 0) continue;
    out.push({
      severity: 'warning',
      rule: 'plausibility.negativeCount',
      cells: [change.id, base.id],
      section: change.table.section,
      expected: 0,
      actual: b + c,
      message: `${change.label} 为 ${c}，加${base.column.label} ${b} 后为 ${b + c}，项目数量不能为负数`,
      key: `plausibility.negativeCount:${change.id}`,
    });
  }
}
