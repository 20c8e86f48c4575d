/**
 * Tables drawn without ruling lines, from column alignment alone: lines of
 * running text whose glyphs fall into separate cells (runs parted by a wide
 * gap), consecutive, on one set of column bands, with numbers in the
 * columns right of the row labels — the 年报 shape. Prose has no wide gaps
 * (justified Chinese spreads its glyphs evenly), and a lone two-part line
 * (a page head) is not three rows. A line close under or over a row
 * (closer than rows stand) is the same cell wrapped: its text joins there.
 */
import type { PageTable } from './pdfTables.ts';
import { joinLines, linesOf, runsByLine, type GlyphRun } from './pdfText.ts';
import type { BlockCell } from './types.ts';

/** A gap at least this wide between two runs of a line parts two cells (a multiple of the size). */
const CELL_GAP = 0.6;
/** Baselines closer than this are lines of one wrapped cell; rows stand further apart (a multiple of the size). */
const WRAPPED = 1.55;
/** The fewest rows and columns a table has. */
const MIN_ROWS = 3;
const MIN_COLUMNS = 2;
/** A lone row of counts is a table when it has this many (fewer could be figures in a line of text). */
const MIN_BARE_COUNTS = 5;
/** What a count cell of a report holds. */
const NUMERIC = /^(?:[-+−]?\d[\d,，.]*%?|[-—–/]|无)$/u;

interface Part {
  runs: GlyphRun[];
  x0: number;
  x1: number;
  text: string;
}

export interface AlignedLine {
  y: number;
  size: number;
  parts: Part[];
  runs: GlyphRun[];
}

const textOf = (runs: readonly GlyphRun[]) => linesOf(runs).map((l) => l.text).reduce(joinLines, '');

/** A line's runs parted where a wide gap opens (space runs are gaps, not glyphs). */
function partsOf(runs: readonly GlyphRun[]): AlignedLine | null {
  const visible = runs.filter((r) => r.text.trim() !== '');
  if (visible.length === 0) return null;
  const size = Math.max(...visible.map((r) => r.size));
  const groups: GlyphRun[][] = [];
  let end = -Infinity;
  for (const run of visible) {
    const group = groups.at(-1);
    if (group && run.x - end < CELL_GAP * size) group.push(run);
    else groups.push([run]);
    end = Math.max(end, run.x + run.width);
  }
  const parts = groups.map((g) => ({ runs: g, x0: g[0]!.x, x1: Math.max(...g.map((r) => r.x + r.width)), text: textOf(g) }));
  return { y: visible[0]!.y, size, parts, runs: [...runs] };
}

const isNumeric = (part: Part) => NUMERIC.test(part.text);
/** Where a line's counts begin: the first of the numbers that end it, or -1 when it does not end in numbers. */
function countsFrom(line: AlignedLine): number {
  let k = line.parts.length;
  while (k > 0 && isNumeric(line.parts[k - 1]!)) k--;
  return k < line.parts.length ? k : -1;
}
/** A row of counts: two cells or more, labels then numbers. */
const isBody = (line: AlignedLine) => line.parts.length >= MIN_COLUMNS && countsFrom(line) >= 0;

interface Band {
  x0: number;
  x1: number;
}

/** The x-intervals of the parts, overlapping ones merged, left to right. */
function merged(parts: readonly Part[]): Band[] {
  const bands: Band[] = [];
  for (const p of [...parts].sort((a, b) => a.x0 - b.x0)) {
    const last = bands.at(-1);
    if (last && p.x0 <= last.x1) last.x1 = Math.max(last.x1, p.x1);
    else bands.push({ x0: p.x0, x1: p.x1 });
  }
  return bands;
}

/**
 * The columns of body rows: the count columns (their numbers' intervals,
 * merged), and left of them the label columns, one where label parts of
 * two rows or more start (nested labels: 三、 / （三）不予公开 / 4.保护…).
 */
function columnsOf(body: readonly AlignedLine[]): { starts: number[]; counts: Band[] } | null {
  const counts = merged(body.flatMap((l) => l.parts.slice(countsFrom(l))));
  const labels = body.flatMap((l) => l.parts.slice(0, countsFrom(l)));
  if (counts.length === 0) return null;
  const size = body[0]!.size;
  const starts: number[] = [];
  const x0s = labels.map((p) => p.x0).sort((a, b) => a - b);
  for (const x of x0s) {
    const same = x0s.filter((o) => Math.abs(o - x) <= size / 4).length;
    if (same >= 2 && !starts.some((s) => Math.abs(s - x) <= size / 4)) starts.push(x);
  }
  if ((labels.length > 0 && starts.length === 0) || labels.some((p) => p.x1 > counts[0]!.x0)) return null;
  return { starts, counts };
}

/**
 * The tables laid out by alignment among a page's lines (top to bottom),
 * with the lines they take; the other lines stay running text.
 */
export function findAlignedTables(lines: readonly AlignedLine[]): { tables: PageTable[]; used: Set<AlignedLine> } {
  const tables: PageTable[] = [];
  const used = new Set<AlignedLine>();
  let i = 0;
  while (i < lines.length) {
    if (!isBody(lines[i]!)) {
      i++;
      continue;
    }
    const size = lines[i]!.size;
    const near = (a: AlignedLine, b: AlignedLine) => a.y - b.y < 4 * size;
    // The body rows that go on from here, other lines between them allowed.
    let j = i;
    let last = i;
    // A body row whose counts stand off the columns so far starts another table.
    let countBands = merged(lines[i]!.parts.slice(countsFrom(lines[i]!)));
    const onBands = (l: AlignedLine) =>
      l.parts.slice(countsFrom(l)).every((p) => countBands.some((b) => p.x1 > b.x0 - size / 2 && p.x0 < b.x1 + size / 2));
    while (j + 1 < lines.length && near(lines[j]!, lines[j + 1]!)) {
      j++;
      if (!isBody(lines[j]!)) continue;
      if (!onBands(lines[j]!)) break;
      last = j;
      countBands = merged([...countBands.map((b) => ({ runs: [], text: '', ...b })), ...lines[j]!.parts.slice(countsFrom(lines[j]!))]);
    }
    const columns = columnsOf(lines.slice(i, last + 1).filter(isBody));
    if (!columns) {
      i = last + 1;
      continue;
    }
    const labelEnd = columns.counts[0]!.x0 - size / 2;
    const inCount = (p: Part) => columns.counts.some((b) => p.x0 < b.x1 + size / 2 && p.x1 > b.x0 - size / 2);
    // Inside the table a line sits on its columns: labels left of the counts, other parts over a count column (a header centred over it).
    const inside = (l: AlignedLine) => l.parts.every((p) => p.x1 <= labelEnd || ((p.x0 + p.x1) / 2 >= labelEnd && inCount(p)));
    // Above it, its header lines: parted into cells, or one part over one column.
    const header = (l: AlignedLine) =>
      inside(l) && (l.parts.length >= 2 || columns.counts.some((b) => l.parts[0]!.x0 >= b.x0 - size && l.parts[0]!.x1 <= b.x1 + size));
    let start = i;
    while (start > 0 && !used.has(lines[start - 1]!) && header(lines[start - 1]!) && near(lines[start - 1]!, lines[start]!)) start--;
    let stop = i;
    while (stop + 1 <= last && inside(lines[stop + 1]!)) stop++;
    const taken = lines.slice(start, stop + 1);
    const bodyRows = taken.filter(isBody);
    // One row of many counts under its headers is a table too (四: one row, no label).
    const bare = bodyRows.length === 1 && bodyRows[0]!.parts.length >= MIN_BARE_COUNTS && countsFrom(bodyRows[0]!) === 0;
    if ((bodyRows.length >= 2 || bare) && taken.length >= MIN_ROWS) {
      tables.push(tableOf(taken, columns.starts, columns.counts));
      for (const l of taken) used.add(l);
    }
    i = stop + 1;
  }
  return { tables, used };
}

interface Row {
  /** The row's lines, top to bottom. */
  lines: AlignedLine[];
  cells: string[];
  /** Where each cell's part ends: the last column it spans. */
  spanTo: number[];
  /** The baseline of its own line: its numbers, which a wrapped label is centred on. */
  anchor: number;
}

function tableOf(lines: readonly AlignedLine[], starts: readonly number[], counts: readonly Band[]): PageTable {
  const size = lines[0]!.size;
  const columnCount = starts.length + counts.length;
  const columnOf = (p: Part): [number, number] => {
    const overCounts = counts.flatMap((b, k) => (p.x1 > b.x0 - size / 2 && p.x0 < b.x1 + size / 2 ? [starts.length + k] : []));
    if (overCounts.length) return [overCounts[0]!, overCounts.at(-1)!];
    const label = Math.max(0, starts.findLastIndex((s) => s <= p.x0 + size / 4));
    return [label, label];
  };
  const rowOf = (line: AlignedLine): Row => {
    const cells = Array.from({ length: columnCount }, () => '');
    const spanTo = cells.map((_, c) => c);
    line.parts.forEach((p, k) => {
      const [first, end] = columnOf(p);
      // A label spans the label columns up to the next part's.
      const nextStart = line.parts[k + 1] ? columnOf(line.parts[k + 1]!)[0] : columnCount;
      cells[first] = joinLines(cells[first]!, p.text);
      spanTo[first] = first < starts.length ? Math.max(end, Math.min(nextStart, starts.length) - 1) : end;
    });
    return { lines: [line], cells, spanTo, anchor: line.y };
  };
  const filled = (row: Row, line: AlignedLine) => line.parts.some((p) => row.cells[columnOf(p)[0]] !== '');
  const rows: Row[] = [];
  const pending = lines.map(rowOf);
  for (let k = 0; k < pending.length; k++) {
    const row = pending[k]!;
    // Its own line (a wrapped line above may have joined it already).
    const line = lines[k]!;
    const prev = rows.at(-1);
    const next = pending[k + 1];
    // A line of a wrapped cell: close to a row, into the one with room for it, else the one whose numbers it is nearer (a cell is centred on them).
    // Header text over the count columns never joins a row of counts.
    const fitsIn = (other: Row) => !(other.lines.some(isBody) && line.parts.some((p) => columnOf(p)[0] >= starts.length));
    const up = prev && !isBody(line) && fitsIn(prev) && prev.lines.at(-1)!.y - line.y < WRAPPED * size ? prev.lines.at(-1)!.y - line.y : Infinity;
    const down = next && !isBody(line) && fitsIn(next) && line.y - next.lines[0]!.y < WRAPPED * size ? line.y - next.lines[0]!.y : Infinity;
    const roomUp = prev !== undefined && up < Infinity && !filled(prev, line);
    const roomDown = next !== undefined && down < Infinity && !filled(next, line);
    const centredUp = prev ? Math.abs(prev.anchor - line.y) : Infinity;
    const centredDown = next ? Math.abs(next.anchor - line.y) : Infinity;
    const goUp = up < Infinity && (roomUp && !roomDown ? true : roomDown && !roomUp ? false : down === Infinity || centredUp <= centredDown);
    if (prev && goUp) {
      row.cells.forEach((t, c) => (prev.cells[c] = joinLines(prev.cells[c]!, t)));
      row.spanTo.forEach((e, c) => (prev.spanTo[c] = Math.max(prev.spanTo[c]!, row.cells[c] ? e : c)));
      prev.lines.push(line);
    } else if (next && down < Infinity) {
      next.cells = next.cells.map((t, c) => joinLines(row.cells[c]!, t));
      next.spanTo = next.spanTo.map((e, c) => Math.max(e, row.cells[c] ? row.spanTo[c]! : c));
      next.lines.unshift(line);
    } else rows.push(row);
  }
  const bounds = [...starts.map((s) => ({ x0: s, x1: s })), ...counts];
  const xs = [bounds[0]!.x0 - size / 2, ...bounds.slice(1).map((b, k) => (k + 1 < starts.length ? b.x0 - size / 4 : (bounds[k]!.x1 + b.x0) / 2)), counts.at(-1)!.x1 + size / 2];
  const ys = [rows[0]!.lines[0]!.y + size, ...rows.slice(1).map((r, k) => (rows[k]!.lines.at(-1)!.y + r.lines[0]!.y) / 2 + size / 3), rows.at(-1)!.lines.at(-1)!.y - size / 2];
  return {
    xs,
    ys,
    rows: rows.map(({ cells, spanTo }) => {
      const out: BlockCell[] = [];
      for (let c = 0; c < columnCount; c++) {
        out.push({ text: cells[c]! });
        // A span ends before the next cell with text of its own.
        const own = cells.findIndex((t, d) => d > c && t !== '');
        const end = Math.min(spanTo[c]!, own < 0 ? columnCount - 1 : own - 1);
        for (let d = c + 1; d <= end; d++) out.push({ text: cells[c]!, continuation: 'left' });
        c = Math.max(c, end);
      }
      return out;
    }),
    spans: rows.map(() => Array.from({ length: columnCount }, () => 1)),
  };
}

/** The runs of a page as lines parted into cells, top to bottom. */
export function alignedLinesOf(runs: readonly GlyphRun[]): AlignedLine[] {
  return runsByLine(runs).flatMap((group) => partsOf(group) ?? []);
}
