import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../../shared/formats/types.ts';
import type { LastYearBaseline } from '../../../shared/model/report.ts';
import { startNextYear } from '../../../shared/carryover/startNextYear.ts';
import { checkReport } from '../../../shared/checks/index.ts';
import { buildReport, findingsOf } from './build.ts';

function baseline(format: FormatId, year: number, values: Record<string, number | null>): LastYearBaseline {
  return { format, year, organ: '测试镇人民政府', values, sections: {} };
}

interface CrossCase {
  name: string;
  format: FormatId;
  year: number;
  last: LastYearBaseline;
  cells: Record<string, string>;
  rule: string;
  messages: string[];
}

describe('cross-year rules', () => {
  it.each<CrossCase>([
    {
      name: '上年结转 differs from last year’s 结转下年度继续办理',
      format: 'gov2021',
      year: 2024,
      last: baseline('gov2021', 2023, { 'requests.carried_out.natural': 3 }),
      cells: { 'requests.carried_in.natural': '2' },
      rule: 'crossyear.requests_carried_in',
      messages: ['二、上年结转申请数量·自然人 应为 3（上年报告的“结转下年度继续办理”），现为 2'],
    },
    {
      name: '上年结转 read across the 2019→2021 change of format',
      format: 'gov2021',
      year: 2021,
      last: baseline('gov2019', 2020, { 'requests.carried_out.natural': 1 }),
      cells: { 'requests.carried_in.natural': '1' },
      rule: 'crossyear.requests_carried_in',
      messages: [],
    },
    {
      name: '现行有效件数 = last year + 制发 − 废止',
      format: 'gov2021',
      year: 2024,
      last: baseline('gov2021', 2023, { 'art20_1.normative_docs.in_force': 5 }),
      cells: { 'art20_1.normative_docs.issued': '3', 'art20_1.normative_docs.repealed': '1', 'art20_1.normative_docs.in_force': '8' },
      rule: 'crossyear.in_force',
      messages: ['第二十条第（一）项·行政规范性文件·现行有效件数 应为 7（上年报告的“现行有效件数”加本年制发件数、减本年废止件数），现为 8'],
    },
    {
      name: '现行有效件数 is not compared with a 2019-format baseline',
      format: 'gov2021',
      year: 2021,
      last: baseline('gov2019', 2020, { 'art20_1.normative_docs.in_force': 5 }),
      cells: { 'art20_1.normative_docs.issued': '0', 'art20_1.normative_docs.repealed': '0', 'art20_1.normative_docs.in_force': '8' },
      rule: 'crossyear.in_force',
      messages: [],
    },
    {
      name: '上一年项目数量 = last year’s 上一年项目数量 + 本年增/减',
      format: 'gov2019',
      year: 2020,
      last: baseline('gov2019', 2019, { 'art20_6.penalty.items_last_year': 10, 'art20_6.penalty.change': -2 }),
      cells: { 'art20_6.penalty.items_last_year': '10' },
      rule: 'crossyear.items_last_year',
      messages: ['第二十条第（六）项·行政处罚·上一年项目数量 应为 8（上年报告的“上一年项目数量”加“本年增/减”），现为 10'],
    },
    {
      name: '对外公开总数量 falling below last year and rising too much',
      format: 'gov2019',
      year: 2020,
      last: baseline('gov2019', 2019, { 'art20_1.regulations.total_published': 6, 'art20_1.normative_docs.total_published': 6 }),
      cells: {
        'art20_1.regulations.total_published': '4',
        'art20_1.normative_docs.published': '1',
        'art20_1.normative_docs.total_published': '9',
      },
      rule: 'crossyear.total_published',
      messages: [
        '第二十条第（一）项·规章·对外公开总数量 现为 4，应不低于上年报告的“对外公开总数量”（6）',
        '第二十条第（一）项·规范性文件·对外公开总数量 现为 9，应不超过上年报告的“对外公开总数量”加本年新公开数量（7）',
      ],
    },
    {
      name: 'missing values are skipped',
      format: 'gov2021',
      year: 2024,
      last: baseline('gov2021', 2023, { 'requests.carried_out.natural': null }),
      cells: { 'requests.carried_in.natural': '2' },
      rule: 'crossyear',
      messages: [],
    },
    {
      name: 'a baseline that is not last year is ignored',
      format: 'gov2021',
      year: 2024,
      last: baseline('gov2021', 2022, { 'requests.carried_out.natural': 3 }),
      cells: { 'requests.carried_in.natural': '2' },
      rule: 'crossyear',
      messages: [],
    },
  ])('$name', ({ format, year, last, cells, rule, messages }) => {
    const found = findingsOf(buildReport({ format, year, cells, lastYear: last }), rule);
    expect(found.map((f) => f.message)).toEqual(messages);
    for (const f of found) expect(f).toMatchObject({ severity: 'warning', key: `${f.rule}:${f.cells[0]}` });
  });

  it('points at this year’s cells in the equation', () => {
    const report = buildReport({
      format: 'gov2021',
      year: 2024,
      lastYear: baseline('gov2021', 2023, { 'art20_1.regulations.in_force': 0 }),
      cells: { 'art20_1.regulations.issued': '1', 'art20_1.regulations.repealed': '0', 'art20_1.regulations.in_force': '0' },
    });
    expect(findingsOf(report, 'crossyear.in_force')[0]?.cells).toEqual([
      'art20_1.regulations.in_force',
      'art20_1.regulations.issued',
      'art20_1.regulations.repealed',
    ]);
  });
});

describe('a carried 现行有效件数 brought up to date in one click', () => {
  it.each<[string, Record<string, string>, { kind: string; cell: string; raw: string } | undefined]>([
    ['carried 5, 4 issued: 改为 9, as the clerk’s entry', { 'art20_1.regulations.issued': '4', 'art20_1.regulations.repealed': '0' }, { kind: 'setValue', cell: 'art20_1.regulations.in_force', raw: '9' }],
    ['carried 5, 4 issued, 2 repealed: 改为 7', { 'art20_1.regulations.issued': '4', 'art20_1.regulations.repealed': '2' }, { kind: 'setValue', cell: 'art20_1.regulations.in_force', raw: '7' }],
    ['nothing issued or repealed: no finding', { 'art20_1.regulations.issued': '0', 'art20_1.regulations.repealed': '0' }, undefined],
  ])('%s', (_name, cells, fix) => {
    const last = buildReport({ format: 'gov2021', year: 2024, cells: { 'art20_1.regulations.in_force': '5' } });
    const { report } = startNextYear(last);
    for (const [id, raw] of Object.entries(cells)) report.cells[id] = { raw, source: 'typed' };
    const found = checkReport(report).filter((f) => f.rule === 'crossyear.in_force');
    expect(found[0]?.fix).toEqual(fix);
    // The target is still the carried entry; the fix replaces it with a typed one.
    expect(report.cells['art20_1.regulations.in_force']?.source).toBe('carried');
  });

  it('an inequality names no single value: no fix', () => {
    const report = buildReport({
      format: 'gov2019',
      year: 2020,
      lastYear: baseline('gov2019', 2019, { 'art20_1.regulations.total_published': 6 }),
      cells: { 'art20_1.regulations.total_published': '4' },
    });
    expect(findingsOf(report, 'crossyear.total_published').map((f) => f.fix)).toEqual([undefined]);
  });
});

describe('carried values to confirm', () => {
  it('asks to confirm the 2019 对外公开总数量 carried into the 2021 现行有效件数, until confirmed or retyped', () => {
    const last = buildReport({ format: 'gov2019', year: 2020, cells: { 'art20_1.regulations.total_published': '12' } });
    const { report } = startNextYear(last, 2021);
    const asks = checkReport(report).filter((f) => f.rule === 'carryover.confirm');
    expect(asks.map((f) => f.cells)).toContainEqual(['art20_1.regulations.in_force']);
    const ask = asks.find((f) => f.cells[0] === 'art20_1.regulations.in_force')!;
    expect(ask).toMatchObject({ severity: 'warning', section: '二', fix: { kind: 'confirmCarried', cells: ['art20_1.regulations.in_force'] } });
    expect(ask.message).toMatch(/^第二十条第（一）项·规章·现行有效件数：.*请核实/);
    report.cells['art20_1.regulations.in_force'] = { raw: '12', source: 'carried' };
    expect(checkReport(report).filter((f) => f.cells[0] === 'art20_1.regulations.in_force' && f.rule === 'carryover.confirm')).toEqual([]);
  });
});
