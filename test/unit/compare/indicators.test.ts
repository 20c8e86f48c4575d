import { describe, expect, it } from 'vitest';
import { indicatorValue } from '../../../shared/compare/indicators.ts';
import { FORMAT_IDS, formatIndex } from '../../../shared/formats/index.ts';
import { INDICATORS, type IndicatorDef } from '../../../shared/formats/indicators.ts';

describe('the declared indicators', () => {
  it.each(FORMAT_IDS)('of %s name only cells of the format, once each id', (format) => {
    const cells = formatIndex(format).cellById;
    const defs = INDICATORS[format] ?? [];
    expect(defs.length).toBeGreaterThan(0);
    expect(new Set(defs.map((d) => d.id)).size).toBe(defs.length);
    for (const def of defs) {
      expect(def.formula.length, def.id).toBeGreaterThan(0);
      for (const cell of [...def.numerator, ...(def.denominator ?? [])]) expect(cells.has(cell), `${def.id}: ${cell}`).toBe(true);
    }
  });

  it.each(['requests_total', 'granted_rate', 'denied_rate', 'unable_rate', 'not_held_share', 'rejected_rate', 'carried_out_rate', 'review_correction_rate', 'suit_correction_rate', 'regulations_stock', 'normative_docs_stock'])(
    'include %s in both formats',
    (id) => {
      for (const format of FORMAT_IDS) expect((INDICATORS[format] ?? []).some((d) => d.id === id), format).toBe(true);
    },
  );
});

describe('indicatorValue', () => {
  const rate: IndicatorDef = { id: 'r', label: 'r', formula: 'a ÷ (b + c)', numerator: ['a'], denominator: ['b', 'c'] };
  const count: IndicatorDef = { id: 'n', label: 'n', formula: 'a + b', numerator: ['a', 'b'] };
  const figures = (values: Record<string, number | null>) => ({ format: 'gov2021' as const, year: 2024, organ: '', values });

  it.each<[IndicatorDef, Record<string, number | null>, number | null]>([
    [rate, { a: 1, b: 3, c: 1 }, 25],
    [rate, { a: 0, b: 2, c: null }, 0],
    [rate, { a: 3, b: 0, c: 0 }, null],
    [rate, { a: null, b: null, c: null }, null],
    [count, { a: 2, b: null }, 2],
    [count, { a: 0, b: 0 }, 0],
    [count, { a: null, b: null }, null],
  ])('%o of %o is %s', (def, values, expected) => {
    expect(indicatorValue(def, figures(values))).toBe(expected);
  });
});
