/**
 * Exposes the bridge as window.nianbao: named methods only, never ipcRenderer
 * itself (as in Electron Fiddle and VS Code). Built as CommonJS because a
 * sandboxed preload cannot load ES modules; it bundles only channel names.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { BusyState, MenuCommand, NianbaoApi } from '../../shared/bridge.ts';
import type { DroppedFileClaim } from '../services/grants.ts';
import { BUSY_CHANNEL, CHANNELS, COMMANDS_READY_CHANNEL, DROPPED_FILE_CHANNEL, MENU_COMMAND_CHANNEL, isDroppableName } from '../../shared/bridgeChannels.ts';

const invoke =
  (channel: string) =>
  (...args: unknown[]) =>
    ipcRenderer.invoke(channel, ...args);

const api: NianbaoApi = {
  openReport: invoke(CHANNELS.openReport),
  openRecent: invoke(CHANNELS.openRecent),
  saveReport: invoke(CHANNELS.saveReport),
  saveReportAs: invoke(CHANNELS.saveReportAs),
  importLastYear: invoke(CHANNELS.importLastYear),
  exportDocx: invoke(CHANNELS.exportDocx),
  exportText: invoke(CHANNELS.exportText),
  exportHtml: invoke(CHANNELS.exportHtml),
  exportPdf: invoke(CHANNELS.exportPdf),
  print: invoke(CHANNELS.print),
  autosave: invoke(CHANNELS.autosave),
  recoverAutosave: invoke(CHANNELS.recoverAutosave),
  discardAutosave: invoke(CHANNELS.discardAutosave),
  listRecent: invoke(CHANNELS.listRecent),
  setDocumentState: invoke(CHANNELS.setDocumentState),
  askUnsavedChanges: invoke(CHANNELS.askUnsavedChanges),
  confirmClose: invoke(CHANNELS.confirmClose),
  countyChooseFolder: invoke(CHANNELS.countyChooseFolder),
  countyRead: invoke(CHANNELS.countyRead),
  countyReadDropped: invoke(CHANNELS.countyReadDropped),
  countyProgress: invoke(CHANNELS.countyProgress),
  countyCancel: invoke(CHANNELS.countyCancel),
  countyUnit: invoke(CHANNELS.countyUnit),
  countySummary: invoke(CHANNELS.countySummary),
  countyOpenRoster: invoke(CHANNELS.countyOpenRoster),
  countySetVerdict: invoke(CHANNELS.countySetVerdict),
  countySetRoster: invoke(CHANNELS.countySetRoster),
  countyExport: invoke(CHANNELS.countyExport),
  onMenuCommand(callback) {
    // The IPC event (with its sender) stays on this side of the isolation.
    const listener = (_event: IpcRendererEvent, command: MenuCommand) => callback(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
    ipcRenderer.send(COMMANDS_READY_CHANNEL);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
    };
  },
  // The 汇总与审核 page's drop: each dropped File's path with the figures main checks against the disk.
  claimDropped(files) {
    const claims: DroppedFileClaim[] = [];
    for (const file of Array.from(files as ArrayLike<File>)) {
      const path = webUtils.getPathForFile(file);
      if (path) claims.push({ path, size: file.size, lastModified: file.lastModified });
    }
    return claims;
  },
  onBusy(callback) {
    const listener = (_event: IpcRendererEvent, busy: BusyState) => callback(busy);
    ipcRenderer.on(BUSY_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(BUSY_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('nianbao', api);

// Without DOM typings in this project, the few DOM shapes used here.
interface DroppedFiles {
  isTrusted: boolean;
  dataTransfer: { files: ArrayLike<File> } | null;
}
const page = globalThis as unknown as {
  addEventListener(type: 'drop', listener: (event: DroppedFiles) => void, capture: boolean): void;
};

// A real drop (isTrusted) of a real file is the clerk's choice; page scripts
// cannot forge either. Main opens the path only if the File's size and time
// match the disk, which a renderer that merely names a path cannot know.
// Heard as the drop bubbles up, so a page that reads drops itself (汇总与审核)
// stops it on the way and the file is not also opened in the editor.
page.addEventListener(
  'drop',
  (event) => {
    if (!event.isTrusted || !event.dataTransfer) return;
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const path = webUtils.getPathForFile(file);
    if (!isDroppableName(path)) return;
    const claim: DroppedFileClaim = { path, size: file.size, lastModified: file.lastModified };
    ipcRenderer.send(DROPPED_FILE_CHANNEL, claim);
  },
  false,
);
