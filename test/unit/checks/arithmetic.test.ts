import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../../shared/formats/types.ts';
import { buildReport, findingsOf } from './build.ts';

const FORMATS: FormatId[] = ['gov2019', 'gov2021'];

interface SumCase {
  name: string;
  cells: Record<string, string>;
  rule: string;
  message: string;
  expected: number;
  actual: number | null;
}

interface BalanceCase {
  name: string;
  cells: Record<string, string>;
  findings: string[];
}

describe.each(FORMATS)('sum rules (%s)', (format) => {
  it.each<SumCase>([
    {
      name: 'a stored blank 总计 whose parts add up',
      cells: { 'requests.granted.natural': '1', 'requests.partly_granted.natural': '1', 'requests.results_total.natural': '' },
      rule: 'requests.results_total',
      message: '（七）总计·自然人 应为 2（各项办理结果之和），现为 空',
      expected: 2,
      actual: null,
    },
    {
      name: 'an appeals 总计 typed 0 while parts add to 11',
      cells: { 'appeals.count.review_upheld': '6', 'appeals.count.review_corrected': '5', 'appeals.count.review_total': '0' },
      rule: 'appeals.review_total',
      message: '行政复议·总计 应为 11（行政复议结果维持、结果纠正、其他结果、尚未审结之和），现为 0',
      expected: 11,
      actual: 0,
    },
    {
      name: 'a row 总计 typed with parts all blank',
      cells: { 'requests.new.total': '4' },
      rule: 'requests.applicant_total',
      message: '一、本年新收申请数量·总计 应为 0（自然人与法人或其他组织各项之和），现为 4',
      expected: 0,
      actual: 4,
    },
  ])('$name', ({ cells, rule, message, expected, actual }) => {
    const [finding, ...rest] = findingsOf(buildReport({ format, cells }), rule);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', rule, message, expected, actual });
    expect(finding?.fix).toEqual({ kind: 'useComputed', cells: [finding?.cells[0]] });
    expect(finding?.key).toBe(`${rule}:${finding?.cells[0]}`);
  });

  it.each([
    ['computed (no entry)', { 'requests.granted.natural': '2' }],
    ['typed and right', { 'requests.granted.natural': '2', 'requests.results_total.natural': '2', 'requests.new.natural': '2', 'requests.new.total': '2' }],
    ['typed blank with blank parts', { 'requests.results_total.natural': '' }],
    ['typed 0 with blank parts', { 'appeals.count.review_total': '0' }],
  ])('no finding when the total is %s', (_name, cells) => {
    const report = buildReport({ format, cells });
    expect(findingsOf(report, 'requests.applicant_total')).toEqual([]);
    expect(findingsOf(report, 'requests.results_total')).toEqual([]);
    expect(findingsOf(report, 'appeals')).toEqual([]);
  });

  it('lists the total first, then its parts', () => {
    const [finding] = findingsOf(buildReport({ format, cells: { 'requests.new.natural': '3', 'requests.new.total': '2' } }), 'requests.applicant_total');
    expect(finding?.cells.slice(0, 3)).toEqual(['requests.new.total', 'requests.new.natural', 'requests.new.business']);
    expect(finding?.section).toBe('三');
  });
});

describe.each(FORMATS)('勾稽 balance (%s)', (format) => {
  it.each<BalanceCase>([
    {
      name: 'new + carried in ≠ results + carried out',
      cells: { 'requests.new.natural': '4', 'requests.carried_in.natural': '1', 'requests.granted.natural': '3', 'requests.carried_out.natural': '1' },
      findings: ['勾稽关系不平衡（自然人）：第一项加第二项之和为 5，第三项（七）总计加第四项之和为 4', '勾稽关系不平衡（总计）：第一项加第二项之和为 5，第三项（七）总计加第四项之和为 4'],
    },
    {
      name: 'a typed wrong total is used as stated',
      cells: { 'requests.new.business': '2', 'requests.granted.business': '2', 'requests.results_total.business': '3' },
      findings: ['勾稽关系不平衡（商业企业）：第一项加第二项之和为 2，第三项（七）总计加第四项之和为 3'],
    },
    {
      name: 'balanced',
      cells: { 'requests.new.natural': '4', 'requests.carried_in.natural': '1', 'requests.granted.natural': '3', 'requests.carried_out.natural': '2' },
      findings: [],
    },
    { name: 'all blank', cells: {}, findings: [] },
    // A report just started from last year's: only 上年结转 is filled, nothing handled yet.
    { name: 'only the left side filled (carried in) waits', cells: { 'requests.carried_in.natural': '103' }, findings: [] },
    { name: 'only the right side filled waits', cells: { 'requests.granted.natural': '3' }, findings: [] },
    {
      name: 'checked once the clerk has entered a part of each side',
      cells: { 'requests.carried_in.natural': '103', 'requests.granted.natural': '3' },
      findings: ['勾稽关系不平衡（自然人）：第一项加第二项之和为 103，第三项（七）总计加第四项之和为 3', '勾稽关系不平衡（总计）：第一项加第二项之和为 103，第三项（七）总计加第四项之和为 3'],
    },
  ])('$name', ({ cells, findings }) => {
    const found = findingsOf(buildReport({ format, cells }), 'requests.balance');
    expect(found.map((f) => f.message)).toEqual(findings);
    for (const f of found) expect(f.severity).toBe('error');
  });

  it('keys a balance finding by its column', () => {
    const [finding] = findingsOf(buildReport({ format, cells: { 'requests.new.legal': '1', 'requests.carried_out.legal': '2' } }), 'requests.balance');
    expect(finding?.key).toBe('requests.balance:requests.legal');
    expect(finding?.cells).toEqual(['requests.new.legal', 'requests.carried_in.legal', 'requests.results_total.legal', 'requests.carried_out.legal']);
  });
});
