/**
 * Local rule packs: the rules a city or county office adds for its units
 * (a length limit on 总体情况, counts 主动公开 must state, equations between
 * cells agreed with the 司法 office, a local 落款 deadline), written as a JSON
 * data file. A pack is validated once when loaded (schema, limits, cell ids
 * of the formats its years use) and compiled once; applying it is a few
 * string searches and sums per report. It holds no regular expression and no
 * code: words are literal strings, so no pack can make the checks slow or
 * run anything.
 */
import { z } from 'zod';
import { FORMAT_IDS, formatIndex, getFormat } from '../formats/index.ts';
import { SECTION_KEYS, type SectionKey } from '../formats/types.ts';
import { FORBIDDEN_KEYS } from '../file/schema.ts';
import { scanJson } from '../file/scan.ts';
import { ORGAN_KINDS, organKindOf, type OrganKind, type Report } from '../model/report.ts';
import type { ReportValues } from '../model/values.ts';
import { parseDateLine } from './info.ts';
import type { ExtraRules, Finding, Severity } from './types.ts';

export const RULE_PACK_KIND = 'nianbao-rule-pack';
export const RULE_PACK_VERSION = 1;
/** Far above any real pack; refused before parsing. */
export const MAX_RULE_PACK_BYTES = 256 * 1024;
/** A pack nests 4 levels (pack, rules, rule, words); more is not a pack. */
const MAX_RULE_PACK_DEPTH = 6;
const MAX_RULES = 200;
const MAX_WORDS = 20;
const MAX_CELLS = 100;

const text = (max: number) => z.string().trim().min(1).max(max);
const sectionSchema = z.enum(['preface', ...SECTION_KEYS] as ['preface', ...SectionKey[]]);
const cellSchema = z.string().max(200).regex(/^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$/);
const common = {
  id: z.string().min(1).max(60).regex(/^[A-Za-z0-9_.-]+$/),
  severity: z.enum(['error', 'warning', 'info']),
  message: text(500),
};

const proseLength = z.strictObject({
  ...common,
  kind: z.literal('proseLength'),
  section: sectionSchema,
  /** Characters, spacing not counted (as the editor's 字数 counts). */
  max: z.number().int().min(1).max(1_000_000),
});

const requiredWords = z.strictObject({
  ...common,
  kind: z.literal('requiredWords'),
  section: sectionSchema,
  /** Each word must appear, as written. */
  words: z.array(text(50)).min(1).max(MAX_WORDS),
  /** Each word must stand in a clause that states a number (发布政策解读6篇). */
  withNumber: z.boolean().optional(),
});

const equation = z.strictObject({
  ...common,
  kind: z.literal('equation'),
  /** Σ left {relation} Σ right, once every cell on both sides holds a number. */
  left: z.array(cellSchema).min(1).max(MAX_CELLS),
  relation: z.enum(['=', '<=', '>=']),
  right: z.array(cellSchema).min(1).max(MAX_CELLS),
});

const deadline = z.strictObject({
  ...common,
  kind: z.literal('deadline'),
  /** Month and day of the year after the report year by which the report is signed. */
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  /** The kinds of body it binds; all when omitted. */
  organKinds: z.array(z.enum(ORGAN_KINDS as [OrganKind, ...OrganKind[]])).min(1).max(3).optional(),
});

const ruleSchema = z.discriminatedUnion('kind', [proseLength, requiredWords, equation, deadline]);

export const RulePackSchema = z.strictObject({
  kind: z.literal(RULE_PACK_KIND),
  version: z.literal(RULE_PACK_VERSION),
  name: text(100),
  issuer: text(100),
  /** Report years the pack applies to, inclusive. */
  years: z.strictObject({ from: z.number().int().min(2000).max(2200), to: z.number().int().min(2000).max(2200) }),
  rules: z.array(ruleSchema).min(1).max(MAX_RULES),
});

export type RulePack = z.infer<typeof RulePackSchema>;
export type PackRule = RulePack['rules'][number];

export class RulePackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulePackError';
  }
}

const ISSUE_TEXT: Partial<Record<string, string>> = {
  invalid_type: '类型不对',
  invalid_value: '取值不在允许范围内',
  invalid_union: '规则类型（kind）未知',
  unrecognized_keys: '含有未知的字段',
  too_big: '超出上限',
  too_small: '为空或低于下限',
  invalid_format: '格式不对',
};

function refuse(detail: string): never {
  throw new RulePackError(`规则包无法使用：${detail}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.');
  const keys = issue.code === 'unrecognized_keys' ? `（${issue.keys.slice(0, 3).join('、')}）` : '';
  const what = `${ISSUE_TEXT[issue.code] ?? '不符合规则包格式'}${keys}`;
  return where ? `${where} ${what}` : what;
}

/** Cell ids each format of the pack's years has; a rule naming another cell is refused. */
function checkCells(pack: RulePack): void {
  const formats = FORMAT_IDS.map(getFormat).filter((f) => f.firstYear <= pack.years.to && (f.lastYear ?? Infinity) >= pack.years.from);
  if (formats.length === 0) refuse(`适用年度 ${pack.years.from}–${pack.years.to} 没有对应的报告格式`);
  for (const [i, rule] of pack.rules.entries()) {
    if (rule.kind !== 'equation') continue;
    for (const cell of [...rule.left, ...rule.right]) {
      const missing = formats.find((f) => !formatIndex(f.id).cellById.has(cell));
      if (missing) refuse(`rules.${i}（${rule.id}）中的单元格“${cell}”在${missing.source}格式中不存在`);
    }
  }
}

/** Reads and validates a pack; a bad pack is refused with one Chinese message naming what is wrong. */
export function parseRulePack(source: string): RulePack {
  const trimmed = source.replace(/^\uFEFF/, '').trim();
  if (trimmed.length > MAX_RULE_PACK_BYTES) refuse(`文件过大（超过 ${MAX_RULE_PACK_BYTES / 1024} KB）`);
  if (!trimmed.startsWith('{')) refuse('不是 JSON 格式的规则包文件');
  const problem = scanJson(trimmed, MAX_RULE_PACK_DEPTH, FORBIDDEN_KEYS);
  if (problem?.kind === 'tooDeep') refuse('文件结构嵌套过深');
  if (problem?.kind === 'forbiddenKey') refuse(`含有不允许的键名“${problem.key}”`);
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    refuse('JSON 格式有误');
  }
  const result = RulePackSchema.safeParse(json);
  if (!result.success) refuse(result.error.issues.slice(0, 3).map(describeIssue).join('；'));
  const pack = result.data;
  if (pack.years.from > pack.years.to) refuse('years.from 晚于 years.to');
  const ids = new Set<string>();
  for (const rule of pack.rules) {
    if (ids.has(rule.id)) refuse(`规则编号“${rule.id}”重复`);
    ids.add(rule.id);
  }
  checkCells(pack);
  return pack;
}

type ProseRule = Extract<PackRule, { kind: 'proseLength' | 'requiredWords' }>;
type Place = SectionKey | 'preface';

/** A pack ready to apply, built once per pack. */
export interface CompiledRulePack {
  pack: RulePack;
  /** Prose rules by the section they read, so a keystroke re-reads only its own section. */
  prose: ReadonlyMap<Place, ProseRule[]>;
  /** The last text each section's rules read, and what they found in it. */
  proseMemo: Map<Place, { text: string; findings: Finding[] }>;
  equations: Extract<PackRule, { kind: 'equation' }>[];
  deadlines: Extract<PackRule, { kind: 'deadline' }>[];
}

const compiled = new WeakMap<RulePack, CompiledRulePack>();

export function compileRulePack(pack: RulePack): CompiledRulePack {
  const known = compiled.get(pack);
  if (known) return known;
  const prose = new Map<Place, ProseRule[]>();
  for (const rule of pack.rules) {
    if (rule.kind === 'proseLength' || rule.kind === 'requiredWords') prose.set(rule.section, [...(prose.get(rule.section) ?? []), rule]);
  }
  const result: CompiledRulePack = {
    pack,
    prose,
    proseMemo: new Map(),
    equations: pack.rules.filter((r) => r.kind === 'equation'),
    deadlines: pack.rules.filter((r) => r.kind === 'deadline'),
  };
  compiled.set(pack, result);
  return result;
}

const SPACE = /[\s\u3000]/g;
/** A count belongs to the clause it stands in: 发布政策解读12篇, 12篇政策解读. */
const CLAUSE_END = /[，,。；;！？!?：:\n]/;
const DIGIT = /[0-9０-９]/;
/** How far from a word its clause is read for a number. */
const NUMBER_REACH = 30;

function narrativeText(report: Report, section: Place): string {
  return section === 'preface' ? report.preface.text : report.sections[section].text;
}

/** Whether `word` appears in a clause that states a number. */
function hasCount(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    let start = at;
    while (start > 0 && at - start < NUMBER_REACH && !CLAUSE_END.test(text[start - 1] ?? '')) start--;
    let end = at + word.length;
    while (end < text.length && end - at < NUMBER_REACH && !CLAUSE_END.test(text[end] ?? '')) end++;
    if (DIGIT.test(text.slice(start, end))) return true;
  }
  return false;
}

const HOLDS = { '=': (a: number, b: number) => a === b, '<=': (a: number, b: number) => a <= b, '>=': (a: number, b: number) => a >= b };

function sum(values: ReportValues, cells: readonly string[]): number | null {
  let total = 0;
  for (const id of cells) {
    const v = values.cells.get(id)?.value;
    if (v === null || v === undefined) return null;
    total += v;
  }
  return total;
}

const order = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;

type Push = (rule: PackRule, finding: Omit<Finding, 'severity' | 'rule' | 'message' | 'key'>, detail: string) => void;

function proseFindings(rules: readonly ProseRule[], text: string, push: Push): void {
  for (const rule of rules) {
    if (rule.kind === 'proseLength') {
      // Counted only when it could exceed the limit.
      if (text.length <= rule.max) continue;
      const chars = text.replace(SPACE, '').length;
      if (chars > rule.max) push(rule, { cells: [], section: rule.section, expected: rule.max, actual: chars }, `：现为 ${chars} 字，上限 ${rule.max} 字`);
      continue;
    }
    const missing = rule.words.filter((w) => (rule.withNumber ? !hasCount(text, w) : !text.includes(w)));
    if (missing.length > 0) {
      push(rule, { cells: [], section: rule.section, actual: missing.join('、') }, `：未写明“${missing.join('”“')}”${rule.withNumber ? '的数量' : ''}`);
    }
  }
}

/** Findings of one pack on a report: nothing when the report's year is outside the pack's. */
export function rulePackFindings(pack: CompiledRulePack, report: Report, values: ReportValues): Finding[] {
  const { years, name } = pack.pack;
  if (report.year < years.from || report.year > years.to) return [];
  const into =
    (out: Finding[]): Push =>
    (rule, finding, detail) =>
      out.push({ severity: rule.severity as Severity, rule: `pack.${rule.kind}`, message: `${rule.message}${detail}（${name}）`, key: `pack:${name}:${rule.id}`, ...finding });
  const out: Finding[] = [];

  for (const [place, rules] of pack.prose) {
    const text = narrativeText(report, place);
    let memo = pack.proseMemo.get(place);
    if (memo?.text !== text) {
      memo = { text, findings: [] };
      proseFindings(rules, text, into(memo.findings));
      pack.proseMemo.set(place, memo);
    }
    // Copies: checkReport marks acknowledgements on the findings it returns.
    for (const f of memo.findings) out.push({ ...f });
  }

  const push = into(out);
  for (const rule of pack.equations) {
    const left = sum(values, rule.left);
    const right = sum(values, rule.right);
    if (left === null || right === null || HOLDS[rule.relation](left, right)) continue;
    const first = values.cells.get(rule.left[0] ?? '');
    push(rule, { cells: [...rule.left, ...rule.right], section: first?.info.table.section ?? 'preface', expected: right, actual: left }, `：左边为 ${left}，右边为 ${right}`);
  }

  const date = report.dateLine ? parseDateLine(report.dateLine) : undefined;
  for (const rule of pack.deadlines) {
    if (!date || (rule.organKinds && !rule.organKinds.includes(organKindOf(report)))) continue;
    const due = { year: report.year + 1, month: rule.month, day: rule.day };
    if (order(date) <= order(due)) continue;
    const dueText = `${due.year}年${due.month}月${due.day}日`;
    push(rule, { cells: [], section: 'preface', field: 'dateLine', expected: dueText, actual: date.text }, `：落款日期为“${date.text}”，期限为${dueText}`);
  }
  return out;
}

/** The extra rule sets checkReport applies: each loaded pack's findings. */
export function rulePackRules(packs: readonly RulePack[]): ExtraRules[] {
  return packs.map((pack) => {
    const ready = compileRulePack(pack);
    return (report, values) => rulePackFindings(ready, report, values);
  });
}
