/**
 * Tables of a PDF page from its ruling lines: the horizontal and vertical
 * rules that touch form one table; their positions give its grid, and a
 * missing rule between two grid cells means they are one merged cell. The
 * grid is laid out as the docx reader's is (continuations repeat the
 * anchor's text), with each cell's text from the glyph runs inside it.
 */
import { joinLines, linesOf, type GlyphRun } from './pdfText.ts';
import type { BlockCell } from './types.ts';

/** An axis-aligned rule in page space. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A table found on a page: its grid in page space, top row first. */
export interface PageTable {
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom (descending y). */
  ys: number[];
  rows: BlockCell[][];
  /** For each grid cell, the row span of the merged cell it belongs to (1 when not merged down). */
  spans: number[][];
}

/** Rules this close are one line; a rule ending this near another meets it (points). */
const TOLERANCE = 1.5;

interface Segment {
  /** The fixed coordinate: y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

/** Collinear overlapping segments as one. */
function mergeSegments(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out.findLast((o) => Math.abs(o.at - s.at) <= TOLERANCE && s.from <= o.to + TOLERANCE && s.to >= o.from - TOLERANCE);
    if (last) {
      last.from = Math.min(last.from, s.from);
      last.to = Math.max(last.to, s.to);
    } else out.push({ ...s });
  }
  return out;
}

/** Positions closer than the tolerance as one, their mean. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups.at(-1);
    if (g && v - g.at(-1)! <= TOLERANCE) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

const meets = (h: Segment, v: Segment) =>
  v.at >= h.from - TOLERANCE && v.at <= h.to + TOLERANCE && h.at >= v.from - TOLERANCE && h.at <= v.to + TOLERANCE;

const covers = (segments: Segment[], at: number, point: number) =>
  segments.some((s) => Math.abs(s.at - at) <= TOLERANCE && s.from - TOLERANCE <= point && point <= s.to + TOLERANCE);

/** The rules split into horizontal and vertical segments, each merged; others (diagonals) dropped. */
function segmentsOf(rules: readonly Rule[]): { h: Segment[]; v: Segment[] } {
  const h: Segment[] = [];
  const v: Segment[] = [];
  for (const r of rules) {
    if (Math.abs(r.y1 - r.y2) <= TOLERANCE / 3) h.push({ at: (r.y1 + r.y2) / 2, from: Math.min(r.x1, r.x2), to: Math.max(r.x1, r.x2) });
    else if (Math.abs(r.x1 - r.x2) <= TOLERANCE / 3) v.push({ at: (r.x1 + r.x2) / 2, from: Math.min(r.y1, r.y2), to: Math.max(r.y1, r.y2) });
  }
  return { h: mergeSegments(h), v: mergeSegments(v) };
}

/** Groups of rules that touch one another, each a table candidate. */
function connected(h: Segment[], v: Segment[]): { h: Segment[]; v: Segment[] }[] {
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) if (meets(h[i]!, v[j]!)) parent[find(i)] = find(h.length + j);
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  const group = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((s, i) => group(i).h.push(s));
  v.forEach((s, j) => group(h.length + j).v.push(s));
  return [...groups.values()];
}

/** Where `value` falls among ascending boundaries: the index of its interval, or -1 outside. */
function intervalOf(bounds: number[], value: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (value >= bounds[i]! && value < bounds[i + 1]!) return i;
  return -1;
}

/** Where a run's glyphs sit: the middle of its advance, a third of the way up from the baseline. */
const centreOf = (run: GlyphRun) => ({ x: run.x + run.width / 2, y: run.y + run.size / 3 });

/**
 * The tables the rules draw on a page, each with the runs inside it taken
 * out of `runs` (what is left is the page's running text).
 */
export function findTables(rules: readonly Rule[], runs: GlyphRun[], limits: { maxColumns: number }): PageTable[] {
  const { h, v } = segmentsOf(rules);
  const tables: PageTable[] = [];
  for (const group of connected(h, v)) {
    const xs = cluster(group.v.map((s) => s.at));
    const ys = cluster(group.h.map((s) => s.at)).reverse();
    if (xs.length < 3 || ys.length < 3) continue;
    if (xs.length - 1 > limits.maxColumns) return [];
    tables.push(buildTable(xs, ys, group.h, group.v, runs));
  }
  return tables.sort((a, b) => b.ys[0]! - a.ys[0]!);
}

function buildTable(xs: number[], ys: number[], h: Segment[], v: Segment[], runs: GlyphRun[]): PageTable {
  const rowCount = ys.length - 1;
  const colCount = xs.length - 1;
  const id = (r: number, c: number) => r * colCount + c;
  const parent = Array.from({ length: rowCount * colCount }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Keep the top-left cell as the root, so it is the anchor of its merged cell.
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rowCount; r++) {
    const midY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < colCount; c++) {
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < colCount && !covers(v, xs[c + 1]!, midY)) union(id(r, c), id(r, c + 1));
      if (r + 1 < rowCount && !covers(h, ys[r + 1]!, midX)) union(id(r, c), id(r + 1, c));
    }
  }

  // Each run inside the table goes to its merged cell.
  const top = ys[0]!;
  const bottom = ys[rowCount]!;
  const ascendingYs = [...ys].reverse();
  const inCell = new Map<number, GlyphRun[]>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const { x, y } = centreOf(runs[i]!);
    if (y > top || y < bottom) continue;
    const c = intervalOf(xs, x);
    const fromBottom = intervalOf(ascendingYs, y);
    if (c < 0 || fromBottom < 0) continue;
    const root = find(id(rowCount - 1 - fromBottom, c));
    const list = inCell.get(root) ?? [];
    list.push(runs[i]!);
    inCell.set(root, list);
    runs.splice(i, 1);
  }
  const textOf = (root: number) =>
    linesOf(inCell.get(root) ?? [])
      .map((l) => l.text)
      .reduce(joinLines, '');

  const rows: BlockCell[][] = [];
  const spans: number[][] = [];
  const texts = new Map<number, string>();
  const rowSpan = new Map<number, number>();
  for (let i = 0; i < parent.length; i++) {
    const root = find(i);
    if (Math.floor(i / colCount) > Math.floor(root / colCount) && i % colCount === root % colCount) rowSpan.set(root, (rowSpan.get(root) ?? 1) + 1);
  }
  for (let r = 0; r < rowCount; r++) {
    const row: BlockCell[] = [];
    const spanRow: number[] = [];
    for (let c = 0; c < colCount; c++) {
      const root = find(id(r, c));
      let text = texts.get(root);
      if (text === undefined) texts.set(root, (text = textOf(root)));
      const anchorRow = Math.floor(root / colCount);
      if (root === id(r, c)) row.push({ text });
      else row.push({ text, continuation: anchorRow === r ? 'left' : 'above' });
      spanRow.push(rowSpan.get(root) ?? 1);
    }
    rows.push(row);
    spans.push(spanRow);
  }
  return { xs, ys, rows, spans };
}
