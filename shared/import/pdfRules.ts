/**
 * The ruling lines a page draws, from pdf.js's operator list: stroked
 * straight segments, and filled rectangles thin enough to be a line (how
 * Word draws cell borders), in page space. The current transformation is
 * followed through save/restore, cm and form XObjects.
 */
import type { Rule } from './pdfTables.ts';

/** The operator codes used here (pdf.js's OPS). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js's path buffer codes (DrawOPS). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_TO = 3;
const CLOSE = 4;

/** A filled rectangle at most this thick (points) is a rule. */
const MAX_RULE_THICKNESS = 3;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function asMatrix(value: unknown): Matrix | null {
  if (!(Array.isArray(value) || ArrayBuffer.isView(value))) return null;
  const m = Array.from(value as ArrayLike<number>);
  return m.length === 6 && m.every(Number.isFinite) ? (m as Matrix) : null;
}

type Point = [number, number];
const apply = (m: Matrix, x: number, y: number): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The subpaths of a path buffer, as lists of points (closed ones end where they began). */
function subpaths(buffer: ArrayLike<number>, ctm: Matrix): { points: Point[]; curved: boolean }[] {
  const out: { points: Point[]; curved: boolean }[] = [];
  let current: { points: Point[]; curved: boolean } | undefined;
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === MOVE_TO) {
      current = { points: [apply(ctm, buffer[k]!, buffer[k + 1]!)], curved: false };
      out.push(current);
      k += 2;
    } else if (op === LINE_TO) {
      current?.points.push(apply(ctm, buffer[k]!, buffer[k + 1]!));
      k += 2;
    } else if (op === CURVE_TO || op === QUADRATIC_TO) {
      const n = op === CURVE_TO ? 6 : 4;
      if (current) {
        current.curved = true;
        current.points.push(apply(ctm, buffer[k + n - 2]!, buffer[k + n - 1]!));
      }
      k += n;
    } else if (op === CLOSE) {
      if (current && current.points.length > 1) current.points.push(current.points[0]!);
    } else {
      break;
    }
  }
  return out;
}

function strokedRules(paths: { points: Point[] }[], rules: Rule[]): void {
  for (const { points } of paths) {
    for (let i = 1; i < points.length; i++) {
      const [x1, y1] = points[i - 1]!;
      const [x2, y2] = points[i]!;
      if (x1 !== x2 || y1 !== y2) rules.push({ x1, y1, x2, y2 });
    }
  }
}

/** A filled subpath that is a thin axis-aligned rectangle, as the line along its length. */
function filledRules(paths: { points: Point[]; curved: boolean }[], rules: Rule[]): void {
  for (const { points, curved } of paths) {
    if (curved || points.length < 4 || points.length > 5) continue;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // Only corners on the bounding box: an axis-aligned rectangle.
    if (!points.every(([x, y]) => (x === left || x === right) && (y === bottom || y === top))) continue;
    const [w, h] = [right - left, top - bottom];
    if (h <= MAX_RULE_THICKNESS && w > h) rules.push({ x1: left, y1: (top + bottom) / 2, x2: right, y2: (top + bottom) / 2 });
    else if (w <= MAX_RULE_THICKNESS && h > w) rules.push({ x1: (left + right) / 2, y1: bottom, x2: (left + right) / 2, y2: top });
  }
}

/** The rules drawn by an operator list. */
export function rulesOf(fnArray: readonly number[], argsArray: readonly unknown[], ops: PathOps): Rule[] {
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = multiply(ctm, asMatrix(args) ?? IDENTITY);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      ctm = multiply(ctm, asMatrix(args?.[0]) ?? IDENTITY);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const buffer = (args[1] as unknown[] | undefined)?.[0];
      if (!buffer || !ArrayBuffer.isView(buffer)) continue;
      const paths = subpaths(buffer as unknown as ArrayLike<number>, ctm);
      if (strokes.has(paint)) strokedRules(paths, rules);
      else if (fills.has(paint)) filledRules(paths, rules);
    }
  }
  return rules;
}
