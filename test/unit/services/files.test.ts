import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPath, readFileCapped, writeFileAtomic } from '../../../electron/services/files.ts';
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
