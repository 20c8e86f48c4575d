/**
 * The file side of the 汇总与审核 page: one folder at a time, read through
 * the folder service (countyFolder.ts) in the import workers, with its
 * progress polled by the page and a cancel. What stays in memory is the
 * table's rows, each unit's input numbers for the 汇总 and, up to
 * MAX_KEPT_REPORTS, the reports themselves (about 100 KB each) so a unit
 * opens at once; past the cap a unit is read again when opened.
 */
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import { fail, ok, type BridgeResult } from '../../shared/bridge.ts';
import type { CountyExportRequestSchema } from '../../shared/countyBridge.ts';
import { checkReport } from '../../shared/checks/index.ts';
import type { CountyExported, CountyProgress, CountyRead, CountyRow, CountySummary, CountyUnitView, VerdictInput, Verdicts } from '../../shared/countyBridge.ts';
import {
  WORKSPACE_FILE_NAME,
  checkRoster,
  copiedProseShare,
  countySummaryDocx,
  countyWorkbook,
  emptyWorkspace,
  findPreviousYear,
  parseRoster,
  parseWorkspace,
  serializeWorkspace,
  setRoster,
  replyFindings,
  setVerdict,
  summarize,
  summaryTitle,
  unitReplyDocx,
  type CountyUnit,
  type Workspace,
} from '../../shared/county/index.ts';
import { MAX_WORKSPACE_BYTES } from '../../shared/county/workspace.ts';
import { replyFileName } from '../cli/countyOutput.ts';
import type { FormatId } from '../../shared/formats/types.ts';
import { decodeText } from '../../shared/import/text.ts';
import type { Report } from '../../shared/model/report.ts';
import { listCandidates, listDropped, readCountySet, readUnit, type CandidateSet, type ReadBytes } from './countyFolder.ts';
import type { DialogPort, FolderDialogPort } from './dialogs.ts';
import { FileError, guardWith } from './errors.ts';
import { readFileCapped, writeFileAtomic } from './files.ts';
import type { SaveKind } from './dialogs.ts';
import { verifyDroppedEntry, type DroppedEntry, type PathGrants } from './grants.ts';

/** About 30 MB of reports; beyond it units are read again when opened. */
export const MAX_KEPT_REPORTS = 300;
/** A roster of a few thousand names is far below this. */
const MAX_ROSTER_BYTES = 1024 * 1024;

const REFUSED_FOLDER = '该文件夹未经您在本程序中选择，已拒绝访问。';
const NOT_READ = '请先选择并读取文件夹。';
const UNKNOWN_UNIT = '该文件不在已读取的文件夹列表中，请重新读取文件夹。';
const NO_FOLDER_DIALOG = '此运行方式不能选择文件夹。';
const REFUSED_DROP = '拖入的文件无法确认（可能已被移动或修改），请重新拖入或使用“选择文件夹…”。';
const NO_COMMON_FOLDER = '拖入的文件不在同一磁盘上，请分别读取，或使用“选择文件夹…”。';

export interface CountyDeps {
  dialogs: DialogPort;
  folderDialog?: FolderDialogPort;
  grants: PathGrants;
  /** The import workers' readers, one lane each (readReportBytes behind them). */
  readers: readonly ReadBytes[];
  log?: (error: unknown) => void;
  /** Checks a dropped item's claim against the disk; verifyDroppedEntry unless a test says otherwise. */
  verifyDropped?: (claim: unknown) => Promise<DroppedEntry | null>;
}

interface FolderState {
  /** Where the units' names start and the workspace file lives. */
  folder: string;
  /** What was dropped, so 重新读取 reads the same set; null for a folder chosen or dropped alone. */
  dropped: DroppedEntry[] | null;
  units: Map<string, CountyUnit>;
  reports: Map<string, Report>;
}

export interface CountyHandlers {
  countyChooseFolder(): Promise<BridgeResult<{ path: string; name: string } | null>>;
  countyRead(folder: string): Promise<BridgeResult<CountyRead>>;
  countyReadDropped(claims: unknown[]): Promise<BridgeResult<CountyRead>>;
  countyProgress(): Promise<BridgeResult<CountyProgress>>;
  countyCancel(): Promise<BridgeResult<null>>;
  countyUnit(folder: string, file: string): Promise<BridgeResult<CountyUnitView>>;
  countySummary(folder: string, request: { year: number; format: FormatId }): Promise<BridgeResult<CountySummary>>;
  countyOpenRoster(): Promise<BridgeResult<string[] | null>>;
  countySetVerdict(folder: string, file: string, findingKey: string, verdict: VerdictInput | null): Promise<BridgeResult<Verdicts>>;
  countySetRoster(folder: string, roster: string[]): Promise<BridgeResult<null>>;
  countyExport(folder: string, request: z.output<typeof CountyExportRequestSchema>): Promise<BridgeResult<CountyExported | null>>;
}

/** The folder's workspace file, or an empty one when there is none yet; a broken one is refused in its own words. */
async function loadWorkspace(folder: string): Promise<{ workspace: Workspace; problem: string | null }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileCapped(join(folder, WORKSPACE_FILE_NAME), MAX_WORKSPACE_BYTES);
  } catch (error) {
    if (error instanceof FileError && error.code === 'ENOENT') return { workspace: emptyWorkspace(), problem: null };
    throw error;
  }
  const parsed = parseWorkspace(bytes);
  return parsed.ok ? { workspace: parsed.workspace, problem: null } : { workspace: emptyWorkspace(), problem: parsed.message };
}

/** Read, change, write at once: another clerk's verdicts saved in between are kept. */
async function changeWorkspace(folder: string, change: (workspace: Workspace) => Workspace): Promise<Workspace> {
  const { workspace, problem } = await loadWorkspace(folder);
  // Never overwrite a workspace file we cannot read: the office would lose its notes.
  if (problem !== null) throw new FileError(problem);
  const next = change(workspace);
  await writeFileAtomic(join(folder, WORKSPACE_FILE_NAME), serializeWorkspace(next));
  return next;
}

/** Today as a 落款 line, e.g. 2026年1月25日. */
function todayLine(now = new Date()): string {
  return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
}

/** Each unit's share of prose copied from its previous year's report, where both reports are kept. */
function copiedShares(units: readonly CountyUnit[], reports: ReadonlyMap<string, Report>): Map<string, { share: number | null; previous: string }> {
  const shares = new Map<string, { share: number | null; previous: string }>();
  for (const [file, previous] of findPreviousYear(units)) {
    const now = reports.get(file);
    const before = reports.get(previous.file);
    if (now && before) shares.set(file, { share: copiedProseShare(now, before), previous: previous.file });
  }
  return shares;
}

function rowOf(unit: CountyUnit, copied: { share: number | null; previous: string } | undefined): CountyRow {
  const { inputs: _inputs, ...row } = unit;
  return { ...row, copiedShare: copied?.share ?? null, previousFile: copied?.previous ?? null };
}

export function createCountyHandlers(deps: CountyDeps): CountyHandlers {
  let state: FolderState | null = null;
  let reading: { controller: AbortController; progress: NonNullable<CountyProgress> } | null = null;

  const guard = guardWith(deps.log);

  /** The folder's state when `folder` is the one read last; else why not. */
  // A state's folder was granted, or is the common folder of items dropped and verified.
  function stateOf(folder: string): FolderState | string {
    if (state !== null && state.folder === folder) return state;
    return deps.grants.has(folder) ? NOT_READ : REFUSED_FOLDER;
  }

  async function read(set: CandidateSet, droppedItems: DroppedEntry[] | null): Promise<CountyRead> {
    const folder = set.base;
    reading?.controller.abort();
    const own = { controller: new AbortController(), progress: { done: 0, total: 0 } };
    reading = own;
    const next: FolderState = { folder, dropped: droppedItems, units: new Map(), reports: new Map() };
    let dropped = 0;
    try {
      const result = await readCountySet(
        set,
        ({ unit, report }) => {
          next.units.set(unit.file, unit);
          if (next.reports.size < MAX_KEPT_REPORTS) next.reports.set(unit.file, report);
          else dropped++;
        },
        { readers: deps.readers, signal: own.controller.signal, onProgress: (p) => void (own.progress = p) },
      );
      state = next;
      const notes = [...result.limits];
      if (dropped > 0) notes.push(`报告超过 ${MAX_KEPT_REPORTS} 份，其余 ${dropped} 份在点开时重新读取，不计算与上年相同的比例`);
      const { workspace, problem } = await loadWorkspace(folder);
      if (problem !== null) notes.push(problem);
      const units = [...next.units.values()];
      const copied = copiedShares(units, next.reports);
      return {
        folder: { path: folder, name: basename(folder) },
        rows: units.map((unit) => rowOf(unit, copied.get(unit.file))),
        unreadable: result.unreadable,
        notes,
        cancelled: result.cancelled,
        verdicts: workspace.verdicts,
        roster: workspace.roster ?? [],
      };
    } finally {
      if (reading === own) reading = null;
    }
  }

  const summaryOf = (current: FolderState, year: number, format: FormatId) =>
    summarize([...current.units.values()], { year, format, organ: `${basename(current.folder)}（汇总）` });

  /** The reports an export needs: those kept, and the rest read again. */
  async function reportsOf(current: FolderState, files: readonly string[]): Promise<Map<string, Report>> {
    const reports = new Map<string, Report>();
    for (const file of files) reports.set(file, (await unitView(current, file)).report);
    return reports;
  }

  async function exportWorkbook(current: FolderState, year: number, format: FormatId) {
    const summary = summaryOf(current, year, format);
    const units = [...current.units.values()];
    // The counted units' cells side by side, and each one's previous year for the copied share.
    const previous = findPreviousYear(units);
    const files = new Set([...summary.units.map((u) => u.file), ...summary.units.flatMap((u) => previous.get(u.file)?.file ?? [])]);
    return countyWorkbook({ summary, units, reports: await reportsOf(current, [...files]) });
  }

  async function saveExport(kind: SaveKind & ('docx' | 'xlsx'), suggested: string, produce: () => Promise<Uint8Array>): Promise<CountyExported | null> {
    const chosen = await deps.dialogs.chooseSave(kind, suggested);
    if (chosen === null) return null;
    const path = extname(chosen).toLowerCase() === `.${kind}` ? chosen : `${chosen}.${kind}`;
    deps.grants.grant(path);
    await writeFileAtomic(path, await produce());
    return { path, name: basename(path), count: 1 };
  }

  /** 生成检查意见 for every unit with findings left to send back, into a folder the office chooses. */
  async function exportReplies(current: FolderState, office: string): Promise<CountyExported | null> {
    if (!deps.folderDialog) throw new FileError(NO_FOLDER_DIALOG);
    const target = await deps.folderDialog.chooseFolder();
    if (target === null) return null;
    const { workspace } = await loadWorkspace(current.folder);
    const names = new Set<string>();
    let count = 0;
    for (const unit of current.units.values()) {
      const view = await unitView(current, unit.file);
      const verdicts = workspace.verdicts[unit.file] ?? {};
      if (replyFindings(view.findings, verdicts).length === 0) continue;
      const bytes = await unitReplyDocx({ unit, report: view.report, findings: view.findings, verdicts, office, date: todayLine() });
      await writeFileAtomic(join(target, replyFileName(unit.file, names)), bytes);
      count++;
    }
    return { path: target, name: basename(target), count };
  }

  async function unitView(current: FolderState, file: string): Promise<CountyUnitView> {
    const kept = current.reports.get(file);
    if (kept) return { file, report: kept, findings: checkReport(kept) };
    // `file` is a name the folder walk gave (the caller checked), so it lies inside the folder.
    const again = await readUnit(current.folder, join(current.folder, ...file.split('/')), deps.readers[0]!);
    if (!('unit' in again)) throw new FileError(again.message);
    return { file, report: again.report, findings: again.findings };
  }

  return {
    countyChooseFolder: () =>
      guard('选择文件夹失败：发生意外错误。', async () => {
        if (!deps.folderDialog) return fail(NO_FOLDER_DIALOG);
        const path = await deps.folderDialog.chooseFolder();
        if (path === null) return ok(null);
        deps.grants.grant(path);
        return ok({ path, name: basename(path) });
      }),

    countyRead: (folder) =>
      guard('读取文件夹失败：发生意外错误。', async () => {
        if (deps.grants.has(folder)) return ok(await read({ base: folder, ...(await listCandidates(folder)) }, null));
        // 重新读取 of a dropped set: the same items, listed again.
        const items = state !== null && state.folder === folder ? state.dropped : null;
        if (items === null) return fail(REFUSED_FOLDER);
        const set = await listDropped(items);
        return set === null ? fail(NO_COMMON_FOLDER) : ok(await read(set, items));
      }),

    countyReadDropped: (claims) =>
      guard('读取拖入的文件失败：发生意外错误。', async () => {
        const verify = deps.verifyDropped ?? ((claim: unknown) => verifyDroppedEntry(claim));
        const items: DroppedEntry[] = [];
        for (const claim of claims) {
          const item = await verify(claim);
          if (item === null) return fail(REFUSED_DROP);
          items.push(item);
        }
        for (const item of items) deps.grants.grant(item.path);
        const set = await listDropped(items);
        if (set === null) return fail(NO_COMMON_FOLDER);
        // A folder dropped alone is granted like one chosen; a set is re-read through its items.
        return ok(await read(set, items.length === 1 && items[0]!.folder ? null : items));
      }),

    countyProgress: async () => ok(reading ? { ...reading.progress } : null),

    countyCancel: async () => {
      reading?.controller.abort();
      return ok(null);
    },

    countyUnit: (folder, file) =>
      guard('打开该单位的报告失败：发生意外错误。', async () => {
        const current = stateOf(folder);
        if (typeof current === 'string') return fail(current);
        if (!current.units.has(file)) return fail(UNKNOWN_UNIT);
        return ok(await unitView(current, file));
      }),

    countySummary: (folder, request) =>
      guard('汇总失败：发生意外错误。', async () => {
        const current = stateOf(folder);
        if (typeof current === 'string') return fail(current);
        const summary = summaryOf(current, request.year, request.format);
        return ok({
          year: summary.year,
          format: summary.format,
          units: summary.units.map((u) => ({ file: u.file, organ: u.organ })),
          excluded: summary.excluded,
          report: summary.report,
        });
      }),

    countySetVerdict: (folder, file, findingKey, verdict) =>
      guard('保存审核意见失败：发生意外错误。', async () => {
        const current = stateOf(folder);
        if (typeof current === 'string') return fail(current);
        if (!current.units.has(file)) return fail(UNKNOWN_UNIT);
        const next = await changeWorkspace(folder, (ws) => setVerdict(ws, file, findingKey, verdict));
        return ok(next.verdicts);
      }),

    countySetRoster: (folder, roster) =>
      guard('保存名单失败：发生意外错误。', async () => {
        const current = stateOf(folder);
        if (typeof current === 'string') return fail(current);
        await changeWorkspace(folder, (ws) => setRoster(ws, roster));
        return ok(null);
      }),

    countyExport: (folder, request) =>
      guard('导出失败：发生意外错误。', async () => {
        const current = stateOf(folder);
        if (typeof current === 'string') return fail(current);
        if (request.kind === 'replies') return ok(await exportReplies(current, request.office));
        if (request.kind === 'reply') {
          if (request.file === undefined || !current.units.has(request.file)) return fail(UNKNOWN_UNIT);
          const unit = current.units.get(request.file)!;
          const view = await unitView(current, request.file);
          const { workspace } = await loadWorkspace(current.folder);
          return ok(await saveExport('docx', `${unit.organ || basename(request.file)}${unit.year ?? ''}年度报告检查意见.docx`, () =>
            unitReplyDocx({ unit, report: view.report, findings: view.findings, verdicts: workspace.verdicts[request.file!] ?? {}, office: request.office, date: todayLine() }),
          ));
        }
        const title = summaryTitle(basename(current.folder), request.year);
        if (request.kind === 'summaryDocx') {
          return ok(await saveExport('docx', `${title}.docx`, async () => {
            const summary = summaryOf(current, request.year, request.format);
            const { workspace } = await loadWorkspace(current.folder);
            const missing = workspace.roster ? checkRoster(workspace.roster, [...current.units.values()].filter((u) => u.year === request.year), [...current.units.values()].filter((u) => u.year !== request.year)).missing : [];
            return countySummaryDocx(summary, { title, ...(request.office ? { office: request.office, date: todayLine() } : {}), missing });
          }));
        }
        return ok(await saveExport('xlsx', `${title}.xlsx`, () => exportWorkbook(current, request.year, request.format)));
      }),

    countyOpenRoster: () =>
      guard('读取名单失败：发生意外错误。', async () => {
        const path = await deps.dialogs.chooseOpen('roster');
        if (path === null) return ok(null);
        return ok(parseRoster(decodeText(await readFileCapped(path, MAX_ROSTER_BYTES))));
      }),
  };
}
