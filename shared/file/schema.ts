/**
 * The zod schema of a Report: one schema for what comes from a file and what
 * crosses the bridge. Limits are generous for a real report and small enough
 * that a hostile payload cannot exhaust memory.
 */
import { z } from 'zod';
import { APPEAL_DECISIONS, APPEAL_RESULTS, type AppealResult } from '../formats/appealDecisions.ts';
import { formatIndex, isFormatId } from '../formats/index.ts';
import { SECTION_KEYS } from '../formats/types.ts';
import type { FormatId, SectionKey } from '../formats/types.ts';
import { ORGAN_KINDS, type OrganKind, type Report } from '../model/report.ts';
import { numberFitsKind } from '../model/parseCellValue.ts';

/** One narrative section; the longest published sections are ~20 000 characters. */
export const MAX_TEXT = 200_000;
export const MAX_SHORT_TEXT = 1_000;
export const MAX_CELLS = 5_000;

// Object keys that would reach Object.prototype when assigned: refused outright.
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const safeKey = (max: number) =>
  z.string().min(1).max(max).refine((k) => !FORBIDDEN_KEYS.has(k), { message: '非法键名' });

// Read at parse time, so a format registered after this module loaded is known too.
export const formatIdSchema = z.string().max(40).refine(isFormatId, { message: '未知的报告格式' });
const sectionKeySchema = z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]]);
const cellIdSchema = z.string().max(200).regex(/^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$/);
export const yearSchema = z.number().int().min(2000).max(2200);

const narrativeSchema = z.strictObject({
  text: z.string().max(MAX_TEXT),
  source: z.enum(['typed', 'imported', 'carried']),
});

const cellEntrySchema = z.strictObject({
  raw: z.string().max(MAX_SHORT_TEXT),
  source: z.enum(['typed', 'imported', 'carried', 'override']),
  confirm: z.string().max(MAX_SHORT_TEXT).optional(),
});

const acknowledgementSchema = z.strictObject({
  explanation: z.string().max(MAX_TEXT),
  at: z.string().max(100),
});

const lastYearSchema = z.strictObject({
  format: formatIdSchema,
  year: yearSchema,
  organ: z.string().max(MAX_SHORT_TEXT),
  values: z.record(cellIdSchema, z.number().finite().nullable()),
  sections: z.partialRecord(sectionKeySchema, z.string().max(MAX_TEXT)),
  preface: z.string().max(MAX_TEXT).optional(),
});

/** Cell ids must belong to the report's format (and last year's to last year's format). */
function unknownCells(cells: string[], format: FormatId): string[] {
  // An unknown format is its own issue.
  if (!isFormatId(format)) return [];
  const index = formatIndex(format);
  return cells.filter((id) => !index.cellById.has(id));
}

/** Last year's values outside what a cell of their kind can hold (1e308 is no count). */
function outOfRange(values: Record<string, number | null>, format: FormatId): string[] {
  if (!isFormatId(format)) return [];
  const index = formatIndex(format);
  return Object.entries(values)
    .filter(([id, value]) => {
      const info = index.cellById.get(id);
      if (!info || value === null) return false;
      return !numberFitsKind(value, info.column.kind, info.computedBy ? index.cells.length : 1);
    })
    .map(([id]) => id);
}

const MAX_DECISION_COUNT = 1_000_000;
const decisionGroups: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  APPEAL_DECISIONS.groups.map((g) => [g.id, new Set<string>(g.decisions.map((d) => d.id))]),
);
const knownDecision = (group: string, decision: string) => decisionGroups.get(group)?.has(decision) === true;
const appealResultSchema = z.enum(APPEAL_RESULTS.map((r) => r.id) as [AppealResult, ...AppealResult[]]);

const appealDecisionsSchema = z
  .strictObject({
    counts: z.partialRecord(safeKey(40), z.partialRecord(safeKey(40), z.number().int().min(0).max(MAX_DECISION_COUNT))),
    mapping: z.partialRecord(safeKey(80), appealResultSchema).optional(),
  })
  .refine(
    (d) =>
      Object.entries(d.counts).every(([group, counts]) => Object.keys(counts ?? {}).every((id) => knownDecision(group, id))) &&
      Object.keys(d.mapping ?? {}).every((key) => {
        const [group = '', decision = ''] = key.split('.');
        return knownDecision(group, decision);
      }),
    { message: '行政复议、行政诉讼的决定类型未知' },
  );

export const ReportSchema = z
  .strictObject({
    format: formatIdSchema,
    year: yearSchema,
    organ: z.string().max(MAX_SHORT_TEXT),
    preface: narrativeSchema,
    sections: z.record(sectionKeySchema, narrativeSchema),
    cells: z
      .record(cellIdSchema, cellEntrySchema)
      .refine((cells) => Object.keys(cells).length <= MAX_CELLS, { message: '单元格过多' }),
    acknowledgements: z.record(safeKey(500), acknowledgementSchema),
    lastYear: lastYearSchema.optional(),
    dateLine: z.string().max(MAX_SHORT_TEXT).optional(),
    organKind: z.enum(ORGAN_KINDS as [OrganKind, ...OrganKind[]]).optional(),
    appealDecisions: appealDecisionsSchema.optional(),
  })
  .superRefine((report, ctx) => {
    const stray = unknownCells(Object.keys(report.cells), report.format);
    if (stray.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['cells'], message: `格式中没有这些单元格：${stray.slice(0, 5).join('、')}` });
    }
    if (report.lastYear) {
      const strayLast = unknownCells(Object.keys(report.lastYear.values), report.lastYear.format);
      if (strayLast.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['lastYear', 'values'],
          message: `上年格式中没有这些单元格：${strayLast.slice(0, 5).join('、')}`,
        });
      }
      const wild = outOfRange(report.lastYear.values, report.lastYear.format);
      if (wild.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['lastYear', 'values', wild[0]!],
          message: `上年数值超出该单元格可填写的范围：${wild.slice(0, 5).join('、')}`,
        });
      }
    }
  });

// The schema must produce exactly the model type, or files and the bridge lie.
const _reportSchemaMatchesModel: z.ZodType<Report> = ReportSchema;
