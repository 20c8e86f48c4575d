/**
 * What the commands of the registry (commands/registry.ts) do with files:
 * through the bridge, then the store. Every bridge failure becomes a notice in Chinese
 * and leaves the document as it was.
 */
import type { BridgeResult, ExportDocxOptions, ExportHtmlOptions, ExportTextOptions, ImportedReport, RecoveredReport } from '../../shared/bridge.ts';
import { CarryOverError, startNextYear } from '../../shared/carryover/startNextYear.ts';
import { NOT_A_REPORT_FILE } from '../../shared/file/messages.ts';
import { formatForYear } from '../../shared/formats/index.ts';
import { createReport, type Report } from '../../shared/model/report.ts';
import { watchAutosave } from './autosave.ts';
import type { Editor } from './store/context.tsx';
import { isDirty, type ExportKind } from './store/editor.ts';

/** The value of a bridge call, or undefined after telling the clerk what went wrong. */
function unwrap<T>(editor: Editor, result: BridgeResult<T>): T | undefined {
  if (result.ok) return result.value;
  editor.actions.notify({ tone: 'error', text: result.message });
  return undefined;
}

function currentReport(editor: Editor): Report | undefined {
  const report = editor.store.getState().report;
  if (!report) editor.actions.notify({ tone: 'info', text: '请先新建或打开一份报告。' });
  return report ?? undefined;
}

export async function saveDocument(editor: Editor, options: { as?: boolean } = {}): Promise<boolean> {
  editor.actions.endTyping();
  const report = currentReport(editor);
  if (!report) return false;
  const file = editor.store.getState().file;
  const result =
    options.as || !file ? await editor.api.saveReportAs(report) : await editor.api.saveReport(report, file.path);
  const saved = unwrap(editor, result);
  if (!saved) return false;
  editor.actions.markSaved(saved, report);
  editor.actions.notify({ tone: 'success', text: `已保存：${saved.name}` });
  return true;
}

/** Before the document is replaced or closed: 保存 / 不保存 / 取消. True when it is safe to go on. */
export async function settleUnsaved(editor: Editor): Promise<boolean> {
  const state = editor.store.getState();
  if (!isDirty(state)) return true;
  const choice = unwrap(editor, await editor.api.askUnsavedChanges(state.file?.name ?? null));
  if (choice === 'save') return saveDocument(editor);
  if (choice === 'discard') {
    await editor.api.discardAutosave();
    return true;
  }
  return false;
}

export async function newReport(editor: Editor, init: { year: number; organ: string }): Promise<void> {
  if (!(await settleUnsaved(editor))) return;
  const report = createReport({ format: formatForYear(init.year), year: init.year, organ: init.organ.trim() });
  editor.actions.load(report);
  // Ready to type: the first field of 基本信息.
  editor.actions.goTo({ page: 'info' });
}

export async function openDocument(editor: Editor, path?: string): Promise<void> {
  if (!(await settleUnsaved(editor))) return;
  const result = path ? await editor.api.openRecent(path) : await editor.api.openReport();
  // A Word or text report cannot be opened, but it can be last year's template.
  if (!result.ok && result.message.startsWith(NOT_A_REPORT_FILE)) {
    editor.actions.openDialog({ kind: 'notReportFile', message: result.message });
    return;
  }
  const opened = unwrap(editor, result);
  if (!opened) return;
  if (opened.importReport) {
    // Read through the import front door: a new report, saved where the clerk says.
    editor.actions.load(opened.report, {
      importedFrom: opened.name,
      notice: { tone: 'success', text: `已从“${opened.name}”导入为新报告（尚未保存）` },
    });
    editor.actions.openDialog({ kind: 'openedImport', imported: { name: opened.name, importReport: opened.importReport, report: opened.report } });
    return;
  }
  editor.actions.load(opened.report, {
    file: { path: opened.path, name: opened.name },
    saved: true,
    notice: { tone: 'success', text: `已打开：${opened.name}` },
  });
}

/** The open report is only replaced once the clerk has seen what was read and goes on (startFromLastYear). */
export async function importLastYear(editor: Editor): Promise<void> {
  const imported = unwrap(editor, await editor.api.importLastYear());
  if (imported) editor.actions.openDialog({ kind: 'import', imported });
}

/** 以上年报告为模板新建, after the clerk has seen what was read: this year's report from last year's. */
export async function startFromLastYear(editor: Editor, imported: ImportedReport, year: number): Promise<void> {
  if (!(await settleUnsaved(editor))) return;
  try {
    const { report, notes } = startNextYear(imported.report, year);
    editor.actions.load(report, {
      notice: { tone: 'success', text: `已根据“${imported.name}”新建 ${year} 年度报告，上年数据已结转。` },
    });
    if (notes.length > 0) editor.actions.openDialog({ kind: 'carryNotes', notes });
  } catch (error) {
    if (!(error instanceof CarryOverError)) throw error;
    editor.actions.notify({ tone: 'error', text: error.message });
  }
}

export function acceptRecovery(editor: Editor, recovered: RecoveredReport): void {
  const file = recovered.path && recovered.name ? { path: recovered.path, name: recovered.name } : null;
  editor.actions.load(recovered.report, {
    file,
    notice: { tone: 'success', text: '已恢复上次未保存的内容，请及时保存。' },
  });
}

/** 放弃: discards exactly the copy that was offered (at start no document is open yet). */
export async function declineRecovery(editor: Editor, recovered: RecoveredReport): Promise<void> {
  editor.actions.openDialog(null);
  unwrap(editor, await editor.api.discardAutosave(recovered.id));
}

export async function offerRecovery(editor: Editor): Promise<void> {
  const recovered = unwrap(editor, await editor.api.recoverAutosave());
  if (recovered) editor.actions.openDialog({ kind: 'recover', recovered });
}

export type ExportOptions =
  | { format: 'docx'; options: ExportDocxOptions }
  | { format: 'text'; options: ExportTextOptions }
  | { format: 'html'; options: ExportHtmlOptions };

export async function exportReport(editor: Editor, request: ExportOptions): Promise<void> {
  editor.actions.endTyping();
  const report = currentReport(editor);
  if (!report) return;
  editor.actions.openDialog(null);
  const result =
    request.format === 'docx'
      ? await editor.api.exportDocx(report, request.options)
      : request.format === 'text'
        ? await editor.api.exportText(report, request.options)
        : await editor.api.exportHtml(report, request.options);
  const file = unwrap(editor, result);
  if (file) editor.actions.notify({ tone: 'success', text: `已导出：${file.name}` });
}

export function requestExport(editor: Editor, format: ExportKind): void {
  if (currentReport(editor)) editor.actions.openDialog({ kind: 'export', format });
}

/** Two frames: React commits the print view, the browser lays it out. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Runs `job` with the print view mounted in place of the editor. */
async function withPrintView<T>(editor: Editor, job: () => Promise<T>): Promise<T> {
  editor.actions.setPrinting(true);
  try {
    await nextPaint();
    return await job();
  } finally {
    editor.actions.setPrinting(false);
  }
}

export async function printReport(editor: Editor): Promise<void> {
  if (!currentReport(editor)) return;
  unwrap(editor, await withPrintView(editor, () => editor.api.print()));
}

export async function exportPdf(editor: Editor): Promise<void> {
  const report = currentReport(editor);
  if (!report) return;
  const file = unwrap(editor, await withPrintView(editor, () => editor.api.exportPdf(report)));
  if (file) editor.actions.notify({ tone: 'success', text: `已导出：${file.name}` });
}

/** The window is closing: settle unsaved changes, then tell the file side. */
export async function closeRequested(editor: Editor): Promise<void> {
  const proceed = await settleUnsaved(editor);
  await editor.api.confirmClose(proceed);
}

/**
 * Keeps the file side told: the title bar and close prompt (on every change
 * of file, year or dirtiness); the working copy is autosave.ts's.
 */
export function connectDocument(editor: Editor): () => void {
  let lastState = '';
  const sync = () => {
    const state = editor.store.getState();
    const docState = { path: state.file?.path ?? null, year: state.report?.year ?? null, dirty: isDirty(state), importedFrom: state.importedFrom };
    const key = JSON.stringify(docState);
    if (key !== lastState) {
      lastState = key;
      void editor.api.setDocumentState(docState);
    }
  };
  sync();
  const unsubscribe = editor.store.subscribe(sync);
  const stopAutosave = watchAutosave(editor);
  return () => {
    stopAutosave();
    unsubscribe();
  };
}
