/**
 * `check DIR` and `summarize DIR` on a county office's folder built on disk
 * from the published samples. The expected sums are worked out here from
 * each counted unit's own evaluated values, not by the code under test.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import type { Report } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { buildCountyFolder, type CountyFolder } from '../../fixtures/countyFolder.ts';

const root = mkdtempSync(join(tmpdir(), 'nianbao-county-'));
const dir = join(root, '各单位年报');
let folder: CountyFolder;
beforeAll(async () => {
  folder = await buildCountyFolder(dir, root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { out: (l) => stdout.push(l), err: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** What a unit contributes to each cell: its stated number for inputs, the sum of its parts for totals (blank: 0). */
function ownValues(report: Report): Map<string, number> {
  const values = new Map<string, number>();
  for (const [id, cell] of evaluateReport(report).cells) {
    const own = cell.info.computedBy ? cell.computed : cell.parsed.status === 'number' ? cell.parsed.value : 0;
    values.set(id, own ?? 0);
  }
  return values;
}

function expectedSums(reports: Report[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const report of reports) for (const [id, v] of ownValues(report)) sums.set(id, (sums.get(id) ?? 0) + v);
  return sums;
}

interface SummaryJson {
  year: number;
  format: string;
  units: { file: string; organ: string; status: string; blankCells: number; notApplicableCells: number; invalidCells: string[] }[];
  excluded: { file: string; organ: string; reason: string }[];
  missing: { name: string; reason: string }[];
  roster: { matches: { name: string; organ: string; rule: string; how: string; files: string[] }[]; unlisted: string[] } | null;
  unreadable: { file: string; message: string }[];
  cells: Record<string, number | null>;
}

describe('nianbao summarize DIR --year 2024 --json --roster FILE', () => {
  let result: { code: number; stdout: string; stderr: string };
  let summary: SummaryJson;
  beforeAll(async () => {
    result = await cli('summarize', dir, '--year', '2024', '--json', '--roster', folder.roster);
    summary = JSON.parse(result.stdout) as SummaryJson;
  });

  it('counts the units of 2024 in the 2021 format, each once', () => {
    expect(result.code).toBe(0);
    expect(summary.year).toBe(2024);
    expect(summary.format).toBe('gov2021');
    expect(summary.units.map((u) => u.file).sort()).toEqual(Object.keys(folder.counted).sort());
    for (const unit of summary.units) expect(unit.organ).toBe(folder.counted[unit.file]!.organ);
  });

  it('sums every cell, inputs and totals, to the units’ own values', () => {
    const expected = expectedSums(Object.values(folder.counted));
    const ids = formatIndex('gov2021').cells.map((c) => c.id);
    expect(Object.keys(summary.cells).sort()).toEqual([...ids].sort());
    for (const id of ids) expect({ id, sum: summary.cells[id] }).toEqual({ id, sum: expect.closeTo(expected.get(id)!, 4) });
    // Not a degenerate folder: real figures from more than one unit.
    expect(summary.cells['requests.new.total']).toBe(
      Object.values(folder.counted).reduce((n, r) => n + (ownValues(r).get('requests.new.total') ?? 0), 0),
    );
    expect(summary.cells['requests.new.total']).toBeGreaterThan(3119);
  });

  it('says per unit how many cells it left blank (counted as 0)', () => {
    const shuyang = summary.units.find((u) => u.file === '沭阳县发展和改革局.nianbao')!;
    const blanks = [...evaluateReport(folder.counted['沭阳县发展和改革局.nianbao']!).cells.values()].filter(
      (c) => !c.info.computedBy && c.parsed.status === 'blank',
    ).length;
    expect(blanks).toBeGreaterThan(0);
    expect(shuyang.blankCells).toBe(blanks);
  });

  it('lists every file left out with its reason, and the unreadable one', () => {
    const reasons = Object.fromEntries(summary.excluded.map((e) => [e.file, e.reason]));
    expect(Object.keys(reasons).sort()).toEqual(Object.keys(folder.excluded).sort());
    for (const [file, word] of Object.entries(folder.excluded)) expect(reasons[file]).toContain(word);
    expect(reasons['副本/淮安市洪泽区人民政府.nianbao']).toContain('乡镇/洪泽区2024.txt');
    expect(reasons['副本/淮安市洪泽区人民政府.nianbao']).toContain('错误较少');
    expect(summary.unreadable.map((u) => u.file)).toEqual([folder.unreadable]);
    expect(summary.unreadable[0]!.message).not.toBe('');
  });

  it('passes over hidden folders, temporaries and backups', () => {
    const seen = [...summary.units, ...summary.excluded, ...summary.unreadable].map((u) => u.file);
    expect(seen.filter((f) => f.startsWith('.') || f.includes('/.') || f.endsWith('.bak'))).toEqual([]);
    expect(seen).toHaveLength(Object.keys(folder.counted).length + Object.keys(folder.excluded).length + 1);
  });

  it('matches the GBK roster’s short names, and lists the missing and wrong-year units', () => {
    const matched = Object.fromEntries(summary.roster!.matches.map((m) => [m.name, [m.organ, m.rule, m.files.join('|')]]));
    expect(matched).toEqual({
      洪泽区: ['淮安市洪泽区人民政府', 'substring', '乡镇/洪泽区2024.txt|副本/淮安市洪泽区人民政府.nianbao'],
      淮安市: ['淮安市人民政府', 'core', '淮安市2024.docx'],
      发展和改革局: ['沭阳县发展和改革局', 'substring', '沭阳县发展和改革局.nianbao'],
      平潭综合实验区: ['平潭综合实验区管理委员会', 'core', '平潭.nianbao'],
      寅阳镇: ['海工园（寅阳镇）', 'core', '寅阳镇2024.nianbao'],
    });
    for (const m of summary.roster!.matches) expect(m.how).not.toBe('');
    expect(summary.missing.map((m) => m.name)).toEqual(['通元镇', '某某乡']);
    expect(summary.missing[0]!.reason).toContain('2019');
    expect(summary.missing[0]!.reason).toContain('通元镇2019.txt');
    expect(summary.missing[1]!.reason).toBe('未收到报告');
    expect(summary.roster!.unlisted).toEqual([]);
  });
});

describe('nianbao summarize, the folder as offices keep it', () => {
  it('does not read a roster kept inside the folder as a report, and reads linked files', async () => {
    const inside = join(root, '含名单');
    mkdirSync(inside);
    copyFileSync(folder.roster, join(inside, '名单.txt'));
    symlinkSync(join(dir, '乡镇', '洪泽区2024.txt'), join(inside, '洪泽区.txt'));
    symlinkSync(join(dir, '乡镇'), join(inside, '乡镇'));
    const { code, stdout } = await cli('summarize', inside, '--year', '2024', '--json', '--roster', join(inside, '名单.txt'));
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as SummaryJson;
    expect(summary.units.map((u) => u.file)).toEqual(['洪泽区.txt']);
    // The linked folder is listed, not followed (a link may point back up the tree).
    expect(summary.unreadable.map((u) => u.file)).toEqual(['乡镇']);
    // With 淮安市's own report absent, 淮安市 is not taken for 淮安市洪泽区人民政府, which only starts like it.
    expect(summary.roster!.matches.map((m) => [m.name, m.organ])).toEqual([['洪泽区', '淮安市洪泽区人民政府']]);
    expect(summary.missing.find((m) => m.name === '淮安市')?.reason).toBe('未收到报告');
  });
});

describe('nianbao summarize, another year', () => {
  it('sums 2023 from the 2023 units and computes the totals the unit typed wrong', async () => {
    const { code, stdout } = await cli('summarize', dir, '--year', '2023', '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as SummaryJson;
    expect(summary.units.map((u) => u.file)).toEqual(['2023/沭阳县发展和改革局2023.txt', '2023/洪泽区2023.txt']);
    expect(summary.missing).toEqual([]);
    expect(summary.roster).toBeNull();
    // 洪泽区 2023 typed 0 in both 总计 of section 四 while the parts add to 11 and 5.
    const { readReportFile } = await import('../../../electron/cli/readReportFile.ts');
    const units = await Promise.all(summary.units.map(async (u) => (await readReportFile(join(dir, u.file))).report));
    const hongze = evaluateReport(units[1]!);
    const wrongTotals = [...hongze.cells.values()].filter((c) => c.info.computedBy && c.value !== c.computed);
    expect(wrongTotals.length).toBeGreaterThan(0);
    const expected = expectedSums(units);
    for (const cell of wrongTotals) {
      expect(summary.cells[cell.info.id]).toBe(expected.get(cell.info.id));
      expect(summary.cells[cell.info.id]).not.toBe((cell.value ?? 0) + (ownValues(units[0]!).get(cell.info.id) ?? 0));
    }
  });

  it('refuses a year no unit reported, with exit code 2', async () => {
    const { code, stdout, stderr } = await cli('summarize', dir, '--year', '2030', '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('没有可汇总的2030年度报告');
  });

  it.each<[string[], string]>([
    [['summarize', 'x'], '需要且只需要 --json、--xlsx 输出文件、--docx 输出文件之一'],
    [['summarize', 'x', '--json'], '需要 --year'],
    [['summarize', 'x', '--json', '--year', '二〇二四'], '不是整数'],
    [['summarize', 'x', '--json', '--year', '2024', '--xlsx', 'a.xlsx'], '需要且只需要'],
    [['summarize', 'x', '--year', '2024', '--xlsx', 'a.xlsx', '--docx', 'a.docx'], '需要且只需要'],
    [['summarize', 'x', '--year', '2024', '--xlsx', 'a.xlsx', '--county', '某县'], '--county 只用于 --docx'],
    [['summarize', 'x', '--year', '2024', '--json', '--force'], '--force 只用于写入文件'],
    [['summarize', 'x', '--year', '2024', '--xlsx'], '--xlsx 后应跟输出文件名'],
    [['summarize', 'x', '--year', '2024', '--pdf', 'a.pdf'], '没有选项“--pdf”'],
  ])('%j is refused: %s', async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

interface CheckJson {
  reports: { file: string; format: string; year: number | null; organ: string; errors: number; warnings: number; findings: { severity: string; rule: string; message: string }[] }[];
  unreadable: { file: string; message: string }[];
}

describe('nianbao check DIR', () => {
  it('prints every report and unreadable file; exit 1 as some have errors', async () => {
    const { code, stdout } = await cli('check', dir, '--json');
    expect(code).toBe(1);
    const checked = JSON.parse(stdout) as CheckJson;
    const files = [...Object.keys(folder.counted), ...Object.keys(folder.excluded)].sort();
    expect(checked.reports.map((r) => r.file).sort()).toEqual(files);
    expect(checked.unreadable.map((u) => u.file)).toEqual([folder.unreadable]);
    for (const report of checked.reports) {
      expect(Object.keys(report)).toEqual(expect.arrayContaining(['file', 'format', 'year', 'organ', 'errors', 'warnings', 'findings']));
      expect(report.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
      expect(report.warnings).toBe(report.findings.filter((f) => f.severity === 'warning').length);
    }
    const hongze2023 = checked.reports.find((r) => r.file === '2023/洪泽区2023.txt')!;
    expect(hongze2023).toMatchObject({ year: 2023, format: 'gov2021', organ: '洪泽区人民政府' });
    expect(hongze2023.errors).toBeGreaterThan(0);
  });

  it('prints one line per file in text, then the count', async () => {
    const { code, stdout } = await cli('check', dir);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines).toHaveLength(Object.keys(folder.counted).length + Object.keys(folder.excluded).length + 2);
    expect(lines.find((l) => l.includes('2023/洪泽区2023.txt'))).toMatch(/^错误 .*洪泽区人民政府 2023年度 {2}错误 [1-9]/);
    expect(lines.find((l) => l.includes('沭阳县发展和改革局.nianbao'))).toContain('落款 2025年1月17日');
    expect(lines.find((l) => l.includes(folder.unreadable))).toMatch(/^无法读取/);
    const reports = Object.keys(folder.counted).length + Object.keys(folder.excluded).length;
    expect(lines.at(-1)).toMatch(new RegExp(`^共 ${reports} 份报告：.*无法读取 1 个文件。$`));
  });

  it('exits 0 on a folder whose reports have no errors', async () => {
    const clean = join(root, '无错误');
    mkdirSync(clean);
    const { readFileSync } = await import('node:fs');
    writeFileSync(join(clean, 'a.txt'), readFileSync(new URL('../../../../shared/samples/2022_pingtan-zone.txt', import.meta.url)));
    expect((await cli('check', clean)).code).toBe(0);
  });

  it('exits 2 only when nothing could be read', async () => {
    const broken = join(root, '都读不了');
    mkdirSync(broken);
    writeFileSync(join(broken, 'a.docx'), 'x');
    const { code, stdout, stderr } = await cli('check', broken, '--json');
    expect(code).toBe(2);
    expect((JSON.parse(stdout) as CheckJson).unreadable).toHaveLength(1);
    expect(stderr).toContain('没有能读取的报告');
    const empty = join(root, '空');
    mkdirSync(empty);
    expect((await cli('check', empty)).code).toBe(2);
  });
});
