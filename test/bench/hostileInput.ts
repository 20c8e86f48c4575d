/**
 * One oversized or pathological input, read in a process of its own so that
 * its peak memory is its own: `tsx test/bench/hostileInput.ts <case>` prints
 * one JSON line (time, input size, resident memory before and at peak, and
 * how the input was answered). Run by hostile.bench.ts.
 */
import { parseReportBytes } from '../../shared/file/document.ts';
import { decodeText, importText } from '../../shared/import/text.ts';
import { bigReportText } from '../fixtures/bigText.ts';
import { readReportBytes } from '../../shared/import/read.ts';
import { NODE_PDF_RESOURCES } from '../../electron/services/pdfResources.ts';
import { deepPdf, manyObjectsPdf, repeatedPagePdf } from '../fixtures/pdf/build.ts';
import { pdfFixture } from '../fixtures/pdf/index.ts';
import { HUAIAN_2024 } from '../fixtures/samples/index.ts';

const MB = 1024 * 1024;

/** Inputs as a clerk's mistake or a hostile file would have them. */
const readPdfReport = (b: Uint8Array) => readReportBytes(b, 'report.pdf', { pdf: NODE_PDF_RESOURCES });

const CASES: Record<string, { make: () => Uint8Array; read: (bytes: Uint8Array) => unknown }> = {
  // Every table cell on its own TAB line, 20 MB of it (before the caps: 10 s, 1.1 GB).
  'text-20mb-cells': { make: () => new TextEncoder().encode('\t12\n\t3\n\n'.repeat((20 * MB) / 8)), read: (b) => importText(decodeText(b)) },
  // 9.5 MB of cells right under the byte cap: refused by the table caps.
  'text-9mb-cells': { make: () => new TextEncoder().encode('\t12\n\t3\n\n'.repeat((9.5 * MB) / 8)), read: (b) => importText(decodeText(b)) },
  // The largest text accepted: a report and prose up to the line and byte caps.
  'text-largest-accepted': { make: bigReportText, read: (b) => importText(decodeText(b)) },
  // A .nianbao of 19 MB of nested arrays (before the scan: ~60× its size in JSON.parse).
  'nianbao-deep-19mb': {
    make: () => new TextEncoder().encode(`{"app":"nianbao","fileVersion":1,"x":${'['.repeat(9.5 * MB)}${']'.repeat(9.5 * MB)}}`),
    read: parseReportBytes,
  },
  // A full report exported to PDF (2024 淮安市, 公文 layout): what reading a PDF costs at all.
  'pdf-report': { make: () => pdfFixture(HUAIAN_2024, 'official'), read: readPdfReport },
  // A million real objects in the cross-reference table (30 MB), refused from the trailer.
  'pdf-million-objects': { make: () => manyObjectsPdf(1_000_000), read: readPdfReport },
  // A page tree of a million references to one page.
  'pdf-million-pages': { make: () => repeatedPagePdf(1_000_000), read: readPdfReport },
  // Arrays nested 5 million deep in the catalog (10 MB).
  'pdf-deep-10mb': { make: () => deepPdf(5_000_000), read: readPdfReport },
};

const name = process.argv[2] ?? '';
const chosen = CASES[name];
if (!chosen) throw new Error(`unknown case ${name}; one of ${Object.keys(CASES).join(', ')}`);
const bytes = chosen.make();
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
let outcome: string;
try {
  await chosen.read(bytes);
  outcome = 'accepted';
} catch (error) {
  outcome = `refused: ${error instanceof Error ? error.message.slice(0, 40) : String(error)}`;
}
const ms = performance.now() - start;
const rssPeak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ms, bytes: bytes.length, rssBefore, rssPeak, outcome }));
