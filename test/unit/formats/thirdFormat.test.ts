/**
 * The promise of ARCHITECTURE.md: a new official format is one declaration,
 * registered. A synthetic gov2027 (a renamed row, an added column, a new
 * section rule, its own notice), declared here only, runs through the editor
 * model, the checks, carry-over, the file format, a text import and the
 * text, HTML and Word exports without any other file knowing it.
 */
import { describe, expect, it } from 'vitest';
import { startNextYear } from '../../../shared/carryover/startNextYear.ts';
import { checkReport } from '../../../shared/checks/index.ts';
import { exportDocx } from '../../../shared/export/docx.ts';
import { exportHtml } from '../../../shared/export/html.ts';
import { exportText } from '../../../shared/export/text.ts';
import { parseReportFile, serializeReport } from '../../../shared/file/document.ts';
import { formatForYear, formatIndex, getFormat, registerFormat } from '../../../shared/formats/index.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { createReport, type Report } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { ADDED, GOV2027, RENAMED } from '../../fixtures/thirdFormat.ts';

registerFormat(GOV2027);

const ORGAN = '某县人民政府办公室';

function report2027(): Report {
  const report = createReport({ format: 'gov2027', year: 2027, organ: ORGAN });
  const cells: Record<string, string> = {
    'art20_1.normative_docs.issued': '4',
    'art20_1.normative_docs.repealed': '1',
    'art20_1.normative_docs.in_force': '20',
    'art20_1.normative_docs.reviewed': '3',
    'requests.new.natural': '7',
    'requests.granted.natural': '5',
    'requests.carried_out.natural': '2',
  };
  for (const [id, raw] of Object.entries(cells)) report.cells[id] = { raw, source: 'typed' };
  report.preface = { text: '本报告根据国办公开办函〔2021〕30号编制。', source: 'typed' };
  report.sections.一 = { text: '2027年，本机关认真落实政府信息公开条例，全面推进政务公开工作。', source: 'typed' };
  report.sections.二 = { text: '全年主动公开政府信息120条。', source: 'typed' };
  report.sections.五 = { text: '存在的问题是公开内容不够全面。下一步将加强培训，完善制度。', source: 'typed' };
  report.sections.六 = { text: '本年度未收取信息处理费。', source: 'typed' };
  report.dateLine = '2028年1月20日';
  return report;
}

describe('a third format, registered through the public registry', () => {
  it('is chosen by its year range, and only for it', () => {
    expect(formatForYear(2027)).toBe('gov2027');
    expect(formatForYear(2030)).toBe('gov2027');
    expect(formatForYear(2026)).toBe('gov2021');
    expect(() => registerFormat(GOV2027)).toThrow();
  });

  it('the editor model has its cells and computes its totals', () => {
    const index = formatIndex('gov2027');
    expect(index.cellById.get('art20_1.normative_docs.reviewed')?.label).toBe(`第二十条第（一）项·${RENAMED}·${ADDED}`);
    const values = evaluateReport(report2027());
    expect(values.cells.get('requests.new.total')?.value).toBe(7);
    expect(values.cells.get('requests.results_total.natural')?.value).toBe(5);
  });

  it('the checks apply its own rules: arithmetic, its section rule, its notice', () => {
    const report = report2027();
    const rules = (r: Report) => checkReport(r).map((f) => f.rule);
    expect(rules(report)).toContain('narrative.gov2027.interpretation');
    const citation = checkReport(report).find((f) => f.rule === 'narrative.citation');
    expect(citation?.message).toBe('前言 引用的“国办公开办函〔2021〕30号”不是2027年度报告的格式文件，应为“国办公开办函〔2027〕12号”');
    expect(citation?.fix).toMatchObject({ kind: 'replaceText', to: '国办公开办函〔2027〕12号' });

    report.sections.二 = { text: '全年主动公开政府信息120条，发布政策解读6篇。', source: 'typed' };
    report.cells['requests.new.total'] = { raw: '9', source: 'typed' };
    const found = checkReport(report);
    expect(found.map((f) => f.rule)).not.toContain('narrative.gov2027.interpretation');
    expect(found.find((f) => f.rule === 'requests.applicant_total')?.message).toBe('一、本年新收申请数量·总计 应为 7（自然人与法人或其他组织各项之和），现为 9');
  });

  it('is saved and opened as a file, and started from last year’s gov2021 report', () => {
    const report = report2027();
    expect(parseReportFile(serializeReport(report))).toEqual(report);
    const last = createReport({ format: 'gov2021', year: 2026, organ: ORGAN });
    last.cells['art20_1.normative_docs.in_force'] = { raw: '17', source: 'typed' };
    last.cells['requests.carried_out.natural'] = { raw: '2', source: 'typed' };
    const { report: next } = startNextYear(last);
    expect(next.format).toBe('gov2027');
    expect(next.cells['art20_1.normative_docs.in_force']).toEqual({ raw: '17', source: 'carried' });
    expect(evaluateReport(next).cells.get('requests.carried_in.total')?.value).toBe(2);
  });

  it('exports text, HTML and Word with its renamed row and added column, and imports its text back', async () => {
    const report = report2027();
    const text = exportText(report, { tables: 'tsv' });
    expect(text).toContain(RENAMED);
    expect(text).toContain(ADDED);
    const html = exportHtml(report);
    expect(html).toContain(`>${RENAMED}<`);
    expect(html).toContain(`>${ADDED}<`);
    const docx = await exportDocx(report, { layout: 'official' });

    for (const [bytes, name] of [
      [new TextEncoder().encode(text), '2027.txt'],
      [docx, '2027.docx'],
    ] as const) {
      const { report: back } = await readReportBytes(bytes, name);
      expect(back.format, name).toBe('gov2027');
      expect(back.cells['art20_1.normative_docs.reviewed']?.raw, name).toBe('3');
      expect(back.cells['art20_1.normative_docs.in_force']?.raw, name).toBe('20');
      expect(back.cells['requests.new.natural']?.raw, name).toBe('7');
    }
    expect(getFormat('gov2027').sections.find((s) => s.key === '二')?.mustMention?.anyOf).toEqual(['政策解读']);
  });
});
