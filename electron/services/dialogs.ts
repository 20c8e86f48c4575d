/**
 * File dialogs behind an interface: Electron's native dialogs in the app, a
 * workspace folder in the browser-mode host, scripted answers in tests.
 */
import type { ConflictChoice, SaveConflict, UnsavedChoice } from '../../shared/bridge.ts';

export type OpenKind = 'report' | 'template' | 'roster';
export type SaveKind = 'report' | 'docx' | 'text' | 'html' | 'pdf' | 'xlsx';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const REPORT_EXTENSION = 'nianbao';

export const OPEN_FILTERS: Record<OpenKind, FileFilter[]> = {
  // 打开 reads any report file: a .nianbao opens as it is, any other is imported as a new, unsaved report.
  report: [
    { name: '年报及其他报告文件', extensions: [REPORT_EXTENSION, 'docx', 'doc', 'wps', 'pdf', 'txt', 'html', 'htm', 'mht', 'mhtml'] },
    { name: '年报文件', extensions: [REPORT_EXTENSION] },
  ],
  template: [
    { name: '上年报告（年报文件、Word 文档、文本、网页、PDF）', extensions: [REPORT_EXTENSION, 'docx', 'txt', 'html', 'htm', 'mht', 'mhtml', 'pdf', 'doc', 'wps'] },
    { name: '年报文件', extensions: [REPORT_EXTENSION] },
    { name: 'Word 文档', extensions: ['docx'] },
    { name: 'Word 97-2003 文档、WPS 文字', extensions: ['doc', 'wps'] },
    { name: '文本文件', extensions: ['txt'] },
    { name: '网页（.html、.mht）', extensions: ['html', 'htm', 'mht', 'mhtml'] },
    { name: 'PDF 文件', extensions: ['pdf'] },
  ],
  roster: [{ name: '单位名单（文本，每行一个单位）', extensions: ['txt', 'csv'] }],
};

export const SAVE_FILTERS: Record<SaveKind, FileFilter> = {
  report: { name: '年报文件', extensions: [REPORT_EXTENSION] },
  docx: { name: 'Word 文档', extensions: ['docx'] },
  text: { name: '文本文件', extensions: ['txt'] },
  html: { name: '网页文件', extensions: ['html'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
};

export const OPEN_TITLES: Record<OpenKind, string> = {
  report: '打开年报',
  template: '选择上年报告作为模板',
  roster: '选择单位名单',
};

export const SAVE_TITLES: Record<SaveKind, string> = {
  report: '保存年报',
  docx: '导出 Word 文档',
  text: '导出文本',
  html: '导出网页',
  pdf: '导出 PDF',
  xlsx: '导出汇总表',
};

export interface DialogPort {
  /** An absolute path the clerk chose, or null when cancelled. */
  chooseOpen(kind: OpenKind): Promise<string | null>;
  /** An absolute path to write, or null when cancelled; `suggestedName` includes the extension. */
  chooseSave(kind: SaveKind, suggestedName: string): Promise<string | null>;
  /** 是否保存对“…”的更改？ */
  askUnsavedChanges(name: string | null): Promise<UnsavedChoice>;
  /** 保存 would replace a file changed on disk (覆盖 / 另存为 / 取消) or a read-only one (另存为 / 取消). */
  askSaveConflict(name: string, conflict: SaveConflict): Promise<ConflictChoice>;
}

/** 汇总与审核: the folder of the units' reports. Apart from DialogPort, so hosts without folders need not pretend. */
export interface FolderDialogPort {
  /** An absolute folder path the clerk chose, or null when cancelled. */
  chooseFolder(): Promise<string | null>;
}

export const FOLDER_DIALOG_TITLE = '选择存放各单位年报的文件夹';

/** The words of the save-conflict question, for every host. */
export const SAVE_CONFLICT_TEXT: Record<SaveConflict, { message: (name: string) => string; detail: string }> = {
  changed: {
    message: (name) => `“${name}”在您打开或上次保存之后已被修改（可能是其他人、其他窗口或其他程序保存的）。`,
    detail: '覆盖：用您现在的内容替换它，对方的修改将丢失（原文件保留为 .bak）。另存为：保存为另一个文件，两份都保留。',
  },
  readOnly: {
    message: (name) => `“${name}”是只读文件，不能直接保存。`,
    detail: '另存为：把您的内容保存为另一个文件。',
  },
};
