/**
 * The prose and 基本信息 rule groups run again only when what they read
 * changed: a digit typed in a cell does not rescan the prose. The findings
 * stay exactly those of a fresh run, whatever was edited, and in place too.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Report } from '../../../shared/model/report.ts';
import { baselineOf, buildReport } from './build.ts';

const runs = { narrative: 0, proseNumbers: 0, info: 0, citation: 0 };

vi.mock('../../../shared/checks/narrative.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/checks/narrative.ts')>();
  return {
    ...actual,
    narrativeFindings: (...args: Parameters<typeof actual.narrativeFindings>) => (runs.narrative++, actual.narrativeFindings(...args)),
    proseNumberFindings: (...args: Parameters<typeof actual.proseNumberFindings>) => (runs.proseNumbers++, actual.proseNumberFindings(...args)),
  };
});
vi.mock('../../../shared/checks/info.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/checks/info.ts')>();
  return { ...actual, infoFindings: (...args: Parameters<typeof actual.infoFindings>) => (runs.info++, actual.infoFindings(...args)) };
});
vi.mock('../../../shared/checks/citation.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/checks/citation.ts')>();
  return { ...actual, citationFindings: (...args: Parameters<typeof actual.citationFindings>) => (runs.citation++, actual.citationFindings(...args)) };
});

const { checkReport } = await import('../../../shared/checks/index.ts');

/** The findings of a checks module loaded afresh, with nothing remembered. */
async function freshFindings(report: Report) {
  vi.resetModules();
  const fresh = await import('../../../shared/checks/index.ts');
  return fresh.checkReport(structuredClone(report));
}

function base(): Report {
  const report = buildReport({
    format: 'gov2021',
    year: 2024,
    cells: { 'requests.new.natural': '3', 'appeals.count.review_total': '1' },
    preface: '本报告依据国办公开办函〔2019〕60号编制。',
    sections: {
      一: '2023年，本镇共受理政府信息公开申请3件，行政复议2件。',
      五: '无',
      六: '测试镇人民政府',
    },
  });
  report.dateLine = '2024年3月1日';
  return report;
}

const withCell = (report: Report, id: string, raw: string): Report => ({ ...report, cells: { ...report.cells, [id]: { raw, source: 'typed' } } });

/** Which rule groups ran while checking this report. */
function ran(report: Report): string[] {
  runs.narrative = runs.proseNumbers = runs.info = runs.citation = 0;
  checkReport(report);
  return Object.entries(runs).flatMap(([group, n]) => (n > 0 ? [group] : []));
}

describe('remembered rule groups', () => {
  it('a digit in a cell the prose does not cite reruns none of the prose or 基本信息 rules', () => {
    const first = { ...base(), organ: '第一镇人民政府' };
    expect(ran(first)).toEqual(['narrative', 'proseNumbers', 'info', 'citation']);
    expect(ran(withCell(first, 'requests.granted.natural', '5'))).toEqual([]);
    expect(ran(withCell(first, 'requests.granted.natural', '57'))).toEqual([]);
  });

  it('each rule group reruns when something it reads changes', () => {
    let report = { ...base(), organ: '第二镇人民政府' };
    ran(report);
    // 三's new requests are what the prose's 受理…申请3件 is compared with.
    report = withCell(report, 'requests.new.business', '1');
    expect(ran(report)).toEqual(['proseNumbers']);
    report = { ...report, sections: { ...report.sections, 五: { text: '下一步将加强培训。', source: 'typed' } } };
    expect(ran(report)).toEqual(['narrative', 'proseNumbers', 'info', 'citation']);
    report = { ...report, organ: '另一镇人民政府' };
    expect(ran(report)).toEqual(['info']);
    report = { ...report, dateLine: '2025年1月5日' };
    expect(ran(report)).toEqual(['info']);
    report = { ...report, lastYear: { ...baselineOf(report), year: 2023 } };
    expect(ran(report)).toEqual(['narrative']);
  });

  it('every edit gives the findings of a fresh run, also when the report is changed in place', async () => {
    const report = base();
    const edits: ((r: Report) => void)[] = [
      (r) => void (r.cells['requests.new.total'] = { raw: '9', source: 'typed' }),
      (r) => void (r.cells['appeals.count.review_total'] = { raw: '2', source: 'typed' }),
      (r) => void (r.sections.一 = { text: r.sections.一.text, source: 'carried' }),
      (r) => void (r.preface.text = '本报告依据国办公开办函〔2021〕30号编制。'),
      (r) => void (r.organ = '测试镇人民政府办公室'),
      (r) => void (r.organKind = 'department'),
      (r) => void (r.dateLine = '2025年2月10日'),
      (r) => void (r.year = 2025),
      (r) => void (r.lastYear = { ...baselineOf(base()), year: 2024, sections: { 一: r.sections.一.text } }),
      (r) => void (r.lastYear = { ...baselineOf(base()), year: 2024, preface: r.preface.text }),
      (r) => void (r.preface.source = 'carried'),
      (r) => void (r.acknowledgements['narrative.thin:五'] = { explanation: '确无问题', at: '2025-01-01T00:00:00Z' }),
      (r) => void delete r.acknowledgements['narrative.thin:五'],
      (r) => void (r.sections.五.text = '2024年存在XX问题。'),
    ];
    checkReport(report);
    for (const edit of edits) {
      edit(report);
      expect(checkReport(report)).toEqual(await freshFindings(report));
    }
  });
});
