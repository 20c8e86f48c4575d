/** The checks on the hand-transcribed sample reports: what reviewers find in the published copies. */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../shared/checks/index.ts';
import type { Report } from '../../../shared/model/report.ts';
import {
  HAIGONGYUAN_2019,
  HONGZE_2023,
  HONGZE_2024,
  SAMPLES,
  TONGYUAN_2019,
  reportFromFixture,
  type SampleFixture,
} from '../../fixtures/samples/index.ts';
import { baselineOf } from './build.ts';

const findings = (fx: SampleFixture) => checkReport(reportFromFixture(fx));

describe('errors in the published samples', () => {
  const expected: Record<string, string[]> = {
    // （七）总计 published blank while its parts add to 2; as printed, the 勾稽 balance fails with it.
    [TONGYUAN_2019.file]: [
      'requests.results_total:requests.results_total.natural',
      'requests.applicant_total:requests.results_total.total',
      'requests.balance:requests.natural',
      'requests.balance:requests.total',
    ],
    // Both 四 总计 typed 0 while their parts add to 11 and 5.
    [HONGZE_2023.file]: ['appeals.review_total:appeals.count.review_total', 'appeals.suit_after_review_total:appeals.count.suit_after_review_total'],
  };

  it.each(SAMPLES.map((fx) => [fx.file, fx] as const))('%s', (file, fx) => {
    const errors = findings(fx).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.key)).toEqual(expected[file] ?? []);
  });

  it('says what 通元镇 should have written', () => {
    const [first] = findings(TONGYUAN_2019);
    expect(first?.message).toBe('（七）总计·自然人 应为 2（各项办理结果之和），现为 空');
  });

  it('says what 洪泽区 2023 should have written', () => {
    expect(findings(HONGZE_2023).filter((f) => f.severity === 'error').map((f) => f.expected)).toEqual([11, 5]);
  });
});

describe('warnings in the published samples', () => {
  it('海工园 2019: 采购总金额 in 元 and a Word bookmark', () => {
    const warned = findings(HAIGONGYUAN_2019).map((f) => f.key);
    expect(warned).toContain('plausibility.amount:art20_9.procurement.amount');
    expect(warned).toContain('narrative.leftover:五:[bookmark: _GoBack]');
  });

  it('洪泽区 2024: 17 applications in the prose, 95 in the table', () => {
    const report = reportFromFixture(HONGZE_2024);
    const prose = checkReport(report).filter((f) => f.rule === 'prose.requests_received');
    expect(prose).toHaveLength(1);
    const [finding] = prose;
    expect(finding).toMatchObject({ severity: 'warning', section: '一', expected: 95, actual: 17, cells: ['requests.new.total'] });
    const text = report.sections.一.text.slice(finding?.span?.start, finding?.span?.end);
    expect(text).toBe('受理政府信息公开申请17件');
  });
});

describe('洪泽区 2023 → 2024', () => {
  const withLastYear = (edit?: (cells: Report['cells']) => void) => {
    const report = reportFromFixture(HONGZE_2024);
    report.lastYear = baselineOf(reportFromFixture(HONGZE_2023));
    edit?.(report.cells);
    return checkReport(report).filter((f) => f.rule.startsWith('crossyear.'));
  };

  it('passes the cross-year rules (现行有效 5 + 3 制发 − 0 废止 = 8; 结转 carried over)', () => {
    expect(withLastYear()).toEqual([]);
  });

  it('would notice a 现行有效件数 that does not follow', () => {
    const found = withLastYear((cells) => {
      cells['art20_1.normative_docs.in_force'] = { raw: '9', source: 'typed' };
    });
    expect(found.map((f) => f.message)).toEqual([
      '第二十条第（一）项·行政规范性文件·现行有效件数 应为 8（上年报告的“现行有效件数”加本年制发件数、减本年废止件数），现为 9',
    ]);
  });
});
