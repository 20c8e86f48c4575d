import { describe, expect, it } from 'vitest';
import { parseCellValue, roundDecimalText, type ParsedCell } from '../../../shared/model/parseCellValue.ts';
import type { ValueKind } from '../../../shared/formats/types.ts';

type Case = [raw: string, kind: ValueKind, expected: Partial<ParsedCell> & { status: ParsedCell['status'] }];

const cases: Case[] = [
  ['', 'count', { status: 'blank' }],
  ['   ', 'count', { status: 'blank' }],
  ['\u3000', 'count', { status: 'blank' }],
  ['\u00a0', 'count', { status: 'blank' }],
  ['空', 'count', { status: 'blank' }],
  ['0', 'count', { status: 'number', value: 0 }],
  ['12', 'count', { status: 'number', value: 12 }],
  [' 12 ', 'count', { status: 'number', value: 12 }],
  ['１２', 'count', { status: 'number', value: 12, notes: ['fullwidth'] }],
  ['3,985,758', 'count', { status: 'number', value: 3985758, notes: ['separators'] }],
  ['3，985，758', 'count', { status: 'number', value: 3985758 }],
  ['1,234', 'count', { status: 'number', value: 1234, notes: ['separators'] }],
  ['１，２３４', 'count', { status: 'number', value: 1234, notes: ['fullwidth', 'separators'] }],
  ['1 000 000', 'count', { status: 'number', value: 1_000_000, notes: ['separators'] }],
  ['1\u3000000', 'count', { status: 'number', value: 1000 }],
  ['1\u00a0000', 'count', { status: 'number', value: 1000 }],
  ["1'234", 'count', { status: 'number', value: 1234 }],
  ['12,345,678.5', 'amount', { status: 'number', value: 12_345_678.5, notes: ['separators'] }],
  ['1,234元', 'amount', { status: 'number', value: 0.1234, unit: '元' }],
  ['-1,234', 'signedCount', { status: 'number', value: -1234 }],
  ['- 3', 'signedCount', { status: 'number', value: -3 }],
  // Separators that are not thousands grouping: refused, never dropped.
  ['3、5', 'count', { status: 'invalid', reason: 'separators' }],
  ['1,2', 'count', { status: 'invalid', reason: 'separators' }],
  ['12,34', 'count', { status: 'invalid', reason: 'separators' }],
  ['1 2 3', 'count', { status: 'invalid', reason: 'separators' }],
  ['0,5', 'amount', { status: 'invalid', reason: 'separators' }],
  ['1,2345', 'amount', { status: 'invalid', reason: 'separators' }],
  ['1,234 567', 'count', { status: 'invalid', reason: 'separators' }],
  ['1,234,56', 'count', { status: 'invalid', reason: 'separators' }],
  ['1234,567', 'count', { status: 'invalid', reason: 'separators' }],
  [',123', 'count', { status: 'invalid', reason: 'separators' }],
  ['1,234.5,6', 'amount', { status: 'invalid', reason: 'separators' }],
  ['3、5项', 'count', { status: 'invalid', reason: 'separators' }],
  ['1.2.3', 'count', { status: 'invalid', reason: 'notANumber' }],
  // A count with zero decimals is read as the whole number and says so.
  ['1.000', 'count', { status: 'number', value: 1, notes: ['zeroDecimals'] }],
  ['12.0', 'signedCount', { status: 'number', value: 12, notes: ['zeroDecimals'] }],
  ['1.000', 'amount', { status: 'number', value: 1, notes: [] }],
  ['1.001', 'count', { status: 'invalid', reason: 'fraction' }],
  ['9项', 'count', { status: 'number', value: 9, notes: ['unit'], unit: '项' }],
  ['17 件', 'count', { status: 'number', value: 17, unit: '件' }],
  ['无', 'signedCount', { status: 'number', value: 0, notes: ['zeroWord'] }],
  ['-3', 'signedCount', { status: 'number', value: -3 }],
  ['－３', 'signedCount', { status: 'number', value: -3, notes: ['fullwidth'] }],
  ['+2', 'signedCount', { status: 'number', value: 2 }],
  ['/', 'count', { status: 'na' }],
  ['-', 'count', { status: 'na' }],
  ['—', 'count', { status: 'na' }],
  ['／', 'count', { status: 'na' }],
  ['-3', 'count', { status: 'invalid', reason: 'negative' }],
  ['1.5', 'count', { status: 'invalid', reason: 'fraction' }],
  ['abc', 'count', { status: 'invalid', reason: 'notANumber' }],
  ['1二3', 'count', { status: 'invalid', reason: 'notANumber' }],
  ['12a', 'count', { status: 'invalid', reason: 'notANumber' }],
  ['12345678901234567890', 'count', { status: 'invalid', reason: 'tooLarge' }],
  ['12,345,678,901,234,567,890', 'count', { status: 'invalid', reason: 'tooLarge' }],
  ['12345678901234567890', 'amount', { status: 'invalid', reason: 'tooLarge' }],
  ['无', 'amount', { status: 'number', value: 0, notes: ['zeroWord'] }],
  ['——', 'amount', { status: 'na' }],
  ['5万元', 'count', { status: 'invalid', reason: 'wrongUnit' }],
  ['387.951万元', 'amount', { status: 'number', value: 387.951, notes: ['unit'], unit: '万元' }],
  ['403万', 'amount', { status: 'number', value: 403, unit: '万' }],
  ['180000元', 'amount', { status: 'number', value: 18, notes: ['unit', 'yuanToWan'], unit: '元' }],
  ['123.45元', 'amount', { status: 'number', value: 0.0123, notes: ['unit', 'yuanToWan', 'rounded'] }],
  ['96171.6', 'amount', { status: 'number', value: 96171.6 }],
  ['24925826', 'amount', { status: 'number', value: 24925826 }],
  ['1.23456', 'amount', { status: 'number', value: 1.2346, notes: ['rounded'] }],
  ['4166.214619', 'amount', { status: 'number', value: 4166.2146, notes: ['rounded'] }],
  ['1.20000', 'amount', { status: 'number', value: 1.2 }],
  ['-5', 'amount', { status: 'invalid', reason: 'negative' }],
  ['5项', 'amount', { status: 'invalid', reason: 'wrongUnit' }],
  ['999999999999', 'amount', { status: 'invalid', reason: 'tooLarge' }],
];

describe('parseCellValue', () => {
  it.each(cases)('%j as %s', (raw, kind, expected) => {
    expect(parseCellValue(raw, kind)).toMatchObject(expected);
  });

  it('explains a refusal in Chinese', () => {
    const r = parseCellValue('abc', 'count');
    expect(r.status === 'invalid' && r.message).toBe('“abc”不是数字');
  });

  it('names the typed text when separators are not thousands grouping', () => {
    const r = parseCellValue('3、5', 'count');
    expect(r.status === 'invalid' && r.message).toMatch(/^“3、5”不是一个数字：.*千位分组/);
  });

  it('never returns negative zero', () => {
    const r = parseCellValue('-0', 'signedCount');
    expect(r.status === 'number' && Object.is(r.value, 0)).toBe(true);
  });

  it('rounds every half-way 元 amount below 200,000 up, on its decimal digits', () => {
    const wrong: string[] = [];
    for (let n = 0; n < 200_000; n++) {
      const r = parseCellValue(`${n}.5元`, 'amount');
      // n + 1 元 written as 万元 by moving the point, then read as a number.
      const yuan = String(n + 1).padStart(5, '0');
      const expected = Number(`${yuan.slice(0, -4)}.${yuan.slice(-4)}`);
      if (r.status !== 'number' || r.value !== expected) wrong.push(`${n}.5元`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('roundDecimalText', () => {
  const table: [digits: string, shift: number, value: number, dropped: boolean][] = [
    ['1.5', 4, 0.0002, true],
    ['0.5', 4, 0.0001, true],
    ['0.49', 4, 0, true],
    ['123.45', 4, 0.0123, true],
    ['180000', 4, 18, false],
    ['9999.5', 4, 1, true],
    ['.5', 4, 0.0001, true],
    ['1.00005', 0, 1.0001, true],
    ['1.000049999', 0, 1, true],
    ['2.675', 0, 2.675, false],
    ['1.20000', 0, 1.2, false],
    ['+7', 0, 7, false],
    ['24925826', 0, 24925826, false],
  ];
  it.each(table)('%s ÷ 10^%i → %d', (digits, shift, value, dropped) => {
    expect(roundDecimalText(digits, shift, 4)).toEqual({ value, dropped });
  });
});
