/**
 * Screenshots of the editor for the README: the built renderer in Chromium
 * through the browser-mode host, with a published sample report opened.
 * Run after `npm run build`: `npx tsx test/tools/readme-screenshots.ts`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startNextYear } from '../../shared/carryover/startNextYear.ts';
import { serializeReport } from '../../shared/file/document.ts';
import { startWebHost } from '../../electron/webhost/server.ts';
import { HONGZE_2023, reportFromFixture } from '../fixtures/samples/index.ts';

const OUT = resolve('assets/readme');
const workspace = await mkdtemp(join(tmpdir(), 'nianbao-shots-'));
const { report } = startNextYear(reportFromFixture(HONGZE_2023), 2024);
report.cells['requests.new.natural'] = { raw: '60', source: 'typed' };
report.cells['requests.new.business'] = { raw: '4', source: 'typed' };
report.cells['requests.granted.natural'] = { raw: '31', source: 'typed' };
report.cells['requests.partly_granted.natural'] = { raw: '9项', source: 'typed' };
await writeFile(join(workspace, 'report.nianbao'), serializeReport(report));

const host = await startWebHost({ port: 0, workspace, rendererDir: resolve('out/renderer') });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.addInitScript(() => {
    (window as unknown as { __nianbaoDialog: () => string }).__nianbaoDialog = () => 'report.nianbao';
  });
  await page.goto(host.url);
  await page.screenshot({ path: join(OUT, 'editor-start.png') });
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await page.locator('nav').getByRole('button', { name: /^三、/ }).click();
  await page.locator('[data-cell="requests.new.business"]').click();
  await page.screenshot({ path: join(OUT, 'editor-requests.png') });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await host.close();
  await rm(workspace, { recursive: true, force: true });
}
