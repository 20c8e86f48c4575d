/** The plain-text export: headings, paragraphs, and tables aligned or tab-separated. */
import { formatIndex } from '../../../shared/formats/index.ts';
import { exportText } from '../../../shared/export/text.ts';
import { reportTitle, type Report } from '../../../shared/model/report.ts';
import { SAMPLE_REPORTS, builtReport, countOf, expectedCells, headings, numberTokens } from './expected.ts';

/** Display columns: CJK and full-width characters count two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2018-\u201d]/.test(ch) ? 2 : 1;
  return w;
}

function tablesRegion(text: string, report: Report): string {
  const [, two, , , five] = headings(report);
  return text.slice(text.indexOf(`\n${two!}`), text.indexOf(`\n${five!}`));
}

function valueTokens(report: Report): string[] {
  return expectedCells(report).flatMap((c) => numberTokens(c.text));
}

describe('exportText', () => {
  for (const { name, report } of SAMPLE_REPORTS) {
    it(`${name}: title, headings in order, every table number once in aligned and tab-separated tables`, () => {
      for (const tables of ['aligned', 'tsv'] as const) {
        const text = exportText(report, { tables, newline: '\n' });
        const lines = text.split('\n');
        expect(lines[0]).toBe(reportTitle(report));
        const at = headings(report).map((h) => lines.indexOf(h));
        expect(at.every((i) => i > 0)).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
        // The samples have no prose in 二–四, so the region holds exactly the tables' numbers.
        expect(countOf(numberTokens(tablesRegion(text, report)))).toEqual(countOf(valueTokens(report)));
      }
    });
  }

  it('aligns every number column of 三 and 四 at the same display column, counting CJK double', () => {
    const report = SAMPLE_REPORTS.find((s) => s.name === '2024_huaian-city')!.report;
    const lines = exportText(report, { newline: '\n' }).split('\n');
    // Rows of 三: a label (Han characters) and seven numbers.
    const rows = lines.filter((l) => /[\u4e00-\u9fff]/.test(l) && /([ \u3000]+\d+){7}$/.test(l));
    expect(rows.length).toBe(formatIndex(report.format).tables.get('requests')!.rows.length);
    const ends = (line: string) => [...line.matchAll(/\d+(?=\s|$)/g)].slice(-7).map((m) => width(line.slice(0, m.index + m[0].length)));
    for (const row of rows) expect(ends(row)).toEqual(ends(rows[0]!));
    const header = lines.find((l) => l.includes('自然人') && l.includes('总计'))!;
    expect(width(header)).toBe(ends(rows[0]!).at(-1));
    // Nesting as indentation: 三、本年度办理结果 over its rows, sub-rows deeper.
    expect(lines).toContain('三、本年度办理结果');
    expect(lines.some((l) => l.startsWith('\u3000（三）不予公开'))).toBe(true);
    expect(lines.some((l) => l.startsWith('\u3000\u30001.属于国家秘密'))).toBe(true);
    expect(lines).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    // Padded with full-width spaces, so a website's editor folding runs of ASCII spaces keeps the columns apart.
    expect(lines.filter((l) => / {2}/.test(l))).toEqual([]);
    expect(rows.every((row) => /\d\u3000/.test(row))).toBe(true);
  });

  it('writes tab-separated rows with every grid position, labels and values where the format puts them', () => {
    const report = builtReport('gov2021');
    const lines = exportText(report, { tables: 'tsv', newline: '\n' }).split('\n');
    const granted = lines.find((l) => l.split('\t')[1] === '（一）予以公开')!.split('\t');
    expect(granted).toHaveLength(10);
    expect(granted[0]).toBe('三、本年度办理结果');
    const expected = expectedCells(report).filter((c) => c.table === 'requests' && c.row === 'granted');
    expect(granted.slice(3)).toEqual(expected.map((c) => c.text));
    const fees = lines.find((l) => l.startsWith('行政事业性收费\t'))!.split('\t');
    expect(fees).toEqual(['行政事业性收费', expectedCells(report).find((c) => c.id === 'art20_8.fees.amount')!.text, '', '']);
  });

  it('indents paragraphs with two full-width spaces, ends lines with CRLF by default, prints blanks as 0 on request', () => {
    const report = builtReport('gov2019');
    report.cells['requests.new.natural'] = { raw: '', source: 'typed' };
    const text = exportText(report, { tables: 'tsv' });
    expect(text.split('\r\n')).toContain('\u3000\u3000一的情况说明第一段。');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const row = (t: string) => t.split('\r\n').find((l) => l.startsWith('一、本年新收'))!.split('\t');
    expect(row(text)[3]).toBe('');
    expect(row(exportText(report, { tables: 'tsv', blankAsZero: true }))[3]).toBe('0');
  });

  it('lists acknowledged warnings with their explanations', () => {
    const report = builtReport('gov2021');
    report.acknowledgements['k1'] = { explanation: '已核实。', at: '2025-01-10T08:00:00Z' };
    const text = exportText(report, { newline: '\n', findingsSheet: [{ key: 'k1', message: '提示一' }, { key: 'k2', message: '提示二' }] });
    const tail = text.slice(text.indexOf('检查说明'));
    expect(tail).toContain('1. 提示一\n\u3000\u3000说明：已核实。');
    expect(tail).not.toContain('提示二');
  });
});
