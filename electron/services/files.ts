/**
 * Writing and reading the clerk's files safely.
 *
 * A save never leaves a half-written report behind: the bytes go to a
 * temporary file in the same folder (so the final rename stays on one file
 * system), are flushed to disk, and only then replace the old file. The
 * previous version is kept next to it as `<name>.bak`. If anything fails, the
 * old file is untouched and the error says why in Chinese.
 */
import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { tooLargeText } from '../../shared/file/size.ts';
import { FileError, describeFsError } from './errors.ts';

/** The part of node:fs/promises the services use; tests pass a failing one. */
export type FsPort = Pick<typeof nodeFs, 'open' | 'rename' | 'copyFile' | 'unlink' | 'stat' | 'mkdir' | 'readdir' | 'readFile'>;

export const realFs: FsPort = nodeFs;

export interface WriteOptions {
  /** Keep the replaced file as `<path>.bak`. */
  backup?: boolean;
  fs?: FsPort;
}

export function backupPath(path: string): string {
  return `${path}.bak`;
}

// Windows: antivirus and search indexers briefly hold new files open, which
// makes a rename fail with EPERM/EBUSY; a few short retries ride it out.
async function renameWithRetry(fs: FsPort, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 4 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

async function exists(fs: FsPort, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

async function writeAndSync(fs: FsPort, path: string, data: Uint8Array): Promise<void> {
  const handle = await fs.open(path, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// Makes the rename itself durable on POSIX; Windows cannot open a folder this way.
async function syncFolder(fs: FsPort, folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network shares) refuse to sync a folder; the data is already flushed.
  }
}

export async function writeFileAtomic(path: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  const fs = options.fs ?? realFs;
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeAndSync(fs, temp, bytes);
    if (options.backup && (await exists(fs, path))) {
      // Copy via a temporary too, so a failed copy cannot spoil the previous backup.
      const bakTemp = `${temp}.bak`;
      await fs.copyFile(path, bakTemp);
      await renameWithRetry(fs, bakTemp, backupPath(path));
    }
    await renameWithRetry(fs, temp, path);
    await syncFolder(fs, folder);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    await fs.unlink(`${temp}.bak`).catch(() => undefined);
    throw describeFsError(error, '保存', path);
  }
}

/** Reads a whole file, refusing one larger than `maxBytes` before reading it. */
export async function readFileCapped(path: string, maxBytes: number, fs: FsPort = realFs): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await fs.stat(path);
    if (!info.isFile()) throw new FileError(`无法读取“${basename(path)}”：这不是一个文件。`);
    size = info.size;
  } catch (error) {
    throw describeFsError(error, '读取', path);
  }
  if (size > maxBytes) {
    throw new FileError(`无法读取“${basename(path)}”：${tooLargeText(size, maxBytes)}，可能不是年报文件。`);
  }
  try {
    const bytes = await fs.readFile(path);
    // The file may have grown between stat and read.
    if (bytes.byteLength > maxBytes) throw new FileError(`无法读取“${basename(path)}”：文件太大，可能不是年报文件。`);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    throw describeFsError(error, '读取', path);
  }
}

/** Modification time in ms, or null if the file does not exist. */
export async function modifiedAt(path: string, fs: FsPort = realFs): Promise<number | null> {
  try {
    return (await fs.stat(path)).mtimeMs;
  } catch {
    return null;
  }
}
