/**
 * Starts this year's report from last year's: the format follows the year
 * (2020 → 2021 upgrades gov2019 to gov2021), carried values come from the
 * format's carry-over mapping, last year's prose is kept as a marked draft,
 * and last year's figures are kept as a baseline for the cross-year checks.
 */
import { formatForYear, formatIndex, getFormat } from '../formats/index.ts';
import { SECTION_KEYS } from '../formats/types.ts';
import type { FormatId, SectionKey } from '../formats/types.ts';
import { createReport, type LastYearBaseline, type Report } from '../model/report.ts';
import { evaluateReport } from '../model/values.ts';

export interface CarryOverNote {
  kind: 'carried' | 'confirm' | 'dropped' | 'upgraded';
  cells: string[];
  message: string;
}

export interface NextYearResult {
  report: Report;
  notes: CarryOverNote[];
}

export class CarryOverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CarryOverError';
  }
}

function lastYearBaseline(lastYear: Report): LastYearBaseline {
  const { cells } = evaluateReport(lastYear);
  const values: Record<string, number | null> = {};
  for (const [id, cell] of cells) values[id] = cell.value;
  const sections: Partial<Record<SectionKey, string>> = {};
  for (const key of SECTION_KEYS) {
    const text = lastYear.sections[key].text;
    if (text.trim() !== '') sections[key] = text;
  }
  const baseline: LastYearBaseline = { format: lastYear.format, year: lastYear.year, organ: lastYear.organ, values, sections };
  if (lastYear.preface.text.trim() !== '') baseline.preface = lastYear.preface.text;
  return baseline;
}

/** A number as our cells store it: integers plainly, amounts without float noise. */
function rawNumber(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

export function startNextYear(lastYear: Report, year: number = lastYear.year + 1): NextYearResult {
  if (!Number.isInteger(year) || year <= lastYear.year) {
    throw new CarryOverError(`新报告的年度（${year}年）应晚于上年报告的年度（${lastYear.year}年）`);
  }
  const format: FormatId = formatForYear(year);
  const definition = getFormat(format);
  const mapping = definition.carryOver.find((m) => m.fromFormat === lastYear.format);
  if (!mapping) {
    throw new CarryOverError(`无法从${getFormat(lastYear.format).source}格式的报告转为${definition.source}格式`);
  }

  const report = createReport({ format, year, organ: lastYear.organ });
  const baseline = lastYearBaseline(lastYear);
  report.lastYear = baseline;
  for (const key of SECTION_KEYS) {
    report.sections[key] = { text: lastYear.sections[key].text, source: 'carried' };
  }
  report.preface = { text: lastYear.preface.text, source: 'carried' };

  const notes: CarryOverNote[] = [];
  if (format !== lastYear.format) {
    notes.push({
      kind: 'upgraded',
      cells: [],
      message: `${year}年度报告应使用${definition.source}规定的格式，已由上年的${getFormat(lastYear.format).source}格式转换`,
    });
  }

  const labels = formatIndex(format).cellById;
  const carried: string[] = [];
  for (const rule of mapping.rules) {
    // Only leaf cells are carried: a total left unstored is computed from its
    // carried parts, so changing one part changes the total with it.
    if (labels.get(rule.target)?.computedBy) continue;
    const terms = rule.from.map((t) => ({ value: baseline.values[t.cell] ?? null, coef: t.coef }));
    // Nothing to carry when last year stated none of the parts.
    if (terms.every((t) => t.value === null)) continue;
    const value = terms.reduce((sum, t) => sum + (t.value ?? 0) * t.coef, 0);
    report.cells[rule.target] = rule.confirm
      ? { raw: rawNumber(value), source: 'carried', confirm: rule.confirm }
      : { raw: rawNumber(value), source: 'carried' };
    carried.push(rule.target);
    if (rule.confirm) {
      notes.push({ kind: 'confirm', cells: [rule.target], message: `${labels.get(rule.target)?.label ?? rule.target}：${rule.confirm}` });
    }
  }
  if (carried.length > 0) {
    notes.push({ kind: 'carried', cells: carried, message: `已从${lastYear.year}年度报告结转 ${carried.length} 项数据` });
  }

  // Report only what last year actually stated: an all-blank dropped item loses nothing.
  for (const dropped of mapping.dropped) {
    const lost = dropped.cells.filter((id) => {
      const v = baseline.values[id];
      return v !== null && v !== undefined && v !== 0;
    });
    if (lost.length > 0) notes.push({ kind: 'dropped', cells: lost, message: `${dropped.reason}，上年的相应数据未结转` });
  }
  return { report, notes };
}

/**
 * Where a carried cell's value came from, as its tooltip says it: the cells
 * of last year's report its carry-over rule reads (上年报告的“现行有效件数”),
 * not the generic 上年结转, which is also the name of a row of 三.
 */
export function carriedFrom(format: FormatId, lastFormat: FormatId | undefined, cell: string): string {
  const mapping = getFormat(format).carryOver.find((m) => m.fromFormat === (lastFormat ?? format));
  const rule = mapping?.rules.find((r) => r.target === cell);
  if (!rule) return '取自上年报告的数值';
  const lastIndex = formatIndex(lastFormat ?? format);
  const names = rule.from.map(({ cell: from }) => {
    const info = lastIndex.cellById.get(from);
    const row = info?.row.shortLabel ?? from;
    return info && info.table.columns.length > 1 ? `${row}·${info.column.label}` : row;
  });
  return `取自上年报告的“${names.join('”“')}”`;
}
