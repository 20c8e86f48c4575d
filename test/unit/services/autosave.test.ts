import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AutosaveStore, autosaveKey } from '../../../electron/services/autosave.ts';
import { createReport } from '../../../shared/model/report.ts';

let dir: string;
let clock: number;
const at = () => new Date(clock);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-autosave-'));
  clock = Date.parse('2025-01-10T08:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = (organ: string) => createReport({ format: 'gov2021', year: 2024, organ });

describe('AutosaveStore', () => {
  it('offers back an unsaved report', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    await store.save(report('甲镇人民政府'), null);
    const found = await new AutosaveStore(join(dir, 'autosave')).recover();
    expect(found).toMatchObject({ path: null, name: null, savedAt: '2025-01-10T08:00:00.000Z' });
    expect(found?.report.organ).toBe('甲镇人民政府');
  });

  it('offers the newest working copy among several', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    await store.save(report('旧'), null);
    clock += 60_000;
    const file = join(dir, 'b.nianbao');
    await writeFile(file, '{}');
    await utimes(file, new Date(clock - 3_600_000), new Date(clock - 3_600_000));
    await store.save(report('新'), file);
    const found = await store.recover();
    expect(found?.report.organ).toBe('新');
    expect(found?.path).toBe(file);
    expect(found?.name).toBe('b.nianbao');
  });

  it('drops a working copy older than its saved file', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    const file = join(dir, 'a.nianbao');
    await store.save(report('甲'), file);
    await writeFile(file, '{}');
    await utimes(file, new Date(clock + 5_000), new Date(clock + 5_000));
    expect(await store.recover()).toBeNull();
    expect(await readdir(join(dir, 'autosave'))).toEqual([]);
  });

  it('ignores and removes damaged or foreign files', async () => {
    const folder = join(dir, 'autosave');
    const store = new AutosaveStore(folder, { now: at });
    await store.save(report('甲'), null);
    await writeFile(join(folder, 'broken.json'), '{"version":1,');
    await writeFile(join(folder, 'evil.json'), JSON.stringify({ version: 1, savedAt: '2030-01-01T00:00:00Z', path: null, report: { __proto__: 1 } }));
    const found = await store.recover();
    expect(found?.report.organ).toBe('甲');
    expect((await readdir(folder)).sort()).toEqual([`${autosaveKey(null)}.json`]);
  });

  it('discards the working copy of one document only', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    await store.save(report('未命名'), null);
    await store.save(report('有文件'), join(dir, 'gone.nianbao'));
    await store.discard(null);
    expect((await store.recover())?.report.organ).toBe('有文件');
  });

  it('returns null when nothing was ever saved', async () => {
    expect(await new AutosaveStore(join(dir, 'none')).recover()).toBeNull();
  });
});
