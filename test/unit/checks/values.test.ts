import { describe, expect, it } from 'vitest';
import { formatIndex } from '../../../shared/formats/index.ts';
import type { FormatId } from '../../../shared/formats/types.ts';
import { buildReport, findingsOf } from './build.ts';

interface ValueCase {
  format: FormatId;
  cell: string;
  raw: string;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  normalized?: string;
}

describe('cell values', () => {
  it.each<ValueCase>([
    {
      format: 'gov2021',
      cell: 'art20_1.regulations.issued',
      raw: 'abc',
      rule: 'value.invalid',
      severity: 'error',
      message: '第二十条第（一）项·规章·本年制发件数：“abc”不是数字',
    },
    {
      format: 'gov2019',
      cell: 'requests.new.natural',
      raw: '-2',
      rule: 'value.invalid',
      severity: 'error',
      message: '一、本年新收申请数量·自然人：数量不能为负数',
    },
    {
      format: 'gov2019',
      cell: 'art20_9.procurement.amount',
      raw: '387.951万元',
      rule: 'value.normalized',
      severity: 'warning',
      message: '第二十条第（九）项·政府集中采购·采购总金额 填写为“387.951万元”，按 387.951 万元 计（去掉单位“万元”）',
      normalized: '387.951',
    },
    {
      format: 'gov2019',
      cell: 'art20_9.procurement.amount',
      raw: '180000元',
      rule: 'value.normalized',
      severity: 'warning',
      message: '第二十条第（九）项·政府集中采购·采购总金额 填写为“180000元”，按 18 万元 计（由元换算为万元）',
      normalized: '18',
    },
    {
      format: 'gov2021',
      cell: 'art20_6.penalty.decisions',
      raw: '9项',
      rule: 'value.normalized',
      severity: 'warning',
      message: '第二十条第（六）项·行政处罚·本年处理决定数量 填写为“9项”，按 9 计（去掉单位“项”）',
      normalized: '9',
    },
    {
      format: 'gov2019',
      cell: 'art20_5.licensing.change',
      raw: '无',
      rule: 'value.normalized',
      severity: 'warning',
      message: '第二十条第（五）项·行政许可·本年增/减 填写为“无”，按 0 计（“无”视为 0）',
      normalized: '0',
    },
    {
      format: 'gov2021',
      cell: 'requests.new.natural',
      raw: '3、5',
      rule: 'value.invalid',
      severity: 'error',
      message: '一、本年新收申请数量·自然人：“3、5”不是一个数字：分隔符只能用于千位分组（如 1,234），请只填一个数',
    },
    {
      format: 'gov2021',
      cell: 'requests.new.natural',
      raw: '12,34',
      rule: 'value.invalid',
      severity: 'error',
      message: '一、本年新收申请数量·自然人：“12,34”不是一个数字：分隔符只能用于千位分组（如 1,234），请只填一个数',
    },
    {
      format: 'gov2021',
      cell: 'requests.new.natural',
      raw: '1.000',
      rule: 'value.normalized',
      severity: 'warning',
      message: '一、本年新收申请数量·自然人 填写为“1.000”，按 1 计（小数点后均为0，按整数计；“.”不是千位分隔符）',
      normalized: '1',
    },
  ])('$raw in $cell', ({ format, cell, raw, rule, severity, message, normalized }) => {
    const found = findingsOf(buildReport({ format, cells: { [cell]: raw } }), rule);
    expect(found.map((f) => f.message)).toEqual([message]);
    expect(found[0]).toMatchObject({ severity, cells: [cell], key: `${rule}:${cell}` });
    expect(found[0]?.fix).toEqual(normalized === undefined ? undefined : { kind: 'normalize', cell, raw: normalized });
  });

  it.each(['１２', '1,234', '1 000 000', '７'])('reads %s silently', (raw) => {
    const report = buildReport({ format: 'gov2021', cells: { 'requests.new.natural': raw } });
    expect(findingsOf(report, 'value.normalized')).toEqual([]);
    expect(findingsOf(report, 'value.invalid')).toEqual([]);
  });

  it('keeps the text as typed in a refused cell', () => {
    const [finding] = findingsOf(buildReport({ format: 'gov2021', cells: { 'requests.new.natural': '1 2 3' } }), 'value.invalid');
    expect(finding?.actual).toBe('1 2 3');
  });
});

describe.each<FormatId>(['gov2019', 'gov2021'])('blank cells (%s)', (format) => {
  const index = formatIndex(format);
  const inputs = (table: string) => index.cells.filter((c) => c.table.id === table && !c.computedBy).map((c) => c.id);

  it('gives one warning per table listing every blank input cell', () => {
    const all = inputs('art20_1');
    const [first, ...rest] = all;
    const report = buildReport({ format, cells: { [first ?? '']: '0', [rest[0] ?? '']: '/', [rest[1] ?? '']: '' } });
    const found = findingsOf(report, 'value.blank').filter((f) => f.key === 'value.blank:art20_1');
    expect(found).toHaveLength(1);
    expect(found[0]?.cells).toEqual(rest.slice(1));
    expect(found[0]?.message).toBe(`第二十条第（一）项 有 ${all.length - 2} 个单元格未填写，如确无数据应填 0`);
    expect(found[0]?.fix).toEqual({ kind: 'fillZero', cells: rest.slice(1) });
  });

  it('names a table without a caption by its section and never lists totals', () => {
    const [finding] = findingsOf(buildReport({ format }), 'value.blank').filter((f) => f.key === 'value.blank:appeals');
    expect(finding?.message).toBe('四、政府信息公开行政复议、行政诉讼情况 有 12 个单元格未填写，如确无数据应填 0');
    expect(finding?.section).toBe('四');
  });

  it('is silent once every input is filled', () => {
    const cells = Object.fromEntries(index.cells.filter((c) => !c.computedBy).map((c) => [c.id, '0']));
    expect(findingsOf(buildReport({ format, cells }), 'value.blank')).toEqual([]);
  });
});

describe('plausibility', () => {
  it.each<[FormatId, string, string, string[]]>([
    [
      'gov2019',
      'art20_9.procurement.amount',
      '24925826',
      ['第二十条第（九）项·政府集中采购·采购总金额 为 24925826 万元，数额异常偏大（超过 1000000 万元），是否误按“元”填写？请核实单位'],
    ],
    ['gov2019', 'art20_9.procurement.amount', '387.951', []],
    [
      'gov2021',
      'art20_8.fees.amount',
      '2000000',
      ['第二十条第（八）项·行政事业性收费·本年收费金额 为 2000000 万元，数额异常偏大（超过 1000000 万元），是否误按“元”填写？请核实单位'],
    ],
  ])('%s %s = %s', (format, cell, raw, messages) => {
    const found = findingsOf(buildReport({ format, cells: { [cell]: raw } }), 'plausibility.amount');
    expect(found.map((f) => f.message)).toEqual(messages);
    for (const f of found) expect(f.fix).toBeUndefined();
  });

  it.each([
    ['3', '-5', ['第二十条第（五）项·行政许可·本年增/减 为 -5，加上一年项目数量 3 后为 -2，项目数量不能为负数']],
    ['3', '-3', []],
    ['', '-3', []],
  ])('上一年项目数量 %s + 本年增/减 %s', (base, change, messages) => {
    const cells = { 'art20_5.licensing.items_last_year': base, 'art20_5.licensing.change': change };
    expect(findingsOf(buildReport({ format: 'gov2019', cells }), 'plausibility.negativeCount').map((f) => f.message)).toEqual(messages);
  });
});
