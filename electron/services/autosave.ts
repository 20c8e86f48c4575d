/**
 * The working copy, written every few seconds to `<userData>/autosave/` so
 * a crash or power cut loses almost nothing. One file per document: keyed by
 * its saved path, or `untitled` for a report never saved.
 *
 * Each copy records the content hash of the saved file it was edited from
 * (its base). On the next start the newest copy is offered back, saying
 * whether the saved file has since changed on disk (another window or clerk
 * saved it). Nothing is decided by comparing times from two clocks: a file
 * server's clock may run ahead of the PC's.
 */
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ReportSchema } from '../../shared/file/schema.ts';
import { AUTOSAVE_ID_PATTERN } from '../../shared/bridge.ts';
import type { RecoveredReport } from '../../shared/bridge.ts';
import type { Report } from '../../shared/model/report.ts';
import { FileError, reasonOf } from './errors.ts';
import { changedSince, readFileCapped, realFs, removeStaleTemps, writeFileAtomic } from './files.ts';
import type { FsPort } from './files.ts';

const AUTOSAVE_VERSION = 2;
const MAX_AUTOSAVE_BYTES = 20 * 1024 * 1024;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

const autosaveRecordSchema = z.strictObject({
  // Version 1 had no base.
  version: z.union([z.literal(1), z.literal(AUTOSAVE_VERSION)]),
  savedAt: z.iso.datetime(),
  path: z.string().min(1).max(4096).nullable(),
  /** sha256 of the saved file the edits started from; null for a report never saved. */
  base: sha256Schema.nullable().optional(),
  report: ReportSchema,
});

export function autosaveKey(path: string | null): string {
  if (path === null) return 'untitled';
  return createHash('sha256').update(path).digest('hex').slice(0, 32);
}

/** A working copy found at start, and the saved content it was based on. */
export interface FoundCopy {
  offer: RecoveredReport;
  base: string | null;
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

  private fileFor(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  /** `base`: the content hash of the saved file the report was opened or last saved as. */
  async save(report: Report, path: string | null, base: string | null): Promise<void> {
    const record = { version: AUTOSAVE_VERSION, savedAt: this.now().toISOString(), path, base, report };
    try {
      await this.fs.mkdir(this.folder, { recursive: true });
      await writeFileAtomic(this.fileFor(autosaveKey(path)), JSON.stringify(record), { fs: this.fs });
    } catch (error) {
      throw new FileError(`自动保存失败：${reasonOf(error)}。`, error instanceof FileError ? error.code : undefined);
    }
  }

  /** Removes the working copy of the document saved at `path` (null: the untitled one). */
  async discard(path: string | null): Promise<void> {
    await this.discardId(autosaveKey(path));
  }

  /** Removes the working copy with this id, as handed out in a RecoveredReport. */
  async discardId(id: string): Promise<void> {
    if (!AUTOSAVE_ID_PATTERN.test(id)) return;
    await this.fs.unlink(this.fileFor(id)).catch(() => undefined);
  }

  /**
   * The newest working copy. Unreadable copies, and temporaries left by a
   * write that was cut off, are removed on the way.
   */
  async recover(): Promise<FoundCopy | null> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder);
    } catch {
      return null;
    }
    // The autosave folder is on this PC: its clock is the folder's.
    await removeStaleTemps(this.folder, undefined, this.now().getTime(), this.fs);
    let best: FoundCopy | null = null;
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!AUTOSAVE_ID_PATTERN.test(id)) continue;
      const file = this.fileFor(id);
      const record = await this.read(file);
      if (!record) {
        await this.fs.unlink(file).catch(() => undefined);
        continue;
      }
      if (best !== null && Date.parse(record.savedAt) <= Date.parse(best.offer.savedAt)) continue;
      const base = record.base ?? null;
      best = {
        base,
        offer: {
          id,
          report: record.report,
          savedAt: record.savedAt,
          path: record.path,
          name: record.path === null ? null : basename(record.path),
          fileChanged: await this.fileChanged(record.path, base),
        },
      };
    }
    return best;
  }

  private async fileChanged(path: string | null, base: string | null): Promise<boolean> {
    if (path === null || base === null) return false;
    try {
      return await changedSince(path, { size: null, sha256: base }, MAX_AUTOSAVE_BYTES, this.fs);
    } catch {
      // Unreadable now (a share offline): say nothing we do not know.
      return false;
    }
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
