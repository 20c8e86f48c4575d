/**
 * Importing last year's report: a filled provincial Word template, and a
 * published report pasted as text. Both are done once per session, but the
 * clerk waits for them, so they should feel instant.
 */
import { readFileSync } from 'node:fs';
import { exportHtml } from '../../shared/export/html.ts';
import { importDocx } from '../../shared/import/docx.ts';
import { readReportBytes } from '../../shared/import/read.ts';
import { decodeText, importText } from '../../shared/import/text.ts';
import { publishedFromReport } from '../fixtures/docx/html.ts';
import { fillTemplate } from '../fixtures/docx/template.ts';
import { sampleDoc } from '../fixtures/doc/index.ts';
import { encodeGbk, inCmsPage } from '../fixtures/html/pages.ts';
import { HUAIAN_2024 } from '../fixtures/samples/index.ts';
import { percentiles, type Benchmark } from './types.ts';

const WARMUP = 10;
const RUNS = 60;
const BUDGET_MS = 100;
/** A large 2021-format report: 3119 applications, 行政处罚 3985758, long prose. */
const SAMPLE = new URL('../../../shared/samples/2024_huaian-city.txt', import.meta.url);

function time(run: () => void): { median: number; p95: number } {
  for (let i = 0; i < WARMUP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

function result(t: { median: number; p95: number }, detail: string) {
  return { value: t.median, unit: 'ms', pass: t.median < BUDGET_MS, detail: `p95 ${t.p95.toFixed(1)} ms; ${detail}` };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'readReportBytes: Word 97-2003 .doc saved by LibreOffice (2024 淮安市)',
    budget: `median < ${BUDGET_MS} ms`,
    async measure() {
      const bytes = sampleDoc(HUAIAN_2024);
      let cells = 0;
      const t = time(() => {
        cells = Object.keys(readReportBytes(bytes, '上年.doc').report.cells).length;
      });
      return result(t, `${(bytes.length / 1024).toFixed(0)} KB, ${cells} cells`);
    },
  },
  {
    name: 'importDocx: filled provincial template (2024 淮安市)',
    budget: `median < ${BUDGET_MS} ms`,
    async measure() {
      // The sample's cells as published and its prose, typed into the real template.
      const report = importText(decodeText(new Uint8Array(readFileSync(SAMPLE)))).report;
      const bytes = fillTemplate(publishedFromReport(report));
      let cells = 0;
      const t = time(() => {
        cells = Object.keys(importDocx(bytes).report.cells).length;
      });
      return result(t, `${(bytes.length / 1024).toFixed(0)} KB, ${cells} cells`);
    },
  },
  {
    name: 'importText: published report as text (2024 淮安市)',
    budget: `median < ${BUDGET_MS} ms`,
    async measure() {
      const bytes = new Uint8Array(readFileSync(SAMPLE));
      let cells = 0;
      const t = time(() => {
        cells = Object.keys(importText(decodeText(bytes)).report.cells).length;
      });
      return result(t, `${(bytes.length / 1024).toFixed(0)} KB, ${cells} cells`);
    },
  },
  {
    name: 'HTML import: saved GBK government page with nested layout tables (2024 淮安市)',
    budget: `median < ${BUDGET_MS} ms`,
    async measure() {
      const report = importText(decodeText(new Uint8Array(readFileSync(SAMPLE)))).report;
      const bytes = encodeGbk(inCmsPage(exportHtml(report, {}), 'GBK'));
      let cells = 0;
      const t = time(() => {
        cells = Object.keys(readReportBytes(bytes, 'page.html').report.cells).length;
      });
      return result(t, `${(bytes.length / 1024).toFixed(0)} KB, ${cells} cells`);
    },
  },
];
