/**
 * The registry of official formats and derived lookups over a definition
 * (cell lists, labels, which cells are computed). Lookups are built once
 * per format and cached: the checks run on every keystroke.
 */
import { GOV2019 } from './gov2019.ts';
import { GOV2021 } from './gov2021.ts';
import type { ColumnDef, FormatDefinition, FormatId, RowDef, SumRule, TableDef } from './types.ts';

export * from './types.ts';

export const FORMATS: Readonly<Record<FormatId, FormatDefinition>> = { gov2019: GOV2019, gov2021: GOV2021 };
export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

export function getFormat(id: FormatId): FormatDefinition {
  return FORMATS[id];
}

export function isFormatId(id: string): id is FormatId {
  return Object.hasOwn(FORMATS, id);
}

/** The format the law prescribes for a report on `year` (2019–2020: gov2019; 2021 on: gov2021). */
export function formatForYear(year: number): FormatId {
  const fits = FORMAT_IDS.map((id) => FORMATS[id]).filter(
    (f) => year >= f.firstYear && (f.lastYear === undefined || year <= f.lastYear),
  );
  const chosen = fits[0] ?? (year < GOV2019.firstYear ? GOV2019 : GOV2021);
  return chosen.id;
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
  const format = FORMATS[id];
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
