import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentFiles } from '../../../electron/services/recent.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-recent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function touch(name: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, '{}');
  return path;
}

describe('RecentFiles', () => {
  it('lists the newest first, without duplicates', async () => {
    const recent = new RecentFiles(join(dir, 'recent.json'));
    const a = await touch('a.nianbao');
    const b = await touch('b.nianbao');
    await recent.add(a);
    await recent.add(b);
    await recent.add(a);
    expect((await recent.list()).map((f) => f.name)).toEqual(['a.nianbao', 'b.nianbao']);
  });

  it(`keeps at most ${MAX_RECENT}`, async () => {
    const recent = new RecentFiles(join(dir, 'recent.json'));
    for (let i = 0; i < MAX_RECENT + 3; i++) await recent.add(await touch(`${i}.nianbao`));
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]?.name).toBe(`${MAX_RECENT + 2}.nianbao`);
  });

  it('prunes files that no longer exist', async () => {
    const recent = new RecentFiles(join(dir, 'recent.json'));
    const a = await touch('a.nianbao');
    await recent.add(a);
    await recent.add(join(dir, 'deleted.nianbao'));
    expect((await recent.list()).map((f) => f.path)).toEqual([a]);
  });

  it('survives a damaged list', async () => {
    const file = join(dir, 'recent.json');
    await writeFile(file, 'not json');
    const recent = new RecentFiles(file);
    expect(await recent.list()).toEqual([]);
    const a = await touch('a.nianbao');
    await recent.add(a);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, files: [{ path: a }] });
  });

  it('drops invalid and relative entries but keeps the valid ones', async () => {
    const file = join(dir, 'recent.json');
    const a = await touch('a.nianbao');
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        files: [
          { path: 'relative.nianbao', name: 'relative.nianbao', openedAt: 'x' },
          { path: a, name: 'a.nianbao', openedAt: '2025-01-01T00:00:00Z', extra: true },
          { path: 42 },
          { path: a, name: 'a.nianbao', openedAt: '2025-01-01T00:00:00Z' },
        ],
      }),
    );
    expect(await new RecentFiles(file).list()).toEqual([{ path: a, name: 'a.nianbao', openedAt: '2025-01-01T00:00:00Z' }]);
  });
});
