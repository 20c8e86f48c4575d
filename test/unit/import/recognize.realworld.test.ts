/**
 * Shapes seen on real published reports (issue 15 §3), made from a real
 * sample by the one change each case names, so everything else about the
 * report is known: the import must read the change as the report means it,
 * say so in the import report, and leave every other cell and section as
 * the untouched sample gives them.
 */
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../../shared/export/html.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { importText } from '../../../shared/import/text.ts';
import type { ImportResult } from '../../../shared/import/types.ts';
import { HONGZE_2024, sampleLines } from '../../fixtures/samples/index.ts';

const LINES = sampleLines(HONGZE_2024);
const untouched = importText(LINES.join('\n'));
const raw = (r: ImportResult): Record<string, string> => Object.fromEntries(Object.entries(r.report.cells).map(([id, c]) => [id, c.raw]));

/** A table row in the pasted-text shape: a TAB line per cell, then an empty line. */
const row = (cells: string[]): string[] => [...cells.map((c) => `\t${c}`), ''];

function edited(edit: (lines: string[]) => string[]): ImportResult {
  return importText(edit([...LINES]).join('\n'));
}

function replaceLine(lines: string[], from: string, to: string[]): string[] {
  const at = lines.findIndex((l) => l.trim() === from);
  if (at < 0) throw new Error(`no line ${from}`);
  lines.splice(at, 1, ...to);
  return lines;
}

const FEE_TABLE = [...row(['通知收取件数', '通知收取金额（元）', '实际收取金额（元）']), ...row(['2', '100', '100'])];
const OTHER = '2024年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。';

describe('a section the formats do not have (五、信息处理费收取情况) before 六、存在的主要问题及改进措施', () => {
  const result = edited((lines) => {
    replaceLine(lines, '五、存在的主要问题及改进情况', ['五、信息处理费收取情况', '本年度信息处理费收取情况如下：', ...FEE_TABLE, '六、存在的主要问题及改进措施']);
    replaceLine(lines, '六、其他需要报告的事项', []);
    return replaceLine(lines, OTHER, []);
  });
  const { report, importReport } = result;

  it('reads the problems section as 五 by its title and reports 六 missing', () => {
    expect(importReport.sectionsFound).toContain('五');
    expect(importReport.sectionsMissing).toEqual(['六']);
    expect(report.sections.五.text).toBe(untouched.report.sections.五.text);
    expect(importReport.warnings).toContain('章节标题“六、存在的主要问题及改进措施”序号有误，已按“五、存在的主要问题及改进情况”识别');
    expect(importReport.warnings).toContain('未找到“六、其他需要报告的事项”的标题');
  });

  it('keeps the unknown section and its table as text in 六, marked, and says so', () => {
    expect(report.sections.六.text.split('\n')).toEqual([
      '【原文另设章节】五、信息处理费收取情况',
      '本年度信息处理费收取情况如下：',
      '通知收取件数\t通知收取金额（元）\t实际收取金额（元）',
      '2\t100\t100',
    ]);
    expect(importReport.warnings).toContain(
      '“五、信息处理费收取情况”不是规定的章节，其内容已并入“六、其他需要报告的事项”，其中的表格（2 行）不是法定表格，按文字保留，请核对',
    );
  });

  it('swallows nothing into 四 and reads every official cell as before', () => {
    expect(report.sections.四.text).toBe(untouched.report.sections.四.text);
    expect(raw(result)).toEqual(raw(untouched));
    expect(importReport.tablesMissing).toEqual([]);
  });
});

describe('title and signature', () => {
  const TITLE = ['淮安市洪泽区人民政府', '2024年政府信息公开工作年度报告'];
  it.each<[string, (lines: string[]) => string[], { organ: string; dateLine: string; note?: RegExp }]>([
    [
      'the organ on one line, "政府信息公开工作2024年度报告" on the next',
      (lines) => lines.toSpliced(0, 2, '宁波市鄞州区行政审批管理办公室', '政府信息公开工作2024年度报告'),
      { organ: '宁波市鄞州区行政审批管理办公室', dateLine: '' },
    ],
    [
      'a year-first title naming the organ',
      (lines) => lines.toSpliced(0, 2, '2024年上海市人民政府办公厅政府信息公开工作年度报告'),
      { organ: '上海市人民政府办公厅', dateLine: '' },
    ],
    [
      'no organ in the title: taken from the signature',
      (lines) => [...lines.toSpliced(0, 2, '2024年政府信息公开工作年度报告'), '淮安市洪泽区人民政府', '2025年1月20日'],
      { organ: '淮安市洪泽区人民政府', dateLine: '2025年1月20日', note: /已按落款取为“淮安市洪泽区人民政府”/ },
    ],
    [
      'a signature naming the organ’s office, dated in Chinese numerals',
      (lines) => [...lines, '淮安市洪泽区人民政府办公室', '二〇二五年一月二十日'],
      { organ: TITLE[0]!, dateLine: '二〇二五年一月二十日' },
    ],
    [
      'the signature and the date on one line',
      (lines) => [...lines, '淮安市洪泽区人民政府\u30002025年1月20日'],
      { organ: TITLE[0]!, dateLine: '2025年1月20日' },
    ],
    [
      'a signature of another body',
      (lines) => [...lines, '淮安市洪泽区数据局', '2025年1月20日'],
      { organ: TITLE[0]!, dateLine: '2025年1月20日', note: /落款机关“淮安市洪泽区数据局”与报告标题中的“淮安市洪泽区人民政府”不一致/ },
    ],
  ])('%s', (_what, edit, want) => {
    const { report, importReport } = edited(edit);
    expect(report.organ).toBe(want.organ);
    expect(importReport.organ).toBe(want.organ);
    expect(report.dateLine ?? '').toBe(want.dateLine);
    // The 落款 is no text of 六.
    expect(report.sections.六.text).toBe(untouched.report.sections.六.text);
    if (want.note) expect(importReport.warnings.some((w) => want.note!.test(w))).toBe(true);
    expect(importReport.warnings).not.toContain('未找到报告标题中的机关名称，请补填');
  });
});

describe('a value cell spanning the three （六） sub-rows (rowspan="3")', () => {
  const page = exportHtml(untouched.report, {});
  const lines = page.split('\n');
  const first = lines.findIndex((l) => l.includes('（六）其他处理'));

  /** The page with each value of the three sub-rows merged into one cell showing `value`. */
  function merged(value: string): Promise<ImportResult> {
    const out = [...lines];
    out[first] = out[first]!.replace(/<td ([^>]*)>[^<]*<\/td>/g, `<td rowspan="3" $1>${value}</td>`);
    out[first + 1] = out[first + 1]!.replace(/<td [^>]*>[^<]*<\/td>/g, '');
    out[first + 2] = out[first + 2]!.replace(/<td [^>]*>[^<]*<\/td>/g, '');
    return readReportBytes(new TextEncoder().encode(out.join('\n')), 'page.html');
  }
  const subRows = ['other_no_correction', 'other_no_fee', 'other_misc'];
  const cellsOf = (r: ImportResult, rowId: string): string[] =>
    Object.entries(r.report.cells)
      .filter(([id]) => id.startsWith(`requests.${rowId}.`))
      .map(([, c]) => c.raw);

  it('a merged 0 is 0 in each sub-row, not blanks', async () => {
    const result = await merged('0');
    for (const id of subRows) expect({ id, cells: cellsOf(result, id) }).toEqual({ id, cells: Array(7).fill('0') });
    expect(result.importReport.warnings.filter((w) => w.includes('合并'))).toEqual([]);
  });

  it('a merged number is counted once, in the first sub-row, and said', async () => {
    const result = await merged('5');
    expect(cellsOf(result, 'other_no_correction')).toEqual(Array(7).fill('5'));
    expect(cellsOf(result, 'other_no_fee')).toEqual(Array(7).fill(''));
    expect(cellsOf(result, 'other_misc')).toEqual(Array(7).fill(''));
    expect(result.importReport.warnings.filter((w) => w.includes('与上一行合并为一格'))).toHaveLength(2);
  });
});
