import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../shared/checks/index.ts';
import type { FormatId } from '../../../shared/formats/types.ts';
import { buildReport, findingsOf } from './build.ts';

describe('acknowledged findings', () => {
  const cells = { 'art20_9.procurement.amount': '24925826', 'appeals.count.review_upheld': '2', 'appeals.count.review_total': '0' };
  const explain = (keys: string[]) => {
    const report = buildReport({ format: 'gov2019', cells });
    for (const key of keys) report.acknowledgements[key] = { explanation: '经核实无误', at: '2020-01-10T08:00:00Z' };
    return checkReport(report);
  };

  it('marks an explained warning and keeps it in the output', () => {
    const found = explain(['plausibility.amount:art20_9.procurement.amount']);
    const amount = found.find((f) => f.rule === 'plausibility.amount');
    expect(amount?.acknowledged).toBe('经核实无误');
    expect(found.filter((f) => f.acknowledged)).toHaveLength(1);
  });

  it('never marks an error as explained', () => {
    const found = explain(['appeals.review_total:appeals.count.review_total']);
    expect(found.find((f) => f.rule === 'appeals.review_total')?.acknowledged).toBeUndefined();
  });

  it('keeps keys stable when other cells change', () => {
    const keys = (extra: Record<string, string>) =>
      checkReport(buildReport({ format: 'gov2019', cells: { ...cells, ...extra } }))
        .filter((f) => f.rule === 'plausibility.amount' || f.rule === 'value.blank')
        .map((f) => f.key);
    expect(keys({ 'art20_1.regulations.made': '3', 'requests.new.natural': '1' })).toEqual(keys({}));
  });

  it('gives every finding a distinct key', () => {
    const found = checkReport(buildReport({ format: 'gov2019', cells }));
    expect(new Set(found.map((f) => f.key)).size).toBe(found.length);
  });
});

describe('the format for the year', () => {
  it.each<[FormatId, number, string[]]>([
    ['gov2019', 2020, []],
    ['gov2021', 2021, []],
    ['gov2019', 2021, ['2021年度报告应使用国办公开办函〔2021〕30号规定的格式，当前使用的是国办公开办函〔2019〕60号规定的格式']],
    ['gov2021', 2020, ['2020年度报告应使用国办公开办函〔2019〕60号规定的格式，当前使用的是国办公开办函〔2021〕30号规定的格式']],
  ])('%s for %i', (format, year, messages) => {
    expect(findingsOf(buildReport({ format, year }), 'format.year').map((f) => f.message)).toEqual(messages);
  });
});
