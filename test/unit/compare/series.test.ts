import { describe, expect, it } from 'vitest';
import type { YearFigures } from '../../../shared/compare/figures.ts';
import { sameOrgan, seriesYears } from '../../../shared/compare/series.ts';

describe('sameOrgan', () => {
  it.each([
    ['洪泽区人民政府', '洪泽区政府', true],
    ['洪泽区人民政府', '洪泽区', true],
    ['海工园（寅阳镇）', '寅阳镇人民政府', true],
    ['洪泽区人民政府', '淮安市人民政府', false],
    ['中共某县委员会', '某县委办公室', false],
    ['', '洪泽区人民政府', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(sameOrgan(a, b)).toBe(same);
    expect(sameOrgan(b, a)).toBe(same);
  });
});

describe('seriesYears', () => {
  const year = (y: number, organ: string): YearFigures => ({ format: 'gov-2021', year: y, organ, values: {} });

  it('keeps one entry per year, the later-listed winning, oldest first', () => {
    const years = seriesYears([year(2024, 'old'), year(2022, 'a'), year(2024, 'new'), year(2023, 'b')]);
    expect(years.map((y) => [y.year, y.organ])).toEqual([
      [2022, 'a'],
      [2023, 'b'],
      [2024, 'new'],
    ]);
  });
});
