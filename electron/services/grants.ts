/**
 * The paths the renderer may name. A renderer (or a page that took it over)
 * must not be able to read or overwrite arbitrary files, so every path it
 * passes back must be one this process handed out: chosen in a dialog, listed
 * in the recent files, dropped or double-clicked by the clerk.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { isDroppableName } from '../../shared/bridgeChannels.ts';
import { DroppedClaimSchema, type DroppedClaim } from '../../shared/countyBridge.ts';

export class PathGrants {
  private readonly paths = new Set<string>();
  private readonly caseInsensitive: boolean;

  constructor(options: { caseInsensitive?: boolean } = {}) {
    // Windows and macOS file systems ignore case by default.
    this.caseInsensitive = options.caseInsensitive ?? process.platform !== 'linux';
  }

  private key(path: string): string {
    const full = resolve(path);
    return this.caseInsensitive ? full.toLowerCase() : full;
  }

  grant(path: string): string {
    this.paths.add(this.key(path));
    return path;
  }

  has(path: string): boolean {
    return this.paths.has(this.key(path));
  }
}

/**
 * What the preload sends for a file the clerk dropped on the window: the
 * path webUtils.getPathForFile gave for the dropped File, with the File's
 * size and modification time. A sandboxed renderer cannot stat the disk, so
 * only a File the browser process handed it (a real drop) carries the
 * figures that match: a renderer that merely names a path gets nothing.
 */
export const DroppedFileClaimSchema = DroppedClaimSchema;
export type DroppedFileClaim = DroppedClaim;

export type StatPort = (path: string) => Promise<{ isFile(): boolean; isDirectory(): boolean; size: number; mtimeMs: number }>;

export interface DroppedEntry {
  path: string;
  folder: boolean;
}

/**
 * The dropped file or folder when the claim matches it on disk, otherwise
 * null. A folder's File need not report the size stat gives for a folder
 * (it differs by system), so a folder is matched by its time alone, which a
 * renderer cannot know to the millisecond either.
 */
export async function verifyDroppedEntry(claim: unknown, statFile: StatPort = stat): Promise<DroppedEntry | null> {
  const parsed = DroppedClaimSchema.safeParse(claim);
  if (!parsed.success) return null;
  const { path, size, lastModified } = parsed.data;
  if (path.includes('\0') || !isAbsolute(path)) return null;
  try {
    const info = await statFile(path);
    // File.lastModified is whole milliseconds; the disk may keep finer times.
    if (Math.abs(info.mtimeMs - lastModified) >= 1) return null;
    if (info.isDirectory()) return { path, folder: true };
    return info.isFile() && info.size === size ? { path, folder: false } : null;
  } catch {
    return null;
  }
}

/** The dropped report file's path when the claim matches that file on disk, otherwise null. */
export async function verifyDroppedFile(claim: unknown, statFile: StatPort = stat): Promise<string | null> {
  const parsed = DroppedClaimSchema.safeParse(claim);
  if (!parsed.success || !isDroppableName(parsed.data.path)) return null;
  const entry = await verifyDroppedEntry(parsed.data, statFile);
  return entry !== null && !entry.folder ? entry.path : null;
}
