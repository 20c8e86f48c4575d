/**
 * The folder behind `check DIR` and `summarize`: the app's own folder
 * service (electron/services/countyFolder.ts), read in this thread through
 * the one front door, a few files at a time.
 */
import type { ExtraRules } from '../../shared/checks/types.ts';
import { readReportBytes } from '../../shared/import/read.ts';
import { readCountyFolder, type ReadUnit, type UnreadableFile } from '../services/countyFolder.ts';

export type { ReadUnit, UnreadableFile } from '../services/countyFolder.ts';

/** Files read at once: enough to overlap a slow disk with the parsing, few enough to bound memory. */
const POOL = 4;

/**
 * `keep` receives each report as read, in file order; it decides what
 * outlives the call. `besides` are files that are not reports (a roster kept
 * in the same folder); `extra` are rule packs (--rules). Caps the walk met are told on `warn`.
 */
export async function readFolder(
  dir: string,
  keep: (read: ReadUnit) => void,
  besides: readonly string[] = [],
  extra: readonly ExtraRules[] = [],
  warn: (line: string) => void = () => undefined,
): Promise<UnreadableFile[]> {
  const { unreadable, limits } = await readCountyFolder(dir, keep, { readers: [readReportBytes], concurrency: POOL, besides, extra });
  for (const limit of limits) warn(`注意：${limit}`);
  return unreadable;
}
