/** The 汇总 of units digested in memory: what is counted, what is left out and why, and how blanks are said. */
import { describe, expect, it } from 'vitest';
import { digestUnit, summarize, unitStatus } from '../../../shared/county/index.ts';
import { checkReport } from '../../../shared/checks/index.ts';
import { createReport, type Report } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { sampleReport } from '../../fixtures/countyFolder.ts';

function unitOf(file: string, organ: string, cells: Record<string, string>, year = 2024): ReturnType<typeof digestUnit>['unit'] {
  const report = createReport({ format: 'gov2021', year, organ });
  for (const [id, raw] of Object.entries(cells)) report.cells[id] = { raw, source: 'typed' };
  return digestUnit(file, report).unit;
}

describe('summarize', () => {
  it('adds the inputs and computes each total from the summed parts, not from typed totals', () => {
    const a = unitOf('a.nianbao', '甲镇', { 'requests.new.natural': '3', 'requests.new.total': '99' });
    const b = unitOf('b.nianbao', '乙镇', { 'requests.new.natural': '4', 'requests.new.business': '2' });
    const { cells, units } = summarize([a, b], { year: 2024, format: 'gov2021' });
    expect(units.map((u) => u.file)).toEqual(['a.nianbao', 'b.nianbao']);
    expect(cells['requests.new.natural']).toBe(7);
    expect(cells['requests.new.business']).toBe(2);
    expect(cells['requests.new.total']).toBe(9);
  });

  it('counts blank, not-applicable and invalid cells as 0 and says so per unit', () => {
    const unit = unitOf('a.nianbao', '甲镇', { 'requests.new.natural': '/', 'requests.new.business': '三五', 'requests.new.research': '2' });
    expect(unit.notApplicableCells).toBe(1);
    expect(unit.invalidCells).toEqual(['requests.new.business']);
    const inputs = evaluateReport(createReport({ format: 'gov2021', year: 2024, organ: '' })).index.cells.filter((c) => !c.computedBy).length;
    expect(unit.blankCells).toBe(inputs - 3);
    expect(summarize([unit], { year: 2024, format: 'gov2021' }).cells['requests.new.total']).toBe(2);
  });

  it('keeps amounts free of binary noise', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const units = ['0.1', '0.2'].map((raw, i) => unitOf(`${i}.nianbao`, `${'甲乙'[i]}镇`, { 'art20_8.fees.amount': raw }));
    expect(summarize(units, { year: 2024, format: 'gov2021' }).cells['art20_8.fees.amount']).toBe(0.3);
  });

  it('leaves out other years and formats with the reason', () => {
    const old = digestUnit('old.txt', sampleReport('2019_tongyuan-town.txt')).unit;
    const lastYear = unitOf('2023.nianbao', '甲镇', {}, 2023);
    const noYear = digestUnit('noyear.txt', createReport({ format: 'gov2021', year: 2024, organ: '丙镇' }), false).unit;
    const oldFormat = digestUnit('fmt.nianbao', { ...sampleReport('2019_tongyuan-town.txt'), year: 2024 }).unit;
    const { units, excluded } = summarize([old, lastYear, noYear, oldFormat, unitOf('a.nianbao', '乙镇', {})], { year: 2024, format: 'gov2021' });
    expect(units.map((u) => u.file)).toEqual(['a.nianbao']);
    expect(Object.fromEntries(excluded.map((e) => [e.file, e.reason]))).toEqual({
      'old.txt': '报告年度为2019年，不是2024年',
      '2023.nianbao': '报告年度为2023年，不是2024年',
      'noyear.txt': '未能识别报告年度',
      'fmt.nianbao': '使用国办公开办函〔2019〕60号格式，与汇总所用的国办公开办函〔2021〕30号格式不同',
    });
  });

  it('counts a unit sent twice once: the copy with fewer errors, else the first file', () => {
    const good = unitOf('z.nianbao', '淮安市洪泽区人民政府', { 'requests.new.natural': '5' });
    const wrong = unitOf('a.nianbao', '淮安市洪泽区人民政府', { 'requests.new.natural': '5', 'requests.new.total': '1' });
    expect(wrong.errors).toBeGreaterThan(good.errors);
    const first = summarize([good, wrong], { year: 2024, format: 'gov2021' });
    expect(first.units.map((u) => u.file)).toEqual(['z.nianbao']);
    expect(first.excluded).toEqual([{ file: 'a.nianbao', organ: '淮安市洪泽区人民政府', reason: expect.stringContaining('计入错误较少的一份') }]);
    expect(first.cells['requests.new.natural']).toBe(5);
    // Spelt differently, still the same unit; equal errors: the file first by name.
    const again = unitOf('b.nianbao', '淮安市洪泽区 人民政府', { 'requests.new.natural': '5' });
    const second = summarize([again, good], { year: 2024, format: 'gov2021' });
    expect(second.units.map((u) => u.file)).toEqual(['b.nianbao']);
    expect(second.excluded[0]!.reason).toContain('“b.nianbao”');
    expect(second.excluded[0]!.reason).toContain('文件名在前');
  });

  it('returns the sums as a report of the format, for the official layout', () => {
    const { report } = summarize([unitOf('a.nianbao', '甲镇', { 'requests.new.natural': '3' })], { year: 2024, format: 'gov2021', organ: '某县（汇总）' });
    expect(report).toMatchObject({ organ: '某县（汇总）', year: 2024, format: 'gov2021' });
    expect(report.cells['requests.new.natural']?.raw).toBe('3');
    expect(report.cells['requests.new.total']).toBeUndefined();
  });
});

describe('unitStatus', () => {
  function statusOf(report: Report) {
    return unitStatus(report, checkReport(report));
  }

  it('is 错误 when the checks find errors', () => {
    const status = statusOf(sampleReport('2023_hongze-district.txt'));
    expect(status.errors).toBeGreaterThan(0);
    expect(status.verdict).toBe('错误');
  });

  it('is 待说明 while a warning is unexplained, 通过 once all are', () => {
    const report = sampleReport('2022_pingtan-zone.txt');
    const findings = checkReport(report);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
    expect(statusOf(report).verdict).toBe('待说明');
    const acknowledgements = Object.fromEntries(findings.map((f) => [f.key, { explanation: '已核实', at: '2025-01-20T00:00:00Z' }]));
    const explained = statusOf({ ...report, acknowledgements });
    expect(explained).toMatchObject({ verdict: '通过', warnings: findings.length, unexplained: 0 });
  });

  it.each<[string | undefined, string | null, boolean | null]>([
    [undefined, null, null],
    ['某月某日', '某月某日', null],
    ['2025年1月17日', '2025年1月17日', false],
    ['2025年6月30日', '2025年6月30日', true],
  ])('落款 %s: date %s, late %s', (dateLine, shown, late) => {
    const report = { ...sampleReport('2023_shuyang-county-development-bureau.txt'), year: 2024, dateLine };
    expect(statusOf(report)).toMatchObject({ dateLine: shown, late, organ: '沭阳县发展和改革局', year: 2024, format: 'gov2021' });
  });
});
