/**
 * Per-format expansion of the declared rules into concrete cell equations,
 * built once per format id: checkReport runs on every keystroke.
 */
import { SECTION_KEYS, formatIndex, type CellInfo, type FormatIndex } from '../formats/index.ts';
import type { BalanceRule, ColumnDef, FormatId, ProseNumberRule, RowDef, SectionDef, SectionKey, SumRule, TableDef } from '../formats/types.ts';

export interface SumEquation {
  rule: SumRule;
  target: CellInfo;
  parts: readonly string[];
  /** Every rule that totals this cell (the corner of a table is both a row and a column total), the computing one first. */
  rules: { rule: SumRule; parts: readonly string[] }[];
}

export interface BalanceEquation {
  rule: BalanceRule;
  section: SectionKey;
  column: ColumnDef;
  left: string[];
  right: string[];
  /** e.g. 第一项加第二项之和 */
  leftText: string;
  /** e.g. 第三项（七）总计加第四项之和 */
  rightText: string;
}

export interface TableInputs {
  table: TableDef;
  /** The table as named in messages: its caption, or its section heading. */
  name: string;
  /** Cells the clerk fills in (not computed), in document order. */
  inputs: string[];
  /** The same cells by row, for rows a published report leaves out. */
  rows: { label: string; inputs: string[] }[];
}

/** A signed change column and the count it changes, in one row (上一年项目数量 + 本年增/减). */
export interface SignedPair {
  base: CellInfo;
  change: CellInfo;
}

export interface CompiledProseNumber {
  rule: ProseNumberRule;
  regex: RegExp;
}

export type NarrativeKey = SectionKey | 'preface';

export interface CompiledFormat {
  index: FormatIndex;
  sums: SumEquation[];
  balances: BalanceEquation[];
  tables: TableInputs[];
  amounts: CellInfo[];
  signedPairs: SignedPair[];
  proseNumbers: CompiledProseNumber[];
  /** Section headings for messages, e.g. 一、总体情况. */
  sectionNames: Record<NarrativeKey, string>;
  /** Each section's definition, with the rules on its prose. */
  sections: ReadonlyMap<NarrativeKey, SectionDef>;
}

const NUMERAL_ITEM = /^([一二三四五六七八九十]+)、/;

/** How the 勾稽 note names a row: 第一项, or 第三项（七）总计 for a row inside item 三. */
function balanceTermName(row: RowDef): string {
  const outer = row.groups?.[0] ?? row.label;
  const numeral = NUMERAL_ITEM.exec(outer)?.[1];
  if (!numeral) return row.shortLabel;
  return row.groups?.length ? `第${numeral}项${row.shortLabel}` : `第${numeral}项`;
}

function balanceSide(table: TableDef, rows: string[]): string {
  const names = rows.map((id) => {
    const row = table.rows.find((r) => r.id === id);
    if (!row) throw new Error(`balance names unknown row ${table.id}.${id}`);
    return balanceTermName(row);
  });
  return names.length > 1 ? `${names.join('加')}之和` : (names[0] ?? '');
}

function compile(id: FormatId): CompiledFormat {
  const index = formatIndex(id);
  const { format } = index;
  const table = (tableId: string): TableDef => {
    const t = index.tables.get(tableId);
    if (!t) throw new Error(`rule names unknown table ${tableId}`);
    return t;
  };

  const rulesOf = new Map<string, { rule: SumRule; parts: string[] }[]>();
  for (const rule of format.sums) {
    const t = table(rule.table);
    const across = rule.across ?? (rule.direction === 'row' ? t.rows : t.columns).map((x) => x.id);
    for (const other of across) {
      const [row, column] = rule.direction === 'row' ? [other, rule.target] : [rule.target, other];
      const parts = rule.parts.map((part) => (rule.direction === 'row' ? `${t.id}.${row}.${part}` : `${t.id}.${part}.${column}`));
      const id = `${t.id}.${row}.${column}`;
      rulesOf.set(id, [...(rulesOf.get(id) ?? []), { rule, parts }]);
    }
  }
  const sums: SumEquation[] = [];
  for (const info of index.cells) {
    const rule = info.computedBy;
    if (!rule || !info.partIds) continue;
    const others = (rulesOf.get(info.id) ?? []).filter((r) => r.rule !== rule);
    sums.push({ rule, target: info, parts: info.partIds, rules: [{ rule, parts: info.partIds }, ...others] });
  }

  const balances: BalanceEquation[] = format.balances.flatMap((rule) => {
    const t = table(rule.table);
    const leftText = balanceSide(t, rule.left);
    const rightText = balanceSide(t, rule.right);
    const columns = rule.across ? t.columns.filter((c) => rule.across?.includes(c.id)) : t.columns;
    return columns.map((column) => ({
      rule,
      section: t.section,
      column,
      left: rule.left.map((r) => `${t.id}.${r}.${column.id}`),
      right: rule.right.map((r) => `${t.id}.${r}.${column.id}`),
      leftText,
      rightText,
    }));
  });

  const sectionNames = { preface: '前言' } as Record<NarrativeKey, string>;
  for (const s of format.sections) sectionNames[s.key] = `${s.key}、${s.title}`;
  for (const key of SECTION_KEYS) sectionNames[key] ??= key;

  const tables: TableInputs[] = format.sections.flatMap((s) =>
    s.tables.map((tableId) => {
      const t = table(tableId);
      const cells = index.cells.filter((c) => c.table === t && !c.computedBy);
      const rows = t.rows
        .map((row) => ({ label: row.shortLabel || row.label, inputs: cells.filter((c) => c.row === row).map((c) => c.id) }))
        .filter((row) => row.inputs.length > 0);
      return { table: t, name: t.caption ?? sectionNames[s.key], inputs: cells.map((c) => c.id), rows };
    }),
  );

  const amounts = index.cells.filter((c) => c.column.kind === 'amount');

  const signedPairs: SignedPair[] = [];
  for (const info of index.cells) {
    if (info.column.kind !== 'signedCount') continue;
    const columns = info.table.columns;
    const base = columns[columns.indexOf(info.column) - 1];
    const baseInfo = base && index.cellById.get(`${info.table.id}.${info.row.id}.${base.id}`);
    if (baseInfo && base.kind === 'count') signedPairs.push({ base: baseInfo, change: info });
  }

  const proseNumbers = format.proseNumbers.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'g') }));

  const sections = new Map<NarrativeKey, SectionDef>(format.sections.map((s) => [s.key, s]));

  return { index, sums, balances, tables, amounts, signedPairs, proseNumbers, sectionNames, sections };
}

const cache = new Map<FormatId, CompiledFormat>();

export function compiledFormat(id: FormatId): CompiledFormat {
  let compiled = cache.get(id);
  if (!compiled) {
    compiled = compile(id);
    cache.set(id, compiled);
  }
  return compiled;
}
