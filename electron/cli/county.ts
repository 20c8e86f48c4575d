/** `check DIR` and `summarize DIR`: a county office's folder of its units' reports. */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtraRules, Finding } from '../../shared/checks/types.ts';
import {
  checkRoster,
  countySummaryDocx,
  countyWorkbook,
  parseRoster,
  parseWorkspace,
  replyFindings,
  summarize,
  summaryTitle,
  unitReplyDocx,
  WORKSPACE_FILE_NAME,
  type CountyUnit,
  type RosterCheck,
  type Workspace,
} from '../../shared/county/index.ts';
import { formatForYear } from '../../shared/formats/index.ts';
import { decodeText } from '../../shared/import/text.ts';
import type { Report } from '../../shared/model/report.ts';
import { FileError } from '../services/errors.ts';
import { readFileCapped, writeFileAtomic } from '../services/files.ts';
import { folderReportJson, folderTotalLine, replyFileName, summaryJson, unitLine, unreadableLine } from './countyOutput.ts';
import { readFolder } from './readFolder.ts';
import { UsageError, type Io } from './usage.ts';

/** A roster of a few thousand names is far below this. */
const MAX_ROSTER_BYTES = 1024 * 1024;

export interface RepliesOptions {
  dir: string;
  office: string;
  date: string;
  force: boolean;
}

/** The office's verdicts kept in the folder, if any; a damaged file is said, not silently ignored. */
async function folderWorkspace(dir: string): Promise<Workspace | null> {
  const path = join(dir, WORKSPACE_FILE_NAME);
  if (!existsSync(path)) return null;
  const parsed = parseWorkspace(new Uint8Array(await readFile(path)));
  if (!parsed.ok) throw new FileError(parsed.message);
  return parsed.workspace;
}

function refuseExisting(path: string, force: boolean): void {
  if (existsSync(path) && !force) throw new UsageError(`“${path}”已存在；如需覆盖请加 --force`);
}

/** Today as a 落款 line, e.g. 2026年1月25日. */
export function dateLineOf(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/**
 * Exit 1 when any report has errors; 2 only when nothing could be read.
 * With `replies`, one 检查意见 per unit with findings left to send back
 * (the folder's workspace verdicts applied), written as the reports are read.
 */
export async function checkFolder(
  dir: string,
  json: boolean,
  io: Io,
  replies: RepliesOptions | null = null,
  extra: readonly ExtraRules[] = [],
): Promise<number> {
  const workspace = replies ? await folderWorkspace(dir) : null;
  if (replies) await mkdir(replies.dir, { recursive: true });
  const written: string[] = [];
  const names = new Set<string>();
  let writing = Promise.resolve();
  // Kept, not thrown, so the chain never holds an unhandled rejection while the folder is still being read.
  let failure: unknown = null;
  const reports: { unit: CountyUnit; findings: Finding[] }[] = [];
  const unreadable = await readFolder(dir, ({ unit, findings, report }) => {
    // Text mode prints as it goes and keeps only the status line; JSON needs the findings for the one object.
    if (json) reports.push({ unit, findings });
    else {
      io.out(unitLine(unit));
      reports.push({ unit, findings: [] });
    }
    const verdicts = workspace?.verdicts[unit.file] ?? {};
    if (replies && replyFindings(findings, verdicts).length > 0) {
      const path = join(replies.dir, replyFileName(unit.file, names));
      // One at a time, in file order: the reports waiting here are the only ones held.
      writing = writing
        .then(async () => {
          if (failure) return;
          refuseExisting(path, replies.force);
          await writeFileAtomic(path, await unitReplyDocx({ unit, report, findings, verdicts, office: replies.office, date: replies.date }), { backup: true });
          written.push(path);
        })
        .catch((error: unknown) => {
          failure = error;
        });
    }
  }, replies ? [replies.dir] : [], extra, io.err);
  await writing;
  if (failure) throw failure;
  if (json) {
    io.out(JSON.stringify({ reports: reports.map((r) => folderReportJson(r.unit, r.findings)), unreadable, ...(replies ? { replies: written } : {}) }, null, 2));
  } else {
    for (const file of unreadable) io.out(unreadableLine(file));
    io.out(folderTotalLine(reports.map((r) => r.unit), unreadable.length));
    if (replies) io.out(`已生成 ${written.length} 份检查意见：${replies.dir}`);
  }
  if (reports.length === 0) {
    io.err(unreadable.length === 0 ? '错误：文件夹中没有文件' : '错误：文件夹中没有能读取的报告');
    return 2;
  }
  return reports.some((r) => r.unit.errors > 0) ? 1 : 0;
}

export type SummaryOutput = { kind: 'json' } | { kind: 'xlsx'; path: string; force: boolean } | { kind: 'docx'; path: string; force: boolean; county: string | null };

export async function summarizeFolder(dir: string, year: number, rosterFile: string | null, output: SummaryOutput, io: Io): Promise<number> {
  // Checked first: a wrong path or an existing output should not cost a pass over the folder.
  if (output.kind !== 'json') refuseExisting(output.path, output.force);
  const roster = rosterFile === null ? null : parseRoster(decodeText(await readFileCapped(rosterFile, MAX_ROSTER_BYTES)));
  const units: CountyUnit[] = [];
  // The workbook sets the year's reports side by side and measures their prose against the year before; nothing else is held.
  const reports = new Map<string, Report>();
  const besides = [rosterFile, output.kind === 'json' ? null : output.path].filter((p): p is string => p !== null);
  const unreadable = await readFolder(
    dir,
    ({ unit, report }) => {
      units.push(unit);
      if (output.kind === 'xlsx' && (unit.year === year || unit.year === year - 1)) reports.set(unit.file, report);
    },
    besides,
    [],
    io.err,
  );
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
  const missing = rosterCheck?.missing ?? [];
  switch (output.kind) {
    case 'json':
      io.out(JSON.stringify(summaryJson(summary, rosterCheck, unreadable), null, 2));
      return 0;
    case 'xlsx':
      await writeFileAtomic(output.path, await countyWorkbook({ summary, units, reports, unreadable, missing }), { backup: true });
      break;
    case 'docx': {
      const title = summaryTitle(output.county ?? '', year);
      await writeFileAtomic(output.path, await countySummaryDocx(summary, { title, missing }), { backup: true });
      break;
    }
  }
  io.out(`已导出 ${year}年度汇总（计入 ${summary.units.length} 个单位，未计入 ${summary.excluded.length} 份，无法读取 ${unreadable.length} 个文件${roster ? `，未报送 ${missing.length} 个` : ''}）：${output.path}`);
  return 0;
}
