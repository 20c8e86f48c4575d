/** `check DIR` and `summarize DIR`: a county office's folder of its units' reports. */
import type { Finding } from '../../shared/checks/types.ts';
import { checkRoster, parseRoster, summarize, type CountyUnit, type RosterCheck } from '../../shared/county/index.ts';
import { formatForYear } from '../../shared/formats/index.ts';
import { decodeText } from '../../shared/import/text.ts';
import { readFileCapped } from '../services/files.ts';
import { folderReportJson, folderTotalLine, summaryJson, unitLine, unreadableLine } from './countyOutput.ts';
import { readFolder } from './readFolder.ts';
import type { Io } from './usage.ts';

/** A roster of a few thousand names is far below this. */
const MAX_ROSTER_BYTES = 1024 * 1024;

/** Exit 1 when any report has errors; 2 only when nothing could be read. */
export async function checkFolder(dir: string, json: boolean, io: Io): Promise<number> {
  const reports: { unit: CountyUnit; findings: Finding[] }[] = [];
  const unreadable = await readFolder(dir, (read) => {
    // Text mode prints as it goes and keeps only the status line; JSON needs the findings for the one object.
    if (json) reports.push(read);
    else {
      io.out(unitLine(read.unit));
      reports.push({ unit: read.unit, findings: [] });
    }
  }, [], io.err);
  if (json) {
    io.out(JSON.stringify({ reports: reports.map((r) => folderReportJson(r.unit, r.findings)), unreadable }, null, 2));
  } else {
    for (const file of unreadable) io.out(unreadableLine(file));
    io.out(folderTotalLine(reports.map((r) => r.unit), unreadable.length));
  }
  if (reports.length === 0) {
    io.err(unreadable.length === 0 ? '错误：文件夹中没有文件' : '错误：文件夹中没有能读取的报告');
    return 2;
  }
  return reports.some((r) => r.unit.errors > 0) ? 1 : 0;
}

export async function summarizeFolder(dir: string, year: number, rosterFile: string | null, io: Io): Promise<number> {
  // Read the roster first: a wrong path should not cost a pass over the folder.
  const roster = rosterFile === null ? null : parseRoster(decodeText(await readFileCapped(rosterFile, MAX_ROSTER_BYTES)));
  const units: CountyUnit[] = [];
  const unreadable = await readFolder(dir, (read) => units.push(read.unit), rosterFile === null ? [] : [rosterFile], io.err);
  const summary = summarize(units, { year, format: formatForYear(year) });
  if (summary.units.length === 0) {
    io.err(`错误：文件夹中没有可汇总的${year}年度报告（读取 ${units.length} 份，无法读取 ${unreadable.length} 个文件）`);
    return 2;
  }
  let rosterCheck: RosterCheck | null = null;
  if (roster) {
    const ofYear = units.filter((u) => u.year === year);
    rosterCheck = checkRoster(roster, ofYear, units.filter((u) => u.year !== year));
  }
  io.out(JSON.stringify(summaryJson(summary, rosterCheck, unreadable), null, 2));
  return 0;
}
