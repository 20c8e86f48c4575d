/**
 * Derived values of a report: every cell's parsed value, provenance, and for
 * total cells the value computed from their parts. Pure and cheap; the
 * editor and the checks call it on every change.
 */
import { formatIndex, type CellInfo, type FormatIndex } from '../formats/index.ts';
import { parseCellValue, type ParsedCell } from './parseCellValue.ts';
import type { Provenance, Report } from './report.ts';

export interface CellValue {
  info: CellInfo;
  /** The stored raw text; undefined when nothing is stored. */
  raw: string | undefined;
  parsed: ParsedCell;
  provenance: Provenance;
  /** For total cells: the sum of the parts (null when no part holds a number). */
  computed?: number | null;
  /**
   * The number the report states: the parsed number; for a total cell with
   * nothing stored, the computed value (that is what the report prints);
   * null where blank, not applicable or invalid.
   */
  value: number | null;
}

export interface ReportValues {
  index: FormatIndex;
  cells: ReadonlyMap<string, CellValue>;
}

const BLANK: ParsedCell = { status: 'blank' };

/** The number a part contributes to a sum; null when it holds none. */
function contribution(parsed: ParsedCell): number | null {
  if (parsed.status === 'number') return parsed.value;
  if (parsed.status === 'na') return 0;
  return null;
}

export function evaluateReport(report: Report): ReportValues {
  const index = formatIndex(report.format);
  const parsed = new Map<string, ParsedCell>();
  for (const info of index.cells) {
    const entry = report.cells[info.id];
    parsed.set(info.id, entry ? parseCellValue(entry.raw, info.column.kind) : BLANK);
  }

  const computed = new Map<string, number | null>();
  // Totals derive from leaves only, so a wrong typed subtotal cannot leak into
  // the grand total: both the row and the column path give the same leaf sum.
  const compute = (id: string, depth: number): number | null => {
    const known = computed.get(id);
    if (known !== undefined) return known;
    const info = index.cellById.get(id);
    if (!info) return null;
    const rule = info.computedBy;
    if (!rule || depth > 8) return contribution(parsed.get(id) ?? BLANK);
    let sum = 0;
    let any = false;
    for (const part of rule.parts) {
      const partId =
        rule.direction === 'row'
          ? `${info.table.id}.${info.row.id}.${part}`
          : `${info.table.id}.${part}.${info.column.id}`;
      const v = compute(partId, depth + 1);
      if (v !== null) {
        sum += v;
        any = true;
      }
    }
    const result = any ? sum : null;
    computed.set(id, result);
    return result;
  };

  const cells = new Map<string, CellValue>();
  for (const info of index.cells) {
    const entry = report.cells[info.id];
    const p = parsed.get(info.id) ?? BLANK;
    const stated = p.status === 'number' ? p.value : null;
    const cell: CellValue = {
      info,
      raw: entry?.raw,
      parsed: p,
      provenance: entry ? entry.source : info.computedBy ? 'computed' : 'typed',
      value: stated,
    };
    if (info.computedBy) {
      const c = compute(info.id, 0);
      cell.computed = c;
      if (!entry) cell.value = c;
    }
    cells.set(info.id, cell);
  }
  return { index, cells };
}
