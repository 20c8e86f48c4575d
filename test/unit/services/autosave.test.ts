import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AutosaveStore, autosaveKey } from '../../../electron/services/autosave.ts';
import { STALE_TEMP_MS, versionOf } from '../../../electron/services/files.ts';
import type { FsPort } from '../../../electron/services/files.ts';
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
const hashOf = (text: string) => versionOf(new TextEncoder().encode(text)).sha256;

/** A saved report file with its content hash, as the handlers record it when opening. */
async function savedFile(name: string, content: string): Promise<{ path: string; base: string }> {
  const path = join(dir, name);
  await writeFile(path, content);
  return { path, base: hashOf(content) };
}

describe('AutosaveStore', () => {
  it('offers back an unsaved report, naming the copy', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    await store.save(report('甲镇人民政府'), null, null);
    const found = await new AutosaveStore(join(dir, 'autosave')).recover();
    expect(found?.offer).toMatchObject({ id: 'untitled', path: null, name: null, savedAt: '2025-01-10T08:00:00.000Z', fileChanged: false });
    expect(found?.offer.report.organ).toBe('甲镇人民政府');
  });

  it('offers the newest working copy among several', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    await store.save(report('旧'), null, null);
    clock += 60_000;
    const file = await savedFile('b.nianbao', '{"saved":1}');
    await store.save(report('新'), file.path, file.base);
    const found = await store.recover();
    expect(found?.offer.report.organ).toBe('新');
    expect(found?.offer).toMatchObject({ id: autosaveKey(file.path), path: file.path, name: 'b.nianbao', fileChanged: false });
    expect(found?.base).toBe(file.base);
  });

  it('offers a copy whose saved file carries a time ahead of this PC’s clock (a file server’s)', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    const file = await savedFile('a.nianbao', '{"saved":1}');
    await utimes(file.path, new Date(clock + 3_600_000), new Date(clock + 3_600_000));
    await store.save(report('甲'), file.path, file.base);
    expect((await store.recover())?.offer).toMatchObject({ path: file.path, fileChanged: false });
  });

  it('says when the saved file changed on disk after the copy’s edits began, and keeps the copy', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    const file = await savedFile('a.nianbao', '{"saved":1}');
    await store.save(report('甲'), file.path, file.base);
    await writeFile(file.path, '{"saved":2}');
    // Its time is older than the copy's: times decide nothing.
    await utimes(file.path, new Date(clock - 3_600_000), new Date(clock - 3_600_000));
    expect((await store.recover())?.offer).toMatchObject({ path: file.path, fileChanged: true });
    expect(await readdir(join(dir, 'autosave'))).toEqual([`${autosaveKey(file.path)}.json`]);
  });

  it('offers the copy of a file that is gone', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    await store.save(report('甲'), join(dir, 'gone.nianbao'), hashOf('x'));
    expect((await store.recover())?.offer).toMatchObject({ name: 'gone.nianbao', fileChanged: false });
  });

  it('reads copies written before the base was recorded', async () => {
    const folder = join(dir, 'autosave');
    await fsp.mkdir(folder);
    const path = join(dir, 'v1.nianbao');
    await writeFile(join(folder, `${autosaveKey(path)}.json`), JSON.stringify({ version: 1, savedAt: '2025-01-09T08:00:00.000Z', path, report: report('旧版') }));
    expect((await new AutosaveStore(folder).recover())?.offer).toMatchObject({ path, fileChanged: false, report: { organ: '旧版' } });
  });

  it('ignores and removes damaged or foreign files', async () => {
    const folder = join(dir, 'autosave');
    const store = new AutosaveStore(folder, { now: at });
    await store.save(report('甲'), null, null);
    await writeFile(join(folder, 'broken.json'), '{"version":1,');
    await writeFile(join(folder, `${'a'.repeat(32)}.json`), JSON.stringify({ version: 2, savedAt: '2030-01-01T00:00:00Z', path: null, report: { __proto__: 1 } }));
    await writeFile(join(folder, 'notes.txt'), 'not ours');
    const found = await store.recover();
    expect(found?.offer.report.organ).toBe('甲');
    expect((await readdir(folder)).sort()).toEqual(['broken.json', 'notes.txt', `${autosaveKey(null)}.json`]);
  });

  it('removes temporaries of interrupted writes at start, only old ones of ours', async () => {
    const folder = join(dir, 'autosave');
    const store = new AutosaveStore(folder, { now: at });
    await store.save(report('甲'), null, null);
    const old = `.${autosaveKey(null)}.json.0123456789ab.tmp`;
    const oldBak = `.${autosaveKey(null)}.json.0123456789ab.tmp.bak`;
    const fresh = `.${autosaveKey(null)}.json.ba9876543210.tmp`;
    const foreign = '.other.json.tmp';
    for (const name of [old, oldBak, fresh, foreign]) await writeFile(join(folder, name), 'x');
    const longAgo = new Date(clock - STALE_TEMP_MS - 1_000);
    for (const name of [old, oldBak, foreign]) await utimes(join(folder, name), longAgo, longAgo);
    await utimes(join(folder, fresh), new Date(clock - 1_000), new Date(clock - 1_000));
    await store.recover();
    expect((await readdir(folder)).sort()).toEqual([foreign, fresh, `${autosaveKey(null)}.json`].sort());
  });

  it('discards exactly the copy named, by document or by id', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    const file = join(dir, 'gone.nianbao');
    await store.save(report('未命名'), null, null);
    await store.save(report('有文件'), file, null);
    await store.discardId(autosaveKey(file));
    expect((await store.recover())?.offer.report.organ).toBe('未命名');
    await store.discard(null);
    expect(await store.recover()).toBeNull();
  });

  it('ignores an id that is not a copy’s name', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'), { now: at });
    await writeFile(join(dir, 'victim.json'), 'precious');
    await store.discardId('../victim');
    expect(await readdir(dir)).toContain('victim.json');
  });

  it('says in Chinese why a working copy could not be written', async () => {
    const full: FsPort = { ...fsp, open: (async () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }))) as FsPort['open'] };
    const store = new AutosaveStore(join(dir, 'autosave'), { fs: full });
    await expect(store.save(report('甲'), null, null)).rejects.toThrow('自动保存失败：磁盘空间已满，请清理磁盘或换一个位置保存。');
  });

  it('returns null when nothing was ever saved', async () => {
    expect(await new AutosaveStore(join(dir, 'none')).recover()).toBeNull();
  });
});
