/**
 * The `nianbao` command line, for county offices and scripts.
 * Exit codes: 0 success (for check: no errors), 1 check found errors, 2 the
 * command could not run (bad usage, unreadable file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { checkReport } from '../../shared/checks/index.ts';
import { startNextYear } from '../../shared/carryover/startNextYear.ts';
import { exportDocx } from '../../shared/export/docx.ts';
import { exportHtml } from '../../shared/export/html.ts';
import { exportText } from '../../shared/export/text.ts';
import { serializeReport } from '../../shared/file/document.ts';
import type { Report } from '../../shared/model/report.ts';
import { writeFileAtomic } from '../services/files.ts';
import { isClerkError } from '../services/errors.ts';
import { pdfFromDocx } from '../services/pdfFromDocx.ts';
import { checkJson, describeReport, findingLines, importLines, showJson } from './output.ts';
import { readReportFile } from './readReportFile.ts';

export const USAGE = `用法：
  nianbao check FILE [--json]          检查报告，列出错误和警告（有错误时退出码为 1）
  nianbao show FILE --json             以 JSON 输出报告的全部单元格和文字
  nianbao import FILE [--json]         导入 Word（.docx）或文本报告，输出导入情况
  nianbao next-year FILE OUT [--year N] [--force]
                                       以 FILE 为上年报告，生成下一年度的新报告 OUT（.nianbao）
  nianbao export FILE --docx OUT.docx [--compact] | --txt OUT.txt [--tsv] | --html OUT.html
                 | --pdf OUT.pdf [--compact]  [--blank-as-zero] [--force]
                                       导出 Word（默认公文版式，--compact 为紧凑版式）、文本、网页，
                                       或经本机 LibreOffice 转换的 PDF
  nianbao --help | --version

FILE 可以是年报文件（.nianbao）、Word 文档（.docx）或文本（.txt）。`;

/** Bad usage: printed with the usage text, exit 2. */
export class UsageError extends Error {}

interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Flags that take the next argument as their value, with what it should be. */
const VALUE_FLAGS: Record<string, string> = {
  year: '年度，如 --year 2025',
  docx: '输出文件名，如 --docx 报告.docx',
  txt: '输出文件名，如 --txt 报告.txt',
  html: '输出文件名，如 --html 报告.html',
  pdf: '输出文件名，如 --pdf 报告.pdf',
};

const FLAG = { type: 'boolean' } as const;
const VALUE = { type: 'string' } as const;

/** The options each command accepts; anything else is refused (parseArgs strict). */
export const COMMAND_OPTIONS = {
  check: { json: FLAG },
  show: { json: FLAG },
  import: { json: FLAG },
  'next-year': { year: VALUE, force: FLAG },
  export: { docx: VALUE, txt: VALUE, html: VALUE, pdf: VALUE, compact: FLAG, tsv: FLAG, 'blank-as-zero': FLAG, force: FLAG },
} as const satisfies Record<string, NonNullable<ParseArgsConfig['options']>>;

type Command = keyof typeof COMMAND_OPTIONS;

function isCommand(name: string): name is Command {
  return Object.hasOwn(COMMAND_OPTIONS, name);
}

/** Edit distance counting a swap of neighbours as one edit, to suggest the flag a misspelt one was meant to be. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The accepted flag closest to a refused one, if it is close enough to be a typo. */
export function closestFlag(given: string, accepted: readonly string[]): string | null {
  const name = given.replace(/^-+/, '');
  let best: { flag: string; d: number } | null = null;
  for (const flag of accepted) {
    const d = distance(name, flag);
    if (d <= Math.max(1, Math.floor(flag.length / 3)) && (best === null || d < best.d)) best = { flag, d };
  }
  return best && `--${best.flag}`;
}

/** parseArgs' English error as the Chinese usage message. */
function usageMessage(command: Command, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message;
  const accepted = Object.keys(COMMAND_OPTIONS[command]);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const suggestion = closestFlag(unknown[1]!, accepted);
    return `“${command}”没有选项“${unknown[1]}”${suggestion ? `，是否想输入 ${suggestion}？` : ''}`;
  }
  const option = /^Option '--?([^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    return Object.hasOwn(VALUE_FLAGS, option) ? `--${option} 后应跟${VALUE_FLAGS[option]}` : `选项“--${option}”后不能带值`;
  }
  return `“${command}”的参数有误`;
}

/** The command's file arguments and flags, or a UsageError for anything it does not accept. */
export function parseCommand(command: Command, args: string[]): { positional: string[]; flags: Map<string, string | true> } {
  // Widened: the per-command literal types add nothing here and make the result type a union per command.
  const options: NonNullable<ParseArgsConfig['options']> = { ...COMMAND_OPTIONS[command], help: { type: 'boolean', short: 'h' } };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(usageMessage(command, error));
  }
  const flags = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`--${name} 后应跟${VALUE_FLAGS[name] ?? '一个值'}`);
    if (typeof value === 'string' || value === true) flags.set(name, value);
  }
  return { positional: parsed.positionals, flags };
}

function expectArgs(positional: string[], count: number, command: string): void {
  if (positional.length !== count) throw new UsageError(`“${command}”需要 ${count} 个文件参数`);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const EXPORT_KINDS = ['docx', 'txt', 'html', 'pdf'] as const;
type ExportKind = (typeof EXPORT_KINDS)[number];

async function exportBytes(report: Report, kind: ExportKind, flags: Map<string, string | true>): Promise<Uint8Array | string> {
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

async function run(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(version());
    return 0;
  }
  if (!isCommand(command)) throw new UsageError(`未知命令“${command}”`);
  const { positional, flags } = parseCommand(command, rest);
  if (flags.has('help')) {
    io.out(USAGE);
    return 0;
  }
  const json = flags.has('json');

  switch (command) {
    case 'check': {
      expectArgs(positional, 1, command);
      const { report } = await readReportFile(positional[0]!);
      const findings = checkReport(report);
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
      return 0;
    }
  }
}

export async function main(args: string[], io: Io = consoleIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`错误：${error.message}`);
      io.err(USAGE);
      return 2;
    }
    // Clerk-facing errors carry their own Chinese message; anything else is a bug: say so without a stack.
    const known = isClerkError(error) || (error instanceof Error && error.name === 'CarryOverError');
    io.err(`错误：${known ? (error as Error).message : '发生内部错误，无法完成操作'}`);
    if (!known && process.env['NIANBAO_DEBUG']) io.err(String((error as Error).stack));
    return 2;
  }
}
