/**
 * 与上年对比 in Chromium on a 1366×768 laptop: the 洪泽区 pair (2024's figures
 * in a report started from 2023's, opened from a real file), the page's
 * grids, list of changes, indicators and charts as a clerk sees them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startNextYear } from '../../shared/carryover/startNextYear.ts';
import { serializeReport } from '../../shared/file/document.ts';
import { HONGZE_2023, HONGZE_2024, reportFromFixture } from '../fixtures/samples/index.ts';
import { strFromU8, unzipSync } from 'fflate';
import { answerNextDialog, cell, noticeText } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

describe('与上年对比', () => {
  it('shows both years in the official grids, the largest changes and three drawn charts at 1366×768', async () => {
    const { report } = startNextYear(reportFromFixture(HONGZE_2023), 2024);
    report.cells = reportFromFixture(HONGZE_2024).cells;
    await writeFile(join(editor.session().workspace, 'hongze.nianbao'), serializeReport(report));
    const page = await editor.session().openEditor({ viewport: { width: 1366, height: 768 } });
    await answerNextDialog(page, 'hongze.nianbao');
    await page.getByRole('button', { name: '打开', exact: true }).click();
    await page.getByRole('navigation', { name: '报告章节' }).getByRole('button', { name: '与上年对比' }).click();
    await page.getByRole('heading', { name: /^与上年对比/ }).waitFor();

    expect(await cell(page, 'requests.new.natural').innerText()).toBe('95\n21\n+74');
    const first = page.getByRole('table').first().getByRole('row').nth(1);
    expect(await first.innerText()).toContain('行政许可');

    // The charts are images drawn from the shared SVG: decoded, at their full width, inside the page.
    const charts = page.locator('.compare-charts img');
    await expect.poll(() => charts.evaluateAll((images) => images.map((i) => (i as HTMLImageElement).naturalWidth))).toEqual([640, 640, 640]);
    const main = await page.locator('main.page').boundingBox();
    for (const box of await charts.evaluateAll((images) => images.map((i) => i.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeGreaterThan(300);
      expect(box.right).toBeLessThanOrEqual(main!.x + main!.width + 0.5);
    }
    // Nothing on the page scrolls sideways at this size.
    expect(await page.locator('main.page').evaluate((m) => m.scrollWidth <= m.clientWidth)).toBe(true);

    // A click on a cell takes the clerk to it in the editor.
    await cell(page, 'requests.new.natural').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('requests.new.natural');
    expect(await page.locator('input[data-cell="requests.new.natural"]').inputValue()).toBe('95');
  });

  it('exports the 图解 appendix with the charts the editor drew as PNG at print resolution', async () => {
    const { report } = startNextYear(reportFromFixture(HONGZE_2023), 2024);
    report.cells = reportFromFixture(HONGZE_2024).cells;
    const workspace = editor.session().workspace;
    await writeFile(join(workspace, 'hongze.nianbao'), serializeReport(report));
    const page = editor.page();
    await answerNextDialog(page, 'hongze.nianbao');
    await page.getByRole('button', { name: '打开', exact: true }).click();
    await page.getByRole('button', { name: '导出 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Word' });
    const box = dialog.getByRole('checkbox', { name: /附“图解”/ });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await answerNextDialog(page, '图解.docx');
    await dialog.getByRole('button', { name: /^导出$|^仍然导出/ }).click();
    // Drawing three charts at print resolution and packing them takes a moment on a busy machine.
    await expect.poll(() => noticeText(page), { timeout: 20_000 }).toContain('已导出：图解.docx');
    const files = unzipSync(new Uint8Array(await readFile(join(workspace, '图解.docx'))));
    const pngs = Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(pngs).toHaveLength(3);
    for (const name of pngs) {
      // IHDR: the width at bytes 16–19, three times the 640 px chart.
      const width = new DataView(files[name]!.buffer, files[name]!.byteOffset).getUint32(16);
      expect(width).toBe(1920);
    }
    expect(strFromU8(files['word/document.xml']!)).toContain('图3');
  });
});
