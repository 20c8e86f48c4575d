/**
 * IPC channel names of the bridge, apart from the schemas so that the
 * sandboxed preload can use them without bundling zod.
 */
export const CHANNELS = {
  openReport: 'nianbao:openReport',
  openRecent: 'nianbao:openRecent',
  saveReport: 'nianbao:saveReport',
  saveReportAs: 'nianbao:saveReportAs',
  importLastYear: 'nianbao:importLastYear',
  exportDocx: 'nianbao:exportDocx',
  exportText: 'nianbao:exportText',
  exportHtml: 'nianbao:exportHtml',
  print: 'nianbao:print',
  exportPdf: 'nianbao:exportPdf',
  autosave: 'nianbao:autosave',
  recoverAutosave: 'nianbao:recoverAutosave',
  discardAutosave: 'nianbao:discardAutosave',
  listRecent: 'nianbao:listRecent',
  setDocumentState: 'nianbao:setDocumentState',
  askUnsavedChanges: 'nianbao:askUnsavedChanges',
  confirmClose: 'nianbao:confirmClose',
  countyChooseFolder: 'nianbao:countyChooseFolder',
  countyRead: 'nianbao:countyRead',
  countyReadDropped: 'nianbao:countyReadDropped',
  countyProgress: 'nianbao:countyProgress',
  countyCancel: 'nianbao:countyCancel',
  countyUnit: 'nianbao:countyUnit',
  countySummary: 'nianbao:countySummary',
  countyOpenRoster: 'nianbao:countyOpenRoster',
  countySetVerdict: 'nianbao:countySetVerdict',
  countySetRoster: 'nianbao:countySetRoster',
  countyExport: 'nianbao:countyExport',
} as const;

/** The file side pushes MenuCommands to the renderer on this channel. */
export const MENU_COMMAND_CHANNEL = 'nianbao:menuCommand';

/** The file side pushes BusyStates (work under way, or done) to the renderer on this channel. */
export const BUSY_CHANNEL = 'nianbao:busy';

/**
 * The extensions of files the clerk may drop on the window: our .nianbao, and
 * the report files 打开 imports as a new report (the front door tells each
 * by content; the name only spares reading files that are no report).
 */
export const DROPPABLE_EXTENSIONS = ['nianbao', 'docx', 'doc', 'wps', 'pdf', 'txt', 'html', 'htm', 'mht', 'mhtml'] as const;

export function isDroppableName(path: string): boolean {
  const lower = path.toLowerCase();
  return DROPPABLE_EXTENSIONS.some((ext) => lower.endsWith(`.${ext}`));
}

/** The preload reports the path of a report file the clerk dropped on the window. */
export const DROPPED_FILE_CHANNEL = 'nianbao:droppedFile';

/** The preload tells main the editor listens for commands (files waiting to open can be sent). */
export const COMMANDS_READY_CHANNEL = 'nianbao:commandsReady';
