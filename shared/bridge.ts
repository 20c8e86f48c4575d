/**
 * The bridge between the editor (renderer) and the file side (Electron main,
 * or the Node web host in browser mode): one interface, one channel per
 * method, and a zod schema for every argument and every result.
 *
 * The renderer calls it as `window.nianbao`. Every method resolves to a
 * `BridgeResult`: failures arrive as `{ ok: false, message }` with a message
 * for the clerk in Chinese; nothing is thrown across the bridge. A `null`
 * value means the clerk cancelled a dialog.
 *
 * Paths: the renderer never invents a path. It may only pass back a path the
 * file side handed to it (from a dialog, the recent list, a menu command or a
 * dropped file); anything else is refused.
 */
import { z } from 'zod';
import { CHANNELS } from './bridgeChannels.ts';
import { EDITOR_COMMAND_IDS, type EditorCommandId } from './commands.ts';
import { MAX_SHORT_TEXT, MAX_TEXT, ReportSchema, formatIdSchema, yearSchema } from './file/schema.ts';
import type { Report } from './model/report.ts';
import type { ImportReport } from './import/types.ts';
import type { CountyExported, CountyExportRequest, CountyFolderRef, DroppedClaim, CountyProgress, CountyRead, CountySummary, CountySummaryRequest, CountyUnitView, VerdictInput, Verdicts } from './countyBridge.ts';
import {
  CountyExportedSchema,
  CountyExportRequestSchema,
  CountyFolderRefSchema,
  CountyProgressSchema,
  CountyReadSchema,
  CountySummaryRequestSchema,
  CountySummarySchema,
  CountyUnitViewSchema,
  DroppedClaimsSchema,
  VerdictInputSchema,
  VerdictsSchema,
  countyFolderSchema,
  findingKeyArgSchema,
  unitFileSchema,
} from './countyBridge.ts';

// ---------------------------------------------------------------------------
// Limits beyond the report's own (shared/file/schema.ts).

export const MAX_PATH = 4_096;

// ---------------------------------------------------------------------------
// Values that cross the bridge.

const pathSchema = z.string().min(1).max(MAX_PATH);

/** A file on disk the file side knows about. `name` is the base name for the title bar. */
export const FileRefSchema = z.strictObject({ path: pathSchema, name: z.string().max(MAX_PATH) });
export type FileRef = z.infer<typeof FileRefSchema>;

const importReportSchema = z.strictObject({
  source: z.enum(['nianbao', 'docx', 'text', 'html', 'pdf', 'doc']),
  format: formatIdSchema,
  formatReason: z.string().max(MAX_SHORT_TEXT),
  year: z.number().int().nullable(),
  organ: z.string().max(MAX_SHORT_TEXT).nullable(),
  tablesFound: z.array(z.strictObject({ table: z.string().max(200), matchedBy: z.string().max(MAX_SHORT_TEXT) })),
  tablesMissing: z.array(z.string().max(200)),
  sectionsFound: z.array(z.string().max(200)),
  sectionsMissing: z.array(z.string().max(200)),
  cellsRead: z.number().int().nonnegative(),
  blankCells: z.array(z.string().max(200)),
  normalized: z.array(
    z.strictObject({
      cell: z.string().max(200),
      raw: z.string().max(MAX_SHORT_TEXT),
      value: z.number(),
      note: z.string().max(MAX_SHORT_TEXT),
    }),
  ),
  invalidCells: z.array(
    z.strictObject({ cell: z.string().max(200), raw: z.string().max(MAX_SHORT_TEXT), message: z.string().max(MAX_SHORT_TEXT) }),
  ),
  warnings: z.array(z.string().max(MAX_TEXT)),
});
const _importReportSchemaMatchesModel: z.ZodType<ImportReport> = importReportSchema;

export const OpenedReportSchema = z.strictObject({
  path: pathSchema,
  name: z.string().max(MAX_PATH),
  report: ReportSchema,
  /**
   * Set when the file was not a .nianbao (a Word, WPS, text or web-page
   * report) and was read through the import front door: the report is a new,
   * unsaved one, and this is what the import recognized.
   */
  importReport: importReportSchema.optional(),
});
export type OpenedReport = z.infer<typeof OpenedReportSchema>;

/**
 * Last year's report read as a template. `report` is last year's document as
 * imported; the renderer turns it into this year's with the carry-over step.
 */
export const ImportedReportSchema = z.strictObject({
  name: z.string().max(MAX_PATH),
  importReport: importReportSchema,
  report: ReportSchema,
});
export type ImportedReport = z.infer<typeof ImportedReportSchema>;

/** Working copies are named `untitled` or by a hash of their document's path. */
export const AUTOSAVE_ID_PATTERN = /^(untitled|[0-9a-f]{32})$/;
const autosaveIdSchema = z.string().regex(AUTOSAVE_ID_PATTERN);

/** A working copy found in the autosave folder. */
export const RecoveredReportSchema = z.strictObject({
  /** Which copy: pass it to discardAutosave to discard exactly this one. */
  id: autosaveIdSchema,
  report: ReportSchema,
  /** ISO time of the autosave. */
  savedAt: z.string().max(100),
  /** The file it was a working copy of; null for a never-saved report. */
  path: pathSchema.nullable(),
  name: z.string().max(MAX_PATH).nullable(),
  /** The saved file has changed on disk since these edits began (saved elsewhere). */
  fileChanged: z.boolean(),
});
export type RecoveredReport = z.infer<typeof RecoveredReportSchema>;

export const RecentFileSchema = z.strictObject({
  path: pathSchema,
  name: z.string().max(MAX_PATH),
  /** ISO time it was last opened or saved. */
  openedAt: z.string().max(100),
});
export type RecentFile = z.infer<typeof RecentFileSchema>;

/** official: GB/T 9704 公文 layout (default); compact: close to the province's template. */
export const ExportDocxOptionsSchema = z.strictObject({
  layout: z.enum(['official', 'compact']).default('official'),
  /** Print blank cells as 0 (the clerk's choice: blank means none). */
  blankAsZero: z.boolean().default(false),
  /** Append a 检查说明 page listing the warnings the clerk explained. */
  findingsSheet: z.boolean().default(false),
  /** Amounts with exactly four decimals; absent, where the format's header asks for it. */
  fourDecimalAmounts: z.boolean().optional(),
  /**
   * Append a 图解 appendix: the PNG the editor drew of each chart (base64), by
   * chart id. The file side makes the charts and their SVG from the report
   * itself; only the pixels come across.
   */
  chartsAppendix: z
    .array(z.strictObject({ id: z.string().max(40), png: z.string().max(8_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/) }))
    .max(8)
    .optional(),
});
export type ExportDocxOptions = z.input<typeof ExportDocxOptionsSchema>;

export const ExportTextOptionsSchema = z.strictObject({
  /** Tables as aligned columns (for reading) or as tab-separated rows (for pasting). */
  tables: z.enum(['aligned', 'tsv']).default('aligned'),
  blankAsZero: z.boolean().default(false),
  findingsSheet: z.boolean().default(false),
  fourDecimalAmounts: z.boolean().optional(),
});
export type ExportTextOptions = z.input<typeof ExportTextOptionsSchema>;

export const ExportHtmlOptionsSchema = z.strictObject({
  blankAsZero: z.boolean().default(false),
  findingsSheet: z.boolean().default(false),
  fourDecimalAmounts: z.boolean().optional(),
});
export type ExportHtmlOptions = z.input<typeof ExportHtmlOptionsSchema>;

/** What the title bar shows and whether closing needs a prompt. */
export const DocumentStateSchema = z.strictObject({
  /**
   * The file the editor is working on (a path handed out by the file side),
   * or null for a report not saved yet (shown as 未命名). Autosave files its
   * working copy under this document.
   */
  path: pathSchema.nullable(),
  year: yearSchema.nullable(),
  dirty: z.boolean(),
  /** The file a report not saved yet was imported from by 打开 (its name), for the title and 保存's suggestion. */
  importedFrom: z.string().max(MAX_PATH).nullable().optional(),
});
export type DocumentState = z.infer<typeof DocumentStateSchema>;

export const UnsavedChoiceSchema = z.enum(['save', 'discard', 'cancel']);
export type UnsavedChoice = z.infer<typeof UnsavedChoiceSchema>;

/** Why 保存 cannot simply replace the file: it changed on disk since it was opened or saved, or it is read-only. */
export type SaveConflict = 'changed' | 'readOnly';
/** 覆盖 (only for a changed file) / 另存为 / 取消. */
export const ConflictChoiceSchema = z.enum(['overwrite', 'saveAs', 'cancel']);
export type ConflictChoice = z.infer<typeof ConflictChoiceSchema>;

// ---------------------------------------------------------------------------
// Commands the file side sends to the editor (menu items, OS events).

export const MenuCommandSchema = z.union([
  /** A command of the registry (shared/commands.ts) the editor carries out: the menu item of the same id. */
  z.strictObject({ kind: z.enum(EDITOR_COMMAND_IDS as [EditorCommandId, ...EditorCommandId[]]) }),
  /** A recent-menu item, a dropped or double-clicked .nianbao file: call openRecent(path). (Let file drops reach the window.) */
  z.strictObject({ kind: z.literal('openPath'), path: pathSchema }),
  /**
   * The window is closing with unsaved changes: ask (askUnsavedChanges or an
   * own dialog), save if wanted, then answer with confirmClose(true|false).
   */
  z.strictObject({ kind: z.literal('closeRequested') }),
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

// ---------------------------------------------------------------------------
// Work under way in the file side (reading, importing, exporting, saving),
// pushed after any dialog has been answered: the editor shows it when it
// lasts over a second.

export const BusyStateSchema = z.strictObject({ label: z.string().max(MAX_SHORT_TEXT) }).nullable();
/** What is being done, for the clerk; null when it is over (the result's notice follows). */
export type BusyState = z.infer<typeof BusyStateSchema>;

const quoted = (name: string) => `“${name}”`;

/** The clerk's words for the work of each kind, with the file's base name where it is known. */
export const BUSY_LABELS = {
  read: (name: string) => `正在读取${quoted(name)}……`,
  save: (name: string) => `正在保存${quoted(name)}……`,
  export: () => '正在导出……',
} as const;

// ---------------------------------------------------------------------------
// Results.

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), message: z.string().max(MAX_SHORT_TEXT) }),
  ]);
}

export function ok<T>(value: T): BridgeResult<T> {
  return { ok: true, value };
}

export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

// ---------------------------------------------------------------------------
// The interface the renderer sees as window.nianbao.

export interface NianbaoApi {
  /** 打开: file dialog for .nianbao; null when cancelled. */
  openReport(): Promise<BridgeResult<OpenedReport | null>>;
  /** Opens a path the file side handed out (recent list, openPath command). */
  openRecent(path: string): Promise<BridgeResult<OpenedReport>>;
  /**
   * 保存: to `path` when given (one handed out before), else asks like
   * saveReportAs. When the file changed on disk since it was opened or saved,
   * or is read-only, the file side asks first (覆盖 / 另存为 / 取消); the
   * result is then the file written, or null.
   */
  saveReport(report: Report, path?: string): Promise<BridgeResult<FileRef | null>>;
  /** 另存为: save dialog; null when cancelled. */
  saveReportAs(report: Report): Promise<BridgeResult<FileRef | null>>;
  /** 以上年报告为模板新建: dialog for .nianbao/.docx/.txt, read and imported in the file side. */
  importLastYear(): Promise<BridgeResult<ImportedReport | null>>;
  /** 导出 Word: save dialog, then writes the .docx; null when cancelled. */
  exportDocx(report: Report, options: ExportDocxOptions): Promise<BridgeResult<FileRef | null>>;
  /** 导出文本 (.txt). */
  exportText(report: Report, options: ExportTextOptions): Promise<BridgeResult<FileRef | null>>;
  /** 导出网页 (.html) for the website. */
  exportHtml(report: Report, options: ExportHtmlOptions): Promise<BridgeResult<FileRef | null>>;
  /** 导出 PDF: the current page as printed (the editor shows its print view first), after a save dialog. */
  exportPdf(report: Report): Promise<BridgeResult<FileRef | null>>;
  /** 打印: the system print dialog over the current page (the editor shows its print view first). */
  print(): Promise<BridgeResult<null>>;
  /** Stores the working copy (on the renderer's clock: 2 s idle, 10 s at most), filed under the path of the last setDocumentState. */
  autosave(report: Report): Promise<BridgeResult<null>>;
  /** At start: the newest working copy, or null. */
  recoverAutosave(): Promise<BridgeResult<RecoveredReport | null>>;
  /**
   * Discards the working copy `id` (the recovery the clerk declined), or
   * without an id the current document's (changes abandoned). A successful
   * save discards it by itself.
   */
  discardAutosave(id?: string): Promise<BridgeResult<null>>;
  listRecent(): Promise<BridgeResult<RecentFile[]>>;
  /** Call on open, save, new and every dirty change: title bar (name, year, unsaved mark), close prompt, autosave target. */
  setDocumentState(state: DocumentState): Promise<BridgeResult<null>>;
  /** The native 是否保存更改 dialog, for the closeRequested command or before opening another file. */
  askUnsavedChanges(name: string | null): Promise<BridgeResult<UnsavedChoice>>;
  /** Answer to closeRequested: true closes the window, false keeps it open. */
  confirmClose(proceed: boolean): Promise<BridgeResult<null>>;
  /** Menu commands and OS requests; returns the unsubscribe function. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** Reading or writing under way (open, openRecent, importLastYear, save, saveAs, exports) and its end; returns the unsubscribe function. */
  onBusy(callback: (busy: BusyState) => void): () => void;

  // 汇总与审核 (shared/countyBridge.ts): one folder of the units' reports at a time.
  /** The folder dialog; null when cancelled. */
  countyChooseFolder(): Promise<BridgeResult<CountyFolderRef | null>>;
  /** Reads every report in the folder (a path handed out by countyChooseFolder); resolves when done or cancelled. */
  countyRead(folder: string): Promise<BridgeResult<CountyRead>>;
  /**
   * Reads what the clerk dropped on the page (claimDropped's answer): one
   * folder as if chosen, or files and folders as one set named relative to
   * their common folder, where the workspace file then lives.
   */
  countyReadDropped(claims: DroppedClaim[]): Promise<BridgeResult<CountyRead>>;
  /**
   * The dropped Files (DataTransfer.files) as claims for countyReadDropped;
   * null where a drop gives no paths (the browser host). Answered in the
   * page, no round trip.
   */
  claimDropped(files: ArrayLike<object>): DroppedClaim[] | null;
  /** How far the read under way is; null when none is. Polled by the page while countyRead runs. */
  countyProgress(): Promise<BridgeResult<CountyProgress>>;
  /** Stops the read under way; countyRead then resolves with what was read. */
  countyCancel(): Promise<BridgeResult<null>>;
  /** One unit of the folder read last: its report and findings. */
  countyUnit(folder: string, file: string): Promise<BridgeResult<CountyUnitView>>;
  /** The 汇总 of one year and format over the folder read last. */
  countySummary(folder: string, request: CountySummaryRequest): Promise<BridgeResult<CountySummary>>;
  /** A roster file (one name a line) chosen in a dialog, as names; null when cancelled. */
  countyOpenRoster(): Promise<BridgeResult<string[] | null>>;
  /** The office's verdict on one finding of a unit (null removes it), kept in the folder's workspace file; the folder's verdicts after. */
  countySetVerdict(folder: string, file: string, findingKey: string, verdict: VerdictInput | null): Promise<BridgeResult<Verdicts>>;
  /** Keeps the roster in the folder's workspace file (an empty list removes it). */
  countySetRoster(folder: string, roster: string[]): Promise<BridgeResult<null>>;
  /** 导出汇总表 and the other county exports of the folder read last: save dialog, then the file; null when cancelled. */
  countyExport(folder: string, request: CountyExportRequest): Promise<BridgeResult<CountyExported | null>>;
}

// ---------------------------------------------------------------------------
// Channels and schemas per method. Arguments are tuples, parsed in the file
// side before anything else happens.

const nothing = z.null();

export const BRIDGE = {
  openReport: { channel: CHANNELS.openReport, args: z.tuple([]), result: OpenedReportSchema.nullable() },
  openRecent: { channel: CHANNELS.openRecent, args: z.tuple([pathSchema]), result: OpenedReportSchema },
  saveReport: {
    channel: CHANNELS.saveReport,
    args: z.tuple([ReportSchema, pathSchema.optional()]),
    result: FileRefSchema.nullable(),
  },
  saveReportAs: { channel: CHANNELS.saveReportAs, args: z.tuple([ReportSchema]), result: FileRefSchema.nullable() },
  importLastYear: { channel: CHANNELS.importLastYear, args: z.tuple([]), result: ImportedReportSchema.nullable() },
  exportDocx: {
    channel: CHANNELS.exportDocx,
    args: z.tuple([ReportSchema, ExportDocxOptionsSchema]),
    result: FileRefSchema.nullable(),
  },
  exportText: {
    channel: CHANNELS.exportText,
    args: z.tuple([ReportSchema, ExportTextOptionsSchema]),
    result: FileRefSchema.nullable(),
  },
  exportHtml: {
    channel: CHANNELS.exportHtml,
    args: z.tuple([ReportSchema, ExportHtmlOptionsSchema]),
    result: FileRefSchema.nullable(),
  },
  exportPdf: { channel: CHANNELS.exportPdf, args: z.tuple([ReportSchema]), result: FileRefSchema.nullable() },
  print: { channel: CHANNELS.print, args: z.tuple([]), result: nothing },
  autosave: { channel: CHANNELS.autosave, args: z.tuple([ReportSchema]), result: nothing },
  recoverAutosave: { channel: CHANNELS.recoverAutosave, args: z.tuple([]), result: RecoveredReportSchema.nullable() },
  discardAutosave: { channel: CHANNELS.discardAutosave, args: z.tuple([autosaveIdSchema.optional()]), result: nothing },
  listRecent: { channel: CHANNELS.listRecent, args: z.tuple([]), result: z.array(RecentFileSchema) },
  setDocumentState: { channel: CHANNELS.setDocumentState, args: z.tuple([DocumentStateSchema]), result: nothing },
  askUnsavedChanges: {
    channel: CHANNELS.askUnsavedChanges,
    args: z.tuple([z.string().max(MAX_PATH).nullable()]),
    result: UnsavedChoiceSchema,
  },
  confirmClose: { channel: CHANNELS.confirmClose, args: z.tuple([z.boolean()]), result: nothing },
  countyChooseFolder: { channel: CHANNELS.countyChooseFolder, args: z.tuple([]), result: CountyFolderRefSchema.nullable() },
  countyRead: { channel: CHANNELS.countyRead, args: z.tuple([countyFolderSchema]), result: CountyReadSchema },
  countyReadDropped: { channel: CHANNELS.countyReadDropped, args: z.tuple([DroppedClaimsSchema]), result: CountyReadSchema },
  countyProgress: { channel: CHANNELS.countyProgress, args: z.tuple([]), result: CountyProgressSchema },
  countyCancel: { channel: CHANNELS.countyCancel, args: z.tuple([]), result: nothing },
  countyUnit: { channel: CHANNELS.countyUnit, args: z.tuple([countyFolderSchema, unitFileSchema]), result: CountyUnitViewSchema },
  countySummary: {
    channel: CHANNELS.countySummary,
    args: z.tuple([countyFolderSchema, CountySummaryRequestSchema]),
    result: CountySummarySchema,
  },
  countyOpenRoster: { channel: CHANNELS.countyOpenRoster, args: z.tuple([]), result: z.array(z.string().max(MAX_SHORT_TEXT)).nullable() },
  countySetVerdict: {
    channel: CHANNELS.countySetVerdict,
    args: z.tuple([countyFolderSchema, unitFileSchema, findingKeyArgSchema, VerdictInputSchema.nullable()]),
    result: VerdictsSchema,
  },
  countySetRoster: {
    channel: CHANNELS.countySetRoster,
    args: z.tuple([countyFolderSchema, z.array(z.string().min(1).max(500)).max(100_000)]),
    result: nothing,
  },
  countyExport: {
    channel: CHANNELS.countyExport,
    args: z.tuple([countyFolderSchema, CountyExportRequestSchema]),
    result: CountyExportedSchema.nullable(),
  },
} as const;

export { BUSY_CHANNEL, CHANNELS, DROPPED_FILE_CHANNEL, MENU_COMMAND_CHANNEL } from './bridgeChannels.ts';

export type InvokeMethod = keyof typeof BRIDGE;
export const INVOKE_METHODS = Object.keys(BRIDGE) as InvokeMethod[];

/** Parsed arguments of a method, as the handler receives them. */
export type MethodArgs<M extends InvokeMethod> = z.output<(typeof BRIDGE)[M]['args']>;
/** The value a handler returns on success. */
export type MethodValue<M extends InvokeMethod> = z.input<(typeof BRIDGE)[M]['result']>;

/** The file side's implementation: one function per method, over parsed arguments. */
export type BridgeHandlers = {
  [M in InvokeMethod]: (...args: MethodArgs<M>) => Promise<BridgeResult<MethodValue<M>>>;
};

// The table and the interface must describe the same methods.
type ApiInvoke = Omit<NianbaoApi, 'onMenuCommand' | 'onBusy' | 'claimDropped'>;
const _tableCoversApi: Record<keyof ApiInvoke, unknown> = BRIDGE;
const _apiCoversTable: Record<InvokeMethod, unknown> = {} as ApiInvoke;

export function isInvokeMethod(name: string): name is InvokeMethod {
  return Object.hasOwn(BRIDGE, name);
}
