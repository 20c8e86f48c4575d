import { describe, expect, it } from 'vitest';
import { FORMAT_IDS, formatForYear, formatIndex, splitCellId } from '../../../shared/formats/index.ts';

describe('formatForYear', () => {
  it.each([
    [2019, 'gov2019'],
    [2020, 'gov2019'],
    [2021, 'gov2021'],
    [2026, 'gov2021'],
  ])('%i → %s', (year, id) => expect(formatForYear(year)).toBe(id));
});

describe.each(FORMAT_IDS)('format %s', (id) => {
  const index = formatIndex(id);

  it('has unique, well-formed cell ids', () => {
    const ids = index.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of ids) expect(splitCellId(cell), cell).toBeDefined();
  });

  it('declares six sections in order', () => {
    expect(index.format.sections.map((s) => s.key).join('')).toBe('一二三四五六');
  });

  it('refers only to cells it has', () => {
    const known = (cell: string) => index.cellById.has(cell);
    for (const rule of index.format.crossYear) expect(known(rule.target), rule.target).toBe(true);
    for (const m of index.format.carryOver) for (const r of m.rules) expect(known(r.target), r.target).toBe(true);
    for (const p of index.format.proseNumbers) for (const alt of p.equalsAnyOf) for (const c of alt) expect(known(c), c).toBe(true);
  });

  it('computes every 总计 of 三 and 四', () => {
    const totals = index.cells.filter((c) => c.computedBy).map((c) => c.id);
    expect(totals).toContain('requests.results_total.natural');
    expect(totals).toContain('requests.new.total');
    expect(totals).toContain('appeals.count.review_total');
    expect(totals).toContain('appeals.count.suit_after_review_total');
    expect(totals).not.toContain('requests.new.natural');
  });

  it('names the parts of every computed cell, each a cell of the format', () => {
    for (const cell of index.cells) {
      expect(cell.partIds !== undefined, cell.id).toBe(cell.computedBy !== undefined);
      for (const part of cell.partIds ?? []) expect(index.cellById.has(part), `${cell.id} ← ${part}`).toBe(true);
    }
  });
});

describe('cell counts', () => {
  it('matches the official tables', () => {
    // 二: 6+6+6+2+2 = 22 (2019) and 6+1+2+1 = 10 (2021); 三: 23 or 25 rows × 7; 四: 15.
    expect(formatIndex('gov2019').cells.length).toBe(22 + 23 * 7 + 15);
    expect(formatIndex('gov2021').cells.length).toBe(10 + 25 * 7 + 15);
  });

  it.each([
    ['a row total', 'requests.new.total', ['requests.new.natural', 'requests.new.business', 'requests.new.research', 'requests.new.nonprofit', 'requests.new.legal', 'requests.new.other_org']],
    ['a column total', 'requests.results_total.natural', ['requests.granted.natural', 'requests.partly_granted.natural', 'requests.denied_state_secret.natural']],
  ])('lists the parts of %s in the rule\'s order', (_name, id, first) => {
    expect(formatIndex('gov2021').cellById.get(id)?.partIds?.slice(0, first.length)).toEqual(first);
  });

  it('labels cells for messages', () => {
    const label = (id: string) => formatIndex('gov2021').cellById.get(id)?.label;
    expect(label('requests.results_total.natural')).toBe('（七）总计·自然人');
    expect(label('appeals.count.suit_direct_total')).toBe('行政诉讼·未经复议直接起诉·总计');
    expect(label('art20_1.regulations.in_force')).toBe('第二十条第（一）项·规章·现行有效件数');
  });
});

describe.each(FORMAT_IDS)('section and row rules of %s live in its data', (id) => {
  const { format } = formatIndex(id);
  const section = (key: string) => format.sections.find((s) => s.key === key);

  it('一 to 四 report the year; 五 must be more than a few words and name measures; 六 may say 无', () => {
    expect(format.sections.filter((s) => s.reportsYear).map((s) => s.key)).toEqual(['一', '二', '三', '四']);
    expect(section('五')?.minChars).toBe(20);
    expect(section('五')?.measures?.anyOf).toContain('下一步');
    expect(section('六')?.emptyNote).toContain('无');
  });

  it('marks the catch-all row of a group by a property, each one the last of its group', () => {
    for (const table of format.tables) {
      for (const row of table.rows.filter((r) => r.catchAll)) {
        const group = table.rows.filter((r) => r.groups?.at(-1) === row.groups?.at(-1));
        expect(group.at(-1), row.id).toBe(row);
      }
    }
  });
});

it('the 2021 format alone asks 六 for the fee statement, and cites its own notice', () => {
  expect(formatIndex('gov2021').format.sections.find((s) => s.key === '六')?.mustMention?.rule).toBe('narrative.feeStatement');
  expect(formatIndex('gov2019').format.sections.find((s) => s.key === '六')?.mustMention).toBeUndefined();
  expect(FORMAT_IDS.map((id) => formatIndex(id).format.notice)).toEqual([
    { year: 2019, number: 60 },
    { year: 2021, number: 30 },
  ]);
});
