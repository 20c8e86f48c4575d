/**
 * README screenshots of the year-over-year part: the 与上年对比 page on a
 * 1366×768 laptop for the 洪泽区 pair (2024's figures in a report started from
 * 2023's), its charts, and the paragraph drafted from the table of 三.
 * Run after `npm run build`: `npx tsx test/tools/readme-compare.ts`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startNextYear } from '../../shared/carryover/startNextYear.ts';
import { serializeReport } from '../../shared/file/document.ts';
import { startWebHost } from '../../electron/webhost/server.ts';
import { HONGZE_2023, HONGZE_2024, reportFromFixture } from '../fixtures/samples/index.ts';

const OUT = resolve(process.argv[2] ?? 'assets/readme');
const workspace = await mkdtemp(join(tmpdir(), 'nianbao-shots-'));
const { report } = startNextYear(reportFromFixture(HONGZE_2023), 2024);
report.cells = reportFromFixture(HONGZE_2024).cells;
await writeFile(join(workspace, 'report.nianbao'), serializeReport(report));

const host = await startWebHost({ port: 0, workspace, rendererDir: resolve('out/renderer') });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(() => {
    (window as unknown as { __nianbaoDialog: () => string }).__nianbaoDialog = () => 'report.nianbao';
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await page.locator('nav').getByRole('button', { name: '与上年对比' }).click();
  await page.getByRole('heading', { name: /^与上年对比/ }).waitFor();
  await page.screenshot({ path: join(OUT, 'compare-1366x768.png') });
  await page.getByRole('heading', { name: '图解' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'compare-charts-1366x768.png') });
  // 根据表格生成说明 on 三: the paragraph drafted from its table, with the change against 2023.
  await page.locator('nav').getByRole('button', { name: /^三、/ }).click();
  await page.getByRole('button', { name: '根据表格生成说明' }).click();
  const narrative = page.locator('.narrative').filter({ has: page.locator('#narrative-三') });
  await narrative.scrollIntoViewIfNeeded();
  await narrative.screenshot({ path: join(OUT, 'drafted-requests.png') });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await host.close();
  await rm(workspace, { recursive: true, force: true });
}
