import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../shared/import/types.ts';
import { TEXT_LIMITS } from '../../../shared/import/text.ts';
import { REPORT_FORMATS } from '../../../electron/services/formats.ts';
import { isClerkError } from '../../../electron/services/errors.ts';
import { WORKER_FAILED, createWorkerFormats } from '../../../electron/services/workerFormats.ts';
import { bigReportText } from '../../fixtures/bigText.ts';
import { pdfFixture } from '../../fixtures/pdf/index.ts';
import { HUAIAN_2024 } from '../../fixtures/samples/index.ts';

const SAMPLE = new Uint8Array(readFileSync(new URL('../../../../shared/samples/2024_huaian-city.txt', import.meta.url)));
const formats = createWorkerFormats();
afterAll(() => formats.close());

/** Runs `work` while a 5 ms interval ticks; returns the ticks seen while it ran. */
async function ticksDuring(work: () => unknown): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe('imports and exports in a worker thread', () => {
  it('imports exactly what the same import gives on this thread', async () => {
    expect(await formats.importers.read(SAMPLE, '2024.txt')).toEqual(await REPORT_FORMATS.importers.read(SAMPLE, '2024.txt'));
  });


  it('exports exactly what the same exporters give on this thread', async () => {
    const { report } = await REPORT_FORMATS.importers.read(SAMPLE, '2024.txt');
    const options = { blankAsZero: true, findingsSheet: true } as const;
    expect(await formats.exporters.text(report, { ...options, tables: 'tsv' })).toBe(REPORT_FORMATS.exporters.text(report, { ...options, tables: 'tsv' }));
    expect(await formats.exporters.html(report, options)).toBe(REPORT_FORMATS.exporters.html(report, options));
    const docx = await formats.exporters.docx(report, { ...options, layout: 'official' });
    expect(docx).toBeInstanceOf(Uint8Array);
    expect([...docx.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('refuses in the same Chinese words, as an error the handlers show the clerk', async () => {
    const junk = new Uint8Array([0x13, 0x37, 0xff, 0x00]);
    const error = await Promise.resolve(formats.importers.read(junk, '上年.docx')).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(isClerkError(error)).toBe(true);
    const onThread = await Promise.resolve(REPORT_FORMATS.importers.read(junk, '上年.docx')).then(
      () => 'no refusal',
      (e: unknown) => (e as Error).message,
    );
    expect(error).toMatchObject({ message: onThread });
  });

  it('keeps this thread ticking while the largest accepted text is imported', async () => {
    const big = bigReportText();
    expect(big.length).toBeLessThanOrEqual(TEXT_LIMITS.maxFileBytes);
    await formats.importers.read(SAMPLE, '2024.txt'); // the worker is warm
    const inWorker = await ticksDuring(() => formats.importers.read(big, 'big.txt'));
    // The same import on this thread: the interval cannot run until it is over.
    const onThread = await ticksDuring(() => REPORT_FORMATS.importers.read(big, 'big.txt'));
    expect(onThread).toBe(0);
    expect(inWorker).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('turns a worker that runs out of memory into one Chinese line, and starts a new one for the next job', async () => {
    const small = createWorkerFormats({ maxHeapMb: 24 });
    try {
      await expect(small.importers.read(bigReportText(), 'big.txt')).rejects.toThrow(new ImportError(WORKER_FAILED));
      expect((await small.importers.read(SAMPLE, '2024.txt')).importReport.source).toBe('text');
    } finally {
      await small.close();
    }
  }, 60_000);
});

describe('a PDF in the worker thread', () => {
  // A worker of its own: pdf.js stays loaded in it, apart from the other tests' worker.
  const pdfWorker = createWorkerFormats();
  afterAll(() => pdfWorker.close());

  it('is read there as on this thread, pdf.js and its CMaps included', async () => {
    const pdf = pdfFixture(HUAIAN_2024, 'compact');
    const inWorker = await pdfWorker.importers.read(pdf, '2024.pdf');
    expect(inWorker.importReport.source).toBe('pdf');
    expect(inWorker).toEqual(await REPORT_FORMATS.importers.read(pdf, '2024.pdf'));
  }, 30_000);
});
