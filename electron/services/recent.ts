/**
 * 最近打开: a small JSON list in userData. The file is validated on every read
 * (it may be edited or damaged by hand); missing files are pruned so the menu
 * never offers a dead entry.
 */
import { basename, dirname, isAbsolute } from 'node:path';
import { z } from 'zod';
import { RecentFileSchema } from '../../shared/bridge.ts';
import type { RecentFile } from '../../shared/bridge.ts';
import { modifiedAt, readFileCapped, realFs, writeFileAtomic } from './files.ts';
import type { FsPort } from './files.ts';

export const MAX_RECENT = 10;
const MAX_RECENT_BYTES = 256 * 1024;

const storedSchema = z.strictObject({ version: z.literal(1), files: z.array(z.unknown()) });

export class RecentFiles {
  readonly file: string;
  private readonly fs: FsPort;
  private readonly now: () => Date;

  constructor(file: string, options: { fs?: FsPort; now?: () => Date } = {}) {
    this.file = file;
    this.fs = options.fs ?? realFs;
    this.now = options.now ?? (() => new Date());
  }

  /** Valid entries whose files still exist, newest first, at most MAX_RECENT. */
  async list(): Promise<RecentFile[]> {
    const stored = await this.readStored();
    const present: RecentFile[] = [];
    for (const entry of stored) {
      if (present.length >= MAX_RECENT) break;
      if ((await modifiedAt(entry.path, this.fs)) !== null) present.push(entry);
    }
    return present;
  }

  async add(path: string): Promise<RecentFile[]> {
    const entry: RecentFile = { path, name: basename(path), openedAt: this.now().toISOString() };
    const files = [entry, ...(await this.list()).filter((f) => f.path !== path)].slice(0, MAX_RECENT);
    await this.write(files);
    return files;
  }

  async remove(path: string): Promise<RecentFile[]> {
    const files = (await this.list()).filter((f) => f.path !== path);
    await this.write(files);
    return files;
  }

  private async write(files: RecentFile[]): Promise<void> {
    await this.fs.mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify({ version: 1, files }, null, 2), { fs: this.fs });
  }

  private async readStored(): Promise<RecentFile[]> {
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(await readFileCapped(this.file, MAX_RECENT_BYTES, this.fs)));
    } catch {
      return [];
    }
    const stored = storedSchema.safeParse(raw);
    if (!stored.success) return [];
    const seen = new Set<string>();
    const files: RecentFile[] = [];
    for (const item of stored.data.files) {
      const entry = RecentFileSchema.safeParse(item);
      if (!entry.success || !isAbsolute(entry.data.path) || seen.has(entry.data.path)) continue;
      seen.add(entry.data.path);
      files.push(entry.data);
    }
    return files;
  }
}
