/**
 * A county office's folder of reports, read for `check DIR` and `summarize`:
 * every file under it (our own temporaries, backups and hidden folders
 * aside), a few at a time, keeping of each only its digest, so memory stays
 * bounded however many reports the folder holds.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../../shared/checks/types.ts';
import { digestUnit, WORKSPACE_FILE_NAME, type CountyUnit } from '../../shared/county/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { isTempName } from '../services/files.ts';
import { messageOf } from '../services/errors.ts';
import { readReportFile } from './readReportFile.ts';

export interface UnreadableFile {
  file: string;
  message: string;
}

export interface ReadUnit {
  unit: CountyUnit;
  findings: Finding[];
  /** The report itself, for the callers that write from it (replies, the workbook); let go of once kept what is needed. */
  report: Report;
}

/** Files read at once: enough to overlap a slow disk or share with the parsing, few enough to bound memory. */
const POOL = 4;

function skipped(name: string): boolean {
  // The office's own verdicts file sits beside the reports; it is not one of them.
  return name === WORKSPACE_FILE_NAME || name.startsWith('.') || isTempName(name) || /\.bak$/i.test(name) || /^~\$/.test(name);
}

/** Every candidate file under `dir`, in a stable (sorted) order. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    // Hidden folders and files are the system's or ours (temporaries, workspace), not the units'.
    if (skipped(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    // A link is read as the file it points to; a link to a folder then fails as one, and is listed, not followed.
    else if (entry.isFile() || entry.isSymbolicLink()) files.push(path);
  }
  return files;
}

/**
 * `keep` receives each report as read, in file order; it decides what
 * outlives the call. `besides` are files and folders that are not reports (a
 * roster kept in the same folder, the command's own output).
 */
export async function readFolder(dir: string, keep: (read: ReadUnit) => void, besides: readonly string[] = []): Promise<UnreadableFile[]> {
  const notReports = besides.map((p) => resolve(p));
  // A roster or an output file itself, or anything under an output folder (the replies written into the folder).
  const isReport = (path: string) => !notReports.some((n) => resolve(path) === n || resolve(path).startsWith(n + sep));
  const files = (await listFiles(dir)).filter(isReport);
  const unreadable: UnreadableFile[] = [];
  const results: (ReadUnit | UnreadableFile | undefined)[] = new Array(files.length);
  let next = 0;
  let delivered = 0;
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
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const path = files[index]!;
      const file = relative(dir, path).split(sep).join('/');
      try {
        const { report, importReport } = await readReportFile(path);
        results[index] = { ...digestUnit(file, report, importReport ? importReport.year !== null : true), report };
      } catch (error) {
        results[index] = { file, message: messageOf(error, '无法读取该文件') };
      }
      deliver();
    }
  };
  await Promise.all(Array.from({ length: Math.min(POOL, files.length) }, worker));
  return unreadable;
}
