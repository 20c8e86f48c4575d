/**
 * The file side of the bridge, once for both hosts: Electron main wraps it in
 * IPC handlers, the browser-mode web host in HTTP endpoints. Arguments arrive
 * already parsed by the bridge schemas; everything platform-specific (dialogs,
 * the window) comes in through ports.
 */
import { basename, extname } from 'node:path';
import { BUSY_LABELS, fail, ok } from '../../shared/bridge.ts';
import type {
  BridgeHandlers,
  BridgeResult,
  BusyState,
  DocumentState,
  ExportDocxOptionsSchema,
  ExportHtmlOptionsSchema,
  ExportTextOptionsSchema,
  ImportedReport,
  OpenedReport,
  SaveConflict,
} from '../../shared/bridge.ts';
import type { z } from 'zod';
import { tooLargeText } from '../../shared/file/size.ts';
import { sniffKind } from '../../shared/import/sniff.ts';
import type { ImportResult } from '../../shared/import/types.ts';
import type { Report } from '../../shared/model/report.ts';
import { reportTitle } from '../../shared/model/report.ts';
import type { AutosaveStore } from './autosave.ts';
import { createCountyHandlers } from './countyHandlers.ts';
import type { DialogPort, FolderDialogPort, SaveKind } from './dialogs.ts';
import { REPORT_EXTENSION, SAVE_FILTERS } from './dialogs.ts';
import { FileError, guardWith } from './errors.ts';
import { changedSince, isReadOnly, readFileCapped, versionOf, writeFileAtomic } from './files.ts';
import type { PathGrants } from './grants.ts';
import type { RecentFiles } from './recent.ts';

export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
export const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;

/** Our own file format: serialize on save, parse and validate (throwing a Chinese error) on open. */
export interface ReportCodec {
  serialize(report: Report): string;
  parse(text: string): Report;
}

export interface Exporters {
  docx(report: Report, options: z.output<typeof ExportDocxOptionsSchema>): Uint8Array | Promise<Uint8Array>;
  text(report: Report, options: z.output<typeof ExportTextOptionsSchema>): string | Promise<string>;
  html(report: Report, options: z.output<typeof ExportHtmlOptionsSchema>): string | Promise<string>;
}

export interface Importers {
  /** Any file handed in, through the one front door (shared/import/read.ts). */
  read(bytes: Uint8Array, fileName: string): ImportResult | Promise<ImportResult>;
}

/** How reports are stored, exported and imported. */
export interface ReportFormats {
  codec: ReportCodec;
  exporters: Exporters;
  importers: Importers;
}

/** What the hosting window does: printing, the title bar, closing. */
export interface WindowPort {
  print(): Promise<void>;
  /** The page as a PDF (A4, as printed); null where the host cannot make one (browser mode). */
  printToPdf(): Promise<Uint8Array | null>;
  showDocumentState(state: TitleState): void;
  confirmClose(proceed: boolean): void;
}

export interface HandlerDeps extends ReportFormats {
  dialogs: DialogPort;
  grants: PathGrants;
  autosave: AutosaveStore;
  recent: RecentFiles;
  window: WindowPort;
  /** Told when the recent list changed (the menu rebuilds 最近打开). */
  onRecentChanged?: () => void;
  /**
   * Told when reading or writing begins (after the dialog was answered) and
   * when it ends, whatever the outcome; the editor shows work over a second.
   */
  busy?: (busy: BusyState) => void;
  /** Unexpected failures (not the clerk's doing) are logged here; the clerk sees a plain message. */
  log?: (error: unknown) => void;
  /** 汇总与审核's folder dialog, where the host has one. */
  folderDialog?: FolderDialogPort;
  /** More import lanes for reading a county folder in parallel (a second worker), besides `importers`. */
  countyImporters?: readonly Importers[];
}

const PDF_UNAVAILABLE = '浏览器模式不能直接导出 PDF：请点“打印”，在打印对话框中选择“另存为 PDF”。';

const REFUSED_PATH = '该文件路径未经您在本程序中选择，已拒绝访问。';

function withExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === `.${extension}` ? path : `${path}.${extension}`;
}

function suggestedName(report: Report, kind: SaveKind): string {
  const title = report.organ.trim() ? reportTitle(report) : `${report.year}年政府信息公开工作年度报告`;
  // Characters Windows forbids in file names.
  const safe = title.replace(/[\\/:*?"<>|\r\n\t]/g, '').slice(0, 120);
  return `${safe}.${SAVE_FILTERS[kind].extensions[0]}`;
}

export function createBridgeHandlers(deps: HandlerDeps): BridgeHandlers {
  const { dialogs, grants, autosave, recent, codec } = deps;
  // The document the editor works on, as last told by setDocumentState.
  let current: DocumentState = { path: null, year: null, dirty: false };
  // What each file held when this window last read or wrote it (size null: known by content only).
  const known = new Map<string, { size: number | null; sha256: string }>();

  const guard = guardWith(deps.log);

  /** Reports `run` as busy work: started now, over when it settles. Never around a dialog. */
  async function busyWhile<T>(label: string, run: () => Promise<T>): Promise<T> {
    deps.busy?.({ label });
    try {
      return await run();
    } finally {
      deps.busy?.(null);
    }
  }

  async function remember(path: string): Promise<void> {
    grants.grant(path);
    await recent.add(path).catch((error: unknown) => deps.log?.(error));
    deps.onRecentChanged?.();
  }

  const readReport = (path: string) => busyWhile(BUSY_LABELS.read(basename(path)), () => readReportNow(path));

  async function readReportNow(path: string): Promise<OpenedReport> {
    const bytes = await readFileCapped(path, MAX_TEMPLATE_BYTES);
    // Any other report file goes through the import front door and becomes a new, unsaved report.
    if (sniffKind(bytes) !== 'nianbao') {
      const result = await deps.importers.read(bytes, basename(path));
      return { path, name: basename(path), report: result.report, importReport: result.importReport };
    }
    if (bytes.length > MAX_REPORT_BYTES) throw new FileError(`无法读取“${basename(path)}”：${tooLargeText(bytes.length, MAX_REPORT_BYTES)}，可能不是年报文件。`);
    const report = codec.parse(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    known.set(path, versionOf(bytes));
    await remember(path);
    return { path, name: basename(path), report };
  }

  const writeReport = (report: Report, path: string) =>
    busyWhile(BUSY_LABELS.save(basename(path)), () => writeReportNow(report, path));

  async function writeReportNow(report: Report, path: string): Promise<{ path: string; name: string }> {
    const bytes = new TextEncoder().encode(codec.serialize(report));
    await writeFileAtomic(path, bytes, { backup: true });
    known.set(path, versionOf(bytes));
    const previous = current.path;
    current = { ...current, path, dirty: false };
    await remember(path);
    // The saved file now holds what the working copies held.
    await autosave.discard(previous);
    await autosave.discard(path);
    return { path, name: basename(path) };
  }

  /** Why 保存 to `path` must ask first, if it must. */
  async function conflictAt(path: string): Promise<SaveConflict | null> {
    if (await isReadOnly(path)) return 'readOnly';
    const version = known.get(path);
    return version !== undefined && (await changedSince(path, version, MAX_REPORT_BYTES)) ? 'changed' : null;
  }

  async function saveAs(report: Report): Promise<BridgeResult<{ path: string; name: string } | null>> {
    // A report imported by 打开 is saved, by default, next to its source under the source's name.
    const from = current.path === null ? current.importedFrom : null;
    const suggestion = from ? `${basename(from, extname(from))}.${REPORT_EXTENSION}` : suggestedName(report, 'report');
    const chosen = await dialogs.chooseSave('report', suggestion);
    if (chosen === null) return ok(null);
    const path = withExtension(chosen, REPORT_EXTENSION);
    grants.grant(path);
    return ok(await writeReport(report, path));
  }

  async function exportFile(
    kind: Exclude<SaveKind, 'report'>,
    report: Report,
    produce: () => Uint8Array | string | Promise<Uint8Array | string>,
  ): Promise<BridgeResult<{ path: string; name: string } | null>> {
    const chosen = await dialogs.chooseSave(kind, suggestedName(report, kind));
    if (chosen === null) return ok(null);
    const path = withExtension(chosen, SAVE_FILTERS[kind].extensions[0] ?? kind);
    await busyWhile(BUSY_LABELS.export(), async () => writeFileAtomic(path, await produce()));
    return ok({ path, name: basename(path) });
  }

  const importTemplate = (path: string) => busyWhile(BUSY_LABELS.read(basename(path)), () => importTemplateNow(path));

  async function importTemplateNow(path: string): Promise<ImportedReport> {
    const bytes = await readFileCapped(path, MAX_TEMPLATE_BYTES);
    const result = await deps.importers.read(bytes, basename(path));
    return { name: basename(path), importReport: result.importReport, report: result.report };
  }

  const readers = [deps.importers, ...(deps.countyImporters ?? [])].map((importers) => importers.read.bind(importers));
  return {
    ...createCountyHandlers({ dialogs, grants, readers, ...(deps.folderDialog ? { folderDialog: deps.folderDialog } : {}), ...(deps.log ? { log: deps.log } : {}) }),
    openReport: () =>
      guard('打开失败：发生意外错误。', async () => {
        const path = await dialogs.chooseOpen('report');
        if (path === null) return ok(null);
        grants.grant(path);
        const opened = await readReport(path);
        current = opened.importReport
          ? { path: null, year: opened.report.year, dirty: true, importedFrom: opened.name }
          : { path, year: opened.report.year, dirty: false };
        return ok(opened);
      }),

    openRecent: (path) =>
      guard('打开失败：发生意外错误。', async () => {
        if (!grants.has(path)) return fail(REFUSED_PATH);
        try {
          const opened = await readReport(path);
          current = opened.importReport
            ? { path: null, year: opened.report.year, dirty: true, importedFrom: opened.name }
            : { path, year: opened.report.year, dirty: false };
          return ok(opened);
        } catch (error) {
          if (error instanceof FileError && error.code === 'ENOENT') {
            await recent.remove(path).catch(() => undefined);
            deps.onRecentChanged?.();
          }
          throw error;
        }
      }),

    saveReport: (report, path) =>
      guard('保存失败：发生意外错误。', async () => {
        if (path === undefined) return saveAs(report);
        if (!grants.has(path)) return fail(REFUSED_PATH);
        const conflict = await busyWhile(BUSY_LABELS.save(basename(path)), () => conflictAt(path));
        if (conflict !== null) {
          const choice = await dialogs.askSaveConflict(basename(path), conflict);
          if (choice === 'saveAs') return saveAs(report);
          if (choice === 'cancel' || conflict === 'readOnly') return ok(null);
        }
        return ok(await writeReport(report, path));
      }),

    saveReportAs: (report) => guard('另存失败：发生意外错误。', () => saveAs(report)),

    importLastYear: () =>
      guard('导入失败：发生意外错误。', async () => {
        const path = await dialogs.chooseOpen('template');
        if (path === null) return ok(null);
        return ok(await importTemplate(path));
      }),

    exportDocx: (report, options) =>
      guard('导出 Word 失败：发生意外错误。', () => exportFile('docx', report, () => deps.exporters.docx(report, options))),

    exportText: (report, options) =>
      guard('导出文本失败：发生意外错误。', () => exportFile('text', report, () => deps.exporters.text(report, options))),

    exportHtml: (report, options) =>
      guard('导出网页失败：发生意外错误。', () => exportFile('html', report, () => deps.exporters.html(report, options))),

    exportPdf: (report) =>
      guard('导出 PDF 失败：发生意外错误。', async () => {
        const pdf = await busyWhile(BUSY_LABELS.export(), () => deps.window.printToPdf());
        if (pdf === null) return fail(PDF_UNAVAILABLE);
        return exportFile('pdf', report, () => pdf);
      }),

    print: () =>
      guard('打印失败：发生意外错误。', async () => {
        await deps.window.print();
        return ok(null);
      }),

    autosave: (report) =>
      guard('自动保存失败。', async () => {
        await autosave.save(report, current.path, current.path === null ? null : (known.get(current.path)?.sha256 ?? null));
        return ok(null);
      }),

    recoverAutosave: () =>
      guard('读取自动保存的内容失败。', async () => {
        const found = await autosave.recover();
        if (!found) return ok(null);
        const { offer, base } = found;
        if (offer.path !== null) {
          grants.grant(offer.path);
          // A save of the recovered report asks first if the file is no longer what the edits began from.
          if (base !== null && !known.has(offer.path)) known.set(offer.path, { size: null, sha256: base });
        }
        return ok(offer);
      }),

    discardAutosave: (id) =>
      guard('删除自动保存的内容失败。', async () => {
        if (id === undefined) await autosave.discard(current.path);
        else await autosave.discardId(id);
        return ok(null);
      }),

    listRecent: () =>
      guard('读取最近打开的文件失败。', async () => {
        const files = await recent.list();
        for (const file of files) grants.grant(file.path);
        return ok(files);
      }),

    setDocumentState: (state) =>
      guard('更新窗口标题失败。', async () => {
        if (state.path !== null && !grants.has(state.path)) return fail(REFUSED_PATH);
        current = state;
        deps.window.showDocumentState({
          name: state.path === null ? null : basename(state.path),
          year: state.year,
          dirty: state.dirty,
          importedFrom: state.path === null ? (state.importedFrom ?? null) : null,
        });
        return ok(null);
      }),

    askUnsavedChanges: (name) => guard('无法显示提示。', async () => ok(await dialogs.askUnsavedChanges(name))),

    confirmClose: (proceed) =>
      guard('关闭窗口失败。', async () => {
        deps.window.confirmClose(proceed);
        return ok(null);
      }),
  };
}

/** What the title bar shows: the file's name (null: not saved yet), the year, unsaved changes, the file imported from. */
export interface TitleState {
  name: string | null;
  year: number | null;
  dirty: boolean;
  importedFrom?: string | null;
}

/** The window title: unsaved mark, file name (or 未命名 and the file it was imported from), report year. */
export function documentTitle(state: TitleState, appName: string): string {
  const unnamed = state.importedFrom ? `未命名（导入自“${state.importedFrom}”）` : '未命名';
  const parts = [`${state.dirty ? '● ' : ''}${state.name ?? unnamed}`];
  if (state.year !== null) parts.push(`${state.year}年度`);
  parts.push(appName);
  return parts.join(' - ');
}
