import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { builtCli } from './builtCli.ts';
import { serializeReport } from '../../../shared/file/document.ts';
import { createReport } from '../../../shared/model/report.ts';

const SAMPLES = new URL('../../../../shared/samples/', import.meta.url).pathname;
const HONGZE_2023 = join(SAMPLES, '2023_hongze-district.txt');
const HONGZE_2024 = join(SAMPLES, '2024_hongze-district.txt');

// Every test starts the built command in a new Node process.
vi.setConfig({ testTimeout: 30_000 });

const { dir, nianbao } = builtCli('nianbao-compare-');

function writeReport(name: string, year: number, cells: Record<string, string>): string {
  const report = createReport({ format: 'gov2021', year, organ: '某镇人民政府' });
  for (const [id, raw] of Object.entries(cells)) report.cells[id] = { raw, source: 'typed' };
  const path = join(dir, name);
  writeFileSync(path, serializeReport(report));
  return path;
}

interface CompareJson {
  last: { year: number; organ: string; format: string };
  this: { year: number; organ: string; format: string };
  cells: Record<string, { last: number | null; this: number | null; change: number | null; percent: number | null }>;
  indicators: { id: string; label: string; formula: string; last: number | null; this: number | null }[];
  jumps: { rule: string; cells: string[]; message: string }[];
}

describe('nianbao compare', () => {
  it('prints the largest changes and the indicators of two published reports', async () => {
    const { code, stdout } = await nianbao('compare', HONGZE_2023, HONGZE_2024);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('上年：洪泽区人民政府 2023年度（国办公开办函〔2021〕30号格式）');
    const largest = lines.indexOf('变化最大的 15 项：');
    expect(lines[largest + 1]).toBe('  第二十条第（五）项·行政许可·本年处理决定数量：550 → 9487（+8937，+1624.9%）');
    // (0 + 4) / 21 and (50 + 9) / 95, in percent.
    expect(stdout).toContain('  实质公开率：19.05% → 62.11%    〔（予以公开 + 部分公开）÷ 办理结果总计〕');
    expect(stdout).not.toContain('[提示]');
    expect(stdout).not.toContain('机关名称不同');
  });

  it('prints cells, indicators and jumps as JSON', async () => {
    const { code, stdout } = await nianbao('compare', HONGZE_2023, HONGZE_2024, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as CompareJson;
    expect(json.last).toEqual({ year: 2023, organ: '洪泽区人民政府', format: 'gov2021' });
    expect(json.this.year).toBe(2024);
    expect(json.cells['requests.new.total']).toEqual({ last: 21, this: 95, change: 74, percent: Math.round((74 / 21) * 10_000) / 100 });
    expect(json.cells['requests.granted.total']).toMatchObject({ last: 0, this: 50, change: 50 });
    const rate = json.indicators.find((i) => i.id === 'review_correction_rate')!;
    expect(rate).toMatchObject({ label: '行政复议纠错率', last: Math.round((1 / 11) * 10_000) / 100, this: 50 });
    expect(rate.formula).toContain('结果纠正');
    expect(json.jumps).toEqual([]);
  });

  it('reports a planted jump as information', async () => {
    const last = writeReport('2023.nianbao', 2023, { 'art20_1.normative_docs.in_force': '66' });
    const current = writeReport('2024.nianbao', 2024, { 'art20_1.normative_docs.in_force': '372' });
    const text = await nianbao('compare', last, current);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('[提示] 第二十条第（一）项·行政规范性文件·现行有效件数 增至上年的 5.6 倍，66 → 372');
    const json = JSON.parse((await nianbao('compare', last, current, '--json')).stdout) as CompareJson;
    expect(json.jumps.map((j) => j.cells)).toEqual([['art20_1.normative_docs.in_force']]);
  });

  it('warns when the two reports name different organs', async () => {
    const other = writeReport('other.nianbao', 2025, {});
    const { code, stdout } = await nianbao('compare', HONGZE_2024, other);
    expect(code).toBe(0);
    expect(stdout).toContain('注意：两份报告的机关名称不同');
  });

  it.each([
    [['compare', HONGZE_2023], '“compare”需要 2 个文件参数'],
    [['compare', HONGZE_2024, HONGZE_2023], '上年报告（2024年度）应早于本年报告（2023年度）'],
    [['compare', HONGZE_2023, HONGZE_2024, '--jsn'], '是否想输入 --json？'],
  ])('refuses %j with exit 2', async (args, message) => {
    const { code, stderr } = await nianbao(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
