/**
 * Turns what a clerk typed or pasted into a number, keeping enough to show
 * them what was understood and why something was refused.
 *
 * Accepted: full-width digits and signs (１２、－３), thousands grouping
 * (1,234  １，２３４  1 000 000), units written into the cell (项 件 条 个 元
 * 万元 万), 无/零 for nothing, and "/" "-" "—" for not applicable. Amounts are
 * in 万元; an amount typed in 元 is converted.
 *
 * A separator anywhere else is refused, never dropped: 3、5 is two numbers,
 * 1,2 or 12,34 a decimal comma or a typo, and reading them as 35, 12 or 1234
 * would put a wrong number in the report with nobody told.
 */
import type { ValueKind } from '../formats/types.ts';

export type NormalizationNote =
  /** Full-width digits, signs or separators were turned into ASCII. */
  | 'fullwidth'
  /** Thousands separators (commas or spaces between groups of three digits) were removed. */
  | 'separators'
  /** A count was written with zero decimals (1.000) and read as the whole number before the point. */
  | 'zeroDecimals'
  /** A unit was written into the cell and removed. */
  | 'unit'
  /** An amount in 元 was converted to 万元. */
  | 'yuanToWan'
  /** 无 or 零 was read as 0. */
  | 'zeroWord'
  /** An amount had more than 4 decimals after conversion and was rounded. */
  | 'rounded';

export type ParsedCell =
  | { status: 'blank' }
  | { status: 'na' }
  | { status: 'number'; value: number; notes: NormalizationNote[]; unit?: string }
  | { status: 'invalid'; reason: InvalidReason; message: string };

export type InvalidReason = 'notANumber' | 'separators' | 'negative' | 'fraction' | 'tooLarge' | 'wrongUnit';

/** Larger counts are not real (淮安市's 3,985,758 行政处罚 is among the largest published). */
export const MAX_COUNT = 1_000_000_000;
/** 1 万亿元; more is a typing accident, not an amount. */
export const MAX_AMOUNT_WAN = 100_000_000;

const NA_WORDS = new Set(['/', '／', '-', '－', '—', '——', '–', '―', '不适用', '\\']);
const ZERO_WORDS = new Set(['无', '零', '〇']);
const COUNT_UNITS = ['项', '件', '条', '个', '次', '宗', '起', '份', '人'];

/**
 * A number as typed after units and full-width forms are gone: optional sign,
 * an integer part either plain or grouped by threes with one separator used
 * throughout, and a fraction without separators.
 */
const PLAIN_NUMBER = /^([+-]?) ?(\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^([+-]?) ?(\d{1,3}(?<sep>[,，' ])\d{3}(?:\k<sep>\d{3})*)(\.\d+)?$/;
/** Digits with separators that are not thousands grouping: the old, silent reading would have dropped them. */
const STRAY_SEPARATORS = /[\s,，、']/g;
const LOOSE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The number text without grouping, or undefined when the separators are not thousands grouping. */
function ungroup(text: string): { digits: string; grouped: boolean } | undefined {
  const plain = PLAIN_NUMBER.exec(text);
  if (plain) return { digits: plain[1]! + plain[2]!, grouped: false };
  const grouped = GROUPED_NUMBER.exec(text);
  if (!grouped) return undefined;
  return { digits: grouped[1]! + grouped[2]!.replace(/[,，' ]/g, '') + (grouped[4] ?? ''), grouped: true };
}

/**
 * A non-negative decimal text divided by 10^shift and rounded half up to
 * `places` decimals on its digits, so 1.5元 is 0.0002 万元 and not, as binary
 * floating point has it, 0.0001. `dropped` says whether any nonzero digit was
 * rounded away.
 */
export function roundDecimalText(digits: string, shift: number, places: number): { value: number; dropped: boolean } {
  const [whole = '', fraction = ''] = digits.replace(/^[+-]/, '').split('.');
  // The digits of the value times 10^places: the point moves right by places - shift.
  const all = (whole || '0') + fraction;
  const point = (whole || '0').length + places - shift;
  const padded = point > all.length ? all.padEnd(point, '0') : all;
  const kept = point <= 0 ? '0' : padded.slice(0, point);
  const rest = point <= 0 ? '0'.repeat(-point) + padded : padded.slice(point);
  const scaled = BigInt(kept) + (rest !== '' && rest[0]! >= '5' ? 1n : 0n);
  return { value: Number(scaled) / 10 ** places, dropped: /[1-9]/.test(rest) };
}

function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function parseCellValue(raw: string, kind: ValueKind): ParsedCell {
  const trimmed = raw.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
  if (trimmed === '' || trimmed === '空') return { status: 'blank' };
  if (NA_WORDS.has(trimmed)) return { status: 'na' };
  if (ZERO_WORDS.has(trimmed)) return { status: 'number', value: 0, notes: ['zeroWord'] };

  const notes: NormalizationNote[] = [];
  let text = toHalfWidth(trimmed);
  if (text !== trimmed.replace(/\u3000/g, ' ')) notes.push('fullwidth');
  text = text.replace(/[−﹣]/g, '-').replace(/[＋]/g, '+');

  let unit: string | undefined;
  const unitMatch = /(万元|元|万|[项件条个次宗起份人])$/.exec(text);
  if (unitMatch) {
    unit = unitMatch[1];
    text = text.slice(0, -unit!.length).trim();
    notes.push('unit');
  }

  const read = ungroup(text);
  if (!read) {
    if (LOOSE_NUMBER.test(text.replace(STRAY_SEPARATORS, ''))) {
      return {
        status: 'invalid',
        reason: 'separators',
        message: `“${trimmed}”不是一个数字：分隔符只能用于千位分组（如 1,234），请只填一个数`,
      };
    }
    return { status: 'invalid', reason: 'notANumber', message: `“${trimmed}”不是数字` };
  }
  const compact = read.digits;
  if (read.grouped) notes.push('separators');
  let value = Number(compact);
  const fraction = compact.includes('.') ? compact.split('.')[1]! : '';
  const decimals = fraction.replace(/0+$/, '').length;

  if (kind === 'amount') {
    if (unit && COUNT_UNITS.includes(unit)) {
      return { status: 'invalid', reason: 'wrongUnit', message: `金额的单位不能是“${unit}”，应为万元` };
    }
    if (value < 0) return { status: 'invalid', reason: 'negative', message: '金额不能为负数' };
    // More than 4 decimals (4166.214619) is read, rounded and noted: the raw text stays as stated.
    if (unit === '元') notes.push('yuanToWan');
    const rounded = roundDecimalText(compact, unit === '元' ? 4 : 0, 4);
    if (rounded.dropped) notes.push('rounded');
    value = rounded.value;
    if (value > MAX_AMOUNT_WAN) {
      return { status: 'invalid', reason: 'tooLarge', message: `金额过大（超过${MAX_AMOUNT_WAN}万元），请核实单位` };
    }
    return unit ? { status: 'number', value, notes, unit } : { status: 'number', value, notes };
  }

  if (unit && (unit === '元' || unit === '万元' || unit === '万')) {
    return { status: 'invalid', reason: 'wrongUnit', message: `此处应填写数量，不能带金额单位“${unit}”` };
  }
  if (decimals > 0) return { status: 'invalid', reason: 'fraction', message: '数量应为整数' };
  // 1.000 may be a grouped 1000 written the European way; say it was read as 1.
  if (fraction.length > 0) notes.push('zeroDecimals');
  if (kind === 'count' && value < 0) return { status: 'invalid', reason: 'negative', message: '数量不能为负数' };
  if (Math.abs(value) > MAX_COUNT) {
    return { status: 'invalid', reason: 'tooLarge', message: '数值过大，请核实' };
  }
  value = Math.trunc(value);
  if (Object.is(value, -0)) value = 0;
  return unit ? { status: 'number', value, notes, unit } : { status: 'number', value, notes };
}

/**
 * Whether a stored number (last year's values in a file) is one this year's
 * cell of the same kind could hold. A total is a sum of up to `addends` such
 * cells, so its magnitude may reach that many times the limit and an amount
 * total may carry float noise beyond 4 decimals.
 */
export function numberFitsKind(value: number, kind: ValueKind, addends = 1): boolean {
  if (!Number.isFinite(value)) return false;
  if (kind !== 'signedCount' && value < 0) return false;
  if (kind === 'amount') {
    return value <= MAX_AMOUNT_WAN * addends && (addends > 1 || Math.round(value * 10_000) / 10_000 === value);
  }
  return Number.isInteger(value) && Math.abs(value) <= MAX_COUNT * addends;
}

/** The canonical text of a number (what the exports print): plain digits, no separators, no unit. */
export function formatCellNumber(value: number): string {
  return String(value);
}
