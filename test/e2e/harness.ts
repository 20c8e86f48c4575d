/**
 * End-to-end harness: the built editor (out/renderer) served by the
 * browser-mode host over the real file services, driven in Debian's Chromium.
 * Only the OS dialogs are replaced: a test names the workspace file the next
 * dialog returns.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebHost, type WebHost } from '../../electron/webhost/server.ts';

export const RENDERER_DIR = resolve('out/renderer');
export const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The editor is not built (${RENDERER_DIR}/index.html missing): run npm run build first.`);
  }
}

export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `${executablePath} is missing: apt-get install chromium chromium-headless-shell, or name them in NIANBAO_CHROMIUM and NIANBAO_HEADLESS_SHELL`,
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A window's CSS viewport and the display's scaling (Windows' 125 % is 1.25). */
export interface ScreenSize {
  viewport: { width: number; height: number };
  deviceScaleFactor?: number;
}

export interface Session {
  workspace: string;
  host: WebHost;
  browser: Browser;
  /** Pages opened with openEditor; their console errors fail the test in close(). */
  problems: string[];
  /** A new page (in a context of its own) at a screen size, 1400×900 at 100 % unless told. */
  openEditor(screen?: ScreenSize): Promise<Page>;
  close(): Promise<void>;
}

/** A session in Debian's Chromium, or in another build of it named by path. */
export async function startSession(executablePath = CHROMIUM): Promise<Session> {
  assertBuilt();
  const workspace = await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  const host = await startWebHost({ port: 0, workspace, rendererDir: RENDERER_DIR });
  const browser = await launchChromium(executablePath);
  const problems: string[] = [];
  return {
    workspace,
    host,
    browser,
    problems,
    async openEditor(screen = { viewport: { width: 1400, height: 900 } }) {
      const page = await browser.newPage(screen);
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      // Dialog answers come from the queue answerNextDialog fills; an empty queue cancels.
      await page.addInitScript(() => {
        const w = window as unknown as { __dialogAnswers: (string | null)[]; __nianbaoDialog: () => string | null };
        w.__dialogAnswers = [];
        w.__nianbaoDialog = () => w.__dialogAnswers.shift() ?? null;
      });
      await page.goto(host.url);
      return page;
    },
    async close() {
      await browser.close();
      await host.close();
      await rm(workspace, { recursive: true, force: true });
    },
  };
}

/**
 * What the next dialog answers: a file name inside the workspace for an open
 * or save dialog, save/discard/cancel for 是否保存更改; null cancels.
 */
export async function answerNextDialog(page: Page, answer: string | null): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as { __dialogAnswers: (string | null)[] }).__dialogAnswers.push(value);
  }, answer);
}

/** Creates a report from the start page. */
export async function createReport(page: Page, year: number, organ: string): Promise<void> {
  await page.getByLabel('报告年度').selectOption(String(year));
  await page.getByLabel('机关名称').fill(organ);
  await page.getByRole('button', { name: '新建', exact: true }).click();
  await page.getByRole('heading', { name: '基本信息', level: 2 }).waitFor();
}

export async function showSection(page: Page, numeral: string): Promise<void> {
  await page.getByRole('navigation', { name: '报告章节' }).getByRole('button', { name: new RegExp(`^${numeral}、`) }).click();
}

/** The notice bar's text (saved, exported, pasted…): a status, but not the busy indicator's. */
export function noticeText(page: Page): Promise<string | null> {
  return page.locator('.notice').textContent();
}

export function cell(page: Page, id: string) {
  return page.locator(`[data-cell="${id}"]`);
}

/** Clicks a cell and types into it, leaving with Enter. */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await cell(page, id).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Waits until a file appears in a folder (autosave writes after an idle pause). */
export async function waitForFile(folder: string, timeoutMs = 15_000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const files = existsSync(folder) ? (await readdir(folder)).filter((f) => !f.startsWith('.')) : [];
    if (files.length > 0) return files;
    if (Date.now() > until) throw new Error(`no file appeared in ${folder}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

