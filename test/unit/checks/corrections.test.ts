/**
 * Checks that were wrong on real reports: amounts stated to more than four
 * decimals, rows a body leaves out, prose compared with a wrong typed total,
 * and a corner total naming the rule that did not fail.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../shared/checks/index.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { buildReport, findingsOf } from './build.ts';

describe('an amount with more than four decimals', () => {
  const report = buildReport({ format: 'gov2021', year: 2025, cells: { 'art20_8.fees.amount': '4166.214619' } });

  it('is read to four decimals and the text is kept as stated', () => {
    const cell = evaluateReport(report).cells.get('art20_8.fees.amount');
    expect(cell?.value).toBe(4166.2146);
    expect(cell?.raw).toBe('4166.214619');
  });

  it('is a warning with a one-click rounding, never an error', () => {
    const found = checkReport(report).filter((f) => f.cells.includes('art20_8.fees.amount'));
    expect(found).toMatchObject([
      {
        severity: 'warning',
        rule: 'value.normalized',
        message: '第二十条第（八）项·行政事业性收费·本年收费金额 填写为“4166.214619”，按 4166.2146 万元 计（格式要求金额以万元为单位、保留4位小数，已四舍五入）',
        fix: { kind: 'normalize', cell: 'art20_8.fees.amount', raw: '4166.2146' },
      },
    ]);
  });
});

describe('rows a body does not have', () => {
  const NORMATIVE = { 'art20_1.normative_docs.issued': '2', 'art20_1.normative_docs.repealed': '0', 'art20_1.normative_docs.in_force': '7' };
  const REGULATIONS = ['art20_1.regulations.issued', 'art20_1.regulations.repealed', 'art20_1.regulations.in_force'];

  const imported = (cells: Record<string, string>) => {
    const report = buildReport({ format: 'gov2021', year: 2025 });
    for (const [id, raw] of Object.entries(cells)) report.cells[id] = { raw, source: 'imported' };
    return report;
  };

  it('a 规章 row left out of an imported report is one note with 填 0, not three blank cells', () => {
    const report = imported(NORMATIVE);
    const omitted = findingsOf(report, 'value.rowOmitted');
    expect(omitted).toMatchObject([
      {
        severity: 'warning',
        message: '第二十条第（一）项 未列出“规章”行，格式要求列出每一行；如本机关无此类事项应填 0',
        cells: REGULATIONS,
        fix: { kind: 'fillZero', cells: REGULATIONS },
      },
    ]);
    expect(findingsOf(report, 'value.blank').filter((f) => f.key === 'value.blank:art20_1')).toEqual([]);
    expect(findingsOf(report, 'value.blank').map((f) => f.key)).toContain('value.blank:art20_5');
  });

  it('an imported table missing its last row is noted too', () => {
    const report = imported({ 'art20_6.penalty.decisions': '12' });
    expect(findingsOf(report, 'value.rowOmitted').map((f) => f.message)).toEqual([
      '第二十条第（六）项 未列出“行政强制”行，格式要求列出每一行；如本机关无此类事项应填 0',
    ]);
  });

  it('rows left empty while typing, in any order, are blanks, not omitted', () => {
    const report = buildReport({ format: 'gov2021', year: 2025, cells: NORMATIVE });
    expect(findingsOf(report, 'value.rowOmitted')).toEqual([]);
    expect(findingsOf(report, 'value.blank').find((f) => f.key === 'value.blank:art20_1')?.cells).toEqual(REGULATIONS);
  });
});

describe('prose against the table', () => {
  // 总计 column typed 0 while 自然人 says 2: the table's own sum is 2.
  const cells = { 'requests.new.natural': '2', 'requests.new.total': '0' };

  it('compares with the computed total: “2件” agrees', () => {
    const report = buildReport({ format: 'gov2021', year: 2025, cells, sections: { 一: '全年共受理政府信息公开申请2件。' } });
    expect(findingsOf(report, 'prose.requests_received')).toEqual([]);
    expect(findingsOf(report, 'requests.applicant_total').map((f) => f.expected)).toEqual([2]);
  });

  it('names the wrong typed total when the prose disagrees', () => {
    const report = buildReport({ format: 'gov2021', year: 2025, cells, sections: { 一: '全年共受理政府信息公开申请5件。' } });
    expect(findingsOf(report, 'prose.requests_received')).toMatchObject([
      {
        expected: 2,
        actual: 5,
        message:
          '一、总体情况 中写有“共受理政府信息公开申请5件”，与三、收到和处理政府信息公开申请情况表中的申请数量（2）不一致；表中一、本年新收申请数量·总计填写为 0，与各项之和不符，请一并核对',
      },
    ]);
  });
});

describe('（七）总计·总计 names the rule that failed', () => {
  it('the row adds up, the column does not', () => {
    const report = buildReport({
      format: 'gov2021',
      year: 2025,
      cells: { 'requests.granted.natural': '2', 'requests.results_total.natural': '1', 'requests.results_total.total': '1' },
    });
    const corner = checkReport(report).find((f) => f.key === 'requests.applicant_total:requests.results_total.total');
    expect(corner).toMatchObject({ rule: 'requests.results_total', expected: 2, actual: 1 });
    expect(corner?.message).toBe('（七）总计·总计 应为 2（各项办理结果之和），现为 1');
  });

  it('the column adds up, the row does not', () => {
    const report = buildReport({
      format: 'gov2021',
      year: 2025,
      cells: { 'requests.granted.natural': '2', 'requests.granted.total': '3', 'requests.results_total.total': '3' },
    });
    const corner = checkReport(report).find((f) => f.key === 'requests.applicant_total:requests.results_total.total');
    expect(corner).toMatchObject({ rule: 'requests.applicant_total', expected: 2, actual: 3 });
  });
});
