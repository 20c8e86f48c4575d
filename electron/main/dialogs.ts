/** The DialogPort over Electron's native dialogs, attached to the main window. */
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import type { ConflictChoice, SaveConflict, UnsavedChoice } from '../../shared/bridge.ts';
import { FOLDER_DIALOG_TITLE, OPEN_FILTERS, OPEN_TITLES, SAVE_CONFLICT_TEXT, SAVE_FILTERS, SAVE_TITLES } from '../services/dialogs.ts';
import type { DialogPort, FolderDialogPort, OpenKind, SaveKind } from '../services/dialogs.ts';

export class ElectronDialogs implements DialogPort, FolderDialogPort {
  private readonly window: () => BrowserWindow | null;
  private readonly defaultFolder: () => string;
  private lastFolder: string | null = null;

  constructor(window: () => BrowserWindow | null, defaultFolder: () => string) {
    this.window = window;
    this.defaultFolder = defaultFolder;
  }

  private folder(): string {
    return this.lastFolder ?? this.defaultFolder();
  }

  async chooseOpen(kind: OpenKind): Promise<string | null> {
    const options = { title: OPEN_TITLES[kind], defaultPath: this.folder(), filters: OPEN_FILTERS[kind], properties: ['openFile' as const] };
    const win = this.window();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const chosen = result.canceled ? undefined : result.filePaths[0];
    if (!chosen) return null;
    this.lastFolder = join(chosen, '..');
    return chosen;
  }

  async chooseFolder(): Promise<string | null> {
    const options = { title: FOLDER_DIALOG_TITLE, defaultPath: this.folder(), properties: ['openDirectory' as const] };
    const win = this.window();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const chosen = result.canceled ? undefined : result.filePaths[0];
    if (!chosen) return null;
    this.lastFolder = chosen;
    return chosen;
  }

  async chooseSave(kind: SaveKind, suggestedName: string): Promise<string | null> {
    const options = {
      title: SAVE_TITLES[kind],
      defaultPath: join(this.folder(), basename(suggestedName)),
      filters: [SAVE_FILTERS[kind]],
      properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    };
    const win = this.window();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    this.lastFolder = join(result.filePath, '..');
    return result.filePath;
  }

  async askUnsavedChanges(name: string | null): Promise<UnsavedChoice> {
    const options = {
      type: 'warning' as const,
      title: '年报',
      message: `是否保存对“${name ?? '未命名'}”的更改？`,
      detail: '如果不保存，您的更改将丢失。',
      buttons: ['保存', '不保存', '取消'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    };
    const win = this.window();
    const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
  }

  async askSaveConflict(name: string, conflict: SaveConflict): Promise<ConflictChoice> {
    const text = SAVE_CONFLICT_TEXT[conflict];
    // A read-only file cannot be overwritten: only 另存为 or 取消.
    const choices: ConflictChoice[] = conflict === 'changed' ? ['saveAs', 'overwrite', 'cancel'] : ['saveAs', 'cancel'];
    const labels: Record<ConflictChoice, string> = { saveAs: '另存为', overwrite: '覆盖', cancel: '取消' };
    const options = {
      type: 'warning' as const,
      title: '年报',
      message: text.message(name),
      detail: text.detail,
      buttons: choices.map((c) => labels[c]),
      defaultId: 0,
      cancelId: choices.length - 1,
      noLink: true,
    };
    const win = this.window();
    const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return choices[response] ?? 'cancel';
  }
}
