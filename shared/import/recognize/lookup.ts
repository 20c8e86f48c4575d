/**
 * Every label a format prints — captions, headers, row labels, notes — made
 * into candidates for fuzzy matching, once per format.
 */
import { FORMAT_IDS, getFormat } from '../../formats/index.ts';
import type { FormatDefinition, FormatId, RowDef, TableDef } from '../../formats/types.ts';
import { bestMatch, normalizeLabel, type LabelCandidate } from '../labels.ts';

/** Where a printed row label leads: a row, or a group of rows printed as one row. */
export interface RowTarget {
  table: TableDef;
  row?: RowDef;
  /** Set when the label names a group (e.g. （六）其他处理) instead of one of its rows. */
  group?: string;
}

export interface FormatLookup {
  format: FormatDefinition;
  rows: LabelCandidate<RowTarget>[];
  captions: LabelCandidate<TableDef>[];
  /** Header labels that identify one table (groups, column labels, notes). */
  headers: LabelCandidate<TableDef>[];
  /** Notes printed above a table, which are not prose when they appear as paragraphs. */
  notes: LabelCandidate<TableDef>[];
  /**
   * Normalized labels only this format prints: the evidence that a table
   * follows it. Longer ones also count as the start of a header cell that
   * adds a unit (采购总金额（单位：万元）).
   */
  distinct: { has(label: string): boolean; prefixes: string[] };
}

function tableLabels(table: TableDef): string[] {
  const labels = [table.caption, table.rowHeader, table.note].filter((l): l is string => !!l);
  for (const column of table.columns) labels.push(column.label, ...(column.groups ?? []));
  for (const row of table.rows) labels.push(row.label, ...(row.aliases ?? []), ...(row.groups ?? []));
  return labels.map(normalizeLabel).filter((l) => l !== '');
}

/** A group's catch-all row (the format marks it), where a group printed as a single row belongs. */
function catchAll(members: RowDef[]): RowDef | undefined {
  return members.find((row) => row.catchAll);
}

function buildLookup(format: FormatDefinition, others: FormatDefinition[]): FormatLookup {
  const rows: LabelCandidate<RowTarget>[] = [];
  const captions: LabelCandidate<TableDef>[] = [];
  const headers: LabelCandidate<TableDef>[] = [];
  const notes: LabelCandidate<TableDef>[] = [];
  for (const table of format.tables) {
    if (table.caption) captions.push({ key: normalizeLabel(table.caption), value: table });
    if (table.note) notes.push({ key: normalizeLabel(table.note), value: table });
    for (const column of table.columns) {
      for (const label of [column.label, ...(column.groups ?? [])]) headers.push({ key: normalizeLabel(label), value: table });
    }
    const rowKeys = new Set<string>();
    for (const row of table.rows) {
      if (!row.label) continue;
      const target: RowTarget = { table, row };
      const inner = row.groups?.at(-1);
      for (const label of [row.label, ...(row.aliases ?? [])]) {
        for (const text of inner ? [label, inner + label] : [label]) {
          const key = normalizeLabel(text);
          rowKeys.add(key);
          rows.push({ key, value: target });
        }
      }
    }
    const groups = new Map<string, RowDef[]>();
    for (const row of table.rows) {
      if ((row.groups?.length ?? 0) < 2) continue;
      const inner = row.groups!.at(-1)!;
      groups.set(inner, [...(groups.get(inner) ?? []), row]);
    }
    for (const [group, members] of groups) {
      const key = normalizeLabel(group);
      if (rowKeys.has(key)) continue;
      const row = catchAll(members);
      rows.push({ key, value: row ? { table, row, group } : { table, group } });
    }
  }
  const own = new Set(format.tables.flatMap(tableLabels));
  const foreign = new Set(others.flatMap((f) => f.tables.flatMap(tableLabels)));
  const distinct = new Set([...own].filter((l) => !foreign.has(l)));
  return {
    format,
    rows,
    captions,
    headers: [...headers, ...notes],
    notes,
    distinct: { has: (label) => distinct.has(label), prefixes: [...distinct].filter((l) => l.length >= 4) },
  };
}

const lookups = new Map<FormatId, FormatLookup>();

export function lookupFor(id: FormatId): FormatLookup {
  let lookup = lookups.get(id);
  if (!lookup) {
    lookup = buildLookup(
      getFormat(id),
      FORMAT_IDS.filter((other) => other !== id).map((other) => getFormat(other)),
    );
    lookups.set(id, lookup);
  }
  return lookup;
}

export function formatName(format: FormatDefinition): string {
  return `${format.firstYear}年版格式（${format.source}）`;
}

/** The table a caption (第二十条第（一）项) names; captions are short, prose is not compared. */
export function captionOf(text: string, lookup: FormatLookup): TableDef | undefined {
  return text.length <= 40 ? bestMatch(text, lookup.captions)?.value : undefined;
}
