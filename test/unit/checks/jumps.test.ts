import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startNextYear } from '../../../shared/carryover/startNextYear.ts';
import { checkReport } from '../../../shared/checks/index.ts';
import { jumpFindings } from '../../../shared/checks/jumps.ts';
import type { Finding } from '../../../shared/checks/types.ts';
import { compareReports } from '../../../shared/compare/compare.ts';
import { unitStatus } from '../../../shared/county/status.ts';
import { decodeText, importText } from '../../../shared/import/text.ts';
import type { Report } from '../../../shared/model/report.ts';
import { JUMP_RULES } from '../../../shared/formats/jumps.ts';
import { formatIndex, FORMAT_IDS } from '../../../shared/formats/index.ts';
import type { FormatId } from '../../../shared/formats/types.ts';

const STOCK = 'art20_1.normative_docs.in_force';

describe('jumpFindings', () => {
  it.each<[FormatId, string, number, number, boolean]>([
    ['gov2021', STOCK, 66, 372, true],
    ['gov2021', STOCK, 372, 66, true],
    ['gov2021', STOCK, 5, 8, false],
    ['gov2021', STOCK, 60, 170, false],
    ['gov2021', STOCK, 0, 30, true],
    ['gov2021', STOCK, 0, 19, false],
    ['gov2021', STOCK, 40, 0, true],
    ['gov2021', STOCK, 10, 0, false],
    ['gov2021', 'requests.new.total', 21, 95, false],
    ['gov2021', 'requests.new.total', 30, 600, true],
    ['gov2021', 'requests.new.total', 500, 0, true],
    ['gov2021', 'appeals.count.review_total', 0, 25, true],
    ['gov2021', 'art20_5.licensing.decisions', 550, 9487, false],
    ['gov2019', 'art20_1.regulations.total_published', 12, 80, true],
  ])('%s %s: %d → %d flagged %s', (format, cell, last, current, flagged) => {
    const findings = jumpFindings(format, [{ cell, last, this: current }]);
    expect(findings.length).toBe(flagged ? 1 : 0);
    for (const f of findings) {
      expect(f).toMatchObject({ severity: 'info', cells: [cell], expected: last, actual: current });
      expect(f.message).toContain(formatIndex(format).cellById.get(cell)!.label);
    }
  });

  it('says how large the jump is', () => {
    const [finding] = jumpFindings('gov2021', [{ cell: STOCK, last: 66, this: 372 }]);
    expect(finding!.message).toBe(
      '第二十条第（一）项·行政规范性文件·现行有效件数 增至上年的 5.6 倍，66 → 372（文件存量变化异常，请核实或在报告中说明原因）',
    );
  });

  it.each(FORMAT_IDS)('names only cells of %s in its rules', (format) => {
    const cells = formatIndex(format).cellById;
    const rules = JUMP_RULES[format] ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.factor).toBeGreaterThan(1);
      for (const cell of rule.cells) expect(cells.has(cell), cell).toBe(true);
    }
  });
});

describe('jump findings in checkReport, against the baseline a report keeps', () => {
  const SAMPLES = new URL('../../../../shared/samples/', import.meta.url).pathname;
  const sample = (name: string): Report => importText(decodeText(readFileSync(SAMPLES + name))).report;
  const hongze2023 = sample('2023_hongze-district.txt');
  const hongze2024 = sample('2024_hongze-district.txt');
  /** 2024 洪泽区 as typed into a report started from its 2023 report. */
  const started = (cells: Report['cells']): Report => {
    const { report } = startNextYear(hongze2023);
    report.cells = cells;
    return report;
  };
  const jumps = (report: Report): Finding[] => checkReport(report).filter((f) => f.rule.startsWith('jump.'));

  it('finds none between the two real 洪泽区 years (550 → 9487 行政许可 included)', () => {
    expect(jumps(started(hongze2024.cells))).toEqual([]);
  });

  it('flags a planted jump as information at its cell, which the county status does not count', () => {
    const report = started({ ...hongze2024.cells, [STOCK]: { raw: '372', source: 'typed' } });
    const found = jumps(report);
    expect(found).toEqual([
      expect.objectContaining({ severity: 'info', rule: 'jump.document_stock', cells: [STOCK], expected: 5, actual: 372 }),
    ]);
    const all = checkReport(report);
    expect(unitStatus(report, all)).toEqual(unitStatus(report, all.filter((f) => f.severity !== 'info')));
  });

  it('gives the same findings as the comparison with last year’s file', () => {
    const cells = { ...hongze2024.cells, 'requests.new.total': { raw: '900', source: 'typed' as const } };
    const fromFile = compareReports(hongze2023, { ...hongze2024, cells }).jumps;
    expect(fromFile.length).toBeGreaterThan(0);
    expect(jumps(started(cells))).toEqual(fromFile);
  });

  it('pairs 现行有效件数 with 2019’s 对外公开总数量 across the change of format', () => {
    const last = sample('2019_haigongyuan-yinyang-town.txt');
    const { report } = startNextYear(last, 2021);
    report.year = last.year + 1;
    report.cells[STOCK] = { raw: '300', source: 'typed' };
    expect(jumps(report)).toEqual([expect.objectContaining({ cells: [STOCK], expected: 1, actual: 300 })]);
  });

  it('says nothing without a baseline, or with one of another year', () => {
    const planted = { ...hongze2024.cells, [STOCK]: { raw: '372', source: 'typed' as const } };
    expect(jumps({ ...hongze2024, cells: planted })).toEqual([]);
    const report = started(planted);
    expect(jumps({ ...report, year: report.year + 1 })).toEqual([]);
  });
});
