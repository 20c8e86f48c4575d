/**
 * The README's screenshot of the 汇总与审核 page: a county folder built from
 * the published samples, read in the built renderer through the browser-mode
 * host, one unit open beside the table, on a 1366×768 laptop at 100 %.
 * Run after `npm run build`: `npx tsx test/tools/readme-county-screenshot.ts`.
 * (readme-screenshots.ts makes the editor's; each regenerates only its own.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startWebHost } from '../../electron/webhost/server.ts';
import { buildCountyFolder } from '../fixtures/countyFolder.ts';

const OUT = resolve('assets/readme');
const FOLDER = '各单位年报';
const workspace = await mkdtemp(join(tmpdir(), 'nianbao-county-shot-'));
await buildCountyFolder(join(workspace, FOLDER), workspace);

const host = await startWebHost({ port: 0, workspace, rendererDir: resolve('out/renderer') });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  await page.addInitScript((folder) => {
    (window as unknown as { __nianbaoDialog: () => string }).__nianbaoDialog = () => folder;
  }, FOLDER);
  await page.goto(host.url);
  await page.getByRole('button', { name: '汇总与审核各单位年报' }).click();
  await page.getByRole('button', { name: '选择文件夹…' }).click();
  await page.locator('.county-table tbody tr').first().waitFor();
  await page.locator('.county-table tr[data-file="副本/淮安市洪泽区人民政府.nianbao"] .unit-open').click();
  await page.locator('.county-findings .finding-message').first().waitFor();
  await page.screenshot({ path: join(OUT, 'county-1366x768.png') });
  await page.getByRole('tab', { name: '汇总' }).click();
  await page.locator('[data-cell="requests.new.natural"]').waitFor();
  await page.screenshot({ path: join(OUT, 'county-summary-1366x768.png') });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await host.close();
  await rm(workspace, { recursive: true, force: true });
}
