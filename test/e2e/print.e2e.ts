import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startNextYear } from '../../shared/carryover/startNextYear.ts';
import { serializeReport } from '../../shared/file/document.ts';
import { HONGZE_2023, HONGZE_2024, reportFromFixture } from '../fixtures/samples/index.ts';
import { answerNextDialog, cell, createReport, showSection, typeInto } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

describe('打印', () => {
  it('prints the official layout, not the editor: title, six headings, tables with the typed numbers, A4 pages', async () => {
    const page = editor.page();
    // The OS print dialog is the one thing replaced: it keeps the page as it was when printing began.
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { __printed?: string }).__printed = document.querySelector('.app')?.outerHTML;
      };
    });
    await createReport(page, 2025, '打印测试镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.new.natural', '37');
    await typeInto(page, 'requests.granted.natural', '29');
    await typeInto(page, 'requests.partly_granted.natural', '8');
    expect(await cell(page, 'requests.results_total.natural').inputValue()).toBe('37');
    await page.getByRole('button', { name: '打印' }).click();
    const printed = await page.waitForFunction(() => (window as unknown as { __printed?: string }).__printed);
    const html = String(await printed.jsonValue());
    expect(await page.locator('.print-view').count()).toBe(0);

    // The page as it was when the dialog opened, printed with the page's own print stylesheet.
    await page.evaluate((app) => {
      document.body.innerHTML = app;
    }, html);
    const pdfPath = join(editor.session().workspace, 'printed.pdf');
    await writeFile(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
    expect(text.replace(/\s/g, '')).toContain('打印测试镇人民政府2025年政府信息公开工作年度报告');
    const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const positions = headings.map((h) => text.replace(/\s/g, '').indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/37/);
    expect(text).toMatch(/29/);
    expect(text).not.toContain('检查结果');
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
  });

  it('explains that browser mode makes PDFs through the print dialog', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('另存为 PDF');
  });
});

/** Clicks 打印 and returns the page as the OS print dialog would have received it. */
async function printedHtml(page: Page): Promise<string> {
  await page.evaluate(() => {
    delete (window as unknown as { __printed?: string }).__printed;
    window.print = () => {
      (window as unknown as { __printed?: string }).__printed = document.querySelector('.app')?.outerHTML;
    };
  });
  await page.getByRole('button', { name: '打印' }).click();
  return String(await (await page.waitForFunction(() => (window as unknown as { __printed?: string }).__printed)).jsonValue());
}

/** That page on paper, by the page's own print stylesheet: its text page by page. */
async function onPaper(page: Page, html: string, name: string): Promise<string[]> {
  await page.evaluate((app) => {
    document.body.innerHTML = app;
  }, html);
  const pdfPath = join(editor.session().workspace, name);
  await writeFile(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p) => p.trim() !== '');
}

describe('打印 with 图解', () => {
  it('appends the charts with the Word appendix’s captions when the clerk asks, each chart whole on one page', async () => {
    const { report } = startNextYear(reportFromFixture(HONGZE_2023), 2024);
    report.cells = reportFromFixture(HONGZE_2024).cells;
    await writeFile(join(editor.session().workspace, 'hongze.nianbao'), serializeReport(report));
    const page = editor.page();
    await answerNextDialog(page, 'hongze.nianbao');
    await page.getByRole('button', { name: '打开', exact: true }).click();
    await page.getByRole('navigation', { name: '报告章节' }).getByRole('button', { name: '与上年对比' }).click();
    const option = page.getByRole('checkbox', { name: '打印、导出 PDF 和导出 Word 时附“图解”' });
    // Off by default.
    expect(await option.isChecked()).toBe(false);
    const plain = await printedHtml(page);
    await option.check();
    const withCharts = await printedHtml(page);

    const plainPages = await onPaper(page, plain, 'plain.pdf');
    const chartPages = await onPaper(page, withCharts, 'charts.pdf');
    const squeezed = (text: string) => text.replace(/\s/g, '');
    expect(plainPages.some((p) => squeezed(p).includes('图1'))).toBe(false);
    expect(chartPages.length).toBeGreaterThan(plainPages.length);
    const charts = [
      { caption: '图1本年新收政府信息公开申请（按申请人）（2023年、2024年）', first: '自然人', last: '其他法人或其他组织' },
      { caption: '图2政府信息公开申请办理结果（2023年、2024年）', first: '予以公开', last: '结转下年度' },
      { caption: '图3行政复议、行政诉讼（按结果）（2023年、2024年）', first: '复议结果维持', last: '诉讼尚未审结' },
    ];
    for (const chart of charts) {
      const at = chartPages.findIndex((p) => squeezed(p).includes(chart.caption));
      expect({ caption: chart.caption, found: at >= 0 }).toEqual({ caption: chart.caption, found: true });
      // The chart's first and last bars and its legend are on its caption's page: not split over two.
      const text = squeezed(chartPages[at]!);
      const caption = text.indexOf(chart.caption);
      expect(text.lastIndexOf(chart.first, caption)).toBeGreaterThanOrEqual(0);
      expect(text.lastIndexOf(chart.last, caption)).toBeGreaterThanOrEqual(0);
    }
    // The 图解 starts on a page of its own, after the report.
    const appendixStart = chartPages.findIndex((p) => squeezed(p).startsWith('图解'));
    expect(appendixStart).toBe(plainPages.length);
  });
});

/** A PDF page as grey levels, one pixel per point (72 dpi). */
function grayPage(pdfPath: string, page: number): { width: number; height: number; at: (x: number, y: number) => number } {
  const pgm = execFileSync('pdftoppm', ['-r', '72', '-gray', '-f', String(page), '-l', String(page), pdfPath]);
  const [magic, w, h, max] = pgm.subarray(0, 32).toString('latin1').split(/\s+/, 4);
  const [width, height] = [Number(w), Number(h)];
  if (magic !== 'P5' || max !== '255' || !(width > 0 && height > 0)) throw new Error('pdftoppm did not write a PGM');
  const pixels = pgm.subarray(pgm.length - width * height);
  return { width, height, at: (x, y) => pixels[Math.round(y) * width + Math.round(x)]! };
}

const MM = 72 / 25.4;

describe('打印 on paper', () => {
  it('prints white pages with GB/T 9704 page numbers: 7 mm under the type area, one character in, right on odd pages, left on even', async () => {
    const page = editor.page();
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { __printed?: string }).__printed = document.querySelector('.app')?.outerHTML;
      };
    });
    await createReport(page, 2025, '打印测试镇人民政府');
    await page.getByRole('button', { name: '打印' }).click();
    const printed = await page.waitForFunction(() => (window as unknown as { __printed?: string }).__printed);
    await page.evaluate((app) => {
      document.body.innerHTML = app;
    }, String(await printed.jsonValue()));
    const pdfPath = join(editor.session().workspace, 'printed.pdf');
    await writeFile(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);

    for (let n = 1; n <= pages; n++) {
      const { width, height, at } = grayPage(pdfPath, n);
      // Paper, not the editor's light grey desk, behind the text.
      let desk = 0;
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (at(x, y) >= 230 && at(x, y) < 252) desk++;
      expect({ page: n, deskGrey: desk / (width * height) < 0.01 }).toEqual({ page: n, deskGrey: true });
      // The ink below the type area (bottom margin 35 mm): the page number.
      const typeAreaBottom = height - 35 * MM;
      const ink: { x: number; y: number }[] = [];
      for (let y = Math.ceil(typeAreaBottom) + 1; y < height; y++) {
        for (let x = 0; x < width; x++) if (at(x, y) < 160) ink.push({ x, y });
      }
      const top = Math.min(...ink.map((p) => p.y));
      const left = Math.min(...ink.map((p) => p.x));
      const right = Math.max(...ink.map((p) => p.x));
      // 4号 is 14 pt; its line starts 7 mm under the type area.
      expect(top - typeAreaBottom).toBeGreaterThanOrEqual(7 * MM - 1);
      expect(top - typeAreaBottom).toBeLessThanOrEqual(7 * MM + 14 * 0.4);
      if (n % 2 === 1) expect(Math.abs(right - (width - 26 * MM - 14))).toBeLessThanOrEqual(3);
      else expect(Math.abs(left - (28 * MM + 14))).toBeLessThanOrEqual(3);
    }
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
  });
});
