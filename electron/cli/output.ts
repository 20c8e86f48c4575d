/** What the command line prints: the JSON shapes other tools read, and the Chinese lines clerks read. */
import type { Finding } from '../../shared/checks/types.ts';
import { describeCell, describeTable } from '../../shared/formats/describe.ts';
import { SECTION_KEYS, getFormat } from '../../shared/formats/index.ts';
import { IMPORT_SOURCE_NAMES, type ImportReport } from '../../shared/import/types.ts';
import type { Report } from '../../shared/model/report.ts';
import { evaluateReport } from '../../shared/model/values.ts';

export function findingsJson(findings: readonly Finding[]) {
  return findings.map((f) => ({
    severity: f.severity,
    rule: f.rule,
    cells: f.cells,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    message: f.message,
    // The finding's identity, as the office's workspace file (年报汇总审核.json) records verdicts by it.
    key: f.key,
  }));
}

export function checkJson(report: Report, findings: Finding[]) {
  return { format: report.format, year: report.year, organ: report.organ, findings: findingsJson(findings) };
}

export interface ShownCell {
  /** Stored text; null when nothing is stored. */
  raw: string | null;
  /** The number the report states (万元 for amounts); null when blank, not applicable or not a number. */
  value: number | null;
  /** For total cells: the sum of their parts. */
  computed?: number | null;
  /** typed | imported | carried | override | computed (a total nobody typed) | blank (nothing stored). */
  source: string;
}

export function showJson(report: Report) {
  const { cells } = evaluateReport(report);
  const shown: Record<string, ShownCell> = {};
  for (const [id, cell] of cells) {
    const entry: ShownCell = {
      raw: cell.raw ?? null,
      value: cell.value,
      source: cell.raw === undefined && !cell.info.computedBy ? 'blank' : cell.provenance,
    };
    if (cell.info.computedBy) entry.computed = cell.computed ?? null;
    shown[id] = entry;
  }
  const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, report.sections[key].text]));
  return { format: report.format, year: report.year, organ: report.organ, preface: report.preface.text, sections, cells: shown };
}

/** `year` null: the file named none (an imported blank template), so none is printed. */
export function describeReport(report: Report, year: number | null = report.year): string {
  const when = year === null ? '（年度未识别）' : `${year}年度`;
  return `${report.organ || '（未填写机关名称）'} ${when}政府信息公开工作年度报告（${getFormat(report.format).source}格式）`;
}

export function findingLines(findings: Finding[]): string[] {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const lines = findings.map((f) => `[${f.severity === 'error' ? '错误' : '警告'}] ${f.message}`);
  lines.push(findings.length === 0 ? '检查通过：未发现问题。' : `共 ${errors} 个错误，${warnings} 个警告。`);
  return lines;
}

/** Shown open findings before the rest is left to `check`, as the export dialog lists them. */
const EXPORT_SUMMARY_SHOWN = 8;

/** What the export dialog says of the checks: open errors and warnings, the first few, and what an error means. */
export function exportSummaryLines(findings: readonly Finding[]): string[] {
  const open = findings.filter((f) => f.acknowledged === undefined);
  const errors = open.filter((f) => f.severity === 'error').length;
  const warnings = open.length - errors;
  const explained = findings.length - open.length;
  if (open.length === 0) return [`检查全部通过${explained > 0 ? `（${explained} 条提示已说明）` : ''}。`];
  const lines: string[] = [];
  if (errors > 0) lines.push(`有 ${errors} 个错误，报送前应当修改（如合计不符、勾稽关系不平衡、数值无效）。`);
  if (warnings > 0) lines.push(`有 ${warnings} 条提示，请修改或说明原因。`);
  if (explained > 0) lines.push(`${explained} 条提示已说明。`);
  for (const f of open.slice(0, EXPORT_SUMMARY_SHOWN)) lines.push(`  [${f.severity === 'error' ? '错误' : '警告'}] ${f.message}`);
  if (open.length > EXPORT_SUMMARY_SHOWN) lines.push('  ……其余请用 nianbao check 查看。');
  if (errors > 0) lines.push('可以先导出供核对，但有错误的报告不宜报送或公开：请修改后再导出一次。');
  return lines;
}

export function importLines(importReport: ImportReport): string[] {
  const lines = [
    `来源：${IMPORT_SOURCE_NAMES[importReport.source]}`,
    `格式：${importReport.formatReason}`,
    `读取数值 ${importReport.cellsRead} 个，空白 ${importReport.blankCells.length} 个，换算或去掉单位 ${importReport.normalized.length} 个，无法识别 ${importReport.invalidCells.length} 个。`,
  ];
  const { format } = importReport;
  if (importReport.tablesMissing.length > 0) {
    lines.push(`未找到的表格：${importReport.tablesMissing.map((id) => describeTable(format, id)).join('、')}`);
  }
  if (importReport.sectionsMissing.length > 0) lines.push(`未找到的部分：${importReport.sectionsMissing.join('、')}`);
  for (const n of importReport.normalized) lines.push(`  ${describeCell(format, n.cell)}：“${n.raw}” → ${n.value}（${n.note}）`);
  for (const c of importReport.invalidCells) lines.push(`  ${describeCell(format, c.cell)}：“${c.raw}”：${c.message}`);
  for (const w of importReport.warnings) lines.push(`注意：${w}`);
  return lines;
}
