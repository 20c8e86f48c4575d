/**
 * The command line refuses what it does not understand: every unknown or
 * misspelt flag, per command, with the usage text and exit code 2, before
 * any file is read or written.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS, USAGE, closestFlag, main, parseCommand } from '../../../electron/cli/main.ts';
import { serializeReport } from '../../../shared/file/document.ts';
import { createReport } from '../../../shared/model/report.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, 'in.nianbao');
writeFileSync(input, serializeReport(createReport({ format: 'gov2021', year: 2024, organ: '某镇人民政府' })));
const out = (name: string) => join(dir, name);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { out: (l) => stdout.push(l), err: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('refused with the usage text and exit code 2, nothing written', () => {
  it.each<[string[], string]>([
    [['check', input, '--jsno'], '“check”没有选项“--jsno”，是否想输入 --json？'],
    [['check', input, '--year', '2024'], '“check”没有选项“--year”'],
    [['check', input, '-j'], '“check”没有选项“-j”'],
    [['check', input, '--json=yes'], '选项“--json”后不能带值'],
    [['show', input, '--json', '--force'], '“show”没有选项“--force”'],
    [['import', input, '--jason'], '是否想输入 --json？'],
    [['next-year', input, out('n.nianbao'), '--yaer', '2025'], '“next-year”没有选项“--yaer”，是否想输入 --year？'],
    [['next-year', input, out('n.nianbao'), '--year'], '--year 后应跟年度，如 --year 2025'],
    [['next-year', input, out('n.nianbao'), '--froce'], '是否想输入 --force？'],
    [['export', input, '--docx', out('a.docx'), '--blank-as-zro'], '“export”没有选项“--blank-as-zro”，是否想输入 --blank-as-zero？'],
    [['export', input, '--docx', out('a.docx'), '--compcat'], '是否想输入 --compact？'],
    [['export', input, '--docx', out('a.docx'), '--json'], '“export”没有选项“--json”'],
    [['export', input, '--docx', '--compact'], '--docx 后应跟输出文件名，如 --docx 报告.docx'],
    [['export', input, '--docx='], '--docx 后应跟输出文件名，如 --docx 报告.docx'],
    [['export', input, '--pdf'], '--pdf 后应跟输出文件名，如 --pdf 报告.pdf'],
    [['export', input, '--docx', out('a.docx'), '--xyzzy'], '“export”没有选项“--xyzzy”'],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^错误：/);
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr).toContain(USAGE);
    expect(readdirSync(dir)).toEqual(['in.nianbao']);
  });

  it('suggests nothing for a flag that is not close to any', async () => {
    const { stderr } = await cli('check', input, '--xyzzy');
    expect(stderr).not.toContain('是否想输入');
  });
});

describe('accepted as before', () => {
  it.each<[string[], number, RegExp]>([
    [['check', input], 0, /检查通过|个错误/],
    [['check', input, '--json'], 0, /"findings"/],
    [['check', '--json', input], 0, /"findings"/],
    [['show', input, '--json'], 0, /"cells"/],
    [['export', input, '--txt', out('a.txt'), '--tsv', '--blank-as-zero'], 0, /已导出/],
    [['export', input, `--html=${out('a.html')}`], 0, /已导出/],
    [['next-year', input, out('n.nianbao'), '--year', '2025'], 0, /已生成/],
    [['check', input, '--help'], 0, /用法/],
    [['export', '-h'], 0, /用法/],
  ])('%j exits %i', async (args, code, stdout) => {
    const result = await cli(...args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(code);
    expect(result.stdout).toMatch(stdout);
  });

  it('wrote what the accepted commands asked for', () => {
    for (const name of ['a.txt', 'a.html', 'n.nianbao']) expect(existsSync(out(name)), name).toBe(true);
  });
});

describe('parseCommand', () => {
  it.each<[keyof typeof COMMAND_OPTIONS, string[], string[], [string, string | true][]]>([
    ['check', ['a.nianbao', '--json'], ['a.nianbao'], [['json', true]]],
    ['export', ['a', '--docx', 'b.docx', '--compact', '--force'], ['a'], [['docx', 'b.docx'], ['compact', true], ['force', true]]],
    ['export', ['a', '--txt', 'x.txt', '--txt', 'y.txt'], ['a'], [['txt', 'y.txt']]],
    ['next-year', ['a', 'b', '--year=2025'], ['a', 'b'], [['year', '2025']]],
    ['check', ['--', '--odd-name.nianbao'], ['--odd-name.nianbao'], []],
  ])('%s %j', (command, args, positional, flags) => {
    expect(parseCommand(command, args)).toEqual({ positional, flags: new Map(flags) });
  });
});

describe('closestFlag', () => {
  const all = ['docx', 'txt', 'html', 'pdf', 'compact', 'tsv', 'blank-as-zero', 'force'];
  it.each<[string, string | null]>([
    ['--blank-as-zro', '--blank-as-zero'],
    ['--blankaszero', '--blank-as-zero'],
    ['--focre', '--force'],
    ['--htm', '--html'],
    ['--tvs', '--tsv'],
    ['--pdff', '--pdf'],
    ['--word', null],
    ['--zero', null],
    ['-x', null],
  ])('%s → %s', (given, expected) => {
    expect(closestFlag(given, all)).toBe(expected);
  });
});
