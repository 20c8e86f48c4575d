import { describe, expect, it } from 'vitest';
import { CarryOverError, carriedFrom, startNextYear } from '../../../shared/carryover/startNextYear.ts';
import { checkReport } from '../../../shared/checks/index.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { createReport, type Report } from '../../../shared/model/report.ts';
import type { FormatId } from '../../../shared/formats/types.ts';

function report(format: FormatId, year: number, cells: Record<string, string>): Report {
  const r = createReport({ format, year, organ: '某镇人民政府' });
  for (const [id, raw] of Object.entries(cells)) r.cells[id] = { raw, source: 'typed' };
  r.sections.一 = { text: `${year}年，我镇认真贯彻落实《条例》。`, source: 'typed' };
  return r;
}

describe('startNextYear', () => {
  it.each([
    // from format, year, last year's cells, expected carried cells of the new report
    [
      'gov2019 → gov2019: 上一年项目数量 = last year’s count + 本年增/减',
      'gov2019' as FormatId,
      2019,
      { 'art20_5.licensing.items_last_year': '12', 'art20_5.licensing.change': '-3', 'art20_8.fees.items_last_year': '4', 'art20_8.fees.change': '无' },
      { 'art20_5.licensing.items_last_year': '9', 'art20_8.fees.items_last_year': '4' },
      'gov2019',
    ],
    [
      'gov2021 → gov2021: 现行有效件数 baseline and 上年结转',
      'gov2021' as FormatId,
      2023,
      { 'art20_1.regulations.in_force': '5', 'requests.carried_out.natural': '3', 'requests.carried_out.business': '1' },
      {
        'art20_1.regulations.in_force': '5',
        'requests.carried_in.natural': '3',
        'requests.carried_in.business': '1',
      },
      'gov2021',
    ],
    [
      'gov2019 → gov2021: 对外公开总数量 offered as 现行有效件数',
      'gov2019' as FormatId,
      2020,
      { 'art20_1.normative_docs.total_published': '17', 'requests.carried_out.natural': '2' },
      { 'art20_1.normative_docs.in_force': '17', 'requests.carried_in.natural': '2' },
      'gov2021',
    ],
  ])('%s', (_name, format, year, cells, expected, newFormat) => {
    const { report: next } = startNextYear(report(format, year, cells));
    expect(next.format).toBe(newFormat);
    expect(next.year).toBe(year + 1);
    const carried = Object.fromEntries(Object.entries(next.cells).map(([id, e]) => [id, e.raw]));
    expect(carried).toEqual(expected);
    for (const entry of Object.values(next.cells)) expect(entry.source).toBe('carried');
  });

  it('keeps last year’s prose as a marked draft and its figures as a baseline', () => {
    const last = report('gov2021', 2023, { 'requests.new.natural': '7' });
    const { report: next } = startNextYear(last);
    expect(next.sections.一).toEqual({ text: '2023年，我镇认真贯彻落实《条例》。', source: 'carried' });
    expect(next.lastYear?.year).toBe(2023);
    expect(next.lastYear?.values['requests.new.natural']).toBe(7);
    // Totals are kept as the report stated them, computed where nobody typed them.
    expect(next.lastYear?.values['requests.new.total']).toBe(7);
    expect(next.lastYear?.sections.一).toBe('2023年，我镇认真贯彻落实《条例》。');
    expect(next.cells['requests.new.natural']).toBeUndefined();
  });

  it('says what the 2021 format cannot take and what must be confirmed', () => {
    const last = report('gov2019', 2020, {
      'art20_9.procurement.amount': '387.951',
      'art20_5.other_services.decisions': '0',
      'art20_1.regulations.total_published': '2',
    });
    const { notes } = startNextYear(last);
    const kinds = notes.map((n) => n.kind);
    expect(kinds).toContain('upgraded');
    const dropped = notes.filter((n) => n.kind === 'dropped');
    // Only what last year actually stated is reported lost (a 0 loses nothing).
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.cells).toEqual(['art20_9.procurement.amount']);
    expect(dropped[0]!.message).toContain('第二十条第（九）项');
    const confirm = notes.filter((n) => n.kind === 'confirm');
    expect(confirm.map((n) => n.cells[0])).toEqual(['art20_1.regulations.in_force']);
    expect(startNextYear(last).report.cells['art20_1.regulations.in_force']?.confirm).toContain('请核实');
  });

  it.each([2023, 2022, 2023.5])('refuses year %s for a 2023 report', (year) => {
    expect(() => startNextYear(report('gov2021', 2023, {}), year)).toThrow(CarryOverError);
  });
});

describe('carried totals compute from the carried parts', () => {
  it('a changed carried part changes 上年结转·总计, with no error to clear', () => {
    const last = report('gov2021', 2024, { 'requests.carried_out.natural': '3', 'requests.carried_out.business': '1' });
    const { report: next } = startNextYear(last);
    const total = (r: Report) => evaluateReport(r).cells.get('requests.carried_in.total')?.value;
    expect(next.cells['requests.carried_in.total']).toBeUndefined();
    expect(total(next)).toBe(4);
    const changed = { ...next, cells: { ...next.cells, 'requests.carried_in.natural': { raw: '5', source: 'typed' as const } } };
    expect(total(changed)).toBe(6);
    expect(checkReport(changed).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('carriedFrom names the cell of last year a value came from', () => {
  it.each<[string, FormatId, FormatId | undefined, string, string]>([
    ['现行有效件数 within 2021', 'gov2021', 'gov2021', 'art20_1.regulations.in_force', '取自上年报告的“规章·现行有效件数”'],
    ['对外公开总数量 across formats', 'gov2021', 'gov2019', 'art20_1.normative_docs.in_force', '取自上年报告的“规范性文件·对外公开总数量”'],
    ['上年结转 from 结转下年度', 'gov2021', 'gov2021', 'requests.carried_in.natural', '取自上年报告的“四、结转下年度继续办理·自然人”'],
    ['a cell no rule carries', 'gov2021', undefined, 'requests.new.natural', '取自上年报告的数值'],
  ])('%s', (_name, format, lastFormat, cell, expected) => {
    expect(carriedFrom(format, lastFormat, cell)).toBe(expected);
  });

  it('never calls 现行有效件数 上年结转', () => {
    expect(carriedFrom('gov2021', 'gov2021', 'art20_1.regulations.in_force')).not.toContain('上年结转');
  });
});
