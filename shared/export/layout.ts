/**
 * The printed shape of a report, read from its format definition: title,
 * headings with their numerals, paragraphs, and every table as a grid of
 * merged cells. The Word, HTML and text exporters and the print view all draw
 * this one layout, so a merge or a width is decided here once.
 */
import { formatIndex } from '../formats/index.ts';
import type { ColumnDef, FormatId, RowDef, SectionKey, TableDef } from '../formats/types.ts';
import { formatCellNumber } from '../model/parseCellValue.ts';
import { APPEAL_DECISIONS, APPEAL_RESULTS, resultCell } from '../formats/appealDecisions.ts';
import { mappingText, rollUpDecisions } from '../model/decisions.ts';
import { reportTitle, type Provenance, type Report } from '../model/report.ts';
import { evaluateReport, type CellValue } from '../model/values.ts';

export type CellRole =
  /** A caption row spanning the table, e.g. 第二十条第（一）项. */
  | 'caption'
  /** The top-left cell over the label columns, e.g. 信息内容. */
  | 'corner'
  /** The format's note held in an otherwise empty corner, as the official 三 has its 勾稽 note. */
  | 'note'
  /** A column header or header group. */
  | 'header'
  /** A label cell spanning several rows, e.g. 三、本年度办理结果. */
  | 'group'
  | 'label'
  | 'value'
  /** Grid positions an item with fewer value columns leaves empty. */
  | 'filler';

export interface LayoutCell {
  role: CellRole;
  text: string;
  /** Grid column the cell starts in. */
  col: number;
  colSpan: number;
  rowSpan: number;
  /** Value cells: the format's cell id and where the printed value came from. */
  cellId?: string;
  provenance?: Provenance;
}

export interface LayoutRow {
  kind: 'caption' | 'header' | 'data';
  /** Cells starting in this row, left to right; positions covered by a merge from above are absent. */
  cells: LayoutCell[];
}

export interface TableLayout {
  /** Ids of the format tables drawn in this grid (several for the caption-row tables of 二). */
  tables: string[];
  columnWidthsMm: number[];
  /** Leading rows to repeat on each page; 0 where headers recur inside the table. */
  repeatHeaderRows: number;
  rows: LayoutRow[];
  /** A note printed above the table when the grid has no empty corner to hold it. */
  note?: string;
}

export interface ParagraphLayout {
  /** subheading: a short line such as （一）主动公开情况 on its own. */
  kind: 'body' | 'subheading';
  text: string;
  /** Characters of a body paragraph's run-in heading, e.g. （一）主动公开情况。 leading the text. */
  runInLength?: number;
}

export interface SectionLayout {
  key: SectionKey;
  /** With its official numeral, e.g. 一、总体情况. */
  heading: string;
  paragraphs: ParagraphLayout[];
  tables: TableLayout[];
}

export interface FindingsSheetLayout {
  title: string;
  /** Names the report the sheet goes with. */
  subtitle: string;
  /** Each explained warning, in the order of the findings. */
  items: { message: string; explanation: string }[];
  /** 序号 | 检查提示 | 情况说明; null when no warning was explained. */
  table: TableLayout | null;
  /** Printed when there is no table. */
  empty: string;
}

export interface ReportLayout {
  title: string;
  /** The title broken where a reader pauses (after the organ) when it is too long for one line of 二号 type. */
  titleLines: string[];
  preface: ParagraphLayout[];
  sections: SectionLayout[];
  /** Organ and date under the text, when the report has a date line. */
  signature?: { organ: string; date: string };
  findings?: FindingsSheetLayout;
}

/** The part of a checks finding the findings sheet needs; the checks module's Finding fits it. */
export interface FindingNote {
  key: string;
  message: string;
}

export interface LayoutOptions {
  /** Print blank cells as 0 (the clerk's one-click choice: blank means none). */
  blankAsZero?: boolean;
  /** Width of each merged group label column, e.g. the one holding 三、本年度办理结果. */
  groupColumnMm?: number;
  /** Findings of the checks; the acknowledged ones go on a 检查说明 sheet. */
  findings?: readonly FindingNote[];
  /** Amounts with exactly four decimals (1.5000); unset, where the column's header asks for it (保留4位小数). */
  fourDecimalAmounts?: boolean;
}

/** Three characters of 五号 type and the cell margins, so a tall group label wraps evenly. */
const DEFAULT_GROUP_COLUMN_MM = 14;

/** What a value cell prints: the stated value, a total nobody typed as computed, blank as blank. */
export function cellText(value: CellValue, blankAsZero: boolean, fourDecimals = false): string {
  const { parsed } = value;
  // Stated amounts have at most four decimals, so toFixed only pads (and hides a total's float noise).
  if (value.value !== null) return fourDecimals ? value.value.toFixed(4) : formatCellNumber(value.value);
  // Not applicable and unreadable text are printed as the clerk wrote them.
  if (parsed.status === 'na' || parsed.status === 'invalid') return (value.raw ?? '').trim();
  return blankAsZero ? '0' : '';
}

function columnHeader(column: ColumnDef): string {
  return column.unit ? `${column.label}（单位：${column.unit}）` : column.label;
}

/** Whether a column's amounts print with four decimals: as asked, else as its header says. */
export function printsFourDecimals(column: ColumnDef, asked: boolean | undefined): boolean {
  return column.kind === 'amount' && (asked ?? /保留4位小数|保留四位小数/.test(columnHeader(column)));
}

/** Whether a format's headers ask for amounts to four decimals: the export dialog's default for the option. */
export function asksFourDecimals(format: FormatId): boolean {
  return formatIndex(format).format.tables.some((t) => t.columns.some((c) => printsFourDecimals(c, undefined)));
}

function labelLevels(def: TableDef): number {
  if (def.rowHeaderWidthMm === 0) return 0;
  return Math.max(1, ...def.rows.map((r) => (r.groups?.length ?? 0) + 1));
}

function headerLevels(def: TableDef): number {
  return Math.max(1, ...def.columns.map((c) => (c.groups?.length ?? 0) + 1));
}

function samePrefix(a: readonly string[] | undefined, b: readonly string[] | undefined, depth: number): boolean {
  for (let i = 0; i <= depth; i++) if (a?.[i] === undefined || a[i] !== b?.[i]) return false;
  return true;
}

interface Grid {
  labelColumns: number;
  valueColumns: number;
}

function headerRows(def: TableDef, grid: Grid): LayoutRow[] {
  const levels = headerLevels(def);
  const rows: LayoutRow[] = Array.from({ length: levels }, () => ({ kind: 'header', cells: [] }));
  const total = grid.labelColumns + grid.valueColumns;
  if (grid.labelColumns > 0) {
    const role = !def.rowHeader && def.note ? 'note' : 'corner';
    const text = def.rowHeader || def.note || '';
    rows[0]!.cells.push({ role, text, col: 0, colSpan: grid.labelColumns, rowSpan: levels });
  }
  // A single value column spans the grid's value columns, as in the official 二 tables.
  const spanAll = def.columns.length === 1 ? grid.valueColumns : 1;
  for (let level = 0; level < levels; level++) {
    const cells = rows[level]!.cells;
    let c = 0;
    while (c < def.columns.length) {
      const column = def.columns[c]!;
      const groups = column.groups ?? [];
      const col = grid.labelColumns + c;
      if (level < groups.length) {
        let span = 1;
        while (c + span < def.columns.length && samePrefix(groups, def.columns[c + span]!.groups, level)) span++;
        cells.push({ role: 'header', text: groups[level]!, col, colSpan: span, rowSpan: 1 });
        c += span;
        continue;
      }
      if (level === groups.length) {
        cells.push({ role: 'header', text: columnHeader(column), col, colSpan: spanAll, rowSpan: levels - level });
      }
      c++;
    }
  }
  const filled = grid.labelColumns + def.columns.length * spanAll;
  if (filled < total) rows[0]!.cells.push({ role: 'filler', text: '', col: filled, colSpan: total - filled, rowSpan: levels });
  return rows;
}

function dataRow(
  def: TableDef,
  index: number,
  grid: Grid,
  values: ReadonlyMap<string, CellValue>,
  options: LayoutOptions,
): LayoutRow {
  const row: RowDef = def.rows[index]!;
  const groups = row.groups ?? [];
  const cells: LayoutCell[] = [];
  if (grid.labelColumns > 0) {
    groups.forEach((group, level) => {
      // Only the first row of a run sharing this group prefix draws the merged cell.
      if (index > 0 && samePrefix(groups, def.rows[index - 1]!.groups, level)) return;
      let span = 1;
      while (index + span < def.rows.length && samePrefix(groups, def.rows[index + span]!.groups, level)) span++;
      cells.push({ role: 'group', text: group, col: level, colSpan: 1, rowSpan: span });
    });
    cells.push({ role: 'label', text: row.label, col: groups.length, colSpan: grid.labelColumns - groups.length, rowSpan: 1 });
  }
  const spanAll = def.columns.length === 1 ? grid.valueColumns : 1;
  def.columns.forEach((column, c) => {
    const id = `${def.id}.${row.id}.${column.id}`;
    const value = values.get(id);
    if (!value) throw new Error(`format has no cell ${id}`);
    cells.push({
      role: 'value',
      text: cellText(value, options.blankAsZero ?? false, printsFourDecimals(column, options.fourDecimalAmounts)),
      col: grid.labelColumns + c,
      colSpan: spanAll,
      rowSpan: 1,
      cellId: id,
      provenance: value.provenance,
    });
  });
  const filled = grid.labelColumns + def.columns.length * spanAll;
  const total = grid.labelColumns + grid.valueColumns;
  if (filled < total) cells.push({ role: 'filler', text: '', col: filled, colSpan: total - filled, rowSpan: 1 });
  return { kind: 'data', cells };
}

/**
 * One grid for one or several format tables. Several tables share the grid of
 * the widest (the four columns of 二): each brings its caption row and header
 * rows, so only a lone table repeats its headers on a new page.
 */
export function layoutTables(
  defs: readonly TableDef[],
  values: ReadonlyMap<string, CellValue>,
  options: LayoutOptions = {},
): TableLayout {
  if (defs.length === 0) throw new Error('no table to lay out');
  const groupMm = options.groupColumnMm ?? DEFAULT_GROUP_COLUMN_MM;
  const widest = defs.reduce((a, b) => (b.columns.length > a.columns.length ? b : a));
  const grid: Grid = {
    labelColumns: Math.max(...defs.map(labelLevels)),
    valueColumns: widest.columns.length,
  };
  const labelMm = Math.max(...defs.map((d) => d.rowHeaderWidthMm));
  const columnWidthsMm = [
    ...Array.from({ length: grid.labelColumns }, (_, i) =>
      i < grid.labelColumns - 1 ? groupMm : labelMm - groupMm * (grid.labelColumns - 1),
    ),
    ...widest.columns.map((c) => c.widthMm),
  ];
  const total = grid.labelColumns + grid.valueColumns;
  const rows: LayoutRow[] = [];
  let note: string | undefined;
  for (const def of defs) {
    if (def.caption) {
      rows.push({ kind: 'caption', cells: [{ role: 'caption', text: def.caption, col: 0, colSpan: total, rowSpan: 1 }] });
    }
    // The official grids hold the note in the empty corner; elsewhere it goes above.
    if (def.note && (grid.labelColumns === 0 || def.rowHeader)) note = def.note;
    rows.push(...headerRows(def, grid));
    def.rows.forEach((_, i) => rows.push(dataRow(def, i, grid, values, options)));
  }
  const leading = rows.findIndex((r) => r.kind === 'data');
  const layout: TableLayout = {
    tables: defs.map((d) => d.id),
    columnWidthsMm,
    repeatHeaderRows: defs.length === 1 ? leading : 0,
    rows,
  };
  if (note) layout.note = note;
  return layout;
}

/**
 * Rows before which a table may be cut in two with no label group but the
 * outermost continuing across the cut (so 三 is cut between its （三）–（六）
 * groups, never inside one). Indexes into `table.rows`, data rows only.
 */
export function cutPoints(table: TableLayout): number[] {
  const firstData = table.rows.findIndex((r) => r.kind === 'data');
  if (firstData < 0 || table.repeatHeaderRows === 0) return [];
  const blocked = new Set<number>();
  table.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.role !== 'group' || cell.col === 0) continue;
      for (let inner = r + 1; inner < r + cell.rowSpan; inner++) blocked.add(inner);
    }
  });
  const points: number[] = [];
  for (let r = firstData + 1; r < table.rows.length; r++) if (!blocked.has(r)) points.push(r);
  return points;
}

/**
 * The table as two tables cut before row `at`: the second repeats the header
 * rows, and a group label running across the cut is drawn again at the top of
 * the second, so each page shows the labels of the rows it holds.
 */
export function cutTable(table: TableLayout, at: number): [TableLayout, TableLayout] {
  if (at <= table.repeatHeaderRows || at >= table.rows.length) throw new Error(`cannot cut the table before row ${at}`);
  const carried: LayoutCell[] = [];
  const head = table.rows.slice(0, at).map((row, r) => ({
    ...row,
    cells: row.cells.map((cell) => {
      if (r + cell.rowSpan <= at) return cell;
      carried.push({ ...cell, rowSpan: r + cell.rowSpan - at });
      return { ...cell, rowSpan: at - r };
    }),
  }));
  const [first, ...rest] = table.rows.slice(at);
  const restarted: LayoutRow = { ...first!, cells: [...carried, ...first!.cells].sort((a, b) => a.col - b.col) };
  const second: TableLayout = { ...table, rows: [...table.rows.slice(0, table.repeatHeaderRows), restarted, ...rest] };
  delete second.note;
  return [{ ...table, rows: head }, second];
}

/** Consecutive captioned tables of a section share one grid; others stand alone. The editor draws the same grids. */
export function groupTables(defs: readonly TableDef[]): TableDef[][] {
  const groups: TableDef[][] = [];
  for (const def of defs) {
    const last = groups.at(-1);
    if (def.caption && last?.[0]?.caption) last.push(def);
    else groups.push([def]);
  }
  return groups;
}

const SUBHEADING = /^[（(][一二三四五六七八九十]+[）)]\S{1,24}$/;
/** A second-level heading ended by 。 with the paragraph running on after it. */
const RUN_IN_HEADING = /^[（(][一二三四五六七八九十]+[）)][^。；，：\s]{1,24}。(?=.)/;

function paragraphOf(line: string): ParagraphLayout {
  if (SUBHEADING.test(line) && !/[。；]$/.test(line)) return { kind: 'subheading', text: line };
  const runIn = RUN_IN_HEADING.exec(line);
  return runIn ? { kind: 'body', text: line, runInLength: runIn[0].length } : { kind: 'body', text: line };
}

/** Paragraphs of a narrative: one per line, indentation typed by hand removed (the exporters indent). */
export function paragraphs(text: string): ParagraphLayout[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''))
    .filter((line) => line !== '')
    .map(paragraphOf);
}

/** Display width in half-width units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code === 0x2014 ||
    (code >= 0x2018 && code <= 0x201d) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** 二号 type: 20 characters to the 156 mm line. */
const TITLE_LINE_WIDTH = 40;

function titleLines(title: string, organ: string): string[] {
  if (displayWidth(title) <= TITLE_LINE_WIDTH || !organ || !title.startsWith(organ)) return [title];
  return [organ, title.slice(organ.length)];
}

/** 四 entered by decision type: each group's counts, the mapping used and what it rolled up to. */
function decisionNotes(report: Report): { message: string; explanation: string }[] {
  const rolled = rollUpDecisions(report.appealDecisions);
  return APPEAL_DECISIONS.groups.flatMap((group) => {
    const counts = report.appealDecisions?.counts[group.id];
    const entered = group.decisions.filter((d) => counts?.[d.id] !== undefined);
    if (entered.length === 0) return [];
    const results = APPEAL_RESULTS.map((r) => `${r.label} ${rolled.find((c) => c.cell === resultCell(group.id, r.id))?.value ?? 0}`);
    return [
      {
        message: `${group.label}按决定类型填写，归类为：${mappingText(report.appealDecisions, group.id)}`,
        explanation: `${entered.map((d) => `${d.label} ${counts?.[d.id] ?? 0}`).join('，')}；汇总为${results.join('，')}`,
      },
    ];
  });
}

function findingsSheet(report: Report, title: string, findings: readonly FindingNote[]): FindingsSheetLayout {
  const seen = new Set<string>();
  const explained = findings.filter((f) => {
    if (!Object.hasOwn(report.acknowledgements, f.key) || seen.has(f.key)) return false;
    seen.add(f.key);
    return true;
  });
  const header: LayoutRow = {
    kind: 'header',
    cells: ['序号', '检查提示', '情况说明'].map((text, col) => ({
      role: col === 0 ? 'corner' : 'header',
      text,
      col,
      colSpan: 1,
      rowSpan: 1,
    })),
  };
  const items = [
    ...explained.map((f) => ({ message: f.message, explanation: report.acknowledgements[f.key]!.explanation })),
    ...decisionNotes(report),
  ];
  const rows: LayoutRow[] = items.map((item, i) => ({
    kind: 'data',
    cells: [String(i + 1), item.message, item.explanation].map((text, col) => ({
      role: col === 0 ? 'label' : 'value',
      text,
      col,
      colSpan: 1,
      rowSpan: 1,
    })),
  }));
  return {
    title: '检查说明',
    subtitle: `（随《${title}》报送）`,
    items,
    table: rows.length === 0 ? null : { tables: [], columnWidthsMm: [14, 71, 71], repeatHeaderRows: 1, rows: [header, ...rows] },
    empty: '本报告经检查无需要说明的事项。',
  };
}

export function layoutReport(report: Report, options: LayoutOptions = {}): ReportLayout {
  const { cells } = evaluateReport(report);
  const { format, tables } = formatIndex(report.format);
  const title = reportTitle(report);
  const sections = format.sections.map((section): SectionLayout => {
    const defs = section.tables.map((id) => {
      const def = tables.get(id);
      if (!def) throw new Error(`section ${section.key} names unknown table ${id}`);
      return def;
    });
    return {
      key: section.key,
      heading: `${section.key}、${section.title}`,
      paragraphs: paragraphs(report.sections[section.key].text),
      tables: groupTables(defs).map((group) => layoutTables(group, cells, options)),
    };
  });
  const layout: ReportLayout = { title, titleLines: titleLines(title, report.organ), preface: paragraphs(report.preface.text), sections };
  const date = report.dateLine?.trim();
  if (date) layout.signature = { organ: report.organ, date };
  if (options.findings) layout.findings = findingsSheet(report, title, options.findings);
  return layout;
}

/**
 * Every grid position with the cell covering it and whether the cell starts
 * there; for readers that need positions (text columns, tests).
 */
export function gridOf(table: TableLayout): { cell: LayoutCell; anchor: boolean }[][] {
  const width = table.columnWidthsMm.length;
  const grid: ({ cell: LayoutCell; anchor: boolean } | undefined)[][] = table.rows.map(() => new Array(width));
  table.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const line = grid[r + dr];
          if (!line || cell.col + dc >= width) throw new Error(`cell “${cell.text}” runs off the grid`);
          if (line[cell.col + dc]) throw new Error(`cells overlap at row ${r + dr}, column ${cell.col + dc}`);
          line[cell.col + dc] = { cell, anchor: dr === 0 && dc === 0 };
        }
      }
    }
  });
  return grid.map((line, r) =>
    Array.from({ length: width }, (_, c) => {
      const slot = line[c];
      if (!slot) throw new Error(`grid position row ${r}, column ${c} is not covered`);
      return slot;
    }),
  );
}
