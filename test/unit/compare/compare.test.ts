import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startNextYear } from '../../../shared/carryover/startNextYear.ts';
import { compareReports, compareWithBaseline, largestChanges } from '../../../shared/compare/compare.ts';
import { pairCells } from '../../../shared/compare/pairing.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import { decodeText, importText } from '../../../shared/import/text.ts';
import { createReport, type Report } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';

const SAMPLES = new URL('../../../../shared/samples/', import.meta.url).pathname;
const sample = (name: string): Report => importText(decodeText(readFileSync(SAMPLES + name))).report;

const HONGZE_2023 = sample('2023_hongze-district.txt');
const HONGZE_2024 = sample('2024_hongze-district.txt');

/** Figures read off the two published 洪泽区 reports by eye: [cell, 2023, 2024]. */
const HONGZE_CELLS: [string, number, number][] = [
  ['art20_1.regulations.in_force', 0, 0],
  ['art20_1.normative_docs.issued', 0, 3],
  ['art20_1.normative_docs.repealed', 5, 0],
  ['art20_1.normative_docs.in_force', 5, 8],
  ['art20_5.licensing.decisions', 550, 9487],
  ['art20_6.penalty.decisions', 4119, 2776],
  ['art20_6.coercion.decisions', 195, 84],
  ['art20_8.fees.amount', 7730.28, 7545],
  ['requests.new.total', 21, 95],
  ['requests.carried_in.total', 0, 0],
  ['requests.granted.total', 0, 50],
  ['requests.partly_granted.total', 4, 9],
  ['requests.denied_state_secret.total', 1, 0],
  ['requests.denied_security.total', 0, 1],
  ['requests.unable_not_held.total', 10, 31],
  ['requests.unable_needs_creation.total', 3, 1],
  ['requests.rejected_petition.total', 1, 1],
  ['requests.results_total.total', 21, 95],
  ['requests.carried_out.total', 0, 0],
  ['appeals.count.review_upheld', 10, 1],
  ['appeals.count.review_corrected', 1, 1],
  // 2023 printed 0 as its 总计 beside 10 and 1: compared as stated.
  ['appeals.count.review_total', 0, 2],
  ['appeals.count.suit_after_review_upheld', 5, 2],
  ['appeals.count.suit_after_review_other', 0, 1],
];

describe('compareReports on the 洪泽区 2023 and 2024 reports', () => {
  const comparison = compareReports(HONGZE_2023, HONGZE_2024);
  const byCell = new Map(comparison.cells.map((c) => [c.cell, c]));

  it('names both reports', () => {
    expect(comparison.last).toEqual({ year: 2023, organ: '洪泽区人民政府', format: 'gov2021' });
    expect(comparison.this).toEqual({ year: 2024, organ: '淮安市洪泽区人民政府', format: 'gov2021' });
  });

  it.each(HONGZE_CELLS)('%s: %d → %d', (cell, last, current) => {
    const change = byCell.get(cell);
    expect(change).toMatchObject({ last, this: current, lastCell: cell });
    expect(change!.change).toBeCloseTo(current - last, 6);
    if (last === 0) expect(change!.percent).toBeNull();
    else expect(change!.percent).toBeCloseTo(((current - last) / last) * 100, 6);
  });

  it('pairs every cell of one format with itself and leaves none unmatched', () => {
    expect(comparison.unmatched).toEqual({ last: [], this: [] });
    expect(comparison.cells.length + comparison.onlyLast.length + comparison.onlyThis.length).toBeLessThanOrEqual(
      formatIndex('gov2021').cells.length,
    );
  });

  it('puts the largest change first', () => {
    const [first, second] = largestChanges(comparison, 2);
    expect(first!.cell).toBe('art20_5.licensing.decisions');
    expect(second!.cell).toBe('art20_6.penalty.decisions');
  });

  // Hand computations from the cells above: [id, 2023, 2024] (rates in percent).
  const INDICATORS: [string, number | null, number | null][] = [
    ['requests_total', 21 + 0, 95 + 0],
    ['granted_rate', ((0 + 4) / 21) * 100, ((50 + 9) / 95) * 100],
    ['denied_rate', ((1 + 1 + 1) / 21) * 100, ((1 + 1 + 1) / 95) * 100],
    ['unable_rate', ((10 + 3) / 21) * 100, ((31 + 1) / 95) * 100],
    ['not_held_share', (10 / 13) * 100, (31 / 32) * 100],
    ['rejected_rate', (1 / 21) * 100, (1 / 95) * 100],
    ['carried_out_rate', (0 / 21) * 100, (0 / 95) * 100],
    ['review_correction_rate', (1 / (10 + 1 + 0)) * 100, (1 / (1 + 1 + 0)) * 100],
    ['suit_correction_rate', (0 / (0 + 5)) * 100, (0 / (1 + 2 + 1)) * 100],
    ['regulations_stock', 0, 0],
    ['normative_docs_issued', 0, 3],
    ['normative_docs_stock', 5, 8],
  ];

  it.each(INDICATORS)('indicator %s: %s → %s', (id, last, current) => {
    const indicator = comparison.indicators.find((i) => i.id === id);
    expect(indicator).toBeDefined();
    expect(indicator!.formula).not.toBe('');
    if (last === null) expect(indicator!.last).toBeNull();
    else expect(indicator!.last).toBeCloseTo(last, 9);
    if (current === null) expect(indicator!.this).toBeNull();
    else expect(indicator!.this).toBeCloseTo(current, 9);
  });

  it('finds no unusual jump between two real years', () => {
    expect(comparison.jumps).toEqual([]);
  });
});

describe('compareReports from the baseline a report keeps', () => {
  it('gives the same comparison as last year’s file', () => {
    const { report } = startNextYear(HONGZE_2023);
    report.cells = HONGZE_2024.cells;
    const fromBaseline = compareWithBaseline(report)!;
    const fromFile = compareReports(HONGZE_2023, HONGZE_2024);
    expect(fromBaseline.cells).toEqual(fromFile.cells);
    expect(fromBaseline.indicators).toEqual(fromFile.indicators);
    expect(fromBaseline.last.year).toBe(2023);
  });

  it('is undefined for a report without a baseline', () => {
    expect(compareWithBaseline(HONGZE_2024)).toBeUndefined();
  });
});

describe('compareReports across the 2019 and 2021 formats', () => {
  // Last year: the 海工园（寅阳镇） 2019 report; this year: a 2021-format report started from it, with 洪泽区's 2023 figures typed in.
  const last = sample('2019_haigongyuan-yinyang-town.txt');
  const { report: current } = startNextYear(last, 2021);
  current.cells = { ...current.cells, ...HONGZE_2023.cells };
  const comparison = compareReports(last, current);
  const byCell = new Map(comparison.cells.map((c) => [c.cell, c]));

  it('pairs 现行有效件数 with 对外公开总数量 through the carry-over mapping, flagged as approximate', () => {
    const stock = byCell.get('art20_1.normative_docs.in_force');
    expect(stock).toMatchObject({ lastCell: 'art20_1.normative_docs.total_published', last: 1, this: 5, change: 4, percent: 400 });
    expect(stock!.note).toContain('口径不同');
  });

  it('pairs cells both formats have with themselves', () => {
    expect(byCell.get('requests.new.total')).toMatchObject({ lastCell: 'requests.new.total', last: 0, this: 21, percent: null });
    const licensing = [...comparison.cells, ...comparison.onlyThis].find((c) => c.cell === 'art20_5.licensing.decisions');
    expect(licensing).toMatchObject({ this: 550 });
    // 2019's 二（八） has no 收费金额 column.
    expect(comparison.unmatched.this.find((c) => c.cell === 'art20_8.fees.amount')).toMatchObject({ value: 7730.28 });
  });

  it('lists the cells each format alone has, with the reason the format gives', () => {
    const lost = comparison.unmatched.last.find((c) => c.cell === 'art20_9.procurement.amount');
    expect(lost).toMatchObject({ value: 24925826, reason: '2021年版格式已取消第二十条第（九）项（政府集中采购）' });
    expect(comparison.unmatched.last.map((c) => c.cell)).toEqual(
      expect.arrayContaining(['art20_1.normative_docs.made', 'art20_1.normative_docs.published', 'art20_8.fees.items_last_year']),
    );
    expect(comparison.unmatched.this.find((c) => c.cell === 'art20_1.normative_docs.repealed')).toMatchObject({ value: 5 });
    // 结转下年度 → 上年结转 moves a figure a year on; it pairs nothing.
    expect(pairCells('gov2019', 'gov2021').pairs.find((p) => p.cell === 'requests.carried_in.total')).toEqual({
      cell: 'requests.carried_in.total',
      lastCell: 'requests.carried_in.total',
    });
  });

  it('states every change cell by cell: each paired cell both years state, with this year less last year', () => {
    const lastValues = evaluateReport(last).cells;
    const thisValues = evaluateReport(current).cells;
    const expected = pairCells('gov2019', 'gov2021').pairs.flatMap(({ cell, lastCell }) => {
      const before = lastValues.get(lastCell)!.value;
      const now = thisValues.get(cell)!.value;
      return before === null || now === null ? [] : [{ cell, lastCell, last: before, this: now }];
    });
    expect(comparison.cells.map(({ cell, lastCell, last: l, this: t }) => ({ cell, lastCell, last: l, this: t }))).toEqual(expected);
    for (const c of comparison.cells) {
      expect(c.change).toBeCloseTo(c.this - c.last, 6);
      expect(c.percent).toBe(c.last === 0 ? null : (c.change / c.last) * 100);
    }
    // Every cell of 2021 is paired, only this year's, or listed as unmatched.
    const accounted = new Set([...comparison.cells, ...comparison.onlyLast, ...comparison.onlyThis, ...comparison.unmatched.this].map((c) => c.cell));
    const stated = formatIndex('gov2021').cells.filter((c) => thisValues.get(c.id)!.value !== null).map((c) => c.id);
    for (const id of stated) expect(accounted.has(id), id).toBe(true);
  });

  it('compares indicators by id even where the formats compute them from other cells', () => {
    const stock = comparison.indicators.find((i) => i.id === 'normative_docs_stock');
    expect(stock).toMatchObject({ last: 1, this: 5 });
    expect(stock!.lastFormula).toContain('对外公开总数量');
    expect(stock!.formula).toContain('现行有效件数');
  });
});

describe('indicators with nothing to divide by', () => {
  it('gives no rate where the denominator is 0 and no count where nothing is stated', () => {
    const last = createReport({ format: 'gov2021', year: 2023, organ: '某镇人民政府' });
    const current = createReport({ format: 'gov2021', year: 2024, organ: '某镇人民政府' });
    current.cells['requests.new.natural'] = { raw: '0', source: 'typed' };
    current.cells['appeals.count.review_pending'] = { raw: '2', source: 'typed' };
    const { indicators } = compareReports(last, current);
    const of = (id: string) => indicators.find((i) => i.id === id)!;
    expect(of('requests_total')).toMatchObject({ last: null, this: 0 });
    expect(of('granted_rate')).toMatchObject({ last: null, this: null, rate: true });
    // Two pending appeals, none decided: no 纠错率.
    expect(of('review_correction_rate').this).toBeNull();
  });
});
