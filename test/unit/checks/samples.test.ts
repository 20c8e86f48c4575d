/** The checks on the hand-transcribed sample reports: what reviewers find in the published copies. */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../shared/checks/index.ts';
import { importText } from '../../../shared/import/text.ts';
import type { Report } from '../../../shared/model/report.ts';
import {
  HAIGONGYUAN_2019,
  HONGZE_2023,
  HONGZE_2024,
  SAMPLES,
  SHUYANG_2023,
  XINXI_2020,
  sampleText,
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

/** The reviewer rules added for issue 14: none may raise an error on a published report. */
const REVIEWER_RULE = /^(?:info\.|narrative\.(?:citation|year|thin|heading)$|value\.rowOmitted$)/;

describe('reviewer rules on every published sample', () => {
  // Published web copies print no 落款 (except 沭阳县发展和改革局, dated 2024年1月17日, before the 31 January deadline);
  // three omit rows of 三 (洪泽区 the two new （六） rows, 新习镇 19 rows printed short).
  const omitsRows = new Set([XINXI_2020.file, HONGZE_2023.file, HONGZE_2024.file]);
  const expected = (fx: SampleFixture, imported: boolean): string[] => [
    ...(omitsRows.has(fx.file) ? ['value.rowOmitted'] : []),
    ...(imported && fx === SHUYANG_2023 ? [] : ['info.date']),
  ];
  const reviewerFindings = (report: Report) => checkReport(report).filter((f) => REVIEWER_RULE.test(f.rule));

  it.each(SAMPLES.map((fx) => [fx.file, fx] as const))('%s, as transcribed and as imported from its text', (_file, fx) => {
    for (const [imported, report] of [
      [false, reportFromFixture(fx)],
      [true, importText(sampleText(fx)).report],
    ] as const) {
      const found = reviewerFindings(report);
      expect(found.filter((f) => f.severity === 'error')).toEqual([]);
      expect(found.map((f) => f.rule)).toEqual(expected(fx, imported));
    }
  });

  it('洪泽区 2024 reused unedited for 2025: the sentences reporting 2024’s work are flagged, nothing in 五’s plans', () => {
    const report = reportFromFixture(HONGZE_2024);
    report.year = 2025;
    const found = checkReport(report).filter((f) => f.rule === 'narrative.year');
    const quoted = found.map((f) => `${f.section}:${f.message.match(/“(.+?)”/)?.[1] ?? ''}`);
    expect(quoted).toEqual([
      '一:2024年，',
      '一:2024年，我区在政府网站平台主动发布各类政府信息2428条，公开政府常务会议7期，解读信息发布7条',
      '一:2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复',
      '五:2024年，',
      '六:2024年，',
    ]);
    // As published (a 2024 report), 五's “2025年我们将切实抓好以下工作” is a plan: the first test finds no narrative.year.
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('沭阳县发展和改革局 2023 is signed in time: 2024年1月17日, a department’s deadline being 31 January', () => {
    const { report } = importText(sampleText(SHUYANG_2023));
    expect(report.dateLine).toBe('2024年1月17日');
    report.dateLine = '2024年2月1日';
    expect(checkReport(report).filter((f) => f.rule.startsWith('info.')).map((f) => f.rule)).toEqual(['info.dateLate']);
  });
});
