/**
 * What the exports must show, stated from the model and the format rather
 * than from the exporter's layout code, and the reports the tests export.
 */
import { formatIndex } from '../../../shared/formats/index.ts';
import { SECTION_KEYS, type FormatId } from '../../../shared/formats/types.ts';
import { createReport, type Report } from '../../../shared/model/report.ts';
import { evaluateReport, type CellValue } from '../../../shared/model/values.ts';
import { SAMPLES, reportFromFixture } from '../../fixtures/samples/index.ts';

/** A cell prints the number the report states (computed for untyped totals), else what was typed, else nothing. */
export function printed(cell: CellValue, blankAsZero = false): string {
  if (cell.value !== null) return String(cell.value);
  if (cell.raw !== undefined && cell.raw.trim() !== '') return cell.raw.trim();
  return blankAsZero ? '0' : '';
}

export function expectedCells(report: Report): { id: string; table: string; row: string; rowLabel: string; column: number; text: string }[] {
  const { cells } = evaluateReport(report);
  return [...cells.values()].map((cell) => ({
    id: cell.info.id,
    table: cell.info.table.id,
    row: cell.info.row.id,
    rowLabel: cell.info.row.label,
    column: cell.info.table.columns.indexOf(cell.info.column),
    text: printed(cell),
  }));
}

/** The section headings every export must print, with their numerals, in order. */
export function headings(report: Report): string[] {
  return formatIndex(report.format).format.sections.map((s) => `${s.key}、${s.title}`);
}

/** Number tokens of a stretch of text, numbered list markers (1.属于…) left out. */
export function numberTokens(text: string): string[] {
  return text.replace(/\d+\.(?=\D)/g, ' ').match(/\d+(?:\.\d+)?/g) ?? [];
}

export function countOf(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** A report with every kind of cell: typed, computed totals, a typed total that disagrees, blanks, 不适用, a unit. */
export function builtReport(format: FormatId): Report {
  const year = format === 'gov2019' ? 2020 : 2024;
  const report = createReport({ format, year, organ: '某某县某某镇人民政府' });
  formatIndex(format).cells.forEach((cell, i) => {
    if (cell.computedBy) return;
    const raw = cell.column.kind === 'amount' ? `${i}.25` : cell.column.kind === 'signedCount' ? String(-(i % 4)) : String((i * 7) % 13);
    report.cells[cell.id] = { raw, source: 'typed' };
  });
  report.preface = { text: `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, source: 'typed' };
  for (const key of SECTION_KEYS) {
    report.sections[key] = { text: `\u3000\u3000${key}的情况说明第一段。\n（一）分项情况\n第二段，含<标记>与&符号。`, source: 'typed' };
  }
  report.dateLine = `${year + 1}年1月20日`;
  return report;
}

export const SAMPLE_REPORTS = SAMPLES.map((fx) => ({ name: fx.file.replace(/\.txt$/, ''), report: reportFromFixture(fx) }));
