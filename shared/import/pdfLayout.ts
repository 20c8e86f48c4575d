/**
 * The blocks of a PDF, from what each page draws: its tables (ruled,
 * pdfTables.ts; else by column alignment, pdfColumns.ts) and its lines of running text, joined into paragraphs. A paragraph ends
 * where a line falls short of the right margin, the next starts indented,
 * the type size changes or a wide gap opens; a table that goes on at the
 * top of the next page with the same columns is one table, without the
 * header rows repeated there.
 */
import { alignedLinesOf, findAlignedTables } from './pdfColumns.ts';
import { findTables, type PageTable, type Rule } from './pdfTables.ts';
import { joinLines, linesOf, type GlyphRun, type TextLine } from './pdfText.ts';
import type { Block, BlockCell } from './types.ts';

export interface PdfPageContent {
  width: number;
  height: number;
  runs: GlyphRun[];
  rules: Rule[];
}

/** Page numbers as printed in a page's head or foot: "—3—", "- 3 -", "3", "第3页", "第 3 页 共 6 页". */
const PAGE_NUMBER = /^(?:[-—–－―\s]*\d{1,4}[-—–－―\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4})$/;
/** How far from the page's top and bottom edge a page number may stand (a fraction of the height). */
const MARGIN_BAND = 0.12;

type Placed = { kind: 'line'; top: number; line: TextLine } | { kind: 'table'; top: number; table: PageTable };

/** A page's tables and lines, top to bottom, without its page number. */
function placePage(page: PdfPageContent, maxColumns: number): { placed: Placed[]; left: number; right: number } {
  const runs = [...page.runs];
  const tables = findTables(page.rules, runs, { maxColumns });
  // What no rule frames may still be a table by its columns' alignment.
  const aligned = findAlignedTables(alignedLinesOf(runs));
  const taken = new Set([...aligned.used].flatMap((l) => l.runs));
  runs.splice(0, runs.length, ...runs.filter((r) => !taken.has(r)));
  tables.push(...aligned.tables.filter((t) => t.xs.length - 1 <= maxColumns));
  const lines = linesOf(runs).filter(
    (l) => !(PAGE_NUMBER.test(l.text) && (l.y < page.height * MARGIN_BAND || l.y > page.height * (1 - MARGIN_BAND))),
  );
  const placed: Placed[] = [
    ...lines.map((line): Placed => ({ kind: 'line', top: line.y + line.size, line })),
    ...tables.map((table): Placed => ({ kind: 'table', top: table.ys[0]!, table })),
  ].sort((a, b) => b.top - a.top);
  const left = lines.length ? Math.min(...lines.map((l) => l.x0)) : 0;
  const right = lines.length ? Math.max(...lines.map((l) => l.x1)) : page.width;
  return { placed, left, right };
}

/** A line's first character this far right of the margin is an indent (a fraction of its size). */
const INDENT = 0.9;
/** A line ending this far short of the right margin ends its paragraph (a fraction of its size). */
const SHORT = 1.5;
/** A gap between baselines wider than this is a paragraph break (a multiple of the size). */
const WIDE_GAP = 2.4;
/** Sizes differing by more than this fraction are different kinds of text (title, body). */
const SIZE_CHANGE = 0.15;

interface Previous {
  line: TextLine;
  right: number;
  /** The previous line is on the same page (a gap can be measured). */
  samePage: boolean;
}

function startsParagraph(line: TextLine, left: number, prev: Previous | undefined): boolean {
  if (!prev) return true;
  const p = prev.line;
  if (Math.abs(line.size - p.size) > SIZE_CHANGE * Math.max(line.size, p.size)) return true;
  if (line.x0 > left + INDENT * line.size) return true;
  if (p.x1 < prev.right - SHORT * p.size) return true;
  return prev.samePage && p.y - line.y > WIDE_GAP * line.size;
}

const rowText = (row: BlockCell[]) => row.map((c) => c.text).join('\u0001');

/** Column boundaries this close are the same (points). */
const SAME_X = 1.5;

/**
 * The continuation laid on the table's columns, or null when it is another
 * table. The part on the next page may lack a column boundary no row there
 * uses (a merged cell of the first part); its cells then span those columns.
 */
function onColumns(table: PageTable, next: PageTable): PageTable | null {
  const at = next.xs.map((x) => table.xs.findIndex((t) => Math.abs(t - x) <= SAME_X));
  if (at[0] !== 0 || at.at(-1) !== table.xs.length - 1 || at.some((i, k) => i < 0 || (k > 0 && i <= at[k - 1]!))) return null;
  const widen = <T>(row: T[], copy: (value: T, first: boolean) => T) =>
    row.flatMap((value, c) => Array.from({ length: at[c + 1]! - at[c]! }, (_, k) => copy(value, k === 0)));
  return {
    xs: table.xs,
    ys: next.ys,
    rows: next.rows.map((row) =>
      widen(row, (cell, first): BlockCell => (first || cell.continuation ? cell : { text: cell.text, continuation: 'left' })),
    ),
    spans: next.spans.map((row) => widen(row, (span) => span)),
  };
}

/** How many of the continuation's first rows repeat the table's header rows. */
function repeatedHeaderRows(table: PageTable, next: PageTable): number {
  let k = 0;
  while (k < next.rows.length - 1 && k < table.rows.length && rowText(next.rows[k]!) === rowText(table.rows[k]!)) k++;
  return k;
}

/**
 * Appends the next page's part of a table: header rows repeated there are
 * dropped, and a merged cell cut by the page break (blank at the top of the
 * continuation, its column merged down at the bottom of the table) goes on
 * with the anchor's text. Returns the header rows dropped.
 */
function continueTable(table: PageTable, next: PageTable): number {
  const skip = repeatedHeaderRows(table, next);
  const lastRow = table.rows.at(-1)!;
  const lastSpans = table.spans.at(-1)!;
  const open = lastRow.map((cell, c) => (cell.continuation === 'above' || lastSpans[c]! > 1 ? cell.text : undefined));
  for (let r = skip; r < next.rows.length; r++) {
    const row = next.rows[r]!.map((cell, c): BlockCell => {
      const text = open[c];
      if (text === undefined || cell.text !== '' || (cell.continuation !== 'above' && r > skip)) {
        open[c] = undefined;
        return cell;
      }
      return { text, continuation: 'above' };
    });
    table.rows.push(row);
    table.spans.push(next.spans[r]!);
  }
  return skip;
}

export interface PdfLayout {
  blocks: Block[];
  /** Tables that went on over a page break, joined into the table they continue. */
  continuedTables: number;
  /** Header rows repeated on the next page, dropped. */
  repeatedHeaderRows: number;
}

/** The blocks of the pages, in reading order. */
export function pagesToBlocks(pages: readonly PdfPageContent[], limits: { maxColumns: number }): PdfLayout {
  const blocks: Block[] = [];
  let continuedTables = 0;
  let repeatedHeaderRows = 0;
  let paragraph: string | null = null;
  let prev: Previous | undefined;
  let lastTable: PageTable | undefined;
  const endParagraph = () => {
    if (paragraph !== null) blocks.push({ kind: 'paragraph', text: paragraph });
    paragraph = null;
  };
  for (const page of pages) {
    const { placed, left, right } = placePage(page, limits.maxColumns);
    if (prev) prev.samePage = false;
    placed.forEach((item, i) => {
      if (item.kind === 'table') {
        // Nothing between the table at the foot of one page and this one: it goes on.
        const continued = i === 0 && lastTable && paragraph === null ? onColumns(lastTable, item.table) : null;
        if (lastTable && continued) {
          repeatedHeaderRows += continueTable(lastTable, continued);
          continuedTables++;
          return;
        }
        endParagraph();
        prev = undefined;
        lastTable = item.table;
        blocks.push({ kind: 'table', rows: item.table.rows });
        return;
      }
      const { line } = item;
      if (startsParagraph(line, left, prev)) endParagraph();
      paragraph = joinLines(paragraph ?? '', line.text);
      prev = { line, right, samePage: true };
      lastTable = undefined;
    });
  }
  endParagraph();
  return { blocks, continuedTables, repeatedHeaderRows };
}
