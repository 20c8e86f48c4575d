/**
 * 与上年对比 in Chromium on a 1366×768 laptop: the 洪泽区 pair (2024's figures
 * in a report started from 2023's, opened from a real file), the page's
 * grids, list of changes, indicators and charts as a clerk sees them.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startNextYear } from '../../shared/carryover/startNextYear.ts';
import { serializeReport } from '../../shared/file/document.ts';
import { HONGZE_2023, HONGZE_2024, reportFromFixture } from '../fixtures/samples/index.ts';
import { answerNextDialog, cell } from './harness.ts';
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
});
