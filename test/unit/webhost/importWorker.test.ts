import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/webhost/server.ts';
import { bigReportText } from '../../fixtures/bigText.ts';

let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-web-worker-'));
  const workspace = join(dir, 'workspace');
  const rendererDir = join(dir, 'renderer');
  await mkdir(workspace);
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>年报</body></html>');
  await writeFile(join(workspace, '上年.txt'), bigReportText());
  // No formats passed: the real ones, in the worker.
  host = await startWebHost({ port: 0, workspace, rendererDir, userData: join(dir, 'userData') });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web host during a big import', () => {
  it('keeps serving GET / while the largest accepted text is read', async () => {
    let importing = true;
    const started = performance.now();
    const imported = fetch(new URL('/__nianbao/api/importLastYear', host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': host.token },
      body: JSON.stringify({ args: [], dialog: '上年.txt' }),
    })
      .then((response) => response.json() as Promise<{ ok: boolean; value?: { importReport: { source: string } } }>)
      .finally(() => {
        importing = false;
      });
    let served = 0;
    let slowest = 0;
    while (importing) {
      const asked = performance.now();
      const page = await fetch(host.url);
      expect(await page.text()).toContain('年报');
      slowest = Math.max(slowest, performance.now() - asked);
      served++;
    }
    const importTook = performance.now() - started;
    expect(await imported).toMatchObject({ ok: true, value: { importReport: { source: 'text' } } });
    // Relative, not a budget: an import on the event loop holds one GET for most of the import.
    expect(served).toBeGreaterThanOrEqual(5);
    expect(slowest).toBeLessThan(importTook / 4);
  }, 60_000);
});
