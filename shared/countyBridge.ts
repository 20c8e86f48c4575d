/**
 * What crosses the bridge for the 汇总与审核 page (the county office's
 * folder of its units' reports): the values and their zod schemas. The
 * methods themselves are declared with the others in bridge.ts.
 *
 * A folder is a path the file side handed out (its folder dialog); a unit's
 * file is named as the table names it, relative to that folder, and the file
 * side accepts only names its last read of the folder listed.
 */
import { z } from 'zod';
import type { Finding } from './checks/types.ts';
import { VERDICTS, type Verdict } from './county/workspace.ts';
import { MAX_SHORT_TEXT, MAX_TEXT, ReportSchema, formatIdSchema, yearSchema } from './file/schema.ts';
import { SECTION_KEYS, type SectionKey } from './formats/types.ts';

const MAX_PATH = 4_096;
/** A folder's units over a few years; the folder walk caps files at 5 000. */
const MAX_UNITS = 10_000;
const shortText = z.string().max(MAX_SHORT_TEXT);

export const countyFolderSchema = z.string().min(1).max(MAX_PATH);
export const unitFileSchema = z.string().min(1).max(MAX_PATH);

/**
 * A file or folder the clerk dropped on the page, as the desktop preload
 * describes it: the path webUtils.getPathForFile gave for the dropped File,
 * with the File's size and modification time, which the file side compares
 * with the disk before it grants the path (electron/services/grants.ts).
 */
export const DroppedClaimSchema = z.strictObject({
  path: z.string().min(1).max(MAX_PATH),
  size: z.number().int().min(0),
  lastModified: z.number().finite(),
});
export type DroppedClaim = z.infer<typeof DroppedClaimSchema>;
/** A drop of more than this is not a county's units; the folder walk caps files at 5 000 too. */
export const MAX_DROPPED = 5_000;
export const DroppedClaimsSchema = z.array(DroppedClaimSchema).min(1).max(MAX_DROPPED);
/** Where a drop gives no paths (the browser host): the clerk is told what to do instead, never left without an answer. */
export const DROP_NEEDS_DESKTOP = '浏览器中不能读取拖入的文件，请使用“选择文件夹…”。';

export const CountyFolderRefSchema = z.strictObject({ path: countyFolderSchema, name: z.string().max(MAX_PATH) });
export type CountyFolderRef = z.infer<typeof CountyFolderRefSchema>;

/** One row of the table: the unit's status line and what the 汇总 says about its cells. */
export const CountyRowSchema = z.strictObject({
  file: unitFileSchema,
  organ: shortText,
  year: yearSchema.nullable(),
  format: formatIdSchema,
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  unexplained: z.number().int().nonnegative(),
  dateLine: shortText.nullable(),
  late: z.boolean().nullable(),
  verdict: z.enum(['错误', '待说明', '通过']),
  blankCells: z.number().int().nonnegative(),
  notApplicableCells: z.number().int().nonnegative(),
  invalidCells: z.array(z.string().max(200)).max(5_000),
  /** Share (0–1) of this year's prose copied from the unit's previous year in the folder; null when that is not known. */
  copiedShare: z.number().min(0).max(1).nullable(),
  /** The file the copied share was measured against. */
  previousFile: unitFileSchema.nullable(),
});
export type CountyRow = z.infer<typeof CountyRowSchema>;

export const UnreadableSchema = z.strictObject({ file: unitFileSchema, message: z.string().max(MAX_TEXT) });
export type Unreadable = z.infer<typeof UnreadableSchema>;

/** The office's verdict on one finding (shared/county/workspace.ts). */
export const VerdictSchema = z.strictObject({ verdict: z.enum(VERDICTS), comment: z.string().max(10_000), at: z.string().max(100) });
const _verdictSchemaMatchesModel: z.ZodType<Verdict> = VerdictSchema;
/** What setting a verdict sends: the time is the file side's. */
export const VerdictInputSchema = VerdictSchema.omit({ at: true });
export type VerdictInput = z.infer<typeof VerdictInputSchema>;

const findingKeySchema = z.string().min(1).max(1000);
export const findingKeyArgSchema = findingKeySchema;
/** Verdicts by file, then by finding key. */
export const VerdictsSchema = z.record(unitFileSchema, z.record(findingKeySchema, VerdictSchema));
export type Verdicts = z.infer<typeof VerdictsSchema>;

export const CountyReadSchema = z.strictObject({
  folder: CountyFolderRefSchema,
  rows: z.array(CountyRowSchema).max(MAX_UNITS),
  unreadable: z.array(UnreadableSchema).max(MAX_UNITS),
  /** What the walk or the memory cap left out, in the clerk's words. */
  notes: z.array(shortText).max(20),
  /** The read was stopped by 取消: the rows are the files read before. */
  cancelled: z.boolean(),
  /** From the workspace file in the folder (年报汇总审核.json); empty when there is none. */
  verdicts: VerdictsSchema,
  roster: z.array(shortText).max(100_000),
});
export type CountyRead = z.infer<typeof CountyReadSchema>;

export const CountyProgressSchema = z.strictObject({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable();
export type CountyProgress = z.infer<typeof CountyProgressSchema>;

const sectionSchema = z.union([z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]]), z.literal('preface')]);
const findingValue = z.union([z.number(), z.string().max(MAX_TEXT), z.null()]).optional();
const cellList = z.array(z.string().max(200)).max(5_000);

export const FindingSchema = z.strictObject({
  severity: z.enum(['error', 'warning', 'info']),
  rule: z.string().max(200),
  cells: cellList,
  section: sectionSchema,
  field: z.enum(['organ', 'organKind', 'dateLine']).optional(),
  span: z.strictObject({ start: z.number().int(), end: z.number().int() }).optional(),
  expected: findingValue,
  actual: findingValue,
  message: z.string().max(MAX_TEXT),
  key: z.string().max(MAX_TEXT),
  fix: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('fillZero'), cells: cellList }),
      z.strictObject({ kind: z.literal('normalize'), cell: z.string().max(200), raw: z.string().max(MAX_TEXT) }),
      z.strictObject({ kind: z.literal('useComputed'), cells: cellList }),
      z.strictObject({ kind: z.literal('setValue'), cell: z.string().max(200), raw: z.string().max(MAX_TEXT) }),
      z.strictObject({ kind: z.literal('confirmCarried'), cells: cellList }),
      z.strictObject({
        kind: z.literal('replaceText'),
        section: sectionSchema,
        start: z.number().int(),
        end: z.number().int(),
        from: z.string().max(MAX_TEXT),
        to: z.string().max(MAX_TEXT),
      }),
    ])
    .optional(),
  acknowledged: z.string().max(MAX_TEXT).optional(),
});
const _findingSchemaMatchesModel: z.ZodType<Finding> = FindingSchema;

/** One unit opened beside the table: its report as read, and its findings. */
export const CountyUnitViewSchema = z.strictObject({
  file: unitFileSchema,
  report: ReportSchema,
  findings: z.array(FindingSchema).max(20_000),
});
export type CountyUnitView = z.infer<typeof CountyUnitViewSchema>;

export const CountySummaryRequestSchema = z.strictObject({ year: yearSchema, format: formatIdSchema });
export type CountySummaryRequest = z.infer<typeof CountySummaryRequestSchema>;

/** The 汇总 of one year and format (shared/county/summarize.ts), as the page shows it. */
export const CountySummarySchema = z.strictObject({
  year: yearSchema,
  format: formatIdSchema,
  units: z.array(z.strictObject({ file: unitFileSchema, organ: shortText })).max(MAX_UNITS),
  excluded: z.array(z.strictObject({ file: unitFileSchema, organ: shortText, reason: z.string().max(MAX_TEXT) })).max(MAX_UNITS),
  /** The sums as a report: input cells the units' sum, totals left to be computed. */
  report: ReportSchema,
});
export type CountySummary = z.infer<typeof CountySummarySchema>;

/**
 * What 汇总与审核 exports: the 汇总 workbook (.xlsx), the 汇总 as a Word
 * document, one unit's 检查意见, or every unit's with findings into a folder.
 */
export const COUNTY_EXPORT_KINDS = ['xlsx', 'summaryDocx', 'reply', 'replies'] as const;
export const CountyExportRequestSchema = z.strictObject({
  kind: z.enum(COUNTY_EXPORT_KINDS),
  year: yearSchema,
  format: formatIdSchema,
  /** The unit of a single reply. */
  file: unitFileSchema.optional(),
  /** The office signing the Word documents; empty: unsigned. */
  office: shortText.default(''),
});
export type CountyExportRequest = z.input<typeof CountyExportRequestSchema>;

/** Where an export went: a file, or for replies the folder and how many were written. */
export const CountyExportedSchema = z.strictObject({ path: countyFolderSchema, name: z.string().max(MAX_PATH), count: z.number().int().nonnegative() });
export type CountyExported = z.infer<typeof CountyExportedSchema>;
