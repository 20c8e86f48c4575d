import { describe, expect, it } from 'vitest';
import { parseCellValue, type ParsedCell } from '../../../shared/model/parseCellValue.ts';
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

  it('never returns negative zero', () => {
    const r = parseCellValue('-0', 'signedCount');
    expect(r.status === 'number' && Object.is(r.value, 0)).toBe(true);
  });
});
