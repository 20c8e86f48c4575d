/**
 * The exported .docx read back from its XML: every heading and cell where
 * the format puts it, the official merges (compared with the province's own
 * template), fonts, page geometry, widths and page numbers.
 */
import { readFileSync } from 'node:fs';
import type { Element } from '@xmldom/xmldom';
import { condensingTwentieths, exportDocx, rowsKeptWithNext, signatureIndents, type DocxOptions } from '../../../shared/export/docx.ts';
import { layoutReport } from '../../../shared/export/layout.ts';
import { reportTitle, type Report } from '../../../shared/model/report.ts';
import { SAMPLES_DIR } from '../../fixtures/samples/index.ts';
import { child, children, joinCutTables, readDocx, rowWithLabel, wAttr, W, type DocxBody, type DocxTable } from './docxGrid.ts';
import { SAMPLE_REPORTS, builtReport, expectedCells, headings } from './expected.ts';

/** Which Word table holds a format table and how many label columns precede its values (formats.md, the template). */
function place(tableId: string): { index: number; labelColumns: number } {
  if (tableId.startsWith('art20_')) return { index: 0, labelColumns: 1 };
  if (tableId === 'requests') return { index: 1, labelColumns: 3 };
  if (tableId === 'appeals') return { index: 2, labelColumns: 0 };
  throw new Error(`unexpected table ${tableId}`);
}

/** The exported body, a table cut over two pages read as one. */
async function exported(report: Report, options: DocxOptions = { layout: 'official' }): Promise<DocxBody> {
  return joinCutTables(readDocx(await exportDocx(report, options)));
}

function checkCells(report: Report, doc: DocxBody): void {
  expect(doc.tables).toHaveLength(3);
  for (const cell of expectedCells(report)) {
    const { index, labelColumns } = place(cell.table);
    const table = doc.tables[index]!;
    const line = labelColumns === 0 ? table.rows.at(-1)! : rowWithLabel(table, cell.rowLabel, labelColumns);
    const found = line[labelColumns + cell.column]!;
    expect({ id: cell.id, text: found.text }).toEqual({ id: cell.id, text: cell.text });
  }
}

/** A w:onOff property that is present and not switched off. */
function isOn(el: Element | undefined): boolean {
  return el !== undefined && !['0', 'false', 'off'].includes(wAttr(el, 'val') ?? 'true');
}

function paragraphTexts(doc: DocxBody): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'p' ? [b.text] : []));
}

function runFonts(p: Element): { eastAsia: string | null; ascii: string | null; size: string | null } {
  const rPr = child(child(p, 'r')!, 'rPr')!;
  const fonts = child(rPr, 'rFonts');
  return { eastAsia: wAttr(fonts, 'eastAsia'), ascii: wAttr(fonts, 'ascii'), size: wAttr(child(rPr, 'sz'), 'val') };
}

function paragraphNamed(doc: DocxBody, text: string): Element {
  const block = doc.blocks.find((b) => b.kind === 'p' && b.text === text);
  if (!block || block.kind !== 'p') throw new Error(`no paragraph “${text}”`);
  return block.element;
}

/** Per row, each w:tc as span/vMerge/label text; numbers and blanks (template placeholders) as ''. */
function mergeShape(table: DocxTable): string[] {
  return table.rows.map((line, r) => {
    const tcs = [...new Set(line.map((c) => c.tc))];
    return tcs
      .map((tc) => {
        const cell = line.find((c) => c.tc === tc)!;
        const text = cell.row === r && !cell.vMerge?.startsWith('c') ? cell.text.replace(/[\s\u3000]/g, '') : '';
        return `${cell.gridSpan}/${cell.vMerge ?? '-'}/${/^[-\d.]*$/.test(text) ? '' : text}`;
      })
      .join(' | ');
  });
}

describe('exportDocx: the content where the format puts it', () => {
  for (const { name, report } of SAMPLE_REPORTS) {
    it(`${name}: title, headings in order, every cell by row label and column`, async () => {
      const doc = await exported(report);
      const texts = paragraphTexts(doc);
      expect(texts[0]).toBe(reportTitle(report));
      const at = headings(report).map((h) => texts.indexOf(h));
      expect(at.every((i) => i > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      checkCells(report, doc);
    });
  }

  it('prints a computed total as computed, a typed total as typed, and blanks as blank or 0', async () => {
    const report = builtReport('gov2021');
    report.cells['requests.new.total'] = { raw: '999', source: 'override' };
    report.cells['requests.new.natural'] = { raw: '', source: 'typed' };
    report.cells['appeals.count.review_upheld'] = { raw: '—', source: 'typed' };
    const doc = await exported(report);
    checkCells(report, doc);
    const requests = doc.tables[1]!;
    expect(rowWithLabel(requests, '一、本年新收政府信息公开申请数量', 3)[3]!.text).toBe('');
    expect(rowWithLabel(requests, '一、本年新收政府信息公开申请数量', 3)[9]!.text).toBe('999');
    expect(doc.tables[2]!.rows.at(-1)![0]!.text).toBe('—');
    const zero = await exported(report, { layout: 'official', blankAsZero: true });
    expect(rowWithLabel(zero.tables[1]!, '一、本年新收政府信息公开申请数量', 3)[3]!.text).toBe('0');
  });

  it('writes the narrative as paragraphs, escaped characters intact, and the date line', async () => {
    const report = builtReport('gov2019');
    const texts = paragraphTexts(await exported(report));
    expect(texts).toContain('一的情况说明第一段。');
    expect(texts).toContain('第二段，含<标记>与&符号。');
    expect(texts).toContain(report.dateLine);
  });
});

describe('exportDocx: the official merges', () => {
  it('lays out 二, 三 and 四 with the same cells and merges as the province’s 2021 template', async () => {
    const template = readDocx(new Uint8Array(readFileSync(`${SAMPLES_DIR}template-2021-format-blank.docx`)));
    // The compact layout draws 三 in one piece, as the template does.
    const ours = await exported(builtReport('gov2021'), { layout: 'compact' });
    expect(ours.tables.map(mergeShape)).toEqual(template.tables.map(mergeShape));
  });

  for (const format of ['gov2021', 'gov2019'] as const) {
    it(`${format}: cuts 三 in two between its groups, the second half repeating the header and 三、本年度办理结果`, async () => {
      const raw = readDocx(await exportDocx(builtReport(format), { layout: 'official' }));
      expect(raw.tables).toHaveLength(4);
      const [first, second] = [raw.tables[1]!, raw.tables[2]!];
      const headerRows = (t: DocxTable) => children(t.element, 'tr').filter((tr) => isOn(child(child(tr, 'trPr')!, 'tblHeader'))).length;
      expect([headerRows(first), headerRows(second)]).toEqual([3, 3]);
      // The second half starts a group of its own under a restarted outer label.
      const top = second.rows[3]!;
      expect([top[0]!.text, top[0]!.vMerge]).toEqual(['三、本年度办理结果', 'restart']);
      expect(top[1]!.row).toBe(3);
      expect(top[1]!.text).toMatch(/^（[四五六]）/);
      // Each half is kept on one page: every row but its last keeps with the next.
      for (const half of [first, second]) {
        const keeps = children(half.element, 'tr').map((tr) =>
          Array.from(tr.getElementsByTagNameNS(W, 'p')).every((p) => isOn(child(child(p, 'pPr') ?? p, 'keepNext'))),
        );
        expect(keeps).toEqual([...keeps.slice(0, -1).map(() => true), false]);
      }
      // Read as one, the halves hold every cell where the format puts it.
      checkCells(builtReport(format), joinCutTables(raw));
    });
  }

  it('merges the 2019 format’s 二 items: two value columns leave the fourth cell empty', async () => {
    const doc = await exported(builtReport('gov2019'));
    const art20 = doc.tables[0]!;
    const procurement = rowWithLabel(art20, '政府集中采购', 1);
    expect(procurement.map((c) => c.gridSpan)).toEqual([1, 1, 1, 1]);
    expect(procurement[3]!.text).toBe('');
    const header = art20.rows[art20.rows.indexOf(procurement) - 1]!;
    expect(header.map((c) => c.text)).toEqual(['信息内容', '采购项目数量', '采购总金额（单位：万元）', '']);
    const other = rowWithLabel(doc.tables[1]!, '（六）其他处理', 3);
    expect(other[1]!.gridSpan).toBe(2);
    expect(other[0]!.text).toBe('三、本年度办理结果');
  });
});

describe('exportDocx: 公文 page, fonts and tables', () => {
  it('sets A4, GB/T 9704 margins, outside page numbers and East Asian fonts', async () => {
    const report = builtReport('gov2021');
    const doc = await exported(report);
    const sect = doc.xml.getElementsByTagNameNS(W, 'sectPr')[0]!;
    const size = child(sect, 'pgSz')!;
    expect([wAttr(size, 'w'), wAttr(size, 'h')]).toEqual(['11906', '16838']);
    const mar = child(sect, 'pgMar')!;
    // 37, 35, 28 and 26 mm.
    expect(['top', 'bottom', 'left', 'right'].map((k) => wAttr(mar, k))).toEqual(['2098', '1984', '1587', '1474']);

    expect(runFonts(paragraphNamed(doc, reportTitle(report)))).toEqual({ eastAsia: '方正小标宋简体', ascii: 'Times New Roman', size: '44' });
    expect(runFonts(paragraphNamed(doc, '一、总体情况'))).toEqual({ eastAsia: '黑体', ascii: 'Times New Roman', size: '32' });
    const body = paragraphNamed(doc, '一的情况说明第一段。');
    expect(runFonts(body)).toEqual({ eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', size: '32' });
    const pPr = child(body, 'pPr')!;
    expect([wAttr(child(pPr, 'spacing'), 'line'), wAttr(child(pPr, 'spacing'), 'lineRule')]).toEqual(['578', 'exact']);
    expect(wAttr(child(pPr, 'ind'), 'firstLine')).toBe('640');
    expect(runFonts(paragraphNamed(doc, '（一）分项情况')).eastAsia).toBe('楷体_GB2312');

    const footers = Object.entries(doc.parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(2);
    for (const [, xml] of footers) {
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(xml).toContain('— ');
    }
    expect(footers.map(([, xml]) => /<w:jc w:val="(\w+)"/.exec(xml)?.[1]).sort()).toEqual(['left', 'right']);
    expect(doc.parts['word/settings.xml']).toContain('<w:evenAndOddHeaders');
  });

  it('condenses body-width type just enough for 28 characters of 三号 to the 156 mm line', async () => {
    const line = 11906 - 1587 - 1474;
    const spacing = condensingTwentieths(line, 28, 32);
    // A character advances 16 pt plus the spacing (both in twentieths of a point here): 28 fit, 29 do not.
    expect(28 * (320 + spacing)).toBeLessThanOrEqual(line);
    expect(29 * (320 + spacing)).toBeGreaterThan(line);
    expect(condensingTwentieths(line, 20, 32)).toBe(0);
    const doc = await exported(builtReport('gov2021'));
    const spacingOf = (text: string) => wAttr(child(child(child(paragraphNamed(doc, text), 'r')!, 'rPr')!, 'spacing'), 'val');
    for (const text of ['一、总体情况', '一的情况说明第一段。', '（一）分项情况']) expect({ text, val: spacingOf(text) }).toEqual({ text, val: String(spacing) });
    const compact = await exported(builtReport('gov2021'), { layout: 'compact' });
    expect(child(child(child(paragraphNamed(compact, '一的情况说明第一段。'), 'r')!, 'rPr')!, 'spacing')).toBeUndefined();
  });

  it('sets a run-in heading in 楷体 and the text after it in 仿宋', async () => {
    const report = builtReport('gov2021');
    report.sections['一'] = { text: '（一）主动公开情况。主要通过政府网站公开。', source: 'typed' };
    const p = paragraphNamed(await exported(report), '（一）主动公开情况。主要通过政府网站公开。');
    const runs = children(p, 'r').map((r) => ({
      text: r.textContent,
      font: wAttr(child(child(r, 'rPr')!, 'rFonts'), 'eastAsia'),
    }));
    expect(runs).toEqual([
      { text: '（一）主动公开情况。', font: '楷体_GB2312' },
      { text: '主要通过政府网站公开。', font: '仿宋_GB2312' },
    ]);
  });

  it('signs as a sealed 公文 (GB/T 9704 §7.3.5.1): date four characters in, organ centred over it', async () => {
    const table: [string, string, number, number][] = [
      // organ chars, date chars → right indents in characters
      ['某某县某某镇人民政府', '2025年1月20日', 2.25, 4],
      ['某镇人民政府', '2025年1月20日', 4.25, 4],
      ['某某市某某区某某街道办事处某某委员会', '2025年1月20日', 2, 7.75],
    ];
    for (const [organ, date, organIn, dateIn] of table) {
      expect({ organ, indents: signatureIndents({ organ, date }, 32) }).toEqual({ organ, indents: { organ: organIn * 320, date: dateIn * 320 } });
    }
    const report = builtReport('gov2021');
    const doc = await exported(report);
    const right = (text: string) => wAttr(child(child(paragraphNamed(doc, text), 'pPr')!, 'ind'), 'right');
    expect([right(report.organ), right(report.dateLine!)]).toEqual(['720', '1280']);
  });

  it('gives every table its grid, a DXA width within the type area, cell widths, fixed layout and at-least rows', async () => {
    const doc = await exported(builtReport('gov2021'));
    const typeArea = 11906 - 1587 - 1474;
    for (const table of doc.tables) {
      const tblPr = child(table.element, 'tblPr')!;
      const width = child(tblPr, 'tblW')!;
      const sum = table.gridCols.reduce((a, b) => a + b, 0);
      expect(wAttr(width, 'type')).toBe('dxa');
      expect(Number(wAttr(width, 'w'))).toBe(sum);
      expect(sum).toBeLessThanOrEqual(typeArea);
      expect(sum).toBeGreaterThan(typeArea - 20);
      expect(wAttr(child(tblPr, 'tblLayout'), 'type')).toBe('fixed');
      for (const line of table.rows) {
        let col = 0;
        for (const tc of [...new Set(line.map((c) => c.tc))]) {
          const cell = line.find((c) => c.tc === tc)!;
          const tcW = child(child(tc, 'tcPr')!, 'tcW')!;
          expect(wAttr(tcW, 'type')).toBe('dxa');
          expect(Number(wAttr(tcW, 'w'))).toBe(table.gridCols.slice(col, col + cell.gridSpan).reduce((a, b) => a + b, 0));
          col += cell.gridSpan;
        }
        expect(col).toBe(table.gridCols.length);
      }
      for (const tr of children(table.element, 'tr')) {
        expect(wAttr(child(child(tr, 'trPr')!, 'trHeight'), 'hRule')).toBe('atLeast');
      }
    }
    // 四: fifteen columns in the 156 mm type area.
    expect(doc.tables[2]!.gridCols).toHaveLength(15);
    const repeated = doc.tables.map((t) => children(t.element, 'tr').filter((tr) => isOn(child(child(tr, 'trPr')!, 'tblHeader'))).length);
    expect(repeated).toEqual([0, 3, 3]);
  });

  it('keeps an item of 二 together and its header with the first rows', async () => {
    const doc = await exported(builtReport('gov2021'));
    const keeps = (tr: Element) =>
      Array.from(tr.getElementsByTagNameNS(W, 'p')).every((p) => isOn(child(child(p, 'pPr') ?? p, 'keepNext')));
    const art20 = children(doc.tables[0]!.element, 'tr');
    // 第二十条第（一）项: caption, header, 规章 keep with the next row; 行政规范性文件 ends the item.
    expect(art20.slice(0, 4).map(keeps)).toEqual([true, true, true, false]);
    const requests = children(doc.tables[1]!.element, 'tr');
    // 三's first half is kept whole, and in the compact layout, where it fits a page, the whole table.
    expect(requests.slice(0, 8).map(keeps)).toEqual([true, true, true, true, true, true, true, true]);
    const compact = await exported(builtReport('gov2021'), { layout: 'compact' });
    const rows = children(compact.tables[1]!.element, 'tr').map(keeps);
    expect(rows).toEqual([...rows.slice(0, -1).map(() => true), false]);
    // A table that breaks where it falls: header and the first three data rows, each inner group, the last three rows.
    const laid = layoutReport(builtReport('gov2021')).sections[2]!.tables[0]!.rows;
    const rule = rowsKeptWithNext(laid, false);
    // 3 header rows with 一、二、（一）, （二） alone, （三）'s eight rows (the last ending the group), （四） …
    expect(rule.slice(0, 16)).toEqual([true, true, true, true, true, false, false, true, true, true, true, true, true, true, false, true]);
    expect(rule.slice(-3)).toEqual([true, true, false]);
  });

  it('uses 宋体 tables and a centred page number in the compact layout', async () => {
    const doc = await exported(builtReport('gov2021'), { layout: 'compact' });
    const mar = child(doc.xml.getElementsByTagNameNS(W, 'sectPr')[0]!, 'pgMar')!;
    expect(Number(wAttr(mar, 'left')) + Number(wAttr(mar, 'right'))).toBeLessThanOrEqual(11906 - 8844);
    const cellRun = doc.tables[1]!.rows[5]![4]!.tc.getElementsByTagNameNS(W, 'rFonts')[0]!;
    expect(cellRun.getAttributeNS(W, 'eastAsia')).toBe('宋体');
    const footers = Object.entries(doc.parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    expect(footers[0]![1]).toContain('<w:jc w:val="center"/>');
  });

  it('follows the province’s template in the compact layout: 宋体 bold 小四 headings, regular headers, a 楷体 note, single spacing', async () => {
    const report = builtReport('gov2021');
    const doc = await exported(report, { layout: 'compact' });
    const bold = (p: Element) => isOn(child(child(child(p, 'r')!, 'rPr')!, 'b'));
    const heading = paragraphNamed(doc, headings(report)[0]!);
    expect({ ...runFonts(heading), bold: bold(heading) }).toEqual({ eastAsia: '宋体', ascii: 'Times New Roman', size: '24', bold: true });
    const body = paragraphNamed(doc, '一的情况说明第一段。');
    expect(wAttr(child(child(body, 'pPr')!, 'spacing'), 'line')).toBe('240');
    const requests = doc.tables[1]!;
    const paragraphIn = (text: string) => {
      const cell = requests.rows.flat().find((c) => c.text === text)!;
      return child(cell.tc, 'p')!;
    };
    const header = paragraphIn('自然人');
    expect({ ...runFonts(header), bold: bold(header) }).toEqual({ eastAsia: '宋体', ascii: 'Times New Roman', size: '20', bold: false });
    expect(runFonts(paragraphIn('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).eastAsia).toBe('楷体_GB2312');
  });
});

describe('exportDocx: the 检查说明 sheet', () => {
  const findings = [
    { key: 'amount.plausible', message: '第二十条第（八）项·行政事业性收费 金额较大，请核实单位' },
    { key: 'narrative.fee', message: '六、其他需要报告的事项 未说明是否收取信息处理费' },
  ];

  it('lists each acknowledged warning with its explanation on a page of its own', async () => {
    const report = builtReport('gov2021');
    report.acknowledgements['amount.plausible'] = { explanation: '收费含代收的不动产登记费，单位为万元无误。', at: '2025-01-10T08:00:00Z' };
    report.acknowledgements['stale.key'] = { explanation: '旧说明', at: '2025-01-09T08:00:00Z' };
    const doc = await exported(report, { layout: 'official', findingsSheet: findings });
    const title = paragraphNamed(doc, '检查说明');
    expect(isOn(child(child(title, 'pPr')!, 'pageBreakBefore'))).toBe(true);
    const sheet = doc.tables[3]!;
    expect(sheet.rows.map((line) => line.map((c) => c.text))).toEqual([
      ['序号', '检查提示', '情况说明'],
      ['1', findings[0]!.message, '收费含代收的不动产登记费，单位为万元无误。'],
    ]);
  });

  it('says there is nothing to explain when no warning was acknowledged, and is absent unless asked for', async () => {
    const report = builtReport('gov2021');
    const withSheet = await exported(report, { layout: 'official', findingsSheet: findings });
    expect(paragraphTexts(withSheet)).toContain('本报告经检查无需要说明的事项。');
    expect(withSheet.tables).toHaveLength(3);
    expect(paragraphTexts(await exported(report))).not.toContain('检查说明');
  });
});
