/**
 * What each command does, loaded only once the arguments are valid: the
 * readers, checks and exporters are most of the bundle, and `--version`,
 * `--help` and a usage error should not pay for starting them.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { checkReport } from '../../shared/checks/index.ts';
import { startNextYear } from '../../shared/carryover/startNextYear.ts';
import { compareReports } from '../../shared/compare/compare.ts';
import { exportDocx } from '../../shared/export/docx.ts';
import { exportHtml } from '../../shared/export/html.ts';
import { exportText } from '../../shared/export/text.ts';
import { serializeReport } from '../../shared/file/document.ts';
import type { Report } from '../../shared/model/report.ts';
import { writeFileAtomic } from '../services/files.ts';
import { pdfFromDocx } from '../services/pdfFromDocx.ts';
import { checkFolder, dateLineOf, summarizeFolder, type RepliesOptions, type SummaryOutput } from './county.ts';
import { compareJson, compareLines } from './compareOutput.ts';
import { checkJson, describeReport, exportSummaryLines, findingLines, importLines, showJson } from './output.ts';
import { readReportFile } from './readReportFile.ts';
import { rulePackOption } from './rulePack.ts';
import { UsageError } from './usage.ts';
import type { Flags, Io } from './usage.ts';
import type { Command } from './main.ts';

function expectArgs(positional: string[], count: number, command: string): void {
  if (positional.length !== count) throw new UsageError(`“${command}”需要 ${count} 个文件参数`);
}

const EXPORT_KINDS = ['docx', 'txt', 'html', 'pdf'] as const;
type ExportKind = (typeof EXPORT_KINDS)[number];

async function exportBytes(report: Report, kind: ExportKind, flags: Flags): Promise<Uint8Array | string> {
  const blankAsZero = flags.has('blank-as-zero');
  const docxOptions = { layout: flags.has('compact') ? 'compact' : 'official', blankAsZero } as const;
  switch (kind) {
    case 'docx':
      return exportDocx(report, docxOptions);
    case 'txt':
      return exportText(report, { tables: flags.has('tsv') ? 'tsv' : 'aligned', blankAsZero });
    case 'html':
      return exportHtml(report, { blankAsZero });
    case 'pdf':
      return pdfFromDocx(await exportDocx(report, docxOptions));
  }
}

const SUMMARY_KINDS = ['json', 'xlsx', 'docx'] as const;

/** Exactly one of --json, --xlsx OUT, --docx OUT; --county names the 汇总's title and goes only with --docx, --force only with a file. */
function summaryOutput(flags: Flags): SummaryOutput {
  const kinds = SUMMARY_KINDS.filter((k) => flags.has(k));
  if (kinds.length !== 1) throw new UsageError('“summarize”需要且只需要 --json、--xlsx 输出文件、--docx 输出文件之一');
  const kind = kinds[0]!;
  const county = flags.get('county');
  if (county !== undefined && kind !== 'docx') throw new UsageError('--county 只用于 --docx（汇总文档的标题）');
  const force = flags.has('force');
  if (kind === 'json') {
    if (force) throw new UsageError('--force 只用于写入文件（--xlsx、--docx）');
    return { kind };
  }
  const path = flags.get(kind) as string;
  return kind === 'xlsx' ? { kind, path, force } : { kind, path, force, county: typeof county === 'string' ? county : null };
}

function repliesOptions(dir: string, flags: Flags): RepliesOptions {
  const office = flags.get('office');
  const date = flags.get('date');
  return { dir, office: typeof office === 'string' ? office : '', date: typeof date === 'string' ? date : dateLineOf(new Date()), force: flags.has('force') };
}

/** Runs a parsed command; resolves with its exit code. */
export async function runCommand(command: Command, positional: string[], flags: Flags, io: Io): Promise<number> {
  const json = flags.has('json');
  switch (command) {
    case 'check': {
      expectArgs(positional, 1, command);
      const extra = await rulePackOption(flags.get('rules'));
      const repliesDir = flags.get('replies');
      const folder = (await stat(positional[0]!).catch(() => null))?.isDirectory() ?? false;
      if (!folder && repliesDir !== undefined) throw new UsageError('--replies 只用于检查文件夹（check DIR）');
      if (repliesDir === undefined && ['office', 'date', 'force'].some((f) => flags.has(f))) throw new UsageError('--office、--date、--force 只与 --replies 一起使用');
      if (folder) return checkFolder(positional[0]!, json, io, typeof repliesDir === 'string' ? repliesOptions(repliesDir, flags) : null, extra);
      const { report } = await readReportFile(positional[0]!);
      const findings = checkReport(report, undefined, extra);
      if (json) io.out(JSON.stringify(checkJson(report, findings), null, 2));
      else {
        io.out(describeReport(report));
        for (const line of findingLines(findings)) io.out(line);
      }
      return findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    case 'show': {
      expectArgs(positional, 1, command);
      if (!json) throw new UsageError('“show”目前只支持 --json 输出');
      const { report } = await readReportFile(positional[0]!);
      io.out(JSON.stringify(showJson(report), null, 2));
      return 0;
    }
    case 'import': {
      expectArgs(positional, 1, command);
      const { report, importReport } = await readReportFile(positional[0]!);
      if (!importReport) throw new UsageError('这已经是年报文件，无需导入；请直接使用 check 或 show');
      if (json) io.out(JSON.stringify({ importReport, report: showJson(report) }, null, 2));
      else {
        io.out(describeReport(report, importReport.year));
        for (const line of importLines(importReport)) io.out(line);
      }
      return 0;
    }
    case 'next-year': {
      expectArgs(positional, 2, command);
      const [input, output] = positional as [string, string];
      if (existsSync(output) && !flags.has('force')) {
        throw new UsageError(`“${output}”已存在；如需覆盖请加 --force`);
      }
      const yearFlag = flags.get('year');
      const year = typeof yearFlag === 'string' ? Number(yearFlag) : undefined;
      if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`年度“${String(yearFlag)}”不是整数`);
      const { report: lastYear } = await readReportFile(input);
      const { report, notes } = startNextYear(lastYear, year);
      // --force keeps the file it replaces as .bak.
      await writeFileAtomic(output, serializeReport(report), { backup: true });
      io.out(`已生成 ${describeReport(report)}：${output}`);
      for (const note of notes) io.out(`  ${note.message}`);
      return 0;
    }
    case 'compare': {
      expectArgs(positional, 2, command);
      const [lastPath, thisPath] = positional as [string, string];
      const { report: last } = await readReportFile(lastPath);
      const { report: current } = await readReportFile(thisPath);
      if (last.year >= current.year) throw new UsageError(`上年报告（${last.year}年度）应早于本年报告（${current.year}年度）`);
      const comparison = compareReports(last, current);
      if (json) io.out(JSON.stringify(compareJson(comparison), null, 2));
      else for (const line of compareLines(comparison)) io.out(line);
      return 0;
    }
    case 'export': {
      expectArgs(positional, 1, command);
      const kinds = EXPORT_KINDS.filter((k) => typeof flags.get(k) === 'string');
      if (kinds.length !== 1) throw new UsageError('“export”需要且只需要 --docx、--txt、--html、--pdf 之一');
      const kind = kinds[0]!;
      const output = flags.get(kind) as string;
      if (existsSync(output) && !flags.has('force')) throw new UsageError(`“${output}”已存在；如需覆盖请加 --force`);
      const { report } = await readReportFile(positional[0]!);
      await writeFileAtomic(output, await exportBytes(report, kind, flags), { backup: true });
      io.out(`已导出 ${describeReport(report)}：${output}`);
      for (const line of exportSummaryLines(checkReport(report))) io.out(line);
      return 0;
    }
    case 'summarize': {
      expectArgs(positional, 1, command);
      const output = summaryOutput(flags);
      const yearFlag = flags.get('year');
      const year = typeof yearFlag === 'string' ? Number(yearFlag) : Number.NaN;
      if (!Number.isInteger(year)) throw new UsageError(yearFlag === undefined ? '“summarize”需要 --year 年度，如 --year 2025' : `年度“${String(yearFlag)}”不是整数`);
      const roster = flags.get('roster');
      return summarizeFolder(positional[0]!, year, typeof roster === 'string' ? roster : null, output, io);
    }
  }
}
