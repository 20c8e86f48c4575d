import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli } from '../../../electron/cli/buildCli.ts';
import { parseReportFile, serializeReport } from '../../../shared/file/document.ts';
import { importDocx } from '../../../shared/import/docx.ts';
import { createReport } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

// Every test starts the real command in a new Node process; give it room when
// the test run keeps every core busy.
vi.setConfig({ testTimeout: 30_000 });

const run = promisify(execFile);
const SAMPLES = new URL('../../../../shared/samples/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
// The command as `npm run build` bundles it, built from the current sources so it is never stale.
const BIN = join(dir, 'nianbao.mjs');
beforeAll(() => buildCli(ROOT, BIN), 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function nianbao(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return nianbaoWith({}, ...args);
}

async function nianbaoWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function writeReport(name: string, cells: Record<string, string>): string {
  const report = createReport({ format: 'gov2021', year: 2024, organ: '某镇人民政府' });
  for (const [id, raw] of Object.entries(cells)) report.cells[id] = { raw, source: 'typed' };
  const path = join(dir, name);
  writeFileSync(path, serializeReport(report));
  return path;
}

describe('nianbao check', () => {
  it('exits 1 and lists the errors of a report with a wrong total', async () => {
    const path = writeReport('wrong.nianbao', { 'appeals.count.review_upheld': '3', 'appeals.count.review_total': '0' });
    const { code, stdout } = await nianbao('check', path);
    expect(code).toBe(1);
    expect(stdout).toContain('[错误] 行政复议·总计 应为 3');
  });

  it('prints the findings as JSON for other tools', async () => {
    const path = writeReport('wrong2.nianbao', { 'appeals.count.review_upheld': '3', 'appeals.count.review_total': '0' });
    const { code, stdout } = await nianbao('check', path, '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { format: string; year: number; organ: string; findings: Record<string, unknown>[] };
    expect(out).toMatchObject({ format: 'gov2021', year: 2024, organ: '某镇人民政府' });
    const error = out.findings.find((f) => f['severity'] === 'error');
    expect(Object.keys(error!).sort()).toEqual(['actual', 'cells', 'expected', 'key', 'message', 'rule', 'severity']);
    expect(error).toMatchObject({ rule: 'appeals.review_total', expected: 3, actual: 0 });
    expect((error!['cells'] as string[])[0]).toBe('appeals.count.review_total');
  });

  it('exits 0 on a published report without errors, read from its text', async () => {
    const { code, stdout } = await nianbao('check', join(SAMPLES, '2024_huaian-city.txt'), '--json');
    expect(code).toBe(0);
    // The web copy prints no 落款: a warning, which does not fail the check.
    expect(JSON.parse(stdout)).toMatchObject({
      format: 'gov2021',
      year: 2024,
      organ: '淮安市人民政府',
      findings: [{ severity: 'warning', rule: 'info.date' }],
    });
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.nianbao'), '找不到该文件'],
    ['a truncated file', () => writeTruncated(), '文件不完整'],
    ['a newer version', () => writeRaw('new.nianbao', '{"app":"nianbao","fileVersion":99,"report":{}}'), '请升级软件'],
    ['a foreign JSON file', () => writeRaw('foreign.nianbao', '{"name":"x"}'), '不是年报软件保存的文件'],
    ['an old .doc file', () => writeRaw('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), '另存为'],
  ])('exits 2 with a Chinese message for %s', async (_name, make, message) => {
    const { code, stderr, stdout } = await nianbao('check', make());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

function writeRaw(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function writeTruncated(): string {
  const full = readFileSync(writeReport('full.nianbao', { 'requests.new.natural': '1' }), 'utf8');
  return writeRaw('truncated.nianbao', full.slice(0, Math.floor(full.length / 2)));
}

describe('nianbao show', () => {
  it('prints every cell with raw text, stated value, computed total and source', async () => {
    const path = writeReport('show.nianbao', {
      'requests.new.natural': '２件',
      'requests.new.business': '1',
      'art20_8.fees.amount': '180000元',
    });
    const { code, stdout } = await nianbao('show', path, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { sections: Record<string, string>; cells: Record<string, Record<string, unknown>> };
    expect(Object.keys(out.sections)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(Object.keys(out.cells)).toHaveLength(10 + 25 * 7 + 15);
    expect(out.cells['requests.new.natural']).toEqual({ raw: '２件', value: 2, source: 'typed' });
    expect(out.cells['requests.new.total']).toEqual({ raw: null, value: 3, computed: 3, source: 'computed' });
    expect(out.cells['art20_8.fees.amount']).toMatchObject({ value: 18 });
    expect(out.cells['requests.new.legal']).toEqual({ raw: null, value: null, source: 'blank' });
  });
});

describe('nianbao next-year', () => {
  it('starts 2024 from the published 2023 report with carried values, refusing to overwrite', async () => {
    const out = join(dir, 'hongze-2024.nianbao');
    const first = await nianbao('next-year', join(SAMPLES, '2023_hongze-district.txt'), out);
    expect(first.code).toBe(0);
    const report = parseReportFile(readFileSync(out, 'utf8'));
    expect(report.year).toBe(2024);
    expect(report.lastYear?.year).toBe(2023);
    expect(report.cells['art20_1.regulations.in_force']).toEqual({ raw: '0', source: 'carried' });
    expect(report.cells['art20_1.normative_docs.in_force']).toEqual({ raw: '5', source: 'carried' });
    expect(report.sections.一.source).toBe('carried');

    const again = await nianbao('next-year', join(SAMPLES, '2023_hongze-district.txt'), out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
  });
});

describe('nianbao export', () => {
  it('writes Word that reads back cell for cell, text aligned or tab-separated, and HTML', async () => {
    const path = writeReport('export.nianbao', { 'requests.new.natural': '１２', 'requests.granted.natural': '12', 'art20_8.fees.amount': '1.5' });
    const docx = join(dir, '导出.docx');
    const result = await nianbao('export', path, '--docx', docx, '--compact');
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(docx);
    const { report } = importDocx(new Uint8Array(readFileSync(docx)));
    const source = parseReportFile(readFileSync(path, 'utf8'));
    const stated = (r: typeof report) => new Map([...evaluateReport(r).cells].map(([id, c]) => [id, c.value]));
    expect(stated(report)).toEqual(stated(source));

    expect((await nianbao('export', path, '--txt', join(dir, 'a.txt'), '--tsv')).code).toBe(0);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toMatch(/一、本年新收[^\n]*\t12\t/);
    expect((await nianbao('export', path, '--html', join(dir, 'a.html'), '--blank-as-zero')).code).toBe(0);
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toContain('<table');
  });

  it('writes a PDF through LibreOffice: the title, the headings and the typed numbers on A4 pages', async () => {
    const path = writeReport('pdf.nianbao', { 'requests.new.natural': '37', 'requests.granted.natural': '29', 'art20_8.fees.amount': '1.5' });
    const pdf = join(dir, '报告.pdf');
    const result = await nianbao('export', path, '--pdf', pdf);
    expect(result).toMatchObject({ code: 0 });
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/\s+/g, '');
    expect(text).toContain('某镇人民政府2024年政府信息公开工作年度报告');
    for (const heading of ['一、总体情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']) expect(text).toContain(heading);
    expect(text).toMatch(/37[^\d]/);
    expect(text).toContain('1.5');
    expect((await run('pdfinfo', [pdf])).stdout).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
  }, 60_000);

  it('says after writing what the checks found, as the export dialog does', async () => {
    const path = writeReport('open.nianbao', { 'requests.new.natural': '12', 'requests.new.total': '5' });
    const result = await nianbao('export', path, '--txt', join(dir, 'open.txt'));
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'open.txt'))).toBe(true);
    expect(result.stdout).toMatch(/有 \d+ 个错误，报送前应当修改/);
    expect(result.stdout).toContain('不宜报送或公开');
  });

  it('explains how to get a PDF when LibreOffice is missing, and writes nothing', async () => {
    const path = writeReport('nopdf.nianbao', { 'requests.new.natural': '1' });
    const pdf = join(dir, 'never.pdf');
    const { code, stderr } = await nianbaoWith({ NIANBAO_SOFFICE: join(dir, 'no-such-soffice') }, 'export', path, '--pdf', pdf);
    expect(code).toBe(2);
    expect(stderr).toContain('没有找到 LibreOffice');
    expect(stderr).toContain('另存为 PDF');
    expect(existsSync(pdf)).toBe(false);
  });

  it.each([
    [['export', 'x.nianbao'], '之一'],
    [['export', 'x.nianbao', '--docx'], '--docx 后应跟输出文件名'],
    [['export', 'x.nianbao', '--docx', 'a.docx', '--txt', 'a.txt'], '之一'],
  ])('refuses %j with a message and writes nothing', async (args, message) => {
    const { code, stderr } = await nianbao(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('writes no file when the input cannot be read', async () => {
    writeFileSync(join(dir, 'bad.nianbao'), '{"app":"nianbao"');
    const { code, stderr } = await nianbao('export', join(dir, 'bad.nianbao'), '--docx', join(dir, 'never.docx'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^错误：[\u4e00-\u9fff]/);
    expect(existsSync(join(dir, 'never.docx'))).toBe(false);
  });
});

describe('usage', () => {
  it.each([[['bogus']], [['check']], [['show', 'x.nianbao']]])('exits 2 on %j', async (args) => {
    const { code, stderr } = await nianbao(...args);
    expect(code).toBe(2);
    expect(stderr).toContain('用法');
  });
});

describe('the built command', () => {
  it.each([['--version'], ['-v']])('prints the package version for %s, exit 0', async (flag) => {
    const { code, stdout } = await nianbao(flag);
    expect(code).toBe(0);
    expect(stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('prints the Chinese usage for --help (exit 0) and when given nothing (exit 2)', async () => {
    const help = await nianbao('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法：\n {2}nianbao check FILE/);
    const bare = await nianbao();
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
  });

  it('is one file that needs nothing beside it: no package.json, no node_modules', () => {
    // It runs from the temporary folder above; only Node built-ins may stay imported.
    const text = readFileSync(BIN, 'utf8');
    const imports = [...text.matchAll(/^import .* from ["']([^"']+)["'];?$/gm), ...text.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(imports).toContain('node:util');
    expect(imports.filter((specifier) => !isBuiltin(specifier))).toEqual([]);
  });

  it('ends quietly with exit 0 when its reader closes the pipe early', async () => {
    // Prose longer than a pipe's buffer, so writing goes on after the reader has gone.
    const report = createReport({ format: 'gov2021', year: 2024, organ: '某镇人民政府' });
    report.sections['六'].text = '本机关依法公开政府信息。'.repeat(15_000);
    const path = join(dir, 'piped.nianbao');
    writeFileSync(path, serializeReport(report));
    const script = `"${process.execPath}" "${BIN}" show "${path}" --json | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;
    const { stdout, stderr } = await run('bash', ['-c', script]);
    expect(stdout).toBe('exit=0\n');
    expect(stderr).toBe('');
  });
});
