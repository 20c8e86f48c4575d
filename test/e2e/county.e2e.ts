/**
 * 汇总与审核 in Chromium through the browser host, on a folder built on disk
 * from the published samples, at 1366×768 and Windows' 125 % and 150 %: the
 * folder chosen (only the OS dialog is scripted), the rows, a unit opened
 * read-only, a finding one click from its cell, a verdict that lands in the
 * workspace file on disk, and a 汇总 cell equal to the sum of the units'
 * own values; and a drop, which a browser gives no paths for, answered with
 * the one line that says to use 选择文件夹.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/checks/index.ts';
import { WORKSPACE_FILE_NAME, parseWorkspace } from '../../shared/county/index.ts';
import { DROP_NEEDS_DESKTOP } from '../../shared/countyBridge.ts';
import { evaluateReport } from '../../shared/model/values.ts';
import { buildCountyFolder, type CountyFolder } from '../fixtures/countyFolder.ts';
import { answerNextDialog, cell, type ScreenSize } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();
const FOLDER = '各单位年报';

const SIZES: [string, ScreenSize][] = [
  ['100 %', { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 }],
  ['125 %', { viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 }],
  ['150 %', { viewport: { width: 911, height: 512 }, deviceScaleFactor: 1.5 }],
];

async function openFolder(size: ScreenSize): Promise<{ page: Page; folder: CountyFolder; dir: string }> {
  const { workspace } = editor.session();
  const dir = join(workspace, FOLDER);
  const folder = await buildCountyFolder(dir, workspace);
  const page = await editor.session().openEditor(size);
  await page.getByRole('button', { name: '汇总与审核各单位年报' }).click();
  await answerNextDialog(page, FOLDER);
  await page.getByRole('button', { name: '选择文件夹…' }).click();
  await page.locator('.county-table tbody tr').first().waitFor();
  return { page, folder, dir };
}

/** What is wrong with the page's scrolling: the window itself scrolls, or the last row cannot be brought into the table's box under its heading. */
function scrollProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollHeight > window.innerHeight + 1) problems.push(`the window scrolls: ${root.scrollHeight} > ${window.innerHeight}`);
    const box = document.querySelector<HTMLElement>('.county-table-box')!;
    const rows = box.querySelectorAll('tbody tr');
    const last = rows[rows.length - 1]!;
    last.scrollIntoView({ block: 'end' });
    const frame = box.getBoundingClientRect();
    const head = box.querySelector('thead th')!.getBoundingClientRect();
    const row = last.getBoundingClientRect();
    if (row.bottom > frame.bottom + 1 || row.top < head.bottom - 1) problems.push(`last row ${row.top}–${row.bottom} not in view below the heading (${head.bottom}–${frame.bottom})`);
    if (Math.abs(head.top - frame.top) > 1) problems.push(`heading does not stick: ${head.top} vs ${frame.top}`);
    if (frame.bottom > window.innerHeight + 1) problems.push(`table box ends below the window: ${frame.bottom}`);
    return problems;
  });
}

describe('汇总与审核 in Chromium', () => {
  it('reads the folder, opens a unit, goes from a finding to its cell, keeps a verdict on disk and sums the units', async () => {
    const { page, folder, dir } = await openFolder(SIZES[0]![1]);
    const files = [...Object.keys(folder.counted), ...Object.keys(folder.excluded)];
    await expect.poll(() => page.locator('.county-table tbody tr').count()).toBe(files.length);
    await page.getByText(`无法读取的文件（1）`).click();
    await expect.poll(() => page.getByText(folder.unreadable, { exact: true }).count()).toBe(1);

    // The copy with a wrongly typed total: its finding on that total is one click from the cell.
    const file = '副本/淮安市洪泽区人民政府.nianbao';
    await page.locator(`.county-table tr[data-file="${file}"] .unit-open`).click();
    const unit = page.getByRole('region', { name: /的报告$/ });
    await unit.waitFor();
    const copy = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { report: Parameters<typeof checkReport>[0] };
    const finding = checkReport(copy.report).find((f) => f.cells[0] === 'requests.new.total')!;
    expect(finding).toBeDefined();
    const item = unit.locator('.county-findings li', { hasText: finding.message });
    await item.locator('.finding-message').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('requests.new.total');
    expect(await cell(page, 'requests.new.total').getAttribute('readonly')).not.toBeNull();

    await item.getByLabel('审核说明').fill('合计有误，请更正');
    await item.getByRole('button', { name: '确认' }).click();
    await expect
      .poll(() => {
        const parsed = parseWorkspace(new Uint8Array(readFileSync(join(dir, WORKSPACE_FILE_NAME))));
        return parsed.ok ? parsed.workspace.verdicts[file]?.[finding.key] : undefined;
      })
      .toMatchObject({ verdict: '确认', comment: '合计有误，请更正' });

    await page.getByRole('tab', { name: '汇总' }).click();
    const id = 'requests.new.natural';
    const expected = Object.values(folder.counted).reduce((sum, report) => {
      const parsed = evaluateReport(report).cells.get(id)!.parsed;
      return sum + (parsed.status === 'number' ? parsed.value : 0);
    }, 0);
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => cell(page, id).inputValue()).toBe(String(expected));
    await expect.poll(() => page.getByText(/未计入汇总的报告/).count()).toBe(1);
  }, 120_000);

  it.each(SIZES)('at 1366×768 and %s the table scrolls in its own box with its heading in view', async (_name, size) => {
    const { page } = await openFolder(size);
    expect(await scrollProblems(page)).toEqual([]);
    // With a unit open beside it, too.
    await page.locator('.county-table .unit-open').first().click();
    await page.locator('.county-unit').waitFor();
    expect(await scrollProblems(page)).toEqual([]);
  }, 120_000);

  it('answers a drop in browser mode with the one line that says to use 选择文件夹, and stays on the page', async () => {
    const page = await editor.session().openEditor(SIZES[0]![1]);
    await page.getByRole('button', { name: '汇总与审核各单位年报' }).click();
    const url = page.url();
    const files = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['报告'], '甲镇2024.txt', { type: 'text/plain' }));
      return transfer;
    });
    await page.dispatchEvent('.county-page', 'dragover', { dataTransfer: files });
    await page.dispatchEvent('.county-page', 'drop', { dataTransfer: files });
    expect(await page.getByRole('alert').textContent()).toBe(DROP_NEEDS_DESKTOP);
    expect(page.url()).toBe(url);
    expect(await page.getByRole('main', { name: '汇总与审核各单位年报' }).isVisible()).toBe(true);
  });
});
