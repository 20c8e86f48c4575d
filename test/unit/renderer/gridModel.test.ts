import { describe, expect, it } from 'vitest';
import { formatIndex } from '../../../shared/formats/index.ts';
import { moveFrom, placeBlock, sectionGrids, type Move } from '../../../renderer/src/grid/gridModel.ts';

const [requests] = sectionGrids('gov2021', '三');
const [art20] = sectionGrids('gov2021', '二');

describe('sectionGrids', () => {
  it.each(['gov2019', 'gov2021'] as const)('%s: the grids hold every cell of the format once, in document order', (format) => {
    const index = formatIndex(format);
    const ids = (['二', '三', '四'] as const).flatMap((s) => sectionGrids(format, s).flatMap((g) => g.rows.flat().map((slot) => slot.id)));
    expect(ids).toEqual(index.cells.map((c) => c.id));
  });

  it('draws the tables of 二 in one shared grid and 三, 四 alone', () => {
    expect(sectionGrids('gov2021', '二')).toHaveLength(1);
    expect(art20!.layout.tables).toEqual(['art20_1', 'art20_5', 'art20_6', 'art20_8']);
    expect(sectionGrids('gov2021', '一')).toEqual([]);
  });
});

describe('moveFrom', () => {
  it.each<[string, Move, string | undefined]>([
    ['requests.new.natural', 'right', 'requests.new.business'],
    ['requests.new.natural', 'left', undefined],
    ['requests.new.natural', 'up', undefined],
    ['requests.new.total', 'next', 'requests.carried_in.natural'],
    ['requests.carried_in.natural', 'previous', 'requests.new.total'],
    ['requests.carried_out.total', 'next', undefined],
    ['requests.carried_out.total', 'down', undefined],
    ['requests.partly_granted.legal', 'down', 'requests.denied_state_secret.legal'],
    ['requests.results_total.other_org', 'up', 'requests.other_misc.other_org'],
  ])('%s %s → %s', (from, move, to) => {
    expect(moveFrom(requests!, from, move)).toBe(to);
  });

  it('moves between a four-column table and a one-column table of 二 by the column it covers', () => {
    expect(moveFrom(art20!, 'art20_1.normative_docs.in_force', 'down')).toBe('art20_5.licensing.decisions');
    expect(moveFrom(art20!, 'art20_5.licensing.decisions', 'up')).toBe('art20_1.normative_docs.issued');
  });
});

describe('placeBlock', () => {
  it('lays a block over data rows and value cells from the starting cell and counts what falls off', () => {
    const placed = placeBlock(requests!, 'requests.results_total.total', [['1', '2'], ['3', '4'], ['5', '6']]);
    expect([...placed.assignments]).toEqual([
      ['requests.results_total.total', '1'],
      ['requests.carried_out.total', '3'],
    ]);
    expect(placed.clipped).toBe(4);
  });
});
