/**
 * The 汇总与审核 page's state: the folder read last, the table's order and
 * filter, the unit open beside it, the roster and the 汇总. One store per
 * editor (the page is one of the editor's start-page choices), found by
 * countyOf(editor).
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeResult } from '../../../shared/bridge.ts';
import { DROP_NEEDS_DESKTOP } from '../../../shared/countyBridge.ts';
import type { CountyExportRequest, CountyProgress, CountyRead, CountySummary, CountyUnitView, VerdictInput, Verdicts } from '../../../shared/countyBridge.ts';
import type { FormatId } from '../../../shared/formats/types.ts';
import type { Editor } from '../store/context.tsx';
import { useEditorContext } from '../store/context.tsx';
import { DEFAULT_SORT, NO_FILTER, type FilterState, type SortState } from './columns.ts';

export type CountyTab = 'units' | 'roster' | 'summary';

export interface CountyState {
  /** The page is shown instead of the start page. */
  open: boolean;
  read: CountyRead | null;
  /** While a read is under way; done of total files. */
  progress: NonNullable<CountyProgress> | null;
  reading: boolean;
  /** The last failure, for the clerk. */
  message: string | null;
  tab: CountyTab;
  sort: SortState;
  filter: FilterState;
  /** The unit open beside the table. */
  unit: CountyUnitView | null;
  roster: string[];
  /** The office's verdicts on findings, as the folder's workspace file holds them. */
  verdicts: Verdicts;
  summary: CountySummary | null;
  summaryFor: { year: number; format: FormatId } | null;
  /** The office signing the 汇总 and the 检查意见 (typed on the page, not kept). */
  office: string;
}

export type CountyStore = StoreApi<CountyState>;

/** How often the page asks how far a read is; the file side answers from memory. */
export const PROGRESS_POLL_MS = 150;

const initial = (): CountyState => ({
  open: false,
  read: null,
  progress: null,
  reading: false,
  message: null,
  tab: 'units',
  sort: DEFAULT_SORT,
  filter: NO_FILTER,
  unit: null,
  roster: [],
  verdicts: {},
  summary: null,
  summaryFor: null,
  office: '',
});

const stores = new WeakMap<Editor, CountyStore>();

export function countyOf(editor: Editor): CountyStore {
  let store = stores.get(editor);
  if (!store) {
    store = createStore<CountyState>()(initial);
    stores.set(editor, store);
  }
  return store;
}

export function useCounty<T>(selector: (state: CountyState) => T): T {
  return useStore(countyOf(useEditorContext()), selector);
}

export function openCountyPage(editor: Editor): void {
  countyOf(editor).setState({ open: true });
}

export function closeCountyPage(editor: Editor): void {
  countyOf(editor).setState({ open: false });
}

/** The folder dialog, then the read with its progress polled; a cancelled dialog changes nothing. */
export async function chooseAndRead(editor: Editor): Promise<void> {
  const chosen = await editor.api.countyChooseFolder();
  if (!chosen.ok) return void countyOf(editor).setState({ message: chosen.message });
  if (chosen.value === null) return;
  await readFolder(editor, chosen.value.path);
}

export async function readFolder(editor: Editor, folder: string): Promise<void> {
  await readWith(editor, () => editor.api.countyRead(folder));
}

const NOTHING_DROPPED = '拖入的不是文件或文件夹，请拖入存放各单位报告的文件夹或报告文件。';

/** Files or a folder dropped on the page (DataTransfer.files), read like a chosen folder. */
export async function readDropped(editor: Editor, files: ArrayLike<File>): Promise<void> {
  const store = countyOf(editor);
  if (store.getState().reading) return;
  const claims = editor.api.claimDropped(files);
  if (claims === null) return void store.setState({ message: DROP_NEEDS_DESKTOP });
  if (claims.length === 0) return void store.setState({ message: NOTHING_DROPPED });
  await readWith(editor, () => editor.api.countyReadDropped(claims));
}

async function readWith(editor: Editor, call: () => Promise<BridgeResult<CountyRead>>): Promise<void> {
  const store = countyOf(editor);
  store.setState({ reading: true, progress: { done: 0, total: 0 }, message: null, unit: null, summary: null });
  const poll = setInterval(() => {
    void editor.api.countyProgress().then((p) => {
      if (p.ok && p.value && store.getState().reading) store.setState({ progress: p.value });
    });
  }, PROGRESS_POLL_MS);
  try {
    const result = await call();
    if (result.ok) {
      const { verdicts, roster } = result.value;
      store.setState({ read: result.value, verdicts, roster, summaryFor: defaultSummaryFor(result.value) });
    }
    else store.setState({ message: result.message });
  } finally {
    clearInterval(poll);
    store.setState({ reading: false, progress: null });
  }
}

export async function cancelRead(editor: Editor): Promise<void> {
  await editor.api.countyCancel();
}

/** The year most units report, in the format most of them use. */
function defaultSummaryFor(read: CountyRead): { year: number; format: FormatId } | null {
  const counts = new Map<string, { year: number; format: FormatId; n: number }>();
  for (const row of read.rows) {
    if (row.year === null) continue;
    const key = `${row.year}:${row.format}`;
    const entry = counts.get(key) ?? { year: row.year, format: row.format, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || b.year - a.year)[0];
  return best ? { year: best.year, format: best.format } : null;
}

export async function openUnit(editor: Editor, file: string): Promise<void> {
  const store = countyOf(editor);
  const folder = store.getState().read?.folder.path;
  if (!folder) return;
  const result = await editor.api.countyUnit(folder, file);
  if (result.ok) store.setState({ unit: result.value, message: null });
  else store.setState({ message: result.message });
}

export async function loadSummary(editor: Editor, request: { year: number; format: FormatId }): Promise<void> {
  const store = countyOf(editor);
  const folder = store.getState().read?.folder.path;
  if (!folder) return;
  store.setState({ summaryFor: request });
  const result = await editor.api.countySummary(folder, request);
  if (result.ok) store.setState({ summary: result.value, message: null });
  else store.setState({ message: result.message, summary: null });
}

export async function loadRosterFile(editor: Editor): Promise<void> {
  const result = await editor.api.countyOpenRoster();
  if (!result.ok) return void countyOf(editor).setState({ message: result.message });
  if (result.value !== null) await setRoster(editor, result.value);
}

/** Sets (or with null removes) the office's verdict on a finding; the workspace file in the folder keeps it. */
export async function setVerdict(editor: Editor, file: string, findingKey: string, verdict: VerdictInput | null): Promise<boolean> {
  const store = countyOf(editor);
  const folder = store.getState().read?.folder.path;
  if (!folder) return false;
  const result = await editor.api.countySetVerdict(folder, file, findingKey, verdict);
  if (result.ok) store.setState({ verdicts: result.value, message: null });
  else store.setState({ message: result.message });
  return result.ok;
}

/** The roster as the office pasted or loaded it, kept in the workspace file. */
export async function setRoster(editor: Editor, roster: string[]): Promise<void> {
  const store = countyOf(editor);
  store.setState({ roster });
  const folder = store.getState().read?.folder.path;
  if (!folder) return;
  const result = await editor.api.countySetRoster(folder, roster);
  if (!result.ok) store.setState({ message: result.message });
}

/** An export of the folder read last, through the save (or folder) dialog; the notice bar says where it went. */
export async function exportCounty(editor: Editor, request: Omit<CountyExportRequest, 'office' | 'year' | 'format'> & { year?: number }): Promise<void> {
  const store = countyOf(editor);
  const { read, summaryFor, office } = store.getState();
  const year = request.year ?? summaryFor?.year;
  if (!read || !summaryFor || year === undefined) return;
  const result = await editor.api.countyExport(read.folder.path, { ...request, year, format: summaryFor.format, office });
  if (!result.ok) return void store.setState({ message: result.message });
  const done = result.value;
  if (!done) return;
  const text = request.kind === 'replies' ? `已生成 ${done.count} 份检查意见，保存在“${done.name}”。` : `已导出“${done.name}”。`;
  editor.actions.notify({ tone: 'success', text });
}
