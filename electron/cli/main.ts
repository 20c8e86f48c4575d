/**
 * The `nianbao` command line, for county offices and scripts.
 * Exit codes: 0 success (for check: no errors), 1 check found errors, 2 the
 * command could not run (bad usage, unreadable file).
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
// Inlined by the bundlers, so the built command and the app need no package.json beside them.
import { version } from '../../package.json';
import { WORKSPACE_FILE_NAME } from '../../shared/county/workspaceName.ts';
import { isClerkError } from '../services/errors.ts';
import { UsageError } from './usage.ts';
import type { Flags, Io } from './usage.ts';

export { UsageError };

export const USAGE = `用法：
  nianbao check FILE [--json] [--rules PACK.json]
                                       检查报告，列出错误和警告（有错误时退出码为 1）
  nianbao check DIR [--json] [--rules PACK.json] [--replies OUTDIR [--office 单位] [--date 日期] [--force]]
                                       检查文件夹（含子文件夹）中的全部报告，每份一行；
                                       --rules 另按本地规则包（市、县的补充要求）检查；
                                       --replies 为每个有问题的单位在 OUTDIR 生成一份检查意见（.docx），
                                       不含文件夹中审核记录（${WORKSPACE_FILE_NAME}）标为“不采纳”的问题；
                                       --office 为落款单位，--date 为落款日期（默认今天）
  nianbao summarize DIR --year N (--json | --xlsx OUT.xlsx | --docx OUT.docx [--county 县名])
                    [--roster FILE] [--force]
                                       汇总文件夹中该年度各单位的报告：各项相加，合计重新计算；
                                       --json 输出到屏幕，--xlsx 导出 Excel（每张表一页，另有单位清单
                                       和各单位数据对照），--docx 导出公文版式的汇总（--county 用于标题）；
                                       --roster 为应报单位名单（每行一个单位）
  nianbao show FILE --json             以 JSON 输出报告的全部单元格和文字
  nianbao import FILE [--json]         导入报告（Word、WPS、PDF、网页或文本），输出导入情况
  nianbao next-year FILE OUT [--year N] [--force]
                                       以 FILE 为上年报告，生成下一年度的新报告 OUT（.nianbao）
  nianbao compare LAST THIS [--json]   与上年报告对比：变化最大的数据、各项指标和异常变化提示
  nianbao export FILE --docx OUT.docx [--compact] | --txt OUT.txt [--tsv] | --html OUT.html
                 | --pdf OUT.pdf [--compact]  [--blank-as-zero] [--force]
                                       导出 Word（默认公文版式，--compact 为紧凑版式）、文本、网页，
                                       或经本机 LibreOffice 转换的 PDF
  nianbao --help | --version

FILE 可以是年报文件（.nianbao）、Word 文档（.docx）或文本（.txt）；DIR 中的每个文件都按此读取。`;

const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Flags that take the next argument as their value, with what it should be. */
const VALUE_FLAGS: Record<string, string> = {
  year: '年度，如 --year 2025',
  roster: '名单文件，如 --roster 名单.txt',
  xlsx: '输出文件名，如 --xlsx 汇总.xlsx',
  replies: '输出文件夹，如 --replies 检查意见',
  office: '落款单位，如 --office 某县人民政府办公室',
  date: '落款日期，如 --date 2026年1月25日',
  county: '县（区、市）名，如 --county 某县',
  docx: '输出文件名，如 --docx 报告.docx',
  txt: '输出文件名，如 --txt 报告.txt',
  html: '输出文件名，如 --html 报告.html',
  pdf: '输出文件名，如 --pdf 报告.pdf',
  // Local rule packs (check --rules).
  rules: '规则包文件，如 --rules 规则包.json',
};

const FLAG = { type: 'boolean' } as const;
const VALUE = { type: 'string' } as const;

/** The options each command accepts; anything else is refused (parseArgs strict). */
export const COMMAND_OPTIONS = {
  check: { json: FLAG, rules: VALUE, replies: VALUE, office: VALUE, date: VALUE, force: FLAG },
  show: { json: FLAG },
  import: { json: FLAG },
  'next-year': { year: VALUE, force: FLAG },
  summarize: { year: VALUE, json: FLAG, xlsx: VALUE, docx: VALUE, county: VALUE, roster: VALUE, force: FLAG },
  compare: { json: FLAG },
  export: { docx: VALUE, txt: VALUE, html: VALUE, pdf: VALUE, compact: FLAG, tsv: FLAG, 'blank-as-zero': FLAG, force: FLAG },
} as const satisfies Record<string, NonNullable<ParseArgsConfig['options']>>;

export type Command = keyof typeof COMMAND_OPTIONS;

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
export function parseCommand(command: Command, args: string[]): { positional: string[]; flags: Flags } {
  // Widened: the per-command literal types add nothing here and make the result type a union per command.
  const options: NonNullable<ParseArgsConfig['options']> = { ...COMMAND_OPTIONS[command], help: { type: 'boolean', short: 'h' } };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(usageMessage(command, error));
  }
  const flags: Flags = new Map();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`--${name} 后应跟${VALUE_FLAGS[name] ?? '一个值'}`);
    if (typeof value === 'string' || value === true) flags.set(name, value);
  }
  return { positional: parsed.positionals, flags };
}

async function run(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(version);
    return 0;
  }
  if (!isCommand(command)) throw new UsageError(`未知命令“${command}”`);
  const { positional, flags } = parseCommand(command, rest);
  if (flags.has('help')) {
    io.out(USAGE);
    return 0;
  }
  const { runCommand } = await import('./commands.ts');
  return runCommand(command, positional, flags, io);
}

/** Piped into `head` and the like: a closed reader is not an error, so end quietly. */
export function exitOnClosedStdout(exit: (code: number) => void): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
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
