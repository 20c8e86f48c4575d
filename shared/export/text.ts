/**
 * The report as plain text for a text editor or a website's editor box:
 * title, headings, paragraphs indented by two full-width spaces, and tables
 * either as aligned columns or as tab-separated rows that paste into a
 * spreadsheet or a CMS table. Aligned columns are padded with full-width
 * spaces (a lone ASCII space only for an odd half column): exact in a
 * monospaced font (CJK counting double), and a website's editor, which folds
 * runs of ASCII spaces into one, keeps them apart in a proportional one.
 */
import type { Report } from '../model/report.ts';
import {
  displayWidth,
  gridOf,
  layoutReport,
  type FindingNote,
  type LayoutCell,
  type ParagraphLayout,
  type TableLayout,
} from './layout.ts';

export interface TextOptions {
  /** aligned: columns padded with spaces; tsv: one row a line, cells separated by tabs. */
  tables?: 'aligned' | 'tsv';
  blankAsZero?: boolean;
  /** Amounts with exactly four decimals (1.5000); unset, where the column's header asks for it (保留4位小数). */
  fourDecimalAmounts?: boolean;
  /** Line ends; CRLF by default so that old Windows Notepad shows lines. */
  newline?: '\n' | '\r\n';
  /** Wrap row labels longer than this many half-width columns (aligned tables). */
  maxLabelWidth?: number;
  /** The checks' findings; when given, a 检查说明 part lists the acknowledged ones. */
  findingsSheet?: readonly FindingNote[];
}

const INDENT = '\u3000\u3000';
/** Between columns: one full-width space, two display columns. */
const SEPARATOR = '\u3000';
const DEFAULT_MAX_LABEL_WIDTH = 40;

function paragraphLines(ps: readonly ParagraphLayout[]): string[] {
  return ps.flatMap((p) => [`${INDENT}${p.text}`, '']);
}

/** Blank of a display width: full-width spaces, and one ASCII space for an odd column. */
function blank(width: number): string {
  return '\u3000'.repeat(Math.floor(width / 2)) + (width % 2 ? ' ' : '');
}

function pad(text: string, width: number, align: 'left' | 'right' | 'center'): string {
  const room = Math.max(0, width - displayWidth(text));
  if (align === 'left') return text + blank(room);
  if (align === 'right') return blank(room) + text;
  const left = Math.floor(room / 2);
  return blank(left) + text + blank(room - left);
}

/** Punctuation that must not start a line (禁则): the character before it moves down with it. */
const NO_LINE_START = new Set('，。、；：？！）》」』”’…%');

/** Splits text into lines, the first at most `first` wide and the rest `rest` (CJK text breaks anywhere). */
function wrap(text: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    const width = lines.length === 0 ? first : rest;
    if (line && displayWidth(line + ch) > width) {
      const carried = NO_LINE_START.has(ch) ? Array.from(line).slice(-1).join('') : '';
      lines.push(line.slice(0, line.length - carried.length));
      line = carried;
    }
    line += ch;
  }
  return [...lines, line];
}

function tsvTable(table: TableLayout): string[] {
  return gridOf(table).map((line) =>
    line.map(({ cell, anchor }) => (anchor ? cell.text.replace(/[\t\r\n]+/g, ' ') : '')).join('\t'),
  );
}

/**
 * Label columns fold into one text column: a merged group label gets a line
 * of its own above its first row, and labels below it are indented, so the
 * nesting of 三 reads top to bottom instead of across.
 */
function alignedTable(table: TableLayout, maxLabelWidth: number): string[] {
  const grid = gridOf(table);
  const labelColumns = table.rows.reduce((n, row) => {
    const label = row.cells.find((c) => c.role === 'label');
    return Math.max(n, label ? label.col + label.colSpan : 0);
  }, 0);
  const valueCount = table.columnWidthsMm.length - labelColumns;
  const indent = (level: number) => '\u3000'.repeat(level);

  const lines: string[] = [];
  const above: string[] = [];
  // A corner that fits heads the label column on the last header row; a long one (the note of 三) goes above.
  const cornerShown = new Map<number, string>();
  table.rows.forEach((row, r) => {
    for (const cell of row.cells.filter((c) => c.role === 'corner' || c.role === 'note')) {
      if (displayWidth(cell.text) <= maxLabelWidth) cornerShown.set(r + cell.rowSpan - 1, cell.text);
      else if (!above.includes(cell.text)) above.push(cell.text);
    }
  });
  const labels = table.rows.map((row, r) => {
    const label = row.cells.find((c) => c.role === 'label');
    return label ? indent(label.col) + label.text : (cornerShown.get(r) ?? '');
  });
  const groupLines = table.rows.map((row) => row.cells.filter((c) => c.role === 'group').map((c) => indent(c.col) + c.text));
  const labelWidth =
    labelColumns === 0
      ? 0
      : Math.min(maxLabelWidth, Math.max(0, ...labels.map(displayWidth), ...groupLines.flat().map(displayWidth)));

  // Value column widths: single cells first, then widen the last column of a span its text overflows.
  const widths = new Array<number>(valueCount).fill(1);
  const valueCells = (row: number) =>
    grid[row]!.map((slot) => slot).filter((slot) => slot.anchor && slot.cell.col >= labelColumns && slot.cell.role !== 'caption');
  table.rows.forEach((_, r) => {
    for (const { cell } of valueCells(r)) {
      if (cell.colSpan === 1) widths[cell.col - labelColumns] = Math.max(widths[cell.col - labelColumns]!, displayWidth(cell.text));
    }
  });
  table.rows.forEach((_, r) => {
    for (const { cell } of valueCells(r)) {
      if (cell.colSpan === 1) continue;
      const first = cell.col - labelColumns;
      const span = widths.slice(first, first + cell.colSpan).reduce((a, b) => a + b, 0) + SEPARATOR.length * (cell.colSpan - 1);
      const last = first + cell.colSpan - 1;
      if (displayWidth(cell.text) > span) widths[last] = widths[last]! + displayWidth(cell.text) - span;
    }
  });

  const rowIndex = new Map(table.rows.flatMap((row, r) => row.cells.map((cell) => [cell, r] as const)));
  // A header spanning rows shows its text on its last row, next to the leaf headers.
  const shownIn = (cell: LayoutCell, r: number, anchor: boolean): string => {
    if (cell.role === 'header') return rowIndex.get(cell)! + cell.rowSpan - 1 === r ? cell.text : '';
    return anchor ? cell.text : '';
  };
  const valueText = (r: number): string => {
    const parts: string[] = [];
    for (let c = labelColumns; c < labelColumns + valueCount; ) {
      const { cell, anchor } = grid[r]![c]!;
      const first = c - labelColumns;
      const width = widths.slice(first, first + cell.colSpan).reduce((a, b) => a + b, 0) + SEPARATOR.length * (cell.colSpan - 1);
      parts.push(pad(shownIn(cell, r, anchor), width, cell.role === 'value' && cell.colSpan === 1 ? 'right' : 'center'));
      c += cell.colSpan;
    }
    return parts.join(SEPARATOR);
  };

  table.rows.forEach((row, r) => {
    if (row.kind === 'caption') {
      lines.push(row.cells[0]!.text);
      return;
    }
    lines.push(...groupLines[r]!);
    const values = valueText(r).replace(/\s+$/, '');
    if (labelColumns === 0) {
      lines.push(values);
      return;
    }
    const text = labels[r]!.replace(/^\u3000+/, '');
    const depth = labels[r]!.length - text.length;
    const pieces = wrap(text, labelWidth - 2 * depth, labelWidth - 2 * (depth + 1));
    lines.push((pad(indent(depth) + pieces[0]!, labelWidth, 'left') + SEPARATOR + values).replace(/\s+$/, ''));
    lines.push(...pieces.slice(1).map((p) => indent(depth + 1) + p));
  });
  return [...above, ...lines];
}

export function exportText(report: Report, options: TextOptions = {}): string {
  const layout = layoutReport(report, {
    blankAsZero: options.blankAsZero ?? false,
    ...(options.fourDecimalAmounts !== undefined ? { fourDecimalAmounts: options.fourDecimalAmounts } : {}),
    ...(options.findingsSheet ? { findings: options.findingsSheet } : {}),
  });
  const drawTable = (table: TableLayout): string[] => {
    const body =
      options.tables === 'tsv' ? tsvTable(table) : alignedTable(table, options.maxLabelWidth ?? DEFAULT_MAX_LABEL_WIDTH);
    return [...(table.note ? [table.note] : []), ...body, ''];
  };
  const lines: string[] = [layout.title, '', ...paragraphLines(layout.preface)];
  for (const section of layout.sections) {
    lines.push(section.heading, '', ...paragraphLines(section.paragraphs));
    for (const table of section.tables) lines.push(...drawTable(table));
  }
  if (layout.signature) lines.push(layout.signature.organ, layout.signature.date, '');
  if (layout.findings) {
    const sheet = layout.findings;
    lines.push('', sheet.title, sheet.subtitle, '');
    // A numbered list reads better than a three-column table of long sentences.
    sheet.items.forEach((item, i) => lines.push(`${i + 1}. ${item.message}`, `${INDENT}说明：${item.explanation}`, ''));
    if (sheet.items.length === 0) lines.push(`${INDENT}${sheet.empty}`, '');
  }
  while (lines.at(-1) === '') lines.pop();
  return lines.join(options.newline ?? '\r\n') + (options.newline ?? '\r\n');
}
