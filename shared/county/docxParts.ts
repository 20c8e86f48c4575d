/** What the county's Word documents add to the report layout: a title broken where it reads, and plain list tables. */
import { displayWidth, type LayoutRow, type TableLayout } from '../export/layout.ts';

/** 二号 type: 20 characters (40 half-widths) to the 156 mm line. */
const TITLE_LINE_WIDTH = 40;
const BREAK_BEFORE = '政府信息公开';

/** Two lines, broken before 政府信息公开, when the title is too long for one and both halves fit. */
export function titleLinesOf(title: string): string[] {
  const at = title.indexOf(BREAK_BEFORE);
  if (displayWidth(title) <= TITLE_LINE_WIDTH || at <= 0) return [title];
  const lines = [title.slice(0, at), title.slice(at)];
  return lines.every((l) => displayWidth(l) <= TITLE_LINE_WIDTH) ? lines : [title];
}

export interface ListColumn {
  header: string;
  widthMm: number;
  /** Centred short values (序号, counts); otherwise left-aligned text. */
  centred?: boolean;
}

/** A table of rows of text under one header row, repeated on each page. */
export function listTable(columns: readonly ListColumn[], rows: readonly (readonly string[])[]): TableLayout {
  const header: LayoutRow = {
    kind: 'header',
    cells: columns.map((c, col) => ({ role: 'header', text: c.header, col, colSpan: 1, rowSpan: 1 })),
  };
  const data: LayoutRow[] = rows.map((row) => ({
    kind: 'data',
    cells: columns.map((c, col) => ({ role: c.centred ? 'value' : 'label', text: row[col] ?? '', col, colSpan: 1, rowSpan: 1 })),
  }));
  return { tables: [], columnWidthsMm: columns.map((c) => c.widthMm), repeatHeaderRows: 1, rows: [header, ...data] };
}
