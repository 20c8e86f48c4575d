/**
 * A county office's folder of its units' reports, read once for the app's
 * 汇总与审核 page and for `nianbao check DIR` / `summarize DIR`: every file
 * under it (our own temporaries, backups, hidden folders and the workspace
 * file aside), a few at a time through the one front door, digested as it
 * arrives. Memory stays bounded: the caller decides what outlives each
 * delivery, the walk stops at MAX_DEPTH and MAX_FILES and says so. Files and
 * folders dropped on the page are read the same way, as one set named
 * relative to their common folder (listDropped).
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ExtraRules, Finding } from '../../shared/checks/types.ts';
import { WORKSPACE_FILE_NAME, digestUnit, type CountyUnit } from '../../shared/county/index.ts';
import type { ImportResult } from '../../shared/import/types.ts';
import type { Report } from '../../shared/model/report.ts';
import { messageOf } from './errors.ts';
import { isTempName, readFileCapped } from './files.ts';

/** Reads one file's bytes into a report: readReportBytes, in a worker or in this thread. */
export type ReadBytes = (bytes: Uint8Array, fileName: string) => Promise<ImportResult> | ImportResult;

export interface UnreadableFile {
  file: string;
  message: string;
}

export interface ReadUnit {
  unit: CountyUnit;
  findings: Finding[];
  report: Report;
}

export interface FolderProgress {
  /** Files settled (read or unreadable). */
  done: number;
  /** Candidate files found by the walk. */
  total: number;
}

export interface FolderReadOptions {
  /** One reader per lane: files are handed to the lanes in turn, so two workers use both cores. */
  readers: readonly ReadBytes[];
  /** Files in flight at once (reading the disk overlaps parsing); defaults to twice the readers. */
  concurrency?: number;
  /** Files and folders that are not reports (a roster kept in the same folder, a command's own output folder). */
  besides?: readonly string[];
  onProgress?: (progress: FolderProgress) => void;
  signal?: AbortSignal;
  /** Local rule packs checked besides the format's own (--rules). */
  extra?: readonly ExtraRules[];
}

export interface FolderReadResult {
  unreadable: UnreadableFile[];
  /** Why the walk left files out (depth, count); empty when it saw the whole folder. */
  limits: string[];
  /** The read stopped on the signal before every file was settled. */
  cancelled: boolean;
}

/** Subfolders deeper than this are not the way offices file reports; a link loop would never end. */
export const MAX_DEPTH = 8;
/** Far beyond any county's units over several years; the walk stops here and says so. */
export const MAX_FILES = 5_000;
/** The docx reader has its own, smaller caps; this only keeps huge files off the heap. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

function skipped(name: string): boolean {
  return name.startsWith('.') || isTempName(name) || /\.bak$/i.test(name) || /^~\$/.test(name) || name === WORKSPACE_FILE_NAME;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every candidate file under `dir`, in a stable (sorted) order, within the caps. */
export async function listCandidates(dir: string): Promise<{ files: string[]; limits: string[] }> {
  const files: string[] = [];
  let tooDeep = 0;
  let tooMany = false;
  const walk = async (folder: string, depth: number): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort(byName);
    for (const entry of entries) {
      if (skipped(entry.name)) continue;
      if (files.length >= MAX_FILES) {
        tooMany = true;
        return;
      }
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth >= MAX_DEPTH) tooDeep++;
        else await walk(path, depth + 1);
      }
      // A link is read as the file it points to; a link to a folder then fails as one, and is listed, not followed.
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(path);
    }
  };
  await walk(dir, 0);
  const limits: string[] = [];
  if (tooDeep > 0) limits.push(`有 ${tooDeep} 个文件夹超过 ${MAX_DEPTH} 层，未读取其中的文件`);
  if (tooMany) limits.push(`文件超过 ${MAX_FILES} 个，只读取了前 ${MAX_FILES} 个`);
  return { files, limits };
}

/** The file as the office's table names it: relative to the folder, `/`-separated on every system. */
export function unitFileName(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

/** Reads and digests one file; a file that is no report comes back with its one-line reason. */
export async function readUnit(dir: string, path: string, read: ReadBytes, extra: readonly ExtraRules[] = []): Promise<ReadUnit | UnreadableFile> {
  const file = unitFileName(dir, path);
  try {
    const bytes = await readFileCapped(path, MAX_INPUT_BYTES);
    const { report, importReport } = await read(bytes, file.split('/').pop() ?? file);
    // Our own file states its year; an imported one may not have named any.
    const yearKnown = importReport.source === 'nianbao' || importReport.year !== null;
    return { ...digestUnit(file, report, yearKnown, extra), report };
  } catch (error) {
    return { file, message: messageOf(error, '无法读取该文件') };
  }
}

/** A set of reports to read: files named relative to `base`, and what the walk left out. */
export interface CandidateSet {
  base: string;
  files: string[];
  limits: string[];
}

/** The deepest folder holding every path, or null when there is none (different drives). */
export function commonFolder(paths: readonly string[]): string | null {
  const split = (path: string) => resolve(path).split(sep);
  let common = split(paths[0]!);
  for (const path of paths.slice(1)) {
    const parts = split(path);
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same++;
    common = common.slice(0, same);
  }
  if (common.length === 0) return null;
  // A root alone ('' on POSIX, 'C:' on Windows) needs its separator back.
  return common.length === 1 ? common[0] + sep : common.join(sep);
}

/**
 * What the clerk dropped: one folder reads as that folder; otherwise files
 * (and folders, walked) make one set in their common folder, so the table
 * names each unit as choosing that folder would, and the workspace file
 * lives there. Null when the items share no folder.
 */
export async function listDropped(entries: readonly { path: string; folder: boolean }[]): Promise<CandidateSet | null> {
  if (entries.length === 1 && entries[0]!.folder) return { base: entries[0]!.path, ...(await listCandidates(entries[0]!.path)) };
  const base = commonFolder(entries.map((e) => (e.folder ? e.path : dirname(e.path))));
  if (base === null) return null;
  const files = new Set<string>();
  const limits: string[] = [];
  for (const entry of entries) {
    if (!entry.folder) {
      if (!skipped(basename(entry.path))) files.add(resolve(entry.path));
      continue;
    }
    const listed = await listCandidates(entry.path);
    for (const file of listed.files) files.add(resolve(file));
    limits.push(...listed.limits);
  }
  const sorted = [...files].sort();
  if (sorted.length > MAX_FILES) limits.push(`文件超过 ${MAX_FILES} 个，只读取了前 ${MAX_FILES} 个`);
  return { base, files: sorted.slice(0, MAX_FILES), limits: [...new Set(limits)] };
}

/**
 * `keep` receives each report as read, in file order; it decides what
 * outlives the call. Unreadable files are returned, never skipped.
 */
export async function readCountyFolder(dir: string, keep: (read: ReadUnit) => void, options: FolderReadOptions): Promise<FolderReadResult> {
  return readCountySet({ base: dir, ...(await listCandidates(dir)) }, keep, options);
}

/** readCountyFolder over a set already listed (a folder's walk, or what was dropped). */
export async function readCountySet(set: CandidateSet, keep: (read: ReadUnit) => void, options: FolderReadOptions): Promise<FolderReadResult> {
  const { readers, signal } = options;
  if (readers.length === 0) throw new Error('readCountyFolder needs at least one reader');
  const dir = set.base;
  const notReports = (options.besides ?? []).map((p) => resolve(p));
  // A roster or an output file itself, or anything under an output folder (replies written into the folder).
  const isReport = (path: string) => !notReports.some((n) => resolve(path) === n || resolve(path).startsWith(n + sep));
  const files = set.files.filter(isReport);
  const unreadable: UnreadableFile[] = [];
  const results: (ReadUnit | UnreadableFile | undefined)[] = new Array(files.length);
  let next = 0;
  let delivered = 0;
  let settled = 0;
  options.onProgress?.({ done: 0, total: files.length });
  // Deliver in file order as soon as the head of the queue is done, so nothing waits long in `results`.
  const deliver = () => {
    while (delivered < files.length && results[delivered] !== undefined) {
      const result = results[delivered]!;
      results[delivered] = undefined;
      delivered++;
      if ('unit' in result) keep(result);
      else unreadable.push(result);
    }
  };
  const lane = async (): Promise<void> => {
    while (next < files.length && !signal?.aborted) {
      const index = next++;
      results[index] = await readUnit(dir, files[index]!, readers[index % readers.length]!, options.extra);
      settled++;
      deliver();
      options.onProgress?.({ done: settled, total: files.length });
    }
  };
  const lanes = Math.min(options.concurrency ?? readers.length * 2, files.length);
  await Promise.all(Array.from({ length: lanes }, lane));
  return { unreadable, limits: set.limits, cancelled: settled < files.length };
}
