import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../shared/checks/index.ts';
import { RulePackError, parseRulePack, rulePackRules, type RulePack } from '../../../shared/checks/rulePack.ts';
import type { Report } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { buildReport } from './build.ts';

const EXAMPLE_TEXT = readFileSync(new URL('../../../build/rule-packs/example-county.json', import.meta.url), 'utf8');
const EXAMPLE = parseRulePack(EXAMPLE_TEXT);

function packFindings(report: Report, pack: RulePack = EXAMPLE) {
  return checkReport(report, evaluateReport(report), rulePackRules([pack])).filter((f) => f.rule.startsWith('pack.'));
}

const GOOD_TWO = '全年发布政策解读12篇，通过政务新媒体发布信息300余条。';

function township(overrides: { 一?: string; 二?: string; cells?: Record<string, string>; dateLine?: string; organ?: string; year?: number }): Report {
  const report = buildReport({
    format: 'gov2021',
    year: overrides.year ?? 2025,
    sections: { 一: overrides.一 ?? '本年度我镇扎实推进政务公开。', 二: overrides.二 ?? GOOD_TWO },
    cells: overrides.cells ?? {},
  });
  report.organ = overrides.organ ?? '示例县甲镇人民政府';
  if (overrides.dateLine) report.dateLine = overrides.dateLine;
  return report;
}

describe('the example rule pack', () => {
  it('reads as shipped: name, issuer, years and four rules of four kinds', () => {
    expect(EXAMPLE.issuer).toContain('政务公开办');
    expect(EXAMPLE.years).toEqual({ from: 2024, to: 2025 });
    expect(EXAMPLE.rules.map((r) => r.kind)).toEqual(['proseLength', 'requiredWords', 'equation', 'deadline']);
  });

  it.each<[string, Parameters<typeof township>[0], string[]]>([
    ['a report that meets every rule', { dateLine: '2026年1月18日' }, []],
    ['总体情况 over 1000 characters', { 一: '政'.repeat(1001) }, ['warning 总体情况篇幅原则上不超过一千字：现为 1001 字，上限 1000 字']],
    ['exactly 1000 characters, spacing not counted', { 一: `${'政'.repeat(500)}\n  ${'务'.repeat(500)}` }, []],
    [
      '政策解读 named without a count',
      { 二: '我镇重视政策解读工作，通过政务新媒体发布信息300余条。' },
      ['warning 主动公开政府信息情况应写明政策解读和政务新媒体发布的数量：未写明“政策解读”的数量'],
    ],
    [
      'neither word',
      { 二: '全年主动公开信息200条。' },
      ['warning 主动公开政府信息情况应写明政策解读和政务新媒体发布的数量：未写明“政策解读”“政务新媒体”的数量'],
    ],
    ['a count before the word counts', { 二: '发布12篇政策解读，政务新媒体发布信息5条。' }, []],
    ['the count in the next clause does not count', { 二: '做好政策解读。共12篇，政务新媒体发布5条。' }, ['warning 主动公开政府信息情况应写明政策解读和政务新媒体发布的数量：未写明“政策解读”的数量']],
    [
      '现行有效件数 below 本年制发件数',
      { cells: { 'art20_1.normative_docs.issued': '5', 'art20_1.normative_docs.in_force': '3' } },
      ['error 行政规范性文件的现行有效件数不应少于本年制发件数（与县司法局备案数据核对）：左边为 3，右边为 5'],
    ],
    ['the equation waits for both sides', { cells: { 'art20_1.normative_docs.issued': '5' } }, []],
    ['a township signing after 20 January', { dateLine: '2026年1月25日' }, ['warning 乡镇（街道）年度报告应于次年1月20日前发布：落款日期为“2026年1月25日”，期限为2026年1月20日']],
    ['a department is not bound by the township deadline', { dateLine: '2026年1月25日', organ: '示例县教育局' }, []],
    ['a report outside the pack’s years', { year: 2023, 一: '政'.repeat(1001), dateLine: '2024年1月25日' }, []],
  ])('%s', (_name, overrides, expected) => {
    const found = packFindings(township(overrides));
    expect(found.map((f) => `${f.severity} ${f.message.replace(`（${EXAMPLE.name}）`, '')}`)).toEqual(expected);
    for (const f of found) expect(f.message.endsWith(`（${EXAMPLE.name}）`)).toBe(true);
  });

  it('points where to go: the section, the cells, the 落款 field', () => {
    const found = packFindings(township({ 一: '政'.repeat(1001), cells: { 'art20_1.normative_docs.issued': '5', 'art20_1.normative_docs.in_force': '3' }, dateLine: '2026年2月1日' }));
    expect(found.map((f) => [f.section, f.cells, f.field])).toEqual([
      ['一', [], undefined],
      ['二', ['art20_1.normative_docs.in_force', 'art20_1.normative_docs.issued'], undefined],
      ['preface', [], 'dateLine'],
    ]);
  });

  it('re-reads a section after it changes, and keeps an explanation of its warning', () => {
    const report = township({ 二: '全年主动公开信息200条。' });
    expect(packFindings(report)).toHaveLength(1);
    const fixed = { ...report, sections: { ...report.sections, 二: { text: GOOD_TWO, source: 'typed' as const } } };
    expect(packFindings(fixed)).toEqual([]);
    const explained = { ...report, acknowledgements: { [`pack:${EXAMPLE.name}:active-counts`]: { explanation: '本年未开通政务新媒体', at: '2026-01-10' } } };
    expect(packFindings(explained)[0]?.acknowledged).toBe('本年未开通政务新媒体');
    // The memo hands out copies: the first report's finding is not marked by the second's explanation.
    expect(packFindings(report)[0]?.acknowledged).toBeUndefined();
  });
});

describe('a bad pack is refused with one Chinese message', () => {
  const base = JSON.parse(EXAMPLE_TEXT) as Record<string, unknown> & { rules: Record<string, unknown>[] };
  const withRule = (rule: Record<string, unknown>) => JSON.stringify({ ...base, rules: [rule] });
  const rule0 = base.rules[0]!;

  it.each<[string, string, string]>([
    ['not JSON', '规则：总体情况不超过1000字', '不是 JSON 格式的规则包文件'],
    ['broken JSON', '{"kind": "nianbao-rule-pack",', 'JSON 格式有误'],
    ['deep nesting', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, '文件结构嵌套过深'],
    ['a __proto__ key', '{"__proto__": {"polluted": true}}', '含有不允许的键名“__proto__”'],
    ['too large', `{"kind":"${'x'.repeat(300 * 1024)}"}`, '文件过大'],
    ['another kind of file', JSON.stringify({ ...base, kind: 'something-else' }), 'kind 取值不在允许范围内'],
    ['a newer version', JSON.stringify({ ...base, version: 2 }), 'version 取值不在允许范围内'],
    ['no name', JSON.stringify({ ...base, name: ' ' }), 'name 为空或低于下限'],
    ['an unknown rule kind', withRule({ ...rule0, kind: 'script' }), 'rules.0'],
    ['a regular expression, which packs cannot hold', withRule({ ...rule0, pattern: '(a+)+$' }), 'rules.0 含有未知的字段（pattern）'],
    ['a bad severity', withRule({ ...rule0, severity: 'fatal' }), 'rules.0.severity 取值不在允许范围内'],
    ['an unknown section', withRule({ ...rule0, section: '七' }), 'rules.0.section 取值不在允许范围内'],
    ['an unknown cell id', withRule({ id: 'x', kind: 'equation', left: ['art20_1.regulations.nonexistent'], relation: '=', right: ['art20_1.regulations.issued'], severity: 'error', message: 'm' }), '单元格“art20_1.regulations.nonexistent”在国办公开办函〔2021〕30号格式中不存在'],
    ['a malformed cell id', withRule({ id: 'x', kind: 'equation', left: ['../../etc'], relation: '=', right: ['a.b.c'], severity: 'error', message: 'm' }), 'rules.0.left.0 格式不对'],
    ['too many words', withRule({ id: 'x', kind: 'requiredWords', section: '二', words: Array.from({ length: 21 }, (_, i) => `词${i}`), severity: 'info', message: 'm' }), 'rules.0.words 超出上限'],
    ['a word too long', withRule({ id: 'x', kind: 'requiredWords', section: '二', words: ['词'.repeat(51)], severity: 'info', message: 'm' }), 'rules.0.words.0 超出上限'],
    ['years reversed', JSON.stringify({ ...base, years: { from: 2025, to: 2024 } }), 'years.from 晚于 years.to'],
    ['years no format covers', JSON.stringify({ ...base, years: { from: 2000, to: 2001 } }), '没有对应的报告格式'],
    ['a rule id twice', JSON.stringify({ ...base, rules: [rule0, rule0] }), '规则编号“overview-length”重复'],
    ['no rules', JSON.stringify({ ...base, rules: [] }), 'rules 为空或低于下限'],
  ])('%s', (_name, text, detail) => {
    let error: unknown;
    try {
      parseRulePack(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulePackError);
    expect((error as Error).message.startsWith('规则包无法使用：')).toBe(true);
    expect((error as Error).message).toContain(detail);
  });

  it('a pack spanning both formats is checked against both', () => {
    const text = JSON.stringify({ ...base, years: { from: 2020, to: 2021 }, rules: [base.rules[2]] });
    expect(() => parseRulePack(text)).toThrow('在国办公开办函〔2019〕60号格式中不存在');
  });
});
