/** The official tables: rows found by their labels, values assigned to columns without guessing. */
import { formatIndex, getFormat } from '../../formats/index.ts';
import type { FormatId, TableDef } from '../../formats/types.ts';
import { parseCellValue, type NormalizationNote } from '../../model/parseCellValue.ts';
import type { Report } from '../../model/report.ts';
import { bestMatch, normalizeLabel } from '../labels.ts';
import type { BlockCell, ImportReport } from '../types.ts';
import type { HeadingsFound } from './headings.ts';
import { isBlank, isValueText, type Item, type Phase } from './items.ts';
import { captionOf, formatName, lookupFor, type FormatLookup, type RowTarget } from './lookup.ts';

interface RowRead {
  target: RowTarget;
  label: string;
  values: BlockCell[];
}

interface TableScan {
  reads: Map<TableDef, RowRead[]>;
  /** The label that first identified each table. */
  identified: Map<TableDef, string>;
  /** Amount columns whose printed header gives the unit as 元 instead of 万元. */
  yuanHeaders: Set<string>;
}

function labelRegion(cells: BlockCell[]): { textual: number[] } {
  const textual: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i]!.text;
    if (isBlank(text)) continue;
    if (isValueText(text)) break;
    textual.push(i);
  }
  return { textual };
}

function scanTables(
  items: Item[],
  { at: headings, extra }: HeadingsFound,
  lookup: FormatLookup,
  matchRow: (text: string) => RowTarget | undefined,
): TableScan {
  const reads = new Map<TableDef, RowRead[]>();
  const yuanHeaders = new Set<string>();
  const identified = new Map<TableDef, string>();
  let context: TableDef | undefined;
  // Inside a section the formats do not have: its own tables are no official table.
  let inExtra = false;
  const identify = (table: TableDef, label: string): void => {
    context = table;
    if (!identified.has(table)) identified.set(table, label.trim());
  };
  const add = (read: RowRead): void => {
    const list = reads.get(read.target.table) ?? [];
    list.push(read);
    reads.set(read.target.table, list);
  };

  items.forEach((item, i) => {
    if (item.kind === 'paragraph') {
      if (headings.has(i) || extra.has(i)) {
        context = undefined;
        inExtra = extra.has(i);
      }
      if (inExtra) return;
      const caption = captionOf(item.text, lookup);
      if (caption) identify(caption, item.text);
      return;
    }
    const cells = item.cells;
    const { textual } = labelRegion(cells);
    let done = false;
    for (let k = textual.length - 1; k >= 0 && !done; k--) {
      const index = textual[k]!;
      const target = matchRow(cells[index]!.text);
      if (!target) continue;
      if (!identified.has(target.table)) identified.set(target.table, cells[index]!.text.trim());
      context = target.table;
      add({ target, label: cells[index]!.text.trim(), values: cells.slice(index + 1).filter((c) => c.continuation !== 'left') });
      done = true;
    }
    if (done || inExtra) return;
    if (textual.length > 0) {
      for (const column of context?.columns ?? []) {
        if (column.kind !== 'amount') continue;
        const header = textual.map((i) => cells[i]!.text).find((t) => normalizeLabel(t).startsWith(normalizeLabel(column.label)));
        if (header && /(?<!万)元/.test(header)) yuanHeaders.add(`${context!.caption ?? context!.id}的“${column.label}”`);
      }
      for (const index of textual) {
        const text = cells[index]!.text;
        const caption = captionOf(text, lookup);
        if (caption) {
          identify(caption, text);
          break;
        }
        const header = bestMatch(text, lookup.headers);
        if (header && header.value !== context) {
          identify(header.value, text);
          break;
        }
      }
      return;
    }
    // A row of bare values belongs to a table whose only row has no label (四).
    const only = context?.rows.length === 1 && context.rows[0]!.label === '' ? context : undefined;
    const values = cells.filter((c) => c.continuation !== 'left');
    // An all-blank row is the data row only when it has a cell for every column (a blank form).
    if (only && !reads.has(only) && (values.some((c) => !isBlank(c.text)) || values.length >= only.columns.length)) {
      add({ target: { table: only, row: only.rows[0]! }, label: '', values });
    }
  });
  return { reads, identified, yuanHeaders };
}

function rowName(read: RowRead): string {
  const { table, row, group } = read.target;
  const what = group && row?.label !== read.label ? group : (row?.shortLabel ?? group ?? '');
  const prefix = `${table.section}、${table.caption ?? ''}`;
  return what ? `${prefix}“${what}”一行` : `${prefix}表格数据行`;
}

/**
 * The values a row prints, one per column, or a reason why they cannot be
 * assigned without guessing. A blank right after the label is a spacer when
 * some row of the same table needs it to be one (it prints more cells than
 * columns); trailing blanks beyond the columns are unused grid cells.
 */
function fitValues(values: BlockCell[], columns: number, spacer: boolean): BlockCell[] | { count: number } {
  let fitted = values;
  if (spacer && fitted.length > 0 && isBlank(fitted[0]!.text)) fitted = fitted.slice(1);
  while (fitted.length > columns && isBlank(fitted.at(-1)!.text)) fitted = fitted.slice(0, -1);
  while (fitted.length > columns && isBlank(fitted[0]!.text)) fitted = fitted.slice(1);
  if (fitted.length > columns && columns === 1 && fitted.every((v) => v.text.trim() === fitted[0]!.text.trim())) {
    fitted = fitted.slice(0, 1);
  }
  return fitted.length === columns ? fitted : { count: fitted.length };
}

const NOTE_TEXT: Record<NormalizationNote, (unit: string | undefined) => string> = {
  fullwidth: () => '全角字符已转为半角',
  separators: () => '去掉千位分隔符或空格',
  unit: (unit) => `去掉单位“${unit ?? ''}”`,
  yuanToWan: () => '由元换算为万元',
  zeroWord: () => '按0读取',
  rounded: () => '四舍五入保留4位小数',
  zeroDecimals: () => '小数点后均为0，按整数读取',
};

/** What the tables gave: the cells, and the table part of the import report. */
export type TablesRead = { cells: Report['cells'] } & Pick<
  ImportReport,
  'tablesFound' | 'tablesMissing' | 'cellsRead' | 'blankCells' | 'normalized' | 'invalidCells'
>;

export function recognizeTables(items: Item[], headings: HeadingsFound, formatId: FormatId): Phase<TablesRead> {
  const notes: string[] = [];
  const lookup = lookupFor(formatId);
  const rowCache = new Map<string, RowTarget | undefined>();
  const matchRow = (text: string): RowTarget | undefined => {
    const key = normalizeLabel(text);
    if (!rowCache.has(key)) rowCache.set(key, key.length > 80 ? undefined : bestMatch(text, lookup.rows)?.value);
    return rowCache.get(key);
  };
  const scan = scanTables(items, headings, lookup, matchRow);
  const index = formatIndex(formatId);
  const read: TablesRead = {
    cells: {},
    tablesFound: [],
    tablesMissing: [],
    cellsRead: 0,
    blankCells: [],
    normalized: [],
    invalidCells: [],
  };
  for (const table of lookup.format.tables) {
    const reads = scan.reads.get(table) ?? [];
    if (reads.length === 0) {
      read.tablesMissing.push(table.id);
      notes.push(`未找到${table.section}、${table.caption ?? getFormat(formatId).sections.find((s) => s.key === table.section)!.title}的表格数据`);
      continue;
    }
    read.tablesFound.push({ table: table.id, matchedBy: scan.identified.get(table) ?? reads[0]!.label });
    const columns = table.columns.length;
    const spacer = reads.some((r) => r.values.length > columns && isBlank(r.values[0]!.text));
    const seen = new Set<string>();
    const attempted = new Set<string>();
    for (const rowRead of reads) {
      const row = rowRead.target.row;
      if (row) attempted.add(row.id);
      if (!row) {
        notes.push(`${rowName(rowRead)}没有分项，无法对应到表格中的具体行，未导入该行，请核对`);
        continue;
      }
      if (seen.has(row.id)) {
        notes.push(`${rowName(rowRead)}出现了不止一次，只导入了第一次出现的数值`);
        continue;
      }
      const fitted = fitValues(rowRead.values, columns, spacer);
      if (!Array.isArray(fitted)) {
        const how = fitted.count < columns ? '只有' : '有';
        notes.push(`${rowName(rowRead)}${how} ${fitted.count} 个数值（应为 ${columns} 个），未导入该行，请核对`);
        continue;
      }
      seen.add(row.id);
      // A value merged down from the row above is that row's: counted once. Zero is exact in both.
      let merged = false;
      const texts = fitted.map((cell) => {
        const parsed = cell.continuation === 'above' ? parseCellValue(cell.text, 'amount') : undefined;
        if (parsed?.status !== 'number' || parsed.value === 0) return cell.text;
        merged = true;
        return '';
      });
      if (merged) notes.push(`${rowName(rowRead)}的数值与上一行合并为一格，只计入上一行，本行按空白导入，请核对`);
      if (rowRead.target.group) {
        notes.push(
          `${table.section}、表中“${rowRead.target.group}”只有一行，这是2019年版格式的写法；其数值已导入“${row.shortLabel}”，请按${formatName(getFormat(formatId))}分项填写`,
        );
      }
      table.columns.forEach((column, c) => {
        const id = `${table.id}.${row.id}.${column.id}`;
        const raw = texts[c]!.trim();
        read.cells[id] = { raw, source: 'imported' };
        const parsed = parseCellValue(raw, column.kind);
        if (parsed.status === 'blank') read.blankCells.push(id);
        else read.cellsRead++;
        if (parsed.status === 'invalid') read.invalidCells.push({ cell: id, raw, message: parsed.message });
        if (parsed.status === 'number' && parsed.notes.length > 0) {
          read.normalized.push({
            cell: id,
            raw,
            value: parsed.value,
            note: parsed.notes.map((n) => NOTE_TEXT[n](parsed.unit)).join('；'),
          });
        }
      });
    }
    for (const row of table.rows) {
      if (attempted.has(row.id)) continue;
      const info = index.cellById.get(`${table.id}.${row.id}.${table.columns[0]!.id}`)!;
      notes.push(`${table.section}、表中未找到“${row.shortLabel || info.label}”一行的数值`);
    }
  }
  for (const column of scan.yuanHeaders) notes.push(`${column}表头注明单位为元，金额按原样导入、未换算为万元，请核对`);
  return { value: read, notes };
}
