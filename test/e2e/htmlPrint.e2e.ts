/**
 * The HTML export printed by Chromium (page.pdf, as a clerk's 打印 of the
 * saved page): every caption and header row on the same page as the row after
 * it, and page numbers as GB/T 9704 places them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { exportHtml } from '../../shared/export/html.ts';
import { layoutReport } from '../../shared/export/layout.ts';
import { SAMPLE_REPORTS } from '../unit/export/expected.ts';
import { launchChromium } from './harness.ts';

interface Word {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

function words(pdf: string): { pages: number; width: number; words: Word[] } {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pages = xhtml.split('<page ').slice(1);
  const width = Number(/width="([\d.]+)"/.exec(pages[0] ?? '')?.[1]);
  const all = pages.flatMap((page, i) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
      page: i + 1,
      text: m[4]!,
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
    })),
  );
  return { pages: pages.length, width, words: all };
}

let browser: Browser;
let dir = '';

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'nianbao-html-print-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('HTML export printed', () => {
  it('keeps every caption and header row of every sample on the page of the row after it; numbers pages like the Word file', async () => {
    const page = await browser.newPage();
    for (const { name, report } of SAMPLE_REPORTS) {
      await page.setContent(exportHtml(report));
      const pdf = join(dir, `${name}.pdf`);
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
      const read = words(pdf);
      // Reading order: page, then top to bottom.
      const ordered = [...read.words].sort((a, b) => a.page - b.page || a.yMin - b.yMin);
      const tables = layoutReport(report).sections.flatMap((s) => s.tables);
      for (const table of tables) {
        table.rows.forEach((row, r) => {
          // The first row of each caption-and-header block (narrow leaf headers wrap into several words).
          if (row.kind === 'data' || (r > 0 && table.rows[r - 1]!.kind !== 'data')) return;
          const next = table.rows.slice(r + 1).find((x) => x.kind === 'data')!;
          const heading = row.cells.find((c) => c.text && c.role !== 'note')?.text;
          const label = next.cells.find((c) => c.role === 'label')?.text;
          if (!heading || !label) return;
          const at = ordered.findIndex((w) => w.text.startsWith(heading.slice(0, 10)));
          const after = ordered.slice(at + 1).find((w) => w.text.startsWith(label.slice(0, 8)));
          const where = `${name}: ${heading} → ${label}`;
          expect({ where, found: at >= 0 && after !== undefined }).toEqual({ where, found: true });
          expect({ where, page: after!.page }).toEqual({ where, page: ordered[at]!.page });
        });
      }
      // — n — one 4号 character in: right on odd pages, left on even ones.
      const mm = 72 / 25.4;
      for (let n = 1; n <= read.pages; n++) {
        const number = read.words.filter((w) => w.page === n && w.text === String(n)).at(-1)!;
        const dash = read.words.filter((w) => w.page === n && w.text === '—' && Math.abs(w.yMin - number.yMin) < 2);
        const [left, right] = [Math.min(...dash.map((w) => w.xMin)), Math.max(...dash.map((w) => w.xMax))];
        if (n % 2 === 1) expect({ n, right: Math.abs(right - (read.width - 26 * mm - 14)) <= 3 }).toEqual({ n, right: true });
        else expect({ n, left: Math.abs(left - (28 * mm + 14)) <= 3 }).toEqual({ n, left: true });
      }
    }
    await page.close();
  });
});
