/**
 * Writing and reading the clerk's files safely.
 *
 * A save never leaves a half-written report behind: the bytes go to a
 * temporary file in the same folder (so the final rename stays on one file
 * system), are flushed to disk, and only then replace the old file. The
 * previous version is kept next to it as `<name>.bak`. If anything fails, the
 * old file is untouched and the error says why in Chinese.
 *
 * A save respects the file it replaces: its permissions (and, where allowed,
 * its owner and group) are kept, a read-only file is refused, and a symbolic
 * link is saved through to its target (the link stays a link). Temporaries left by an interrupted save are removed by
 * the next save into that folder.
 */
import * as nodeFs from 'node:fs/promises';
import { constants } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { tooLargeText } from '../../shared/file/size.ts';
import { FileError, describeFsError } from './errors.ts';

/** The part of node:fs/promises the services use; tests pass a failing one. */
export type FsPort = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'copyFile' | 'unlink' | 'stat' | 'lstat' | 'mkdir' | 'readdir' | 'readFile' | 'realpath' | 'readlink' | 'access'
>;

export const realFs: FsPort = nodeFs;

export interface WriteOptions {
  /** Keep the replaced file as `<path>.bak`. */
  backup?: boolean;
  fs?: FsPort;
}

export function backupPath(path: string): string {
  return `${path}.bak`;
}

/** Leftovers younger than this may belong to a save still under way (another window, a slow share). */
export const STALE_TEMP_MS = 5 * 60_000;

const TEMP_SUFFIX = /\.[0-9a-f]{12}\.tmp(\.bak)?$/;

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether `name` is a temporary of ours, for the file `of` when given (a base name). */
export function isTempName(name: string, of?: string): boolean {
  const match = TEMP_SUFFIX.exec(name);
  if (!match || !name.startsWith('.')) return false;
  return of === undefined || name.slice(1, match.index) === of;
}

/**
 * Removes our temporaries in `folder` last modified before `reference` minus
 * STALE_TEMP_MS. `reference` must come from the same clock as the folder's
 * times (the folder's own file system, or this PC for a local folder).
 * Failures are ignored: a file still open elsewhere simply stays.
 */
export async function removeStaleTemps(folder: string, of: string | undefined, reference: number, fs: FsPort = realFs): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!isTempName(name, of)) continue;
    const file = join(folder, name);
    try {
      const info = await fs.lstat(file);
      if (!info.isFile() || info.mtimeMs > reference - STALE_TEMP_MS) continue;
      await fs.unlink(file);
      removed++;
    } catch {
      // In use or already gone.
    }
  }
  return removed;
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

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * The file a save to `path` really writes: the target of a symbolic link
 * (also of one whose target does not exist yet), else `path` itself.
 */
export async function saveTarget(path: string, fs: FsPort = realFs): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  try {
    if ((await fs.lstat(path)).isSymbolicLink()) return resolve(dirname(path), await fs.readlink(path));
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  return path;
}

/** The existing file's permission bits and owner, or null when there is none. */
interface Existing {
  mode: number;
  uid: number;
  gid: number;
}

async function existing(fs: FsPort, target: string): Promise<Existing | null> {
  try {
    const info = await fs.stat(target);
    if (!info.isFile()) throw new FileError(`无法保存“${basename(target)}”：这不是一个文件。`);
    return { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Whether an existing file may not be replaced: no one may write it (the
 * read-only attribute on Windows), or this user may not.
 */
async function refusesWrites(fs: FsPort, target: string, file: Existing | null): Promise<boolean> {
  if (file === null) return false;
  if ((file.mode & 0o222) === 0) return true;
  try {
    await fs.access(target, constants.W_OK);
    return false;
  } catch (error) {
    return errnoCode(error) === 'EACCES' || errnoCode(error) === 'EPERM';
  }
}

export async function isReadOnly(path: string, fs: FsPort = realFs): Promise<boolean> {
  try {
    const target = await saveTarget(path, fs);
    return await refusesWrites(fs, target, await existing(fs, target));
  } catch (error) {
    throw describeFsError(error, '保存', path);
  }
}

export function readOnlyError(path: string): FileError {
  return new FileError(`无法保存“${basename(path)}”：这是只读文件。请用“另存为”保存为另一个文件，或先取消它的只读属性。`, 'EREADONLY');
}

async function syncFile(fs: FsPort, path: string): Promise<void> {
  const handle = await fs.open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeAndSync(fs: FsPort, path: string, data: Uint8Array, replacing: Existing | null): Promise<void> {
  const handle = await fs.open(path, 'wx', replacing?.mode ?? 0o644);
  try {
    if (replacing !== null) {
      // A shared machine: the report may belong to a colleague or a group.
      // Only an administrator may give a file away; anyone may keep its group
      // if they are in it (-1 leaves the owner as it is). Else it stays ours.
      if (process.platform !== 'win32') {
        await handle.chown(replacing.uid, replacing.gid).catch(() => handle.chown(-1, replacing.gid)).catch(() => undefined);
      }
      // open() applies the umask; the replaced file's bits are kept exactly.
      await handle.chmod(replacing.mode);
    }
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
  let temp: string | null = null;
  try {
    const target = await saveTarget(path, fs);
    const replacing = await existing(fs, target);
    if (await refusesWrites(fs, target, replacing)) throw readOnlyError(path);
    const folder = dirname(target);
    temp = tempPathFor(target);
    await writeAndSync(fs, temp, bytes, replacing);
    // Our temporary's time is the folder's clock now: older leftovers of this file are from interrupted saves.
    await removeStaleTemps(folder, basename(target), (await fs.stat(temp)).mtimeMs, fs);
    if (options.backup && replacing !== null) {
      // Copy via a temporary too, so a failed copy cannot spoil the previous backup.
      const bakTemp = `${temp}.bak`;
      await fs.copyFile(target, bakTemp);
      await syncFile(fs, bakTemp);
      await renameWithRetry(fs, bakTemp, backupPath(target));
    }
    await renameWithRetry(fs, temp, target);
    await syncFolder(fs, folder);
  } catch (error) {
    if (temp !== null) {
      await fs.unlink(temp).catch(() => undefined);
      await fs.unlink(`${temp}.bak`).catch(() => undefined);
    }
    throw describeFsError(error, '保存', path);
  }
}

/** What a file held when it was read or written: enough to notice that someone else changed it. */
export interface FileVersion {
  size: number;
  sha256: string;
}

export function versionOf(bytes: Uint8Array): FileVersion {
  return { size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Whether the file on disk no longer holds `known` (a size of null: compare
 * the content only). A file that is gone has not changed in this sense:
 * nothing would be overwritten. Times are not compared: a USB stick keeps
 * them to two seconds, and a file server stamps them with its own clock.
 */
export async function changedSince(path: string, known: { size: number | null; sha256: string }, maxBytes: number, fs: FsPort = realFs): Promise<boolean> {
  let size: number;
  try {
    size = (await fs.stat(path)).size;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw describeFsError(error, '读取', path);
  }
  if (known.size !== null ? size !== known.size : size > maxBytes) return true;
  return versionOf(await readFileCapped(path, maxBytes, fs)).sha256 !== known.sha256;
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
