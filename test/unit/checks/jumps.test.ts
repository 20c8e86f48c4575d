import { describe, expect, it } from 'vitest';
import { jumpFindings } from '../../../shared/checks/jumps.ts';
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
