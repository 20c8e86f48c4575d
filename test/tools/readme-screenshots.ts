/**
 * Screenshots of the editor for the README: the built renderer in Chromium
 * through the browser-mode host, with a published sample report opened; and
 * the same report on a 1366×768 laptop at Windows' 100 %, 125 % and 150 %
 * scaling (each PNG is 1366×768 screen pixels), walked into 三 by keyboard.
 * Run after `npm run build`: `npx tsx test/tools/readme-screenshots.ts`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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

/** A page with the sample report opened, at a CSS viewport and a display scaling. */
async function openSample(on: Browser, width: number, height: number, scale: number, folded = false) {
  const page = await on.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
  await page.addInitScript((fold) => {
    (window as unknown as { __nianbaoDialog: () => string }).__nianbaoDialog = () => 'report.nianbao';
    localStorage.setItem('nianbao.panel.nav.collapsed', String(fold));
    localStorage.setItem('nianbao.panel.findings.collapsed', String(fold));
  }, folded);
  await page.goto(host.url);
  return page;
}

/** 1366×768 at Windows' scaling: the CSS viewport a maximized browser or app window gets. */
const LAPTOP = [
  { name: 'editor-1366x768-100.png', width: 1366, height: 768, scale: 1 },
  { name: 'editor-1366x768-125.png', width: 1093, height: 614, scale: 1.25 },
  { name: 'editor-1366x768-150.png', width: 911, height: 512, scale: 1.5 },
  { name: 'editor-1366x768-150-folded.png', width: 911, height: 512, scale: 1.5, folded: true },
];

try {
  const page = await openSample(browser, 1440, 900, 1);
  await page.screenshot({ path: join(OUT, 'editor-start.png') });
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await page.locator('nav').getByRole('button', { name: /^三、/ }).click();
  await page.locator('[data-cell="requests.new.business"]').click();
  await page.screenshot({ path: join(OUT, 'editor-requests.png') });
  await page.close();

  for (const shot of LAPTOP) {
    const laptop = await openSample(browser, shot.width, shot.height, shot.scale, shot.folded);
    await laptop.getByRole('button', { name: '打开', exact: true }).click();
    await laptop.locator('nav').getByRole('button', { name: /^三、/ }).click();
    // Arriving on 三 focuses its first cell; walk to 部分公开·总计 by keyboard, as a clerk would.
    for (let i = 0; i < 3; i++) await laptop.keyboard.press('ArrowDown');
    for (let i = 0; i < 6; i++) await laptop.keyboard.press('ArrowRight');
    await laptop.screenshot({ path: join(OUT, shot.name) });
    await laptop.close();
  }
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await host.close();
  await rm(workspace, { recursive: true, force: true });
}
