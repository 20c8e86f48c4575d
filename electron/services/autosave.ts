/**
 * The working copy, written every few seconds to `<userData>/autosave/` so
 * a crash or power cut loses almost nothing. One file per document: keyed by
 * its saved path, or `untitled` for a report never saved. On the next start
 * the newest working copy that is newer than its saved file is offered back.
 */
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ReportSchema } from '../../shared/file/schema.ts';
import type { RecoveredReport } from '../../shared/bridge.ts';
import type { Report } from '../../shared/model/report.ts';
import { modifiedAt, readFileCapped, realFs, writeFileAtomic } from './files.ts';
import type { FsPort } from './files.ts';

const AUTOSAVE_VERSION = 1;
const MAX_AUTOSAVE_BYTES = 20 * 1024 * 1024;

const autosaveRecordSchema = z.strictObject({
  version: z.literal(AUTOSAVE_VERSION),
  savedAt: z.iso.datetime(),
  path: z.string().min(1).max(4096).nullable(),
  report: ReportSchema,
});

export function autosaveKey(path: string | null): string {
  if (path === null) return 'untitled';
  return createHash('sha256').update(path).digest('hex').slice(0, 32);
}

export class AutosaveStore {
  readonly folder: string;
  private readonly fs: FsPort;
  private readonly now: () => Date;

  constructor(folder: string, options: { fs?: FsPort; now?: () => Date } = {}) {
    this.folder = folder;
    this.fs = options.fs ?? realFs;
    this.now = options.now ?? (() => new Date());
  }

  private fileFor(path: string | null): string {
    return join(this.folder, `${autosaveKey(path)}.json`);
  }

  async save(report: Report, path: string | null): Promise<void> {
    await this.fs.mkdir(this.folder, { recursive: true });
    const record = { version: AUTOSAVE_VERSION, savedAt: this.now().toISOString(), path, report };
    await writeFileAtomic(this.fileFor(path), JSON.stringify(record), { fs: this.fs });
  }

  async discard(path: string | null): Promise<void> {
    await this.fs.unlink(this.fileFor(path)).catch(() => undefined);
  }

  /**
   * The newest working copy newer than its saved file. Copies that are stale
   * (the file was saved after them) or unreadable are removed on the way.
   */
  async recover(): Promise<RecoveredReport | null> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder);
    } catch {
      return null;
    }
    let best: RecoveredReport | null = null;
    for (const name of names.filter((n) => /^[0-9a-z]+\.json$/.test(n))) {
      const file = join(this.folder, name);
      const record = await this.read(file);
      if (!record) {
        await this.fs.unlink(file).catch(() => undefined);
        continue;
      }
      const savedAt = Date.parse(record.savedAt);
      const fileTime = record.path === null ? null : await modifiedAt(record.path, this.fs);
      if (fileTime !== null && fileTime >= savedAt) {
        await this.fs.unlink(file).catch(() => undefined);
        continue;
      }
      if (best === null || savedAt > Date.parse(best.savedAt)) {
        best = {
          report: record.report,
          savedAt: record.savedAt,
          path: record.path,
          name: record.path === null ? null : basename(record.path),
        };
      }
    }
    return best;
  }

  private async read(file: string): Promise<z.infer<typeof autosaveRecordSchema> | null> {
    try {
      const text = new TextDecoder().decode(await readFileCapped(file, MAX_AUTOSAVE_BYTES, this.fs));
      const parsed = autosaveRecordSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
