/**
 * The county's 汇总 as an Excel workbook, for offices that go on in Excel or
 * WPS: one sheet per official table (the summed grid in the layout the
 * exporters draw, numbers as numbers, totals computed from the summed
 * parts), one sheet listing every unit with its status and the files left
 * out, and one with every counted unit's cells side by side.
 *
 * Written by write-excel-file's universal build (pure JS over fflate), so it
 * runs in shared/ alike in the app, the worker and the command line.
 */
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import { getFormat, formatIndex } from '../formats/index.ts';
import { layoutReport, type TableLayout } from '../export/layout.ts';
import type { Report } from '../model/report.ts';
import { evaluateReport } from '../model/values.ts';
import { copiedProseShare, findPreviousYear } from './copied.ts';
import type { MissingUnit } from './roster.ts';
import type { Summary } from './summarize.ts';
import type { CountyUnit } from './unit.ts';

export interface WorkbookInput {
  summary: Summary;
  /** Every unit read, counted or not: all are listed. */
  units: readonly CountyUnit[];
  /**
   * Reports by file: the counted units' (their cells side by side) and any
   * previous year's the folder holds (the copied share is measured where both are here).
   */
  reports: ReadonlyMap<string, Report>;
  /** Files that could not be read, listed with the units. */
  unreadable?: readonly { file: string; message: string }[];
  /** Roster units with no report of the year (checkRoster), listed last. */
  missing?: readonly MissingUnit[];
}

/** Sheet names as the workbook tabs show them; Excel allows 31 characters and none of []:*?/\. */
export const UNITS_SHEET = '各单位情况';
export const SIDE_BY_SIDE_SHEET = '各单位数据';

export const UNITS_HEADER = ['机关名称', '文件', '报告年度', '格式', '错误', '警告', '落款日期', '逾期', '状态', '与上年重复文字比例', '汇总', '说明'] as const;

const FONT = '宋体';
const BOLD = { fontWeight: 'bold', wrap: true, alignVertical: 'center' } as const;

function sheetName(text: string, taken: Set<string>): string {
  const base = text.replace(/[[\]:*?/\\]/g, '·').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 28)}（${n}）`;
  taken.add(name);
  return name;
}

/** Excel widths are in characters of the default font; a CJK character is about two, one takes about 2.1 mm. */
function widthOf(mm: number): number {
  return Math.max(6, Math.round(mm / 2.1));
}

/** One official grid: merged labels and headers as the Word export draws them, each value the summed or computed number. */
function gridSheet(heading: string, table: TableLayout, cells: Summary['cells']): Row[] {
  const width = table.columnWidthsMm.length;
  const rows: Row[] = [[{ value: heading, ...BOLD, columnSpan: width }, ...Array<Cell>(width - 1).fill(null)]];
  if (table.note) rows.push([{ value: table.note, wrap: true, columnSpan: width }, ...Array<Cell>(width - 1).fill(null)]);
  for (const row of table.rows) {
    const out: Cell[] = Array<Cell>(width).fill(null);
    for (const cell of row.cells) {
      const spans = { ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}), ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}) };
      if (cell.role === 'value' && cell.cellId) {
        const value = cells[cell.cellId];
        out[cell.col] = value === null || value === undefined ? { ...spans } : { value, type: Number, ...spans };
      } else if (cell.role === 'filler') {
        out[cell.col] = spans.columnSpan || spans.rowSpan ? { ...spans } : null;
      } else {
        const bold = cell.role === 'header' || cell.role === 'caption' || cell.role === 'corner' || cell.role === 'group';
        out[cell.col] = { value: cell.text, type: String, wrap: true, alignVertical: 'center', ...(bold ? { fontWeight: 'bold' } : {}), ...spans };
      }
    }
    rows.push(out);
  }
  return rows;
}

function text(value: string | null | undefined): Cell {
  return value ? { value, type: String } : null;
}

function count(value: number | null | undefined): Cell {
  return value === null || value === undefined ? null : { value, type: Number };
}

function copiedShares(units: readonly CountyUnit[], reports: ReadonlyMap<string, Report>): Map<string, number | null> {
  const shares = new Map<string, number | null>();
  for (const [file, previous] of findPreviousYear(units)) {
    const current = reports.get(file);
    const last = reports.get(previous.file);
    if (current && last) shares.set(file, copiedProseShare(current, last));
  }
  return shares;
}

function unitsSheet(input: WorkbookInput): Row[] {
  const { summary, reports } = input;
  const counted = new Set(summary.units.map((u) => u.file));
  const reasons = new Map(summary.excluded.map((e) => [e.file, e.reason]));
  const shares = copiedShares(input.units, reports);
  const rows: Row[] = [UNITS_HEADER.map((h) => ({ value: h, ...BOLD }))];
  const units = [...input.units].sort((a, b) => Number(!counted.has(a.file)) - Number(!counted.has(b.file)) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const unit of units) {
    const share = shares.get(unit.file);
    rows.push([
      text(unit.organ),
      text(unit.file),
      count(unit.year),
      text(getFormat(unit.format).source),
      count(unit.errors),
      count(unit.warnings),
      text(unit.dateLine),
      text(unit.late === null ? '无法判断' : unit.late ? '是' : '否'),
      text(unit.verdict),
      share === undefined || share === null ? null : { value: share, type: Number, format: '0.0%' },
      text(counted.has(unit.file) ? '计入' : '未计入'),
      text(reasons.get(unit.file)),
    ]);
  }
  for (const file of input.unreadable ?? []) {
    rows.push([null, text(file.file), null, null, null, null, null, null, text('无法读取'), null, text('未计入'), text(file.message)]);
  }
  for (const unit of input.missing ?? []) {
    rows.push([text(unit.name), null, null, null, null, null, null, null, text('未报送'), null, text('未计入'), text(unit.reason)]);
  }
  return rows;
}

/** Rows: every cell of the format with its label; columns: the counted units, then the 汇总. */
function sideBySideSheet(summary: Summary, reports: ReadonlyMap<string, Report>): Row[] {
  const stated = summary.units.map((unit) => {
    const report = reports.get(unit.file);
    if (!report) return (id: string) => unit.inputs[id] ?? null;
    const { cells } = evaluateReport(report);
    return (id: string) => cells.get(id)?.value ?? null;
  });
  const rows: Row[] = [
    [{ value: '单元格编号', ...BOLD }, { value: '项目', ...BOLD }, ...summary.units.map((u) => ({ value: u.organ || u.file, ...BOLD })), { value: '汇总', ...BOLD }],
    [text('文件'), null, ...summary.units.map((u) => text(u.file)), null],
  ];
  for (const cell of formatIndex(summary.format).cells) {
    rows.push([text(cell.id), text(cell.computedBy ? `${cell.label}（合计）` : cell.label), ...stated.map((value) => count(value(cell.id))), count(summary.cells[cell.id])]);
  }
  return rows;
}

export async function countyWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const { summary } = input;
  const layout = layoutReport(summary.report);
  const taken = new Set([UNITS_SHEET, SIDE_BY_SIDE_SHEET]);
  const sheets: Sheet<never>[] = [];
  for (const section of layout.sections) {
    for (const table of section.tables) {
      sheets.push({
        data: gridSheet(section.heading, table, summary.cells),
        sheet: sheetName(section.heading, taken),
        columns: table.columnWidthsMm.map((mm) => ({ width: widthOf(mm) })),
      });
    }
  }
  sheets.push({
    data: unitsSheet(input),
    sheet: UNITS_SHEET,
    columns: [30, 36, 8, 26, 6, 6, 16, 8, 8, 10, 8, 60].map((width) => ({ width })),
    stickyRowsCount: 1,
  });
  sheets.push({
    data: sideBySideSheet(summary, input.reports),
    sheet: SIDE_BY_SIDE_SHEET,
    columns: [28, 40, ...summary.units.map(() => 14), 12].map((width) => ({ width })),
    stickyRowsCount: 2,
    stickyColumnsCount: 2,
  });
  // Typed by what is used of it: shared/ has no DOM library, and Blob is global in Node 20, browsers and Electron.
  const blob: { arrayBuffer(): Promise<ArrayBuffer> } = await writeXlsxFile(sheets, { fontFamily: FONT, fontSize: 11 }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
