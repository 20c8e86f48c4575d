/** `nianbao check FILE|DIR --rules PACK.json`, run in process on real files. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { serializeReport } from '../../../shared/file/document.ts';
import { createReport } from '../../../shared/model/report.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const PACK = join(ROOT, 'build/rule-packs/example-county.json');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function nianbao(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

function writeTownship(name: string): string {
  const report = createReport({ format: 'gov2021', year: 2025, organ: '示例县甲镇人民政府' });
  report.cells['art20_1.normative_docs.issued'] = { raw: '5', source: 'typed' };
  report.cells['art20_1.normative_docs.in_force'] = { raw: '3', source: 'typed' };
  report.dateLine = '2026年1月25日';
  const path = join(dir, name);
  writeFileSync(path, serializeReport(report));
  return path;
}

describe('nianbao check --rules', () => {
  it('adds the pack’s findings to a file’s, its errors setting the exit code', async () => {
    const path = writeTownship('甲镇.nianbao');
    const without = await nianbao('check', path);
    const withPack = await nianbao('check', path, '--rules', PACK);
    expect(without.out.join('\n')).not.toContain('编制要求');
    expect(withPack.out).toContain('[错误] 行政规范性文件的现行有效件数不应少于本年制发件数（与县司法局备案数据核对）：左边为 3，右边为 5（示例县政府信息公开工作年度报告编制要求（2024—2025年度））');
    expect(withPack.out.join('\n')).toContain('乡镇（街道）年度报告应于次年1月20日前发布');
    expect([without.code, withPack.code]).toEqual([0, 1]);
  });

  it('applies to every report of a folder', async () => {
    const folder = join(dir, 'county');
    mkdirSync(folder);
    cpSync(writeTownship('乙镇.nianbao'), join(folder, '乙镇.nianbao'));
    const { code, out } = await nianbao('check', folder, '--json', '--rules', PACK);
    expect(code).toBe(1);
    const json = JSON.parse(out.join('\n')) as { reports: { findings: { rule: string }[] }[] };
    expect(json.reports[0]?.findings.map((f) => f.rule)).toContain('pack.equation');
  });

  it.each([
    ['a pack with a regular expression', JSON.stringify({ ...JSON.parse(readFileSync(PACK, 'utf8')), pattern: '(a+)+$' }), '规则包无法使用：含有未知的字段（pattern）'],
    ['a Word file given as a pack', 'PK\u0003\u0004', '规则包无法使用：不是 JSON 格式的规则包文件'],
  ])('refuses %s in one line, exit 2, checking nothing', async (_name, text, message) => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, text);
    const { code, out, err } = await nianbao('check', writeTownship('丙镇.nianbao'), '--rules', bad);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`错误：${bad}：${message}`]);
  });

  it('asks for the file when --rules has none', async () => {
    const { code, err } = await nianbao('check', writeTownship('丁镇.nianbao'), '--rules');
    expect(code).toBe(2);
    expect(err[0]).toBe('错误：--rules 后应跟规则包文件，如 --rules 规则包.json');
  });
});
