import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startNextYear } from '../../../shared/carryover/startNextYear.ts';
import { checkReport } from '../../../shared/checks/index.ts';
import { draftSection, draftSections } from '../../../shared/compare/drafts.ts';
import { DRAFTS, figurePattern } from '../../../shared/formats/drafts.ts';
import { getFormat, FORMAT_IDS } from '../../../shared/formats/index.ts';
import type { SectionKey } from '../../../shared/formats/types.ts';
import { decodeText, importText } from '../../../shared/import/text.ts';
import type { Report } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';

const SAMPLES = new URL('../../../../shared/samples/', import.meta.url).pathname;
const sample = (name: string): Report => importText(decodeText(readFileSync(SAMPLES + name))).report;
const NAMES = readdirSync(SAMPLES).filter((n) => n.endsWith('.txt'));

/** The report with one section's prose replaced by its draft. */
function withDraft(report: Report, section: SectionKey): { report: Report; text: string } {
  const text = draftSection(report, section)!;
  return { report: { ...report, sections: { ...report.sections, [section]: { text, source: 'drafted' } } }, text };
}

const proseFindings = (report: Report, section: SectionKey) =>
  checkReport(report).filter((f) => f.section === section && (f.rule.startsWith('prose.') || f.rule.startsWith('narrative.')));

describe('drafted paragraphs pass the prose checks', () => {
  const cases = NAMES.flatMap((name) => {
    const report = sample(name);
    return draftSections(report.format).map((section) => [name, section, report] as const);
  });

  it.each(cases)('%s · %s: no prose finding from the draft', (_name, section, report) => {
    const { report: drafted, text } = withDraft(report, section);
    expect(text).toMatch(/\d/);
    expect(proseFindings(drafted, section)).toEqual([]);
  });

  it.each(cases)('%s · %s: every number in it is one the prose check verifies', (_name, section, report) => {
    const { report: drafted, text } = withDraft(report, section);
    // The numbers of the tables: every one is found by a prose rule of the format.
    const rules = getFormat(report.format).proseNumbers;
    const covered = new Set<number>();
    for (const figure of DRAFTS[report.format]!.figures) {
      const rule = rules.find((r) => r.id === (figure.verifiedBy ?? `prose.${figure.id}`));
      expect(rule, figure.id).toBeDefined();
      // Where the captured number starts: its last occurrence in the match (only the unit follows it).
      for (const m of text.matchAll(new RegExp(rule!.pattern, 'g'))) covered.add(m.index + m[0].lastIndexOf(m[1]!));
    }
    // Every number but the change against last year (较上年增加B件（C%）), which the baseline gives, not the tables.
    const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)].filter((m) => !/^较上年(?:增加|减少)$/.test(text.slice(m.index - 5, m.index)) && text[m.index - 1] !== '（');
    expect(numbers.length).toBeGreaterThan(0);
    for (const m of numbers) expect(covered.has(m.index), `${m[0]} at ${m.index} in ${text}`).toBe(true);
    // And a number changed in the draft is caught wherever the table states the figure: the check reads the draft.
    const values = evaluateReport(report);
    const stated = DRAFTS[report.format]!.figures.filter((f) => f.cells.every((c) => values.cells.get(c)?.value !== null));
    for (const figure of stated) {
      const m = new RegExp(figurePattern(figure)).exec(text);
      if (!m) continue;
      const at = m.index + m[0].lastIndexOf(m[1]!);
      const wrong = text.slice(0, at) + String(Number(m[1]) + 1000) + text.slice(at + m[1]!.length);
      const mistyped = { ...drafted, sections: { ...drafted.sections, [section]: { text: wrong, source: 'typed' as const } } };
      expect(proseFindings(mistyped, section).map((f) => f.actual), figure.id).toContain(Number(m[1]) + 1000);
    }
  });
});

describe('drafted paragraphs with last year’s figures (洪泽区 2023 → 2024)', () => {
  const { report } = startNextYear(sample('2023_hongze-district.txt'));
  const current: Report = { ...report, cells: sample('2024_hongze-district.txt').cells };

  it.each<[SectionKey, string]>([
    [
      '三',
      '本年度共新收政府信息公开申请95件，较上年增加74件（352.4%），上年结转申请0件。办理结果中，予以公开50件，部分公开9件，不予公开3件，无法提供32件，不予处理1件，其他处理0件；结转下年度继续办理0件。',
    ],
    [
      '二',
      '本年度制发规章0件，废止规章0件，现行有效规章0件；制发行政规范性文件3件，废止行政规范性文件0件，现行有效行政规范性文件8件，较上年增加3件（60.0%）。\n本年度作出行政许可处理决定9487件，行政处罚处理决定2776件，行政强制处理决定84件；行政事业性收费金额7545万元。',
    ],
    [
      '四',
      // 2023 printed 0 as the 复议 总计 beside 10 and 1: its figures are read as their sum, as the checks read totals.
      '本年度因政府信息公开工作被申请行政复议2件，较上年减少9件（81.8%），其中结果维持1件，结果纠正1件，其他结果0件，尚未审结0件；被提起行政诉讼4件，较上年减少1件（20.0%），其中结果维持3件，结果纠正0件，其他结果1件，尚未审结0件。',
    ],
  ])('%s', (section, text) => {
    expect(draftSection(current, section)).toBe(text);
  });

  it('says nothing of last year without its figures', () => {
    expect(draftSection(sample('2024_hongze-district.txt'), '三')).not.toContain('上年增加');
  });

  it.each(FORMAT_IDS)('%s declares templates only for 二, 三 and 四, naming only its own figures', (format) => {
    expect(draftSections(format)).toEqual(['二', '三', '四']);
    const drafts = DRAFTS[format]!;
    const ids = new Set(drafts.figures.map((f) => f.id));
    for (const t of drafts.templates) for (const p of t.paragraphs) for (const m of p.matchAll(/\{([a-z_]+)/g)) expect(ids.has(m[1]!), m[1]).toBe(true);
  });
});
