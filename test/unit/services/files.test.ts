import { chmod, lstat, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_TEMP_MS, backupPath, changedSince, isReadOnly, readFileCapped, versionOf, writeFileAtomic } from '../../../electron/services/files.ts';
import type { FsPort } from '../../../electron/services/files.ts';
import { FileError } from '../../../electron/services/errors.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** The real fs, except that writing into an opened file fails with `code`. */
function failingWrites(code: string): FsPort {
  return {
    ...fsp,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      if (args[1] !== 'wx') return handle;
      return new Proxy(handle, {
        get(target, prop, receiver) {
          if (prop === 'writeFile') return async () => Promise.reject(errno(code));
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as FsPort['open'],
  };
}

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary behind', async () => {
    const path = join(dir, '报告.nianbao');
    await writeFileAtomic(path, '{"a":1}', { backup: true });
    expect(await readFile(path, 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir)).toEqual(['报告.nianbao']);
  });

  it('keeps the previous version as .bak', async () => {
    const path = join(dir, 'r.nianbao');
    await writeFileAtomic(path, 'one', { backup: true });
    await writeFileAtomic(path, 'two', { backup: true });
    await writeFileAtomic(path, 'three', { backup: true });
    expect(await readFile(path, 'utf8')).toBe('three');
    expect(await readFile(backupPath(path), 'utf8')).toBe('two');
    expect((await readdir(dir)).sort()).toEqual(['r.nianbao', 'r.nianbao.bak']);
  });

  it('leaves the old file intact and explains a full disk in Chinese', async () => {
    const path = join(dir, 'r.nianbao');
    await writeFile(path, 'old');
    const error = await writeFileAtomic(path, 'new', { backup: true, fs: failingWrites('ENOSPC') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toBe('无法保存“r.nianbao”：磁盘空间已满，请清理磁盘或换一个位置保存。');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['r.nianbao']);
  });

  it.each([
    ['EROFS', '只读'],
    ['EACCES', '没有权限'],
    ['EPERM', '占用'],
  ])('refuses a folder that cannot be written (%s)', async (code, words) => {
    const path = join(dir, 'r.nianbao');
    await writeFile(path, 'old');
    const readOnly: FsPort = { ...fsp, open: (async () => Promise.reject(errno(code))) as FsPort['open'] };
    await expect(writeFileAtomic(path, 'new', { fs: readOnly })).rejects.toThrow(words);
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('keeps the old file when the final rename fails', async () => {
    const path = join(dir, 'r.nianbao');
    await writeFile(path, 'old');
    const noRename: FsPort = { ...fsp, rename: (async () => Promise.reject(errno('EBUSY'))) as FsPort['rename'] };
    await expect(writeFileAtomic(path, 'new', { fs: noRename })).rejects.toThrow('占用');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['r.nianbao']);
  });
});

describe('writeFileAtomic respects the file it replaces', () => {
  it.each([0o600, 0o640, 0o664])('keeps the permissions %o', async (mode) => {
    const path = join(dir, 'r.nianbao');
    await writeFile(path, 'old');
    await chmod(path, mode);
    await writeFileAtomic(path, 'new', { backup: true });
    expect((await stat(path)).mode & 0o777).toBe(mode);
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner and group where the saver may (an administrator)', async () => {
    const path = join(dir, 'r.nianbao');
    await writeFile(path, 'old');
    await fsp.chown(path, 1234, 4321);
    await writeFileAtomic(path, 'new', { backup: true });
    expect(await stat(path)).toMatchObject({ uid: 1234, gid: 4321 });
  });

  it('refuses a read-only file and leaves it as it was', async () => {
    const path = join(dir, 'r.nianbao');
    await writeFile(path, 'old');
    await chmod(path, 0o444);
    expect(await isReadOnly(path)).toBe(true);
    await expect(writeFileAtomic(path, 'new', { backup: true })).rejects.toThrow('无法保存“r.nianbao”：这是只读文件。请用“另存为”保存为另一个文件');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect((await stat(path)).mode & 0o777).toBe(0o444);
    expect(await readdir(dir)).toEqual(['r.nianbao']);
  });

  it('saves through a symbolic link to its target; the link stays a link', async () => {
    await fsp.mkdir(join(dir, 'real'));
    const target = join(dir, 'real', 'r.nianbao');
    await writeFile(target, 'old');
    await chmod(target, 0o600);
    const link = join(dir, 'link.nianbao');
    await symlink(join('real', 'r.nianbao'), link);
    await writeFileAtomic(link, 'new', { backup: true });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(join('real', 'r.nianbao'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readFile(backupPath(target), 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['link.nianbao', 'real']);
  });

  it('creates the target of a link that points to no file yet', async () => {
    const link = join(dir, 'link.nianbao');
    await symlink('later.nianbao', link);
    await writeFileAtomic(link, 'first', { backup: true });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'later.nianbao'), 'utf8')).toBe('first');
  });

  it('removes old temporaries of interrupted saves of this file only', async () => {
    const path = join(dir, 'r.nianbao');
    await writeFile(path, 'old');
    const names = {
      oldTemp: '.r.nianbao.0123456789ab.tmp',
      oldBak: '.r.nianbao.0123456789ab.tmp.bak',
      freshTemp: '.r.nianbao.ba9876543210.tmp',
      otherFile: '.s.nianbao.0123456789ab.tmp',
      notOurs: '.r.nianbao.tmp',
    };
    const longAgo = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    for (const [key, name] of Object.entries(names)) {
      await writeFile(join(dir, name), 'x');
      if (key !== 'freshTemp') await utimes(join(dir, name), longAgo, longAgo);
    }
    await writeFileAtomic(path, 'new', { backup: true });
    expect((await readdir(dir)).sort()).toEqual([names.freshTemp, names.notOurs, names.otherFile, 'r.nianbao', 'r.nianbao.bak'].sort());
  });

  it('flushes the backup to disk as well as the file', async () => {
    const path = join(dir, 'r.nianbao');
    await writeFile(path, 'old');
    const synced: string[] = [];
    const recording: FsPort = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          synced.push(String(args[0]));
          return sync();
        };
        return handle;
      }) as FsPort['open'],
    };
    await writeFileAtomic(path, 'new', { backup: true, fs: recording });
    expect(synced.some((p) => p.endsWith('.tmp.bak'))).toBe(true);
    expect(synced.some((p) => p.endsWith('.tmp'))).toBe(true);
    expect(await readFile(backupPath(path), 'utf8')).toBe('old');
  });
});

describe('changedSince', () => {
  const known = versionOf(new TextEncoder().encode('saved'));
  it.each([
    ['the same bytes', 'saved', known, false],
    ['the same bytes, known by content only', 'saved', { size: null, sha256: known.sha256 }, false],
    ['other bytes of the same size', 'SAVED', known, true],
    ['another size', 'saved again', known, true],
    ['other bytes, known by content only', 'other', { size: null, sha256: known.sha256 }, true],
  ])('%s', async (_, content, version, changed) => {
    const path = join(dir, 'r.nianbao');
    await writeFile(path, content);
    expect(await changedSince(path, version, 1024)).toBe(changed);
  });

  it('a file that is gone has nothing to overwrite', async () => {
    expect(await changedSince(join(dir, 'gone.nianbao'), known, 1024)).toBe(false);
  });
});

describe('readFileCapped', () => {
  it('reads a file within the cap', async () => {
    const path = join(dir, 'a.txt');
    await writeFile(path, 'hello');
    expect(new TextDecoder().decode(await readFileCapped(path, 5))).toBe('hello');
  });

  it('refuses a larger file without reading it', async () => {
    const path = join(dir, 'big.nianbao');
    await writeFile(path, 'x'.repeat(2048));
    await expect(readFileCapped(path, 1024)).rejects.toThrow('文件太大');
  });

  it('says when the file is gone', async () => {
    await expect(readFileCapped(join(dir, 'none.nianbao'), 10)).rejects.toThrow('找不到该文件');
  });

  it('refuses a folder', async () => {
    await expect(readFileCapped(dir, 10)).rejects.toThrow('不是一个文件');
  });
});
