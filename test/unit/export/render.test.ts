/**
 * The .docx as LibreOffice lays it out: every sample converted to PDF in one
 * soffice call (conversion takes seconds), then read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx, type DocxOptions } from '../../../shared/export/docx.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import { reportTitle, type Report } from '../../../shared/model/report.ts';
import { SAMPLE_REPORTS, builtReport, countOf, expectedCells, headings, numberTokens } from './expected.ts';

interface Rendered {
  name: string;
  options: DocxOptions;
  report: Report;
  pages: number;
  text: string;
  /** Page 2 as pdftotext -layout lays it, one string per printed line. */
  page2: string[];
  /** Each page's words with their boxes, in points from the page's top left. */
  words: Word[][];
}

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Words per page from pdftotext -bbox (an XHTML page of <word> boxes). */
function wordsByPage(pdf: string): Word[][] {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return xhtml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
        text: m[4]!,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
      })),
    );
}

/** Pages of nothing but prose: 20 paragraphs of 100 Han characters, no punctuation to stretch or squeeze a line. */
function proseReport(): Report {
  const report = builtReport('gov2021');
  const han = '政府信息公开工作年度报告主动依申请办理结果行政复议诉讼';
  const text = Array.from({ length: 20 }, (_, i) => han.repeat(4).slice(i % 10, (i % 10) + 100)).join('\n');
  report.sections['一'] = { text, source: 'typed' };
  return report;
}

const CASES: { name: string; report: Report; options: DocxOptions }[] = [
  ...SAMPLE_REPORTS.map(({ name, report }) => ({ name, report, options: { layout: 'official' } as DocxOptions })),
  ...SAMPLE_REPORTS.map(({ name, report }) => ({ name: `${name}-compact`, report, options: { layout: 'compact' } as DocxOptions })),
  { name: 'built-2021-compact', report: builtReport('gov2021'), options: { layout: 'compact' } },
  { name: 'built-2021-prose', report: proseReport(), options: { layout: 'official' } },
  { name: 'built-2019-compact', report: builtReport('gov2019'), options: { layout: 'compact', blankAsZero: true } },
];

const rendered: Rendered[] = [];
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-export-render-'));
  const files: string[] = [];
  for (const c of CASES) {
    const file = join(dir, `${c.name}.docx`);
    writeFileSync(file, await exportDocx(c.report, c.options));
    files.push(file);
  }
  // Its own profile, so parallel runs do not fight over one LibreOffice user directory.
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
    { timeout: 110_000, stdio: 'ignore' },
  );
  for (const c of CASES) {
    const pdf = join(dir, `${c.name}.pdf`);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'], { encoding: 'utf8' }).split('\n');
    rendered.push({ name: c.name, options: c.options, report: c.report, pages, text, page2, words: wordsByPage(pdf) });
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** pdftotext breaks lines where the page does: compare without whitespace. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('exportDocx rendered by LibreOffice', () => {
  it('renders every case on a sane number of A4 pages', () => {
    expect(rendered.map((r) => r.name)).toEqual(CASES.map((c) => c.name));
    // The samples take 5–8 pages in 公文 type (通元镇 and 平潭 have long prose), 3–5 compact; fallback fonts vary a little.
    for (const r of rendered) expect({ name: r.name, pages: r.pages >= 3 && r.pages <= 10 }).toEqual({ name: r.name, pages: true });
  });

  it('shows the title, the headings in order and every table number exactly once', () => {
    for (const r of rendered) {
      const flat = squeeze(r.text);
      expect(flat.startsWith(squeeze(reportTitle(r.report)))).toBe(true);
      const at = headings(r.report).map((h) => flat.indexOf(h));
      expect({ name: r.name, found: at.every((i) => i > 0) }).toEqual({ name: r.name, found: true });
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      if (r.name.startsWith('built')) continue;
      // Samples have no prose in 二–四: between those headings are the tables and the page numbers.
      const region = r.text.slice(r.text.indexOf(headings(r.report)[1]!), r.text.indexOf(headings(r.report)[4]!));
      const tokens = numberTokens(region.replace(/—\s*\d+\s*—/g, ' '));
      const expected = expectedCells(r.report).flatMap((c) => numberTokens(c.text));
      expect({ name: r.name, numbers: countOf(tokens) }).toEqual({ name: r.name, numbers: countOf(expected) });
    }
  });

  it('lays a full page of 公文 prose in 22 lines of 28 characters (26 after the two-character indent)', () => {
    const prose = rendered.find((r) => r.name === 'built-2021-prose')!;
    const lines = prose.page2.map((l) => l.replace(/\s/g, '')).filter((l) => /^[\u4e00-\u9fff]+$/.test(l));
    expect(lines).toHaveLength(22);
    // Each 100-character paragraph: 26 + 28 + 28 + 18.
    expect(new Set(lines.map((l) => l.length))).toEqual(new Set([26, 28, 18]));
  });

  it('prints 三 of every sample on at most two pages, headers and group labels on each, no short last page', () => {
    // The table starts at the left margin (公文 28 mm, compact 27 mm); its two group label columns are 14 mm each.
    const pt = (mm: number) => (mm * 72) / 25.4;
    const columnText = (words: readonly Word[], at: { left: number; right: number }) =>
      words
        .filter((w) => w.xMin >= at.left && w.xMax <= at.right)
        .sort((a, b) => a.yMin - b.yMin)
        .map((w) => w.text)
        .join('');
    const pageCounts: Record<string, number> = {};
    for (const r of rendered.filter((c) => !c.name.startsWith('built'))) {
      const margin = r.options.layout === 'official' ? 28 : 27;
      const column = (from: number) => ({ left: pt(margin + from) - 1, right: pt(margin + from + 14) + 1 });
      const rows = formatIndex(r.report.format).tables.get('requests')!.rows;
      // A row is on the page where its label's first characters start a word.
      const onPage = (words: readonly Word[]) => rows.filter((row) => words.some((w) => w.text.startsWith(row.label.slice(0, 6))));
      const pages = r.words.map((words, i) => ({ page: i + 1, words, rows: onPage(words) })).filter((p) => p.rows.length > 0);
      pageCounts[r.name] = pages.length;
      expect(pages.flatMap((p) => p.rows).map((row) => row.id)).toEqual(rows.map((row) => row.id));
      for (const { page, words, rows: held } of pages) {
        const where = `${r.name} page ${page}`;
        expect({ where, header: words.some((w) => w.text === '申请人情况') }).toEqual({ where, header: true });
        for (const level of [0, 1]) {
          const labels = new Set(held.flatMap((row) => (row.groups && row.groups.length > level + 1 ? [row.groups[level]!] : [])));
          const drawn = columnText(words, column(14 * level));
          for (const label of labels) expect({ where, label, drawn: drawn.includes(label) }).toEqual({ where, label, drawn: true });
        }
      }
      expect({ name: r.name, lastPageRows: pages.at(-1)!.rows.length > 2 }).toEqual({ name: r.name, lastPageRows: true });
    }
    expect(Object.values(pageCounts).every((n) => n >= 1 && n <= 2)).toBe(true);
    console.info('Pages of 三:', pageCounts);
  });

  it('numbers the pages — 1 —, — 2 —, …', () => {
    for (const r of rendered) {
      for (let page = 1; page <= r.pages; page++) expect(r.text).toMatch(new RegExp(`—\\s*${page}\\s*—`));
    }
  });
});
