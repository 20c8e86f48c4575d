/**
 * The registry of official formats and derived lookups over a definition
 * (cell lists, labels, which cells are computed). Lookups are built once
 * per format and cached: the checks run on every keystroke.
 */
import { GOV2019 } from './gov2019.ts';
import { GOV2021 } from './gov2021.ts';
import type { ColumnDef, FormatDefinition, FormatId, RowDef, SumRule, TableDef } from './types.ts';

export * from './types.ts';

/**
 * The registered formats by id, and their ids ordered by first year (the
 * last is the current format). Both grow only through registerFormat.
 */
export const FORMATS: Readonly<Record<'gov2019' | 'gov2021', FormatDefinition> & Partial<Record<FormatId, FormatDefinition>>> = {
  gov2019: GOV2019,
  gov2021: GOV2021,
};
export const FORMAT_IDS: readonly FormatId[] = [GOV2019.id, GOV2021.id];

const FORMAT_ID = /^[a-z][a-z0-9_]{1,30}$/;

/**
 * Adds a format: after this, files, the checks, the importers and the
 * exporters know it. A new official revision registers itself here, with its
 * year range, its notice and its carry-over from its predecessor; register
 * before the first report in it is read.
 */
export function registerFormat(format: FormatDefinition): void {
  if (!FORMAT_ID.test(format.id)) throw new Error(`format id ${format.id} is not a lower-case identifier`);
  if (isFormatId(format.id)) throw new Error(`format ${format.id} is already registered`);
  (FORMATS as Partial<Record<FormatId, FormatDefinition>>)[format.id] = format;
  const ids = FORMAT_IDS as FormatId[];
  ids.push(format.id);
  ids.sort((a, b) => (FORMATS[a]?.firstYear ?? 0) - (FORMATS[b]?.firstYear ?? 0));
}

export function getFormat(id: FormatId): FormatDefinition {
  const format = isFormatId(id) ? FORMATS[id] : undefined;
  if (!format) throw new Error(`unknown format ${id}`);
  return format;
}

export function isFormatId(id: string): id is FormatId {
  return Object.hasOwn(FORMATS, id);
}

/** The format in force now: the one with the latest first year. */
export function currentFormat(): FormatDefinition {
  return getFormat(FORMAT_IDS[FORMAT_IDS.length - 1] ?? GOV2021.id);
}

/**
 * The format the law prescribes for a report on `year`: the latest-starting
 * format whose year range holds it (2019–2020: gov2019; 2021 on: gov2021);
 * before every range, the earliest.
 */
export function formatForYear(year: number): FormatId {
  const formats = FORMAT_IDS.map(getFormat);
  const fits = formats.filter((f) => year >= f.firstYear && (f.lastYear === undefined || year <= f.lastYear));
  const chosen = fits.at(-1) ?? (year < (formats[0]?.firstYear ?? 0) ? formats[0] : currentFormat());
  return (chosen ?? currentFormat()).id;
}

export interface CellInfo {
  id: string;
  table: TableDef;
  row: RowDef;
  column: ColumnDef;
  /** Human label for messages, e.g. 第二十条第（一）项·规章·本年制发件数 or （七）总计·自然人. */
  label: string;
  /** Set when the cell is the target of a sum rule: the editor computes it. */
  computedBy?: SumRule;
  /** With computedBy: the ids of the cells the rule adds up, in its order. */
  partIds?: readonly string[];
}

export interface FormatIndex {
  format: FormatDefinition;
  tables: ReadonlyMap<string, TableDef>;
  /** Every cell of the format in document order. */
  cells: readonly CellInfo[];
  cellById: ReadonlyMap<string, CellInfo>;
}

export function cellId(table: string, row: string, column: string): string {
  return `${table}.${row}.${column}`;
}

export function splitCellId(id: string): { table: string; row: string; column: string } | undefined {
  const parts = id.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[a-z0-9_]+$/.test(p))) return undefined;
  const [table, row, column] = parts as [string, string, string];
  return { table, row, column };
}

function columnLabel(column: ColumnDef): string {
  // 申请人情况 heads every column of 三 and says nothing on its own.
  const groups = (column.groups ?? []).filter((g) => g !== '申请人情况' && g !== '法人或其他组织');
  return [...groups, column.label].join('·');
}

function cellLabel(table: TableDef, row: RowDef, column: ColumnDef): string {
  const parts: string[] = [];
  if (table.caption) parts.push(table.caption);
  if (row.shortLabel) parts.push(row.shortLabel);
  parts.push(columnLabel(column));
  return parts.join('·');
}

const indexes = new Map<FormatId, FormatIndex>();

export function formatIndex(id: FormatId): FormatIndex {
  const cached = indexes.get(id);
  if (cached) return cached;
  const format = getFormat(id);
  const tables = new Map(format.tables.map((t) => [t.id, t]));
  const computed = new Map<string, SumRule>();
  for (const rule of format.sums) {
    const table = tables.get(rule.table);
    if (!table) throw new Error(`sum rule ${rule.id} names unknown table ${rule.table}`);
    const across = rule.across ?? (rule.direction === 'row' ? table.rows : table.columns).map((x) => x.id);
    for (const other of across) {
      const id = rule.direction === 'row' ? cellId(table.id, other, rule.target) : cellId(table.id, rule.target, other);
      if (!computed.has(id)) computed.set(id, rule);
    }
  }
  const cells: CellInfo[] = [];
  for (const section of format.sections) {
    for (const tableId of section.tables) {
      const table = tables.get(tableId);
      if (!table) throw new Error(`section ${section.key} names unknown table ${tableId}`);
      for (const row of table.rows) {
        for (const column of table.columns) {
          const id = cellId(table.id, row.id, column.id);
          const info: CellInfo = { id, table, row, column, label: cellLabel(table, row, column) };
          const rule = computed.get(id);
          if (rule) {
            info.computedBy = rule;
            info.partIds = rule.parts.map((part) =>
              rule.direction === 'row' ? cellId(table.id, row.id, part) : cellId(table.id, part, column.id),
            );
          }
          cells.push(info);
        }
      }
    }
  }
  const index: FormatIndex = { format, tables, cells, cellById: new Map(cells.map((c) => [c.id, c])) };
  indexes.set(id, index);
  return index;
}
