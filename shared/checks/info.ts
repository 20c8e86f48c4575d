/**
 * What a reviewer looks at first, on the 基本信息 page: the organ named in the
 * title, the preface and the signature, and the 落款 date against the report
 * year and the 条例 article 49 deadline.
 */
import { SECTION_KEYS } from '../formats/types.ts';
import { organKindOf } from '../model/report.ts';
import type { CheckContext } from './context.ts';
import type { Finding } from './types.ts';
import {
  DATE,
  DEADLINES,
  DEADLINE_BASIS,
  ORGAN_ENDING,
  ORGAN_NOISE,
  PLACE,
  PREFACE_ORGAN,
  SELF_REFERENCE,
  SENTENCE_MARK,
  SIGNATURE_MAX,
} from './wording.ts';

const CN_DIGITS = '〇一二三四五六七八九';
const cnDigit = (c: string | undefined): number => (c === '○' || c === '零' ? 0 : Math.max(0, CN_DIGITS.indexOf(c ?? '')));

/** 2025, ２０２５, 二〇二五 (digit by digit), 十二, 二十, 三十一 → numbers. */
function numeral(text: string): number {
  if (/^[0-9０-９]+$/.test(text)) return Number(text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  if (!text.includes('十')) return Number([...text].map(cnDigit).join(''));
  const [tens, ones] = text.split('十');
  return (tens ? cnDigit(tens) : 1) * 10 + (ones ? cnDigit(ones) : 0);
}

export interface SignedDate {
  year: number;
  month: number;
  day: number;
  text: string;
}

export function parseDateLine(line: string): SignedDate | undefined {
  const m = DATE.exec(line);
  if (!m) return undefined;
  const [text, y, mo, d] = m as unknown as [string, string, string, string];
  const date = { year: numeral(y), month: numeral(mo), day: numeral(d), text };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return undefined;
  return date;
}

const order = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;

/** The organ as compared: without 中共/人民政府/办公室 wording and spacing. */
export function organCore(name: string): string {
  return name.replace(ORGAN_NOISE, '');
}

/**
 * Two names for one body when one holds the other (洪泽区人民政府 ~ 淮安市洪泽区人民政府办公室);
 * a government's report may be drafted by another of its offices (洪泽区政务服务管理办公室).
 */
function sameOrgan(organ: string, named: string, government: boolean): boolean {
  const x = organCore(organ);
  const y = organCore(named);
  if (x === '' || y === '' || x.includes(y) || y.includes(x)) return true;
  const place = government ? x.match(PLACE)?.at(-1) : undefined;
  return place !== undefined && y.includes(place);
}

/** A signature the import could not match stays as the last line of the last section. */
function signatureLine(ctx: CheckContext): string | undefined {
  const key = SECTION_KEYS.findLast((k) => /\S/.test(ctx.report.sections[k].text));
  if (!key) return undefined;
  const text = ctx.report.sections[key].text.trimEnd();
  const line = text.slice(text.lastIndexOf('\n') + 1).trim();
  if (line === '' || line.length > SIGNATURE_MAX || SENTENCE_MARK.test(line) || !ORGAN_ENDING.test(line)) return undefined;
  return line;
}

function organFindings(ctx: CheckContext, out: Finding[]): void {
  const organ = ctx.report.organ.trim();
  if (organ === '') {
    out.push({
      severity: 'error',
      rule: 'info.organ',
      cells: [],
      section: 'preface',
      field: 'organ',
      message: '未填写机关名称：报告标题和落款都应写明发布报告的机关',
      key: 'info.organ',
    });
    return;
  }
  const named: { where: string; name: string }[] = [];
  const signature = signatureLine(ctx);
  if (signature) named.push({ where: '落款', name: signature });
  for (const pattern of PREFACE_ORGAN) {
    const name = pattern.exec(ctx.report.preface.text)?.[1];
    if (name && !SELF_REFERENCE.test(name) && ORGAN_ENDING.test(name)) named.push({ where: '前言', name });
  }
  const government = organKindOf(ctx.report) === 'government';
  for (const { where, name } of named) {
    if (sameOrgan(organ, name, government)) continue;
    out.push({
      severity: 'warning',
      rule: 'info.organMismatch',
      cells: [],
      section: 'preface',
      field: 'organ',
      expected: organ,
      actual: name,
      message: `${where}中的机关“${name}”与标题中的机关名称“${organ}”不一致，请核实`,
      key: `info.organMismatch:${where}:${name}`,
    });
  }
}

function dateFindings(ctx: CheckContext, out: Finding[]): void {
  const { report } = ctx;
  const line = report.dateLine?.trim() ?? '';
  const at = { severity: 'warning' as const, cells: [], section: 'preface' as const, field: 'dateLine' as const };
  if (line === '') {
    out.push({ ...at, rule: 'info.date', message: '未填写落款日期（报告发布的日期）', key: 'info.date' });
    return;
  }
  const date = parseDateLine(line);
  if (!date) {
    out.push({ ...at, rule: 'info.date', actual: line, message: `落款日期“${line}”无法识别，应写成“${report.year + 1}年1月20日”的形式`, key: 'info.date' });
    return;
  }
  if (date.year <= report.year) {
    out.push({
      ...at,
      rule: 'info.dateEarly',
      actual: date.text,
      message: `落款日期“${date.text}”不晚于报告年度（${report.year}年），报告应在年度结束后发布，可能是上年的落款未更新`,
      key: 'info.dateEarly',
    });
    return;
  }
  const deadline = DEADLINES[organKindOf(report)];
  if (!deadline) return;
  const due = { year: report.year + 1, month: deadline.month, day: deadline.day };
  if (order(date) <= order(due)) return;
  const dueText = `${due.year}年${due.month}月${due.day}日`;
  out.push({
    ...at,
    rule: 'info.dateLate',
    expected: dueText,
    actual: date.text,
    message: `落款日期“${date.text}”晚于${deadline.who}的发布期限（${dueText}前，${DEADLINE_BASIS}）；机关类型可在基本信息中设置`,
    key: 'info.dateLate',
  });
}

export function infoFindings(ctx: CheckContext, out: Finding[]): void {
  organFindings(ctx, out);
  dateFindings(ctx, out);
}
