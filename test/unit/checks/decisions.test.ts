import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../shared/checks/index.ts';
import { exportText } from '../../../shared/export/text.ts';
import { ReportFileError, parseReportFile, serializeReport } from '../../../shared/file/document.ts';
import { mappingText, rollUpDecisions, type AppealDecisions } from '../../../shared/model/decisions.ts';
import { createReport, type Report } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';

function report(decisions: AppealDecisions | undefined, cells: Record<string, string> = {}): Report {
  const r = createReport({ format: 'gov2021', year: 2025, organ: '某县人民政府办公室' });
  if (decisions) r.appealDecisions = decisions;
  for (const [id, raw] of Object.entries(cells)) r.cells[id] = { raw, source: 'typed' };
  return r;
}

const value = (r: Report, col: string) => evaluateReport(r).cells.get(`appeals.count.${col}`)?.value;

describe('rolling decision types up into the four columns', () => {
  it.each<[string, AppealDecisions, Record<string, number | null>]>([
    [
      'the default mapping: 纠正 = 变更 + 撤销 + 确认违法 + 责令履行 + 确认无效; 其他 = 驳回 + 终止 + 调解',
      { counts: { review: { changed: 1, revoked: 2, unlawful: 1, ordered: 1, void: 1, upheld: 3, dismissed: 1, terminated: 1, mediated: 1, pending: 2 } } },
      { review_upheld: 3, review_corrected: 6, review_other: 3, review_pending: 2, review_total: 14 },
    ],
    ['a group with nothing entered stays blank', { counts: { review: { upheld: 2 } } }, { review_upheld: 2, review_corrected: 0, suit_direct_upheld: null }],
    ['诉讼: 判决驳回诉讼请求 counts as 维持', { counts: { suit_direct: { claims_dismissed: 2, withdrawn: 1 } } }, { suit_direct_upheld: 2, suit_direct_other: 1, suit_direct_total: 3 }],
    ['the clerk maps 驳回 to 维持', { counts: { review: { dismissed: 2 } }, mapping: { 'review.dismissed': 'upheld' } }, { review_upheld: 2, review_other: 0 }],
  ])('%s', (_name, decisions, expected) => {
    const r = report(decisions);
    for (const [col, v] of Object.entries(expected)) expect(value(r, col), col).toBe(v);
    expect(checkReport(r).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('names the mapping as the clerk sees it', () => {
    expect(mappingText(undefined, 'review')).toBe(
      '结果维持 = 维持；结果纠正 = 变更 + 撤销/部分撤销 + 确认违法 + 责令履行 + 确认无效；其他结果 = 驳回 + 终止 + 调解/和解；尚未审结 = 尚未审结',
    );
  });
});

describe('columns typed as well as decisions entered', () => {
  it('keeps the typed figure and warns where they disagree, offering the roll-up', () => {
    const r = report({ counts: { review: { changed: 1, revoked: 2, upheld: 1 } } }, { 'appeals.count.review_corrected': '2', 'appeals.count.review_upheld': '1' });
    expect(value(r, 'review_corrected')).toBe(2);
    const found = checkReport(r).filter((f) => f.rule === 'appeals.decisions');
    expect(found.map((f) => f.message)).toEqual(['行政复议·结果纠正 填写为 2，按决定类型汇总为 3（变更 1 + 撤销/部分撤销 2），请核对']);
    expect(found[0]?.fix).toEqual({ kind: 'setValue', cell: 'appeals.count.review_corrected', raw: '3' });
    expect(r.cells['appeals.count.review_corrected']?.raw).toBe('2');
  });

  it('a typed figure no decision rolls into', () => {
    const r = report({ counts: { review: { upheld: 1 } } }, { 'appeals.count.review_pending': '1' });
    expect(checkReport(r).find((f) => f.rule === 'appeals.decisions')?.message).toBe('行政复议·尚未审结 填写为 1，按决定类型汇总为 0（没有归入此栏的决定），请核对');
  });
});

describe('saved with the report and printed in the 检查说明', () => {
  const decisions: AppealDecisions = { counts: { review: { changed: 1, upheld: 2 } }, mapping: { 'review.terminated': 'pending' } };

  it('round-trips through the file', () => {
    const r = report(decisions);
    expect(parseReportFile(serializeReport(r)).appealDecisions).toEqual(decisions);
  });

  it.each([
    ['an unknown decision type', { counts: { review: { acquitted: 1 } } }],
    ['an unknown group', { counts: { criminal: { changed: 1 } } }],
    ['a negative count', { counts: { review: { changed: -1 } } }],
    ['an unknown column', { counts: {}, mapping: { 'review.changed': 'sideways' } }],
  ])('refuses %s', (_name, bad) => {
    const text = serializeReport(report(undefined)).replace('"cells": {}', `"appealDecisions": ${JSON.stringify(bad)}, "cells": {}`);
    expect(() => parseReportFile(text)).toThrow(ReportFileError);
  });

  it('lists counts, mapping and roll-up on the 检查说明 sheet', () => {
    const text = exportText(report(decisions), { findingsSheet: [], newline: '\n' });
    expect(text).toContain('行政复议按决定类型填写，归类为：结果维持 = 维持；结果纠正 = 变更 + 撤销/部分撤销 + 确认违法 + 责令履行 + 确认无效；其他结果 = 驳回 + 调解/和解；尚未审结 = 终止 + 尚未审结');
    expect(text).toContain('说明：变更 1，维持 2；汇总为结果维持 2，结果纠正 1，其他结果 0，尚未审结 0');
    expect(rollUpDecisions(undefined)).toEqual([]);
  });
});
