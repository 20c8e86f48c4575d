/** What `nianbao compare` prints: the JSON other tools read and the lines a clerk reads. */
import type { CellChange, Comparison, IndicatorChange } from '../../shared/compare/compare.ts';
import { largestChanges } from '../../shared/compare/compare.ts';
import { getFormat } from '../../shared/formats/index.ts';

function percentShown(percent: number | null): number | null {
  return percent === null ? null : Math.round(percent * 100) / 100;
}

/** Rates in percent to two decimals; counts and amounts as stated. */
function shownIndicator(value: number | null, rate: boolean): number | null {
  return rate ? percentShown(value) : value;
}

export function compareJson(comparison: Comparison) {
  const cells: Record<string, { last: number | null; this: number | null; change: number | null; percent: number | null }> = {};
  for (const c of comparison.cells) cells[c.cell] = { last: c.last, this: c.this, change: c.change, percent: percentShown(c.percent) };
  for (const c of comparison.onlyLast) cells[c.cell] = { last: c.value, this: null, change: null, percent: null };
  for (const c of comparison.onlyThis) cells[c.cell] = { last: null, this: c.value, change: null, percent: null };
  return {
    last: comparison.last,
    this: comparison.this,
    cells,
    unmatched: {
      last: comparison.unmatched.last.map(({ cell, value, reason }) => ({ cell, value, reason: reason ?? null })),
      this: comparison.unmatched.this.map(({ cell, value }) => ({ cell, value })),
    },
    indicators: comparison.indicators.map((i) => ({
      id: i.id,
      label: i.label,
      formula: i.formula,
      unit: i.rate ? '%' : '件',
      last: shownIndicator(i.last, i.rate),
      this: shownIndicator(i.this, i.rate),
    })),
    jumps: comparison.jumps.map((f) => ({ rule: f.rule, cells: f.cells, last: f.expected ?? null, this: f.actual ?? null, message: f.message })),
  };
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

function changeLine(c: CellChange): string {
  const percent = c.percent === null ? '' : `，${signed(Math.round(c.percent * 10) / 10)}%`;
  return `  ${c.label}：${c.last} → ${c.this}（${signed(c.change)}${percent}）`;
}

function indicatorText(value: number | null, rate: boolean): string {
  if (value === null) return rate ? '—（分母为 0 或未填写）' : '—';
  return rate ? `${value.toFixed(2)}%` : String(value);
}

function indicatorLine(i: IndicatorChange): string {
  return `  ${i.label}：${indicatorText(i.last, i.rate)} → ${indicatorText(i.this, i.rate)}    〔${i.formula}〕`;
}

const LARGEST = 15;

/** One name may add the city before the other (洪泽区人民政府, 淮安市洪泽区人民政府). */
function sameOrgan(a: string, b: string): boolean {
  const [x, y] = [a.replace(/\s+/g, ''), b.replace(/\s+/g, '')];
  return x === '' || y === '' || x.endsWith(y) || y.endsWith(x);
}

export function compareLines(comparison: Comparison): string[] {
  const side = (h: Comparison['last']) => `${h.organ || '（未填写机关名称）'} ${h.year}年度（${getFormat(h.format).source}格式）`;
  const lines = [`上年：${side(comparison.last)}`, `本年：${side(comparison.this)}`];
  if (!sameOrgan(comparison.last.organ, comparison.this.organ)) lines.push('注意：两份报告的机关名称不同，请确认比较的是同一机关的报告。');
  lines.push('');
  const largest = largestChanges(comparison, LARGEST);
  lines.push(largest.length === 0 ? '两年都填写的数据没有变化。' : `变化最大的 ${largest.length} 项：`);
  lines.push(...largest.map(changeLine));
  if (comparison.onlyThis.length > 0) lines.push(`仅本年填写 ${comparison.onlyThis.length} 项，仅上年填写 ${comparison.onlyLast.length} 项。`);
  else if (comparison.onlyLast.length > 0) lines.push(`仅上年填写 ${comparison.onlyLast.length} 项。`);
  const lostCells = comparison.unmatched.last.filter((c) => c.value !== null);
  if (lostCells.length > 0) lines.push(`上年格式中有、本年格式中没有对应的数据 ${lostCells.length} 项：${lostCells.map((c) => c.label).join('、')}`);
  lines.push('', '指标：', ...comparison.indicators.map(indicatorLine));
  if (comparison.jumps.length > 0) lines.push('', ...comparison.jumps.map((f) => `[提示] ${f.message}`));
  return lines;
}
