/**
 * The paths the renderer may name. A renderer (or a page that took it over)
 * must not be able to read or overwrite arbitrary files, so every path it
 * passes back must be one this process handed out: chosen in a dialog, listed
 * in the recent files, dropped or double-clicked by the clerk.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { isDroppableName } from '../../shared/bridgeChannels.ts';
import { z } from 'zod';

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
export const DroppedFileClaimSchema = z.strictObject({
  path: z.string().min(1).max(4096),
  size: z.number().int().min(0),
  lastModified: z.number().finite(),
});
export type DroppedFileClaim = z.infer<typeof DroppedFileClaimSchema>;

export type StatPort = (path: string) => Promise<{ isFile(): boolean; size: number; mtimeMs: number }>;

/** The dropped report file's path when the claim matches that file on disk, otherwise null. */
export async function verifyDroppedFile(claim: unknown, statFile: StatPort = stat): Promise<string | null> {
  const parsed = DroppedFileClaimSchema.safeParse(claim);
  if (!parsed.success) return null;
  const { path, size, lastModified } = parsed.data;
  if (path.includes('\0') || !isAbsolute(path) || !isDroppableName(path)) return null;
  try {
    const info = await statFile(path);
    // File.lastModified is whole milliseconds; the disk may keep finer times.
    return info.isFile() && info.size === size && Math.abs(info.mtimeMs - lastModified) < 1 ? path : null;
  } catch {
    return null;
  }
}
