/** The HTML export parsed back: headings, real tables with the template's merges, every cell, escaping. */
import { readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { exportHtml } from '../../../shared/export/html.ts';
import { reportTitle } from '../../../shared/model/report.ts';
import { SAMPLES_DIR } from '../../fixtures/samples/index.ts';
import { readDocx } from './docxGrid.ts';
import { SAMPLE_REPORTS, builtReport, expectedCells, headings } from './expected.ts';

function parse(html: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const all = (el: { getElementsByTagName(n: string): ArrayLike<Element> }, tag: string) => Array.from(el.getElementsByTagName(tag));
  return { doc, all };
}

describe('exportHtml', () => {
  for (const { name, report } of SAMPLE_REPORTS) {
    it(`${name}: a UTF-8 page with the title, headings in order and every cell`, () => {
      const html = exportHtml(report);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('<meta charset="utf-8">');
      const { doc, all } = parse(html);
      expect(all(doc, 'title')[0]!.textContent).toBe(reportTitle(report));
      expect(all(doc, 'h2').map((h) => h.textContent)).toEqual(headings(report));
      expect(all(doc, 'table')).toHaveLength(3);
      const byId = new Map(all(doc, 'td').map((td) => [td.getAttribute('data-cell'), td.textContent]));
      for (const cell of expectedCells(report)) expect([cell.id, byId.get(cell.id)]).toEqual([cell.id, cell.text]);
    });
  }

  it('merges cells as the province’s 2021 template does: as many colspans and rowspans per table', () => {
    const template = readDocx(new Uint8Array(readFileSync(`${SAMPLES_DIR}template-2021-format-blank.docx`)));
    const expected = template.tables.map((t) => {
      const tcs = [...new Set(t.rows.flatMap((line) => line.map((c) => c.tc)))];
      const cells = tcs.map((tc) => t.rows.flat().find((c) => c.tc === tc)!);
      return { colspan: cells.filter((c) => c.gridSpan > 1 && c.vMerge !== 'continue').length, rowspan: cells.filter((c) => c.vMerge === 'restart').length };
    });
    const { doc, all } = parse(exportHtml(builtReport('gov2021')));
    const ours = all(doc, 'table').map((table) => ({
      colspan: all(table, '*').filter((c) => c.hasAttribute('colspan')).length,
      rowspan: all(table, '*').filter((c) => c.hasAttribute('rowspan')).length,
    }));
    expect(ours).toEqual(expected);
    const requests = all(doc, 'table')[1]!;
    const group = all(requests, 'th').find((th) => th.textContent === '三、本年度办理结果')!;
    expect(group.getAttribute('rowspan')).toBe('22');
    expect(all(requests, 'thead')[0]!.getElementsByTagName('tr')).toHaveLength(3);
  });

  it('captions each table with its section and groups each item of 二 (caption, header, rows) to keep on one page', () => {
    const { doc, all } = parse(exportHtml(builtReport('gov2021')));
    expect(all(doc, 'caption').map((c) => c.textContent)).toEqual(headings(builtReport('gov2021')).slice(1, 4));
    const art20 = all(doc, 'table')[0]!;
    const items = all(art20, 'tbody');
    expect(items.map((b) => b.getAttribute('class'))).toEqual(items.map(() => 'item'));
    for (const item of items) {
      const rows = all(item, 'tr').map((tr) => tr.getAttribute('class') ?? 'data');
      expect(rows.slice(0, 2)).toEqual(['caption', 'header']);
      expect(rows.slice(2).every((k) => k === 'data') && rows.length > 2).toBe(true);
    }
  });

  it('escapes text and keeps the print rules of the 公文 page', () => {
    const report = builtReport('gov2019');
    report.organ = '某镇<script>';
    const html = exportHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('第二段，含&lt;标记&gt;与&amp;符号。');
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm;');
    const { doc, all } = parse(html);
    expect(all(doc, 'p').map((p) => p.textContent)).toContain('第二段，含<标记>与&符号。');
  });

  it('adds the 检查说明 section with the explained warnings', () => {
    const report = builtReport('gov2021');
    report.acknowledgements['k1'] = { explanation: '已核实。', at: '2025-01-10T08:00:00Z' };
    const { doc, all } = parse(exportHtml(report, { findingsSheet: [{ key: 'k1', message: '提示一' }] }));
    const sheet = all(doc, 'section').find((s) => s.getAttribute('class') === 'findings')!;
    expect(all(sheet, 'tr').map((tr) => all(tr, '*').filter((c) => c.parentNode === tr).map((c) => c.textContent))).toEqual([
      ['序号', '检查提示', '情况说明'],
      ['1', '提示一', '已核实。'],
    ]);
  });
});

describe('exportHtml: headers named by id', () => {
  it('heads a value by its own column header and row label, never by a header of another part of the grid', () => {
    const html = exportHtml(builtReport('gov2021'));
    const texts = new Map([...html.matchAll(/<th[^>]* id="([^"]+)"[^>]*>([^<]*)<\/th>/g)].map((m) => [m[1]!, m[2]!]));
    const headsOf = (id: string) => {
      const headers = new RegExp(`<td[^>]* headers="([^"]+)"[^>]* data-cell="${id.replace(/\./g, '\\.')}"`).exec(html)?.[1] ?? '';
      return headers.split(' ').map((h) => texts.get(h) ?? `missing ${h}`);
    };
    const total = headsOf('requests.results_total.total');
    expect(total).toContain('总计');
    expect(total).toContain('（七）总计');
    expect(total).not.toContain('法人或其他组织');
    expect(headsOf('requests.carried_out.natural')).not.toContain('三、本年度办理结果');
    expect(html).not.toContain('scope="');
  });
});
