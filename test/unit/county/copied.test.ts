/** The share of prose copied from the unit's previous year, and how a unit's previous report is found. */
import { describe, expect, it } from 'vitest';
import { copiedProseShare, findPreviousYear, normalizeProse } from '../../../shared/county/copied.ts';
import { createReport, type Report } from '../../../shared/model/report.ts';
import { sampleReport } from '../../fixtures/countyFolder.ts';

function prose(year: number, texts: { preface?: string; 一?: string; 二?: string; 六?: string }): Report {
  const report = createReport({ format: 'gov2021', year, organ: '甲镇人民政府' });
  if (texts.preface) report.preface = { text: texts.preface, source: 'typed' };
  for (const key of ['一', '二', '六'] as const) if (texts[key]) report.sections[key] = { text: texts[key], source: 'typed' };
  return report;
}

const A = '本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。';
const B = '全年主动公开各类信息一千余条，其中规范性文件十二件，均在政府网站专栏集中发布。';
const C = '下一步将加强业务培训，提升信息公开工作人员的专业能力，确保答复规范及时准确。';

describe('normalizeProse', () => {
  it.each([
    ['2024年共收到申请 12 件。', '#年共收到申请#件'],
    ['２０２４年，公开率100.0%', '#年公开率#'],
    ['“政务公开”\n  专栏', '政务公开专栏'],
  ])('%j → %j', (text, normalized) => expect(normalizeProse(text)).toBe(normalized));
});

describe('copiedProseShare', () => {
  it.each<[string, Report, Report, number | null]>([
    ['every sentence kept', prose(2024, { 一: A + B }), prose(2023, { 一: A + B }), 1],
    ['nothing kept', prose(2024, { 一: C }), prose(2023, { 一: A + B }), 0],
    ['only the year and figures changed', prose(2024, { 一: '2024年共办理申请35件，答复率100%。' }), prose(2023, { 一: '2023年共办理申请12件，答复率98%。' }), 1],
    ['punctuation and spacing changed', prose(2024, { 一: A.replace(/，/g, ', ').replace('。', '') }), prose(2023, { 一: A }), 1],
    ['a paragraph moved to another section', prose(2024, { 六: B }), prose(2023, { 二: B }), 1],
    ['this year has no prose', prose(2024, {}), prose(2023, { 一: A }), null],
    ['last year has no prose', prose(2024, { 一: A }), prose(2023, {}), null],
  ])('%s', (_, current, last, share) => expect(copiedProseShare(current, last)).toBe(share));

  it('weighs by characters: one of two equal paragraphs kept is about half', () => {
    const share = copiedProseShare(prose(2024, { preface: A, 一: C }), prose(2023, { preface: A, 一: B }));
    const [a, c] = [normalizeProse(A).length, normalizeProse(C).length];
    expect(share).toBeCloseTo(a / (a + c), 2);
  });

  it('a stock phrase shared by chance is not copying', () => {
    const share = copiedProseShare(prose(2024, { 一: `今年政府信息公开工作${C}` }), prose(2023, { 一: `政府信息公开工作${A}` }))!;
    expect(share).toBeLessThan(0.1);
  });

  it('on the published samples: 洪泽区 2024 repeats part of 2023, not all of it', () => {
    const share = copiedProseShare(sampleReport('2024_hongze-district.txt'), sampleReport('2023_hongze-district.txt'))!;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.95);
    expect(copiedProseShare(sampleReport('2024_hongze-district.txt'), sampleReport('2022_pingtan-zone.txt'))!).toBeLessThan(share);
  });
});

describe('findPreviousYear', () => {
  const unit = (file: string, organ: string, year: number | null) => ({ file, organ, year });

  it('pairs the same organ in consecutive years, tolerant of short names, and says how', () => {
    const found = findPreviousYear([
      unit('2024/洪泽.txt', '淮安市洪泽区人民政府', 2024),
      unit('2023/洪泽.txt', '洪泽区人民政府', 2023),
      unit('2024/淮安.docx', '淮安市人民政府', 2024),
      unit('2023/淮安.docx', '淮安市人民政府', 2023),
      unit('2022/淮安.docx', '淮安市人民政府', 2022),
      unit('2024/沭阳.txt', '沭阳县发展和改革局', 2024),
      unit('2022/沭阳.txt', '沭阳县发展和改革局', 2022),
      unit('无年度.txt', '淮安市人民政府', null),
    ]);
    expect(Object.fromEntries([...found].map(([file, p]) => [file, `${p.file} ${p.year} ${p.rule}`]))).toEqual({
      '2024/洪泽.txt': '2023/洪泽.txt 2023 substring',
      '2024/淮安.docx': '2023/淮安.docx 2023 same',
      '2023/淮安.docx': '2022/淮安.docx 2022 same',
    });
  });

  it('maps both copies of a unit sent twice, to the first of two previous copies', () => {
    const found = findPreviousYear([
      unit('b.txt', '甲镇', 2024),
      unit('a.txt', '甲镇人民政府', 2024),
      unit('z-2023.txt', '甲镇', 2023),
      unit('y-2023.txt', '甲镇', 2023),
    ]);
    expect(found.get('a.txt')?.file).toBe('y-2023.txt');
    expect(found.get('b.txt')?.file).toBe('y-2023.txt');
    expect(found.size).toBe(2);
  });

  it('leaves a name that fits two of last year’s organs unpaired', () => {
    const found = findPreviousYear([unit('a.txt', '城关镇', 2024), unit('b.txt', '东城关镇', 2023), unit('c.txt', '西城关镇', 2023)]);
    expect(found.size).toBe(0);
  });
});
