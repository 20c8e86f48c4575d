/**
 * Derived values of a report: every cell's parsed value, provenance, and for
 * total cells the value computed from their parts. Pure and cheap; the
 * editor and the checks call it on every change.
 */
import { formatIndex, type CellInfo, type FormatIndex } from '../formats/index.ts';
import { parseCellValue, type ParsedCell } from './parseCellValue.ts';
import type { ValueKind } from '../formats/types.ts';
import { rollUpDecisions } from './decisions.ts';
import type { CellEntry, Provenance, Report } from './report.ts';

export interface CellValue {
  info: CellInfo;
  /** The stored raw text; undefined when nothing is stored. */
  raw: string | undefined;
  parsed: ParsedCell;
  provenance: Provenance;
  /** For total cells: the sum of the parts (null when no part holds a number); for a result column of 四, the decisions' roll-up. */
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

/**
 * Entries are never changed in place and each version of a report shares the
 * untouched ones with the last, so an entry is parsed once, not on every
 * keystroke.
 */
const parsedEntries = new WeakMap<CellEntry, { kind: ValueKind; parsed: ParsedCell }>();

function parseEntry(entry: CellEntry, kind: ValueKind): ParsedCell {
  const cached = parsedEntries.get(entry);
  if (cached?.kind === kind) return cached.parsed;
  const parsed = parseCellValue(entry.raw, kind);
  parsedEntries.set(entry, { kind, parsed });
  return parsed;
}

export function evaluateReport(report: Report): ReportValues {
  const index = formatIndex(report.format);
  const cells = new Map<string, CellValue>();
  for (const info of index.cells) {
    const entry = report.cells[info.id];
    const parsed = entry ? parseEntry(entry, info.column.kind) : BLANK;
    cells.set(info.id, {
      info,
      raw: entry?.raw,
      parsed,
      provenance: entry ? entry.source : info.computedBy ? 'computed' : 'typed',
      value: parsed.status === 'number' ? parsed.value : null,
    });
  }

  // A blank result column of 四 takes the roll-up of the decisions entered by type; a typed one keeps its figure.
  for (const { cell: id, value } of rollUpDecisions(report.appealDecisions)) {
    const cell = cells.get(id);
    if (!cell || cell.raw !== undefined) continue;
    cell.parsed = { status: 'number', value, notes: [] };
    cell.value = value;
    cell.computed = value;
    cell.provenance = 'decisions';
  }

  const computed = new Map<string, number | null>();
  // Totals derive from leaves only, so a wrong typed subtotal cannot leak into
  // the grand total: both the row and the column path give the same leaf sum.
  const compute = (id: string, depth: number): number | null => {
    const known = computed.get(id);
    if (known !== undefined) return known;
    const cell = cells.get(id);
    if (!cell) return null;
    const parts = cell.info.partIds;
    if (!parts || depth > 8) return contribution(cell.parsed);
    let sum = 0;
    let any = false;
    for (const partId of parts) {
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

  for (const cell of cells.values()) {
    if (!cell.info.computedBy) continue;
    cell.computed = compute(cell.info.id, 0);
    if (cell.raw === undefined) cell.value = cell.computed;
  }
  return { index, cells };
}
