import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../../shared/import/docx.ts';
import { DOCX_MESSAGES } from '../../../shared/import/ooxml.ts';
import { decodeText, importText } from '../../../shared/import/text.ts';
import { ImportError } from '../../../shared/import/types.ts';
import { expectSameCells, quirkyReport } from '../../fixtures/docx/cases.ts';
import { convertWithLibreOffice, publishedFromReport, reportHtml, type PublishedReport } from '../../fixtures/docx/html.ts';
import { fillTemplate } from '../../fixtures/docx/template.ts';

const SAMPLES = new URL('../../../../shared/samples/', import.meta.url);

/** Each published sample as the text importer reads it: real numbers, units and blanks, written into a .docx. */
const samples = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f.replace(/\.txt$/, ''), publishedFromReport(importText(decodeText(new Uint8Array(readFileSync(new URL(f, SAMPLES))))).report)] as const);

const cases: Record<string, PublishedReport> = {
  'quirky-gov2019': quirkyReport('gov2019'),
  'quirky-gov2021': quirkyReport('gov2021'),
  ...Object.fromEntries(samples),
};

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
    expect(report.sections[key as keyof typeof report.sections].text).toBe(text);
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
    expect(() => importDocx(doc)).toThrow(new ImportError(DOCX_MESSAGES.legacyDoc));
  });
});
