/** What `check DIR` and `summarize` print: the JSON shapes scripts read, and one Chinese line per unit. */
import type { CountyUnit, RosterCheck, Summary } from '../../shared/county/index.ts';
import type { Finding } from '../../shared/checks/types.ts';
import { findingsJson } from './output.ts';
import type { UnreadableFile } from './readFolder.ts';

export function folderReportJson(unit: CountyUnit, findings: readonly Finding[]) {
  return {
    file: unit.file,
    format: unit.format,
    year: unit.year,
    organ: unit.organ,
    errors: unit.errors,
    warnings: unit.warnings,
    status: unit.verdict,
    dateLine: unit.dateLine,
    late: unit.late,
    findings: findingsJson(findings),
  };
}

function dateText(unit: CountyUnit): string {
  if (unit.dateLine === null) return '无落款日期';
  return `落款 ${unit.dateLine}${unit.late ? '（逾期）' : ''}`;
}

export function unitLine(unit: CountyUnit): string {
  const year = unit.year === null ? '年度未识别' : `${unit.year}年度`;
  return `${unit.verdict}  ${unit.file}  ${unit.organ || '（未填写机关名称）'} ${year}  错误 ${unit.errors}  警告 ${unit.warnings}  ${dateText(unit)}`;
}

export function unreadableLine(file: UnreadableFile): string {
  return `无法读取  ${file.file}  ${file.message}`;
}

export function folderTotalLine(units: readonly CountyUnit[], unreadable: number): string {
  const count = (verdict: CountyUnit['verdict']) => units.filter((u) => u.verdict === verdict).length;
  return `共 ${units.length} 份报告：错误 ${count('错误')}，待说明 ${count('待说明')}，通过 ${count('通过')}；无法读取 ${unreadable} 个文件。`;
}

export function summaryJson(summary: Summary, roster: RosterCheck | null, unreadable: readonly UnreadableFile[]) {
  return {
    year: summary.year,
    format: summary.format,
    units: summary.units.map((u) => ({
      file: u.file,
      organ: u.organ,
      status: u.verdict,
      // Counted as 0 in the sums; said so the office can ask the unit.
      blankCells: u.blankCells,
      notApplicableCells: u.notApplicableCells,
      invalidCells: u.invalidCells,
    })),
    excluded: summary.excluded,
    missing: roster?.missing ?? [],
    roster: roster && { matches: roster.matches, unlisted: roster.unlisted },
    unreadable,
    cells: summary.cells,
  };
}

/**
 * The reply's file name in OUTDIR: the report's path with its folders joined
 * by _, its extension dropped (洪泽区2024.txt → 洪泽区2024-检查意见.docx);
 * a name already taken keeps the extension, then gets a number.
 */
export function replyFileName(file: string, taken: Set<string>): string {
  const flat = file.replace(/[/\\]/g, '_');
  const stem = flat.replace(/\.[^._]+$/, '');
  const candidates = [stem, flat];
  let name = candidates.map((c) => `${c}-检查意见.docx`).find((n) => !taken.has(n));
  for (let n = 2; name === undefined; n++) if (!taken.has(`${flat}-检查意见（${n}）.docx`)) name = `${flat}-检查意见（${n}）.docx`;
  taken.add(name);
  return name;
}
