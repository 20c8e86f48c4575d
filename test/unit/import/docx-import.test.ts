import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../../shared/import/docx.ts';
import { DOCX_MESSAGES } from '../../../shared/import/ooxml.ts';
import { ImportError } from '../../../shared/import/types.ts';
import { expectSameCells, quirkyReport } from '../../fixtures/docx/cases.ts';
import { convertWithLibreOffice, publishedFromReport, reportHtml, type PublishedReport } from '../../fixtures/docx/html.ts';
import { fillTemplate } from '../../fixtures/docx/template.ts';
import { SAMPLES, reportFromFixture } from '../../fixtures/samples/index.ts';

/**
 * Each published sample as transcribed by hand (never by an importer): real
 * numbers, units and blanks, written into a .docx. Cells the published text
 * leaves undetermined are left blank.
 */
const samples = SAMPLES.map((fx) => {
  const published = publishedFromReport(reportFromFixture(fx));
  for (const id of fx.unknown ?? []) delete published.cells[id];
  return [fx.file.replace(/\.txt$/, ''), published] as const;
});

const cases: Record<string, PublishedReport> = {
  'quirky-gov2019': quirkyReport('gov2019'),
  'quirky-gov2021': quirkyReport('gov2021'),
  ...Object.fromEntries(samples),
};

/** Prose as paragraphs: indentation and blank lines are layout, not text (the exporters re-indent). */
function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '');
}

function expectReport(bytes: Uint8Array, published: PublishedReport): void {
  const { report, importReport } = importDocx(bytes);
  // The recognizer folds full-width brackets in a one-line title (海工园（寅阳镇）→ 海工园(寅阳镇)).
  expect(report.organ.normalize('NFKC')).toBe(published.organ.normalize('NFKC'));
  expect(report.year).toBe(published.year);
  expect(importReport.source).toBe('docx');
  expect(importReport.tablesMissing).toEqual([]);
  expect(importReport.sectionsMissing).toEqual([]);
  expectSameCells(report, published);
  for (const [key, text] of Object.entries(published.sections)) {
    expect(paragraphsOf(report.sections[key as keyof typeof report.sections].text)).toEqual(paragraphsOf(text));
  }
}

describe('importDocx: the real provincial template filled in cell by cell', () => {
  for (const [name, published] of Object.entries(cases).filter(([, c]) => c.format === 'gov2021')) {
    it(name, () => expectReport(fillTemplate(published), published));
  }

  it('reads the blank template as a 2021-format report with every cell blank', () => {
    const blank: PublishedReport = { format: 'gov2021', year: 2023, organ: '某镇人民政府', cells: {}, sections: {} };
    const { report, importReport } = importDocx(fillTemplate(blank));
    expectSameCells(report, blank);
    expect(importReport.cellsRead).toBe(0);
  });
});

describe('importDocx: .docx made by LibreOffice from the official tables', () => {
  let dir = '';
  let files: Record<string, Uint8Array> = {};
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-'));
    files = convertWithLibreOffice(Object.fromEntries(Object.entries(cases).map(([name, c]) => [name, reportHtml(c)])), dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, published] of Object.entries(cases)) {
    it(name, () => expectReport(files[name]!, published));
  }
});

describe('importDocx refuses what it cannot read', () => {
  it('passes the reader’s message on', () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(() => importDocx(doc)).toThrow(new ImportError(DOCX_MESSAGES.notDocx));
  });
});
