/**
 * The browser host takes last year's report as the PDF the website
 * published: 导入上年报告 reads it in the worker through the front door, as
 * the app and the CLI do.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/webhost/server.ts';
import { PDF_MESSAGES } from '../../../shared/import/pdf.ts';
import { pdfFixturePath, PDF_FIXTURES_DIR } from '../../fixtures/pdf/index.ts';
import { HONGZE_2024 } from '../../fixtures/samples/index.ts';

let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-web-pdf-'));
  const workspace = join(dir, 'workspace');
  const rendererDir = join(dir, 'renderer');
  await mkdir(workspace);
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>年报</body></html>');
  await copyFile(pdfFixturePath(HONGZE_2024, 'official'), join(workspace, '上年.pdf'));
  await copyFile(join(PDF_FIXTURES_DIR, 'scanned.pdf'), join(workspace, '扫描件.pdf'));
  host = await startWebHost({ port: 0, workspace, rendererDir, userData: join(dir, 'userData') });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

async function importLastYear(name: string): Promise<unknown> {
  const response = await fetch(new URL('/__nianbao/api/importLastYear', host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': host.token },
    body: JSON.stringify({ args: [], dialog: name }),
  });
  return response.json();
}

describe('导入上年报告 of a PDF in the web host', () => {
  it('reads the published PDF as the template, every table found', async () => {
    const answer = (await importLastYear('上年.pdf')) as {
      ok: boolean;
      value: { importReport: { source: string; tablesMissing: string[] }; report: { organ: string; year: number; cells: Record<string, { raw: string }> } };
    };
    expect(answer.ok).toBe(true);
    expect(answer.value.importReport.source).toBe('pdf');
    expect(answer.value.importReport.tablesMissing).toEqual([]);
    expect(answer.value.report.organ).toBe(HONGZE_2024.organ);
    expect(answer.value.report.year).toBe(2024);
    for (const id of ['art20_1.normative_docs.in_force', 'art20_5.licensing.decisions', 'art20_6.penalty.decisions']) {
      expect(answer.value.report.cells[id]?.raw, id).toBe(HONGZE_2024.cells[id]);
    }
  }, 60_000);

  it('refuses a scan in the same one line', async () => {
    expect(await importLastYear('扫描件.pdf')).toEqual({ ok: false, message: PDF_MESSAGES.scanned });
  }, 60_000);
});
