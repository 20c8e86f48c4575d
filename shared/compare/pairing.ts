/**
 * Which of last year's cells each of this year's cells is compared with.
 * Within one format a cell pairs with itself. Across formats (2019 → 2021) a
 * cell both formats have pairs with itself, and a cell only the new format has
 * pairs with the one its carry-over rule takes the value from when that rule
 * is a plain rename (one cell, coefficient 1, a cell the new format lacks):
 * 对外公开总数量 → 现行有效件数. Carry-over rules between different rows of
 * both formats (结转下年度 → 上年结转) move a figure a year on and pair nothing.
 */
import { formatIndex, getFormat } from '../formats/index.ts';
import type { FormatId } from '../formats/types.ts';

export interface CellPair {
  /** This year's cell. */
  cell: string;
  /** Last year's cell it is compared with. */
  lastCell: string;
  /** Set when the pair is only approximate (the carry-over asks the clerk to confirm it). */
  note?: string;
}

export interface Pairing {
  pairs: CellPair[];
  /** Last year's cells with no counterpart this year, with the reason where the format gives one. */
  unmatchedLast: { cell: string; reason?: string }[];
  /** This year's cells with no counterpart last year. */
  unmatchedThis: string[];
}

const cache = new Map<string, Pairing>();

export function pairCells(lastFormat: FormatId, thisFormat: FormatId): Pairing {
  const key = `${lastFormat}>${thisFormat}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const lastCells = formatIndex(lastFormat).cellById;
  const thisCells = formatIndex(thisFormat).cells;
  const renames = new Map<string, { lastCell: string; note?: string }>();
  const mapping = getFormat(thisFormat).carryOver.find((m) => m.fromFormat === lastFormat);
  for (const rule of mapping?.rules ?? []) {
    const [only, ...more] = rule.from;
    if (!only || more.length > 0 || only.coef !== 1 || formatIndex(thisFormat).cellById.has(only.cell)) continue;
    renames.set(rule.target, rule.confirm ? { lastCell: only.cell, note: rule.confirm } : { lastCell: only.cell });
  }
  const pairs: CellPair[] = [];
  const unmatchedThis: string[] = [];
  for (const { id } of thisCells) {
    const rename = renames.get(id);
    if (lastCells.has(id)) pairs.push({ cell: id, lastCell: id });
    else if (rename) pairs.push({ cell: id, ...rename });
    else unmatchedThis.push(id);
  }
  const paired = new Set(pairs.map((p) => p.lastCell));
  const reasons = new Map((mapping?.dropped ?? []).flatMap((d) => d.cells.map((c) => [c, d.reason] as const)));
  const unmatchedLast = [...lastCells.keys()]
    .filter((id) => !paired.has(id))
    .map((cell) => {
      const reason = reasons.get(cell);
      return reason ? { cell, reason } : { cell };
    });
  const pairing = { pairs, unmatchedLast, unmatchedThis };
  cache.set(key, pairing);
  return pairing;
}

const lastCells = new Map<string, ReadonlyMap<string, string>>();

/** This year's cell → the cell of last year's format it is compared with. */
export function lastCellOf(lastFormat: FormatId, thisFormat: FormatId): ReadonlyMap<string, string> {
  const key = `${lastFormat}>${thisFormat}`;
  let map = lastCells.get(key);
  if (!map) {
    map = new Map(pairCells(lastFormat, thisFormat).pairs.map((p) => [p.cell, p.lastCell]));
    lastCells.set(key, map);
  }
  return map;
}
