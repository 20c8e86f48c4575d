/**
 * The report as a Word file. Two looks over one layout: 公文 (GB/T 9704-2012
 * page, fonts and sizes; the default) and 紧凑 (close to the province's
 * template: smaller type, 宋体 tables).
 *
 * Word guesses table widths and LibreOffice/WPS follow the grid, so every
 * table carries its grid, its width in twips, each cell's width and a fixed
 * layout. Fonts are named, never embedded; missing ones fall back on the PC.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IFontAttributesProperties,
  type ISpacingProperties,
} from 'docx';
import type { Report } from '../model/report.ts';
import { withFontTable } from './fontTable.ts';
import {
  cutPoints,
  cutTable,
  displayWidth,
  layoutReport,
  type FindingNote,
  type LayoutCell,
  type LayoutRow,
  type ParagraphLayout,
  type ReportLayout,
  type TableLayout,
} from './layout.ts';

export type DocxLayoutName = 'official' | 'compact';

export interface DocxOptions {
  layout: DocxLayoutName;
  blankAsZero?: boolean;
  /** Amounts with exactly four decimals (1.5000); unset, where the column's header asks for it (保留4位小数). */
  fourDecimalAmounts?: boolean;
  /** The checks' findings; when given, a 检查说明 page lists the acknowledged ones with their explanations. */
  findingsSheet?: readonly FindingNote[];
  /**
   * Draw this layout instead of the report's, in the same look: documents
   * built of report parts (the county's 汇总, its 检查意见). The report then
   * only names the document's creator.
   */
  drawLayout?: ReportLayout;
}

/** A4 in twips, written literally: converting from millimetres floors to 11905×16837. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/**
 * Character spacing, in twentieths of a point, that lays `chars` characters of
 * the given size in a line: 28 of 三号 are 448 pt but the 156 mm line is
 * 442.25 pt, so each is condensed by a quarter point (rounded down, to fit).
 *
 * Not a lines-and-characters docGrid: LibreOffice (7.4) snaps each character
 * to whole grid cells, so a pitch below the type size (charSpace < 0, as 28
 * characters need) puts every character in two cells — 14 a line.
 */
export function condensingTwentieths(lineTwips: number, chars: number, halfPoints: number): number {
  return Math.min(0, Math.floor(lineTwips / chars - halfPoints * 10));
}

interface TextStyle {
  font: string;
  /** Half-points, as Word stores sizes: 三号 16 pt → 32. */
  size: number;
  bold?: boolean;
  /** Character spacing in twentieths of a point; negative condenses. */
  spacing?: number;
}

interface Look {
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** Distance of the footer from the page edge. */
  footerMm: number;
  title: TextStyle & { line: ISpacingProperties };
  heading: TextStyle;
  subheading: TextStyle;
  body: TextStyle;
  /** Body line spacing. */
  line: ISpacingProperties;
  table: {
    body: TextStyle;
    header: TextStyle;
    /** The format's note in the corner of 三 (the 勾稽 note); unset, as the header cells. */
    note?: TextStyle;
    rowMinTwips: number;
    captionFill?: string;
    /** The row-label column at least this wide (the template's is 57.7 mm of 171.8), so labels keep to one or two lines. */
    rowLabelMinMm: number;
    /**
     * A table estimated taller than this is cut in two where only its outermost
     * label group runs on, each half kept on one page: a merged label drawn
     * again on the second page and no short tail.
     */
    cutAboveMm?: number;
  };
  pageNumber: TextStyle & { outside: boolean };
  /** Characters to a full line of body type, where the standard fixes it. */
  charsPerLine?: number;
}

const LOOKS: Record<DocxLayoutName, Look> = {
  // GB/T 9704-2012: type area 156×225 mm, 22 lines of 28 characters in 三号.
  official: {
    marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
    // The page number sits 7 mm under the type area.
    footerMm: 23,
    title: { font: '方正小标宋简体', size: 44, line: { line: 700, lineRule: LineRuleType.EXACT, after: 578 } },
    heading: { font: '黑体', size: 32 },
    subheading: { font: '楷体_GB2312', size: 32 },
    body: { font: '仿宋_GB2312', size: 32 },
    // 225 mm / 22 lines ≈ 28.9 pt.
    line: { line: 578, lineRule: LineRuleType.EXACT },
    // 五号: the 15 columns of 四 keep two characters a line in 10.4 mm.
    table: {
      body: { font: '仿宋_GB2312', size: 21 },
      header: { font: '黑体', size: 21 },
      rowMinTwips: 397,
      rowLabelMinMm: 57,
      // Three quarters of the 225 mm type area: 三 (about 210 mm) is cut, the tables of 二 and 四 are not.
      cutAboveMm: 170,
    },
    pageNumber: { font: '宋体', size: 28, outside: true },
    charsPerLine: 28,
  },
  // The province's template: 宋体 throughout, headings bold 小四, tables 10 pt with regular header cells and the
  // 勾稽 note in 楷体, single line spacing. Tidier than the template only in fitting its tables to the page.
  compact: {
    marginsMm: { top: 25.4, bottom: 25.4, left: 27, right: 27 },
    footerMm: 15,
    title: { font: '宋体', size: 36, bold: true, line: { line: 480, lineRule: LineRuleType.AUTO, after: 240 } },
    heading: { font: '宋体', size: 24, bold: true },
    subheading: { font: '楷体_GB2312', size: 24 },
    body: { font: '宋体', size: 24 },
    line: { line: 240, lineRule: LineRuleType.AUTO },
    table: {
      body: { font: '宋体', size: 20 },
      header: { font: '宋体', size: 20 },
      note: { font: '楷体_GB2312', size: 20 },
      rowMinTwips: 340,
      captionFill: 'C6D9F1',
      rowLabelMinMm: 57,
    },
    pageNumber: { font: '宋体', size: 21, outside: false },
  },
};

const LATIN = 'Times New Roman';

function fonts(eastAsia: string, latin = LATIN): IFontAttributesProperties {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' };
}

function run(text: string, style: TextStyle, lineBreak = false): TextRun {
  return new TextRun({
    text,
    font: fonts(style.font),
    size: style.size,
    bold: style.bold ?? false,
    break: lineBreak ? 1 : 0,
    ...(style.spacing ? { characterSpacing: style.spacing } : {}),
  });
}

/** The look with its body-width type condensed to hold the standard's characters a line. */
function fittedLook(look: Look, lineTwips: number): Look {
  const chars = look.charsPerLine;
  if (!chars) return look;
  const fit = (style: TextStyle): TextStyle => ({ ...style, spacing: condensingTwentieths(lineTwips, chars, style.size) });
  return { ...look, body: fit(look.body), heading: fit(look.heading), subheading: fit(look.subheading) };
}

function titleParagraph(lines: readonly string[], look: Look, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    children: lines.map((line, i) => run(line, look.title, i > 0)),
    alignment: AlignmentType.CENTER,
    spacing: look.title.line,
    pageBreakBefore,
  });
}

/** Two characters of the given size, in twips (a size in half-points is 10 twips per unit). */
function twoChars(style: TextStyle): number {
  return style.size * 20;
}

function bodyParagraph(p: ParagraphLayout, look: Look): Paragraph {
  const style = p.kind === 'subheading' ? look.subheading : look.body;
  // A run-in heading is set in the heading's 楷体, the text after it in the body type (GB/T 9704 §7.3.3).
  const runs = p.runInLength
    ? [run(p.text.slice(0, p.runInLength), { ...look.subheading, size: style.size }), run(p.text.slice(p.runInLength), style)]
    : [run(p.text, style)];
  return new Paragraph({
    children: runs,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twoChars(style) },
    spacing: look.line,
    ...(p.kind === 'subheading' ? { keepNext: true } : {}),
  });
}

/**
 * GB/T 9704 §7.3.5.1, the sealed report: the date four characters in from the
 * right, the organ centred over the date (and never closer than two
 * characters to the edge, the date then moving left to stay under its middle).
 * Right indents in twips.
 */
export function signatureIndents(signature: { organ: string; date: string }, halfPoints: number): { organ: number; date: number } {
  const oneChar = halfPoints * 10;
  const organChars = displayWidth(signature.organ) / 2;
  const dateChars = displayWidth(signature.date) / 2;
  const organ = Math.max(2, 4 + (dateChars - organChars) / 2);
  const date = organ + (organChars - dateChars) / 2;
  return { organ: Math.round(organ * oneChar), date: Math.round(date * oneChar) };
}

function headingParagraph(text: string, look: Look): Paragraph {
  return new Paragraph({
    children: [run(text, look.heading)],
    indent: { firstLine: twoChars(look.heading) },
    spacing: look.line,
    keepNext: true,
  });
}

/** Grid widths in twips, rounded along running positions so they add up to the rounded total. */
function gridTwips(widthsMm: readonly number[], availableTwips: number): number[] {
  const totalMm = widthsMm.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, availableTwips / mmToTwips(totalMm));
  const edges = [0];
  let at = 0;
  for (const w of widthsMm) {
    at += w;
    edges.push(Math.round(mmToTwips(at) * scale));
  }
  return widthsMm.map((_, i) => edges[i + 1]! - edges[i]!);
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function cellAlignment(cell: LayoutCell): (typeof AlignmentType)[keyof typeof AlignmentType] {
  if (cell.role === 'label' || cell.role === 'caption' || cell.role === 'note') return AlignmentType.LEFT;
  return AlignmentType.CENTER;
}

function tableCell(cell: LayoutCell, widths: number[], look: Look): TableCell {
  const style =
    cell.role === 'value' || cell.role === 'label'
      ? look.table.body
      : cell.role === 'note'
        ? (look.table.note ?? look.table.header)
        : look.table.header;
  const width = widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
  const fill = cell.role === 'caption' ? look.table.captionFill : undefined;
  return new TableCell({
    children: [
      new Paragraph({
        children: cell.text ? [run(cell.text, style)] : [],
        alignment: cellAlignment(cell),
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
      }),
    ],
    width: { size: width, type: WidthType.DXA },
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
  });
}

/** Data rows kept with the caption or header above them; an item of 二 (one or two rows) thus stays whole. */
const KEEP_DATA_ROWS = 3;
/** Rows kept together at a table's end, so no page holds only one or two. */
const KEEP_TAIL_ROWS = 3;

/** Rows that are not the last of an inner label group (（三）不予公开 …), whose rows stay on one page. */
function insideInnerGroups(rows: readonly LayoutRow[]): Set<number> {
  const inside = new Set<number>();
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.role === 'group' && cell.col > 0) for (let i = r; i < r + cell.rowSpan - 1; i++) inside.add(i);
    }
  });
  return inside;
}

/**
 * Which rows keep with the next: all but the last of a table kept whole;
 * otherwise caption and header rows, the first data rows, the rows of an inner
 * label group and the rows before the table's last few.
 */
export function rowsKeptWithNext(rows: readonly LayoutRow[], whole: boolean): boolean[] {
  const inside = insideInnerGroups(rows);
  return rows.map((row, r) => {
    if (r === rows.length - 1) return false;
    if (whole || row.kind !== 'data' || inside.has(r) || r >= rows.length - KEEP_TAIL_ROWS) return true;
    const next = rows[r + 1]!;
    if (next.kind !== 'data') return false;
    let position = 0;
    for (let i = r; i >= 0 && rows[i]!.kind === 'data'; i--) position++;
    return position < KEEP_DATA_ROWS;
  });
}

const MM_PER_POINT = 25.4 / 72;
/** Share of the type area an estimated table may fill and still be taken to fit (the estimate is rough). */
const FITS_PAGE = 0.9;
/** A line of CJK type is about 1.45 of its size with the fonts LibreOffice and Word fall back on (Noto CJK, SimSun). */
const LINE_HEIGHT = 1.45;
/** Cell margins left and right (57 twips each). */
const CELL_MARGINS_MM = 2;

/**
 * Each row's height as printed, estimated from how its cells' text wraps in
 * their widths (single-row cells; merged labels are shorter than their rows).
 */
function estimatedRowHeightsMm(table: TableLayout, widthsMm: readonly number[], look: Look): number[] {
  const rowMinMm = (look.table.rowMinTwips * 25.4) / 1440;
  return table.rows.map((row) => {
    let lines = 1;
    for (const cell of row.cells) {
      if (cell.rowSpan > 1 || !cell.text) continue;
      const style = cell.role === 'value' || cell.role === 'label' ? look.table.body : look.table.header;
      const charMm = (style.size / 2) * MM_PER_POINT;
      const widthMm = widthsMm.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0) - CELL_MARGINS_MM;
      const perLine = Math.max(1, Math.floor(widthMm / charMm));
      lines = Math.max(lines, Math.ceil(displayWidth(cell.text) / 2 / perLine));
    }
    const lineMm = (look.table.body.size / 2) * MM_PER_POINT * LINE_HEIGHT;
    return Math.max(rowMinMm, lines * lineMm + 1);
  });
}

/** Width of a value's text: digits as wide as the widest fallback serif's (DejaVu, 0.64 em), Han characters 1 em. */
function valueTextMm(text: string, style: TextStyle): number {
  const em = (style.size / 2) * MM_PER_POINT;
  const wide = displayWidth(text) - text.length;
  return (wide + (text.length - wide) * 0.65) * em;
}

/**
 * The row-label column widened to the look's minimum where the format's is
 * narrower (三's is 35 mm, so its labels wrap onto 2–4 lines): value columns
 * give up what their printed values and two header characters a line leave
 * spare, in proportion. The table keeps its width.
 */
function widenedRowLabels(table: TableLayout, look: Look): TableLayout {
  const valueCells = table.rows.flatMap((r) => r.cells.filter((c) => c.role === 'value'));
  if (valueCells.length === 0) return table;
  const firstValue = Math.min(...valueCells.map((c) => c.col));
  const labelCol = firstValue - 1;
  const widths = [...table.columnWidthsMm];
  const short = look.table.rowLabelMinMm - (widths[labelCol] ?? Infinity);
  if (labelCol < 0 || short <= 0) return table;
  const headerMm = 2 * (look.table.header.size / 2) * MM_PER_POINT + CELL_MARGINS_MM;
  const spare = widths.map((w, col) => {
    if (col < firstValue) return 0;
    const texts = valueCells.filter((c) => c.col === col && c.colSpan === 1).map((c) => valueTextMm(c.text, look.table.body));
    return Math.max(0, w - Math.max(headerMm, CELL_MARGINS_MM + Math.max(0, ...texts)));
  });
  const totalSpare = spare.reduce((a, b) => a + b, 0);
  if (totalSpare <= 0) return table;
  const take = Math.min(short, totalSpare);
  const fitted = widths.map((w, col) => (col === labelCol ? w + take : w - (take * spare[col]!) / totalSpare));
  return { ...table, columnWidthsMm: fitted };
}

/**
 * The table as printed, each piece saying whether it is kept on one page. A
 * table with repeated header rows (三, 四) that fits a page is kept whole, so
 * its merged labels never continue onto a page without them; one taller than
 * the look's cutAboveMm is cut in two at the cut point that evens the halves,
 * each kept whole, when both fit a page. Others break where they fall.
 */
function tablePieces(table: TableLayout, look: Look, typeAreaMm: number): { table: TableLayout; whole: boolean }[] {
  const heights = estimatedRowHeightsMm(table, table.columnWidthsMm, look);
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
  const total = sum(0, heights.length);
  const limit = look.table.cutAboveMm ?? Infinity;
  if (total <= limit) return [{ table, whole: table.repeatHeaderRows > 0 && total <= typeAreaMm * FITS_PAGE }];
  const header = sum(0, table.repeatHeaderRows);
  const best = cutPoints(table)
    .map((at) => ({ at, first: sum(0, at), second: header + sum(at, heights.length) }))
    .filter((c) => c.first <= typeAreaMm * FITS_PAGE && c.second <= typeAreaMm * FITS_PAGE)
    .sort((a, b) => Math.abs(a.first - a.second) - Math.abs(b.first - b.second))[0];
  if (!best) return [{ table, whole: false }];
  return cutTable(table, best.at).map((piece) => ({ table: piece, whole: true }));
}

function tableOf(table: TableLayout, look: Look, availableTwips: number, whole: boolean): Table {
  const widths = gridTwips(table.columnWidthsMm, availableTwips);
  const keeps = rowsKeptWithNext(table.rows, whole);
  return new Table({
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    rows: table.rows.map(
      (row, r) =>
        new TableRow({
          children: row.cells.map((cell) => tableCell(cell, widths, look)),
          // Off is left out rather than written as val="off".
          ...(r < table.repeatHeaderRows ? { tableHeader: true } : {}),
          ...(keeps[r] ? { keepNext: true } : {}),
          cantSplit: true,
          // At least, never exact: wrapped CJK labels must not be clipped.
          height: { value: look.table.rowMinTwips, rule: HeightRule.ATLEAST },
        }),
    ),
  });
}

function tableBlock(table: TableLayout, look: Look, availableTwips: number, typeAreaMm: number): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [];
  if (table.note) {
    blocks.push(new Paragraph({ children: [run(table.note, look.table.body)], keepNext: true }));
  }
  const pieces = tablePieces(widenedRowLabels(table, look), look, typeAreaMm);
  pieces.forEach((piece, i) => {
    blocks.push(tableOf(piece.table, look, availableTwips, piece.whole));
    // A paragraph between tables keeps Word from joining them into one; between the halves of a cut table it is
    // a hairline, as the second half starts the next page.
    const last = i === pieces.length - 1;
    blocks.push(
      new Paragraph({
        children: [],
        spacing: last ? { line: 240, lineRule: LineRuleType.AUTO } : { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      }),
    );
  });
  return blocks;
}

function pageNumberFooter(look: Look, side: 'odd' | 'even'): Footer {
  const { pageNumber } = look;
  const oneChar = pageNumber.size * 10;
  const alignment = !pageNumber.outside
    ? AlignmentType.CENTER
    : side === 'odd'
      ? AlignmentType.RIGHT
      : AlignmentType.LEFT;
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        // GB/T 9704: odd pages on the right, even on the left, one character in from the edge.
        indent: pageNumber.outside ? (side === 'odd' ? { right: oneChar } : { left: oneChar }) : undefined,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fonts(pageNumber.font, pageNumber.font),
            size: pageNumber.size,
          }),
        ],
      }),
    ],
  });
}

export async function exportDocx(report: Report, options: DocxOptions): Promise<Uint8Array> {
  const chosen = LOOKS[options.layout];
  const layout = options.drawLayout ?? layoutReport(report, {
    blankAsZero: options.blankAsZero ?? false,
    ...(options.fourDecimalAmounts !== undefined ? { fourDecimalAmounts: options.fourDecimalAmounts } : {}),
    ...(options.findingsSheet ? { findings: options.findingsSheet } : {}),
  });
  const m = LOOKS[options.layout].marginsMm;
  const margins = { top: mmToTwips(m.top), bottom: mmToTwips(m.bottom), left: mmToTwips(m.left), right: mmToTwips(m.right) };
  const available = A4_TWIPS.width - margins.left - margins.right;
  const look = fittedLook(chosen, available);
  const typeAreaMm = 297 - m.top - m.bottom;

  const children: (Paragraph | Table)[] = [
    titleParagraph(layout.titleLines, look),
    ...layout.preface.map((p) => bodyParagraph(p, look)),
  ];
  for (const section of layout.sections) {
    children.push(headingParagraph(section.heading, look));
    children.push(...section.paragraphs.map((p) => bodyParagraph(p, look)));
    for (const table of section.tables) children.push(...tableBlock(table, look, available, typeAreaMm));
  }
  if (layout.signature) {
    children.push(new Paragraph({ children: [], spacing: look.line }));
    const { organ, date } = signatureIndents(layout.signature, look.body.size);
    for (const [text, right] of [
      [layout.signature.organ, organ],
      [layout.signature.date, date],
    ] as const) {
      children.push(new Paragraph({ children: [run(text, look.body)], alignment: AlignmentType.RIGHT, indent: { right }, spacing: look.line }));
    }
  }
  if (layout.findings) {
    const sheet = layout.findings;
    children.push(
      titleParagraph([sheet.title], look, true),
      new Paragraph({ children: [run(sheet.subtitle, look.body)], alignment: AlignmentType.CENTER, spacing: look.line }),
    );
    if (sheet.table) children.push(...tableBlock(sheet.table, look, available, typeAreaMm));
    else children.push(bodyParagraph({ kind: 'body', text: sheet.empty }, look));
  }

  const doc = new Document({
    title: layout.title,
    creator: report.organ,
    evenAndOddHeaderAndFooters: look.pageNumber.outside,
    styles: {
      default: {
        document: { run: { font: fonts(look.body.font), size: look.body.size } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: { ...margins, header: mmToTwips(15), footer: mmToTwips(look.footerMm) },
          },
        },
        footers: {
          default: pageNumberFooter(look, 'odd'),
          ...(look.pageNumber.outside ? { even: pageNumberFooter(look, 'even') } : {}),
        },
        children,
      },
    ],
  });
  return withFontTable(new Uint8Array(await Packer.toArrayBuffer(doc)));
}
