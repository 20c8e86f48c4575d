import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startNextYear } from '../../../shared/carryover/startNextYear.ts';
import { chartHeight, chartSvg, keyCharts, type ChartModel } from '../../../shared/compare/charts.ts';
import { figuresOf } from '../../../shared/compare/figures.ts';
import { decodeText, importText } from '../../../shared/import/text.ts';
import type { Report } from '../../../shared/model/report.ts';

const SAMPLES = new URL('../../../../shared/samples/', import.meta.url).pathname;
const sample = (name: string): Report => importText(decodeText(readFileSync(SAMPLES + name))).report;
const byId = (charts: ChartModel[], id: string) => charts.find((c) => c.id === id)!;

describe('keyCharts', () => {
  const charts = keyCharts([figuresOf(sample('2024_hongze-district.txt')), figuresOf(sample('2023_hongze-district.txt'))]);

  it('puts the years oldest first, whatever order they come in', () => {
    for (const chart of charts) expect(chart.series.map((s) => s.label)).toEqual(['2023年', '2024年']);
  });

  // Read off the two published 洪泽区 reports: 2023 then 2024.
  it.each<[string, string, number | null, number | null]>([
    ['applicants', '自然人', 21, 95],
    ['applicants', '商业企业', 0, 0],
    ['results', '予以公开', 0, 50],
    ['results', '部分公开', 4, 9],
    ['results', '不予公开', 1 + 1 + 1, 1 + 1 + 1],
    ['results', '无法提供', 10 + 3, 31 + 1],
    ['results', '不予处理', 1, 1],
    ['appeals', '复议结果维持', 10, 1],
    ['appeals', '复议结果纠正', 1, 1],
    ['appeals', '诉讼结果维持', 0 + 5, 1 + 2],
    ['appeals', '诉讼其他结果', 0, 1],
  ])('%s · %s: %s → %s', (id, bar, last, current) => {
    const chart = byId(charts, id);
    const at = chart.bars.indexOf(bar);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(chart.series.map((s) => s.values[at])).toEqual([last, current]);
  });

  it('sums 2019’s one （六）其他处理 row and 2021’s three alike', () => {
    const last = sample('2019_haigongyuan-yinyang-town.txt');
    const { report } = startNextYear(last, 2021);
    report.cells['requests.other_no_correction.total'] = { raw: '2', source: 'typed' };
    report.cells['requests.other_misc.total'] = { raw: '3', source: 'typed' };
    const other = byId(keyCharts([figuresOf(last), figuresOf(report)]), 'results');
    expect(other.series[1]!.values[other.bars.indexOf('其他处理')]).toBe(5);
  });
});

describe('chartSvg', () => {
  const chart: ChartModel = {
    id: 't',
    title: '测试<图>',
    bars: ['甲', '乙'],
    series: [
      { label: '2023年', values: [10, null] },
      { label: '2024年', values: [40, 0] },
    ],
  };
  const svg = chartSvg(chart);

  it('is one SVG document of the height it announces, text escaped', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="' + chartHeight(chart) + '"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('>测试&lt;图&gt;</text>');
  });

  it('draws bars in proportion, none for 0 or a blank, and says 未填 for a blank', () => {
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="12"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]! / widths[0]!).toBeCloseTo(4, 1);
    expect(svg).toContain('>未填</text>');
    expect(svg).toContain('>0</text>');
  });
});
