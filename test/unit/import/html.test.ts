/**
 * Saved web pages: each published sample exported by our HTML export, saved
 * as a GBK page, inside a CMS page of nested layout tables, and as .mht,
 * must come back cell for cell as the sample's text import gives it.
 */
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../../shared/export/html.ts';
import { decodeHtml, declaredCharset, HTML_LIMITS, HTML_MESSAGES, htmlToBlocks, htmlTooLargeMessage } from '../../../shared/import/html.ts';
import { MHT_MESSAGES, mhtPage } from '../../../shared/import/mht.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { importText } from '../../../shared/import/text.ts';
import { ImportError, type Block } from '../../../shared/import/types.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import { parseCellValue } from '../../../shared/model/parseCellValue.ts';
import { SAMPLES, sampleText, type SampleFixture } from '../../fixtures/samples/index.ts';
import { expectSameCells } from '../../fixtures/docx/cases.ts';
import { publishedFromReport, reportHtml } from '../../fixtures/docx/html.ts';
import { asMht, declaring, encodeGbk, inCmsPage } from '../../fixtures/html/pages.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe.each(SAMPLES.map((fx) => [fx.file, fx] as [string, SampleFixture]))('a saved page of %s', (_file, fx) => {
  const fromText = importText(sampleText(fx));
  const page = exportHtml(fromText.report, {});
  const gbkPage = encodeGbk(declaring(page, 'gb2312'));
  // What the page shows in each value cell (the export marks them with their id).
  const shown = Object.fromEntries([...page.matchAll(/data-cell="([^"]+)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]));

  it.each<[string, () => Uint8Array]>([
    ['UTF-8 .html', () => utf8(page)],
    ['GBK .html with an http-equiv charset', () => gbkPage],
    ['GBK page inside a CMS page of nested layout tables', () => encodeGbk(inCmsPage(page, 'GBK'))],
    ['.mht, quoted-printable, GBK', () => asMht(gbkPage, 'gb2312', 'quoted-printable')],
    ['.mht, base64, UTF-8', () => asMht(utf8(page), 'utf-8', 'base64')],
  ])('%s: every cell as from the text, with year and organ', async (_how, bytes) => {
    const { report, importReport } = await readReportBytes(bytes(), 'page.html');
    expect(importReport.source).toBe('html');
    // Every cell exactly as the page shows it…
    expect(Object.fromEntries(Object.entries(report.cells).map(([id, c]) => [id, c.raw]))).toEqual(shown);
    // …and, read, the same number (or blank, or 无) as from the text.
    for (const info of formatIndex(fromText.report.format).cells) {
      const want = parseCellValue(fromText.report.cells[info.id]?.raw ?? '', info.column.kind);
      const got = parseCellValue(report.cells[info.id]?.raw ?? '', info.column.kind);
      expect({ cell: info.id, status: got.status, value: 'value' in got ? got.value : null }).toEqual({ cell: info.id, status: want.status, value: 'value' in want ? want.value : null });
    }
    expect(report.year).toBe(fromText.report.year);
    expect(report.organ).toBe(fromText.report.organ);
    expect(report.format).toBe(fromText.report.format);
    expect(importReport.tablesMissing).toEqual(fromText.importReport.tablesMissing);
  });

  it.each<[string, (html: string) => Uint8Array]>([
    ['as a GBK page', (html) => encodeGbk(declaring(html, 'gbk'))],
    ['inside a GBK CMS page', (html) => encodeGbk(inCmsPage(html, 'gb18030'))],
    ['as a base64 .mht', (html) => asMht(utf8(html), 'utf-8', 'base64')],
  ])('drawn independently with the official merged headers, %s: every cell exactly as published', async (_how, save) => {
    const published = publishedFromReport(fromText.report);
    const { report } = await readReportBytes(save(reportHtml(published)), 'page.html');
    expect(expectSameCells(report, published)).toBe(formatIndex(published.format).cells.length);
    expect(report.organ).toBe(fromText.report.organ);
  });

  it('the plain page gives the sections’ text as the text import does', async () => {
    const { report } = await readReportBytes(gbkPage, 'page.htm');
    for (const [key, section] of Object.entries(fromText.report.sections)) {
      expect(report.sections[key as keyof typeof report.sections].text, key).toBe(section.text);
    }
  });
});

const tableOf = (blocks: Block[]) => blocks.filter((b) => b.kind === 'table').map((b) => b.rows.map((r) => r.map((c) => (c.continuation ? `${c.continuation[0]}:${c.text}` : c.text))));

describe('htmlToBlocks', () => {
  it('expands rowspan and colspan into the grid the docx reader gives', () => {
    const html = `<table>
      <tr><td rowspan="2" colspan="2">本列数据的勾稽关系</td><td colspan="2">申请人情况</td></tr>
      <tr><td>自然人</td><td>法人</td></tr>
      <tr><td rowspan="3">（六）</td><td>1.维持</td><td>0</td><td>1</td></tr>
      <tr><td>2.纠正</td><td>2</td><td>3</td></tr>
    </table>`;
    expect(tableOf(htmlToBlocks(html))).toEqual([
      [
        ['本列数据的勾稽关系', 'l:本列数据的勾稽关系', '申请人情况', 'l:申请人情况'],
        ['a:本列数据的勾稽关系', 'a:本列数据的勾稽关系', '自然人', '法人'],
        ['（六）', '1.维持', '0', '1'],
        ['a:（六）', '2.纠正', '2', '3'],
      ],
    ]);
  });

  it('reads paragraphs from block elements and <br>, joins source line breaks between Chinese characters, and skips scripts, styles and navigation', () => {
    const html = `<html><head><title>页面标题</title><style>p{}</style></head><body>
      <nav>首页 | 政务公开</nav><script>var a = "一、总体情况";</script>
      <h1>甲镇人民政府2023年政府信息<br>公开工作年度报告</h1>
      <div>一、总体<span>情况</span></div><p>本年度，我镇认真
      贯彻落实&nbsp;条例。<br/>第二行</p><p style="display:none">隐藏</p></body></html>`;
    expect(htmlToBlocks(html)).toEqual([
      { kind: 'paragraph', text: '甲镇人民政府2023年政府信息' },
      { kind: 'paragraph', text: '公开工作年度报告' },
      { kind: 'paragraph', text: '一、总体情况' },
      { kind: 'paragraph', text: '本年度，我镇认真贯彻落实 条例。' },
      { kind: 'paragraph', text: '第二行' },
    ]);
  });

  it('flattens layout tables (holding tables, or a single row or column) into their content', () => {
    const html = `<table><tr><td>栏目</td><td><table><tr><td>二、主动公开</td></tr><tr><td><table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table></td></tr></table>`;
    const blocks = htmlToBlocks(html);
    expect(blocks.filter((b) => b.kind === 'paragraph').map((b) => b.kind === 'paragraph' && b.text)).toEqual(['栏目', '二、主动公开']);
    expect(tableOf(blocks)).toEqual([[['a', 'b'], ['1', '2']]]);
  });

  it('gives a cell’s lines joined by line breaks', () => {
    expect(tableOf(htmlToBlocks('<table><tr><td><p>其他</p><p>（如有）</p></td><td>1<br>件</td></tr><tr><td>x</td><td>y</td></tr></table>'))[0]![0]).toEqual(['其他\n（如有）', '1\n件']);
  });
});

describe('decoding a page', () => {
  it.each<[string, string, string | undefined]>([
    ['<meta charset="gbk">', 'gbk', 'gbk'],
    ["<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=GB2312'>", 'gb2312', 'GB2312'],
    ['<meta content="text/html;charset=utf-8" http-equiv="content-type">', 'utf-8', 'utf-8'],
    ['<p>no meta</p>', 'none', undefined],
  ])('finds the declared charset in %s', (head, _what, charset) => {
    expect(declaredCharset(utf8(head))).toBe(charset);
  });

  it('honours a BOM over a wrong meta, and falls back from UTF-8 to GB18030 without one', () => {
    expect(decodeHtml(utf8('\ufeff<meta charset="gbk"><p>年报</p>'))).toBe('<meta charset="gbk"><p>年报</p>');
    expect(decodeHtml(encodeGbk('<p>政府信息公开</p>'))).toBe('<p>政府信息公开</p>');
  });
});

describe('mhtPage', () => {
  it('refuses an archive without a page', () => {
    const mht = utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n');
    expect(() => mhtPage(mht)).toThrow(new ImportError(MHT_MESSAGES.noPage));
  });
});

describe('hostile pages: one Chinese line', () => {
  async function refusal(bytes: Uint8Array): Promise<string> {
    try {
      await readReportBytes(bytes, 'page.html');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return (error as Error).message;
    }
    throw new Error('the page was imported instead of refused');
  }

  it('10,000 nested tables', async () => {
    expect(await refusal(utf8(`<html><body>${'<table><tr><td>'.repeat(10_000)}x`))).toBe(HTML_MESSAGES.tooManyNestedTables);
  });

  it('10,000 nested divs', async () => {
    expect(await refusal(utf8(`<html><body>${'<div>'.repeat(10_000)}x`))).toBe(HTML_MESSAGES.tooDeep);
  });

  it('a 50 MB page', async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    bytes.set(utf8('<html><body><p>'));
    expect(await refusal(bytes)).toBe(htmlTooLargeMessage(bytes.length));
  });

  it('a page of a million elements', async () => {
    expect(await refusal(utf8(`<html><body>${'<b>x</b>'.repeat(HTML_LIMITS.maxElements + 1)}`))).toBe(HTML_MESSAGES.tooManyElements);
  });

  it('a table wider than any report’s', async () => {
    expect(await refusal(utf8(`<html><table><tr><td colspan="1000">a</td></tr><tr><td>b</td><td>c</td></tr></table>`))).toBe(HTML_MESSAGES.tooWide);
  });

  it('a table of millions of merged slots', async () => {
    const rows = `<tr><td rowspan="2000" colspan="150">a</td><td>b</td></tr>${'<tr><td>b</td><td>c</td></tr>'.repeat(1999)}`;
    expect(await refusal(utf8(`<html><table>${rows}</table>`))).toBe(HTML_MESSAGES.tooManyCells);
  });
});
