/**
 * Warnings about the prose: required sections left empty, stale years and
 * statistics periods, template leftovers, words a section must mention (the
 * 2021 fee statement), numbers that contradict the tables, problems without
 * measures, text repeated from last year and last year's text carried
 * unedited. What each section must hold is read off its definition.
 */
import { carriedParagraphs, lastYearText } from '../carryover/paragraphs.ts';
import { SECTION_KEYS, type SectionKey } from '../formats/types.ts';
import type { Narrative } from '../model/report.ts';
import type { NarrativeKey } from './compile.ts';
import { cellValue, showStated, type CheckContext } from './context.ts';
import type { Finding } from './types.ts';
import { CLAUSE_END, CLAUSE_LEGIT, HEADING_LINE, NOTHING_WORD, WORK_COUNT, YEAR_LEGIT_AFTER, YEAR_LEGIT_BEFORE } from './wording.ts';

interface Prose {
  key: NarrativeKey;
  name: string;
  narrative: Narrative;
}

const PERIOD =
  /统计期限?(?:为|是)?\s*[自从]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起?\s*(?:至|到|—|－|-|~|～)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const YEAR = /(?<![\d.])((?:19|20)\d{2})\s*年度?/g;
const LEFTOVER = /\[bookmark:[^\]]*\]|[（(]文字描述[)）]|(?<![A-Za-z])(?:[XＸ]{2,}|×{2,})(?![A-Za-z])/g;
const SENTENCE = /[^。！？!?；;\n]+[。！？!?；;]?/g;
const SPACE = /\s+/g;
const QUOTE_MAX = 60;
const HEADING_MAX = 40;
/** Entries kept by the per-text memos below before they start over. */
const SENTENCE_MEMO_SIZE = 64;

function eachMatch(regex: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0] === '') regex.lastIndex++;
    fn(m);
  }
}

function proseOf(ctx: CheckContext): Prose[] {
  const names = ctx.compiled.sectionNames;
  const { report } = ctx;
  return [
    { key: 'preface', name: names.preface, narrative: report.preface },
    ...SECTION_KEYS.map((key) => ({ key, name: names[key], narrative: report.sections[key] })),
  ];
}

/** Keys for prose findings: rule, section and the text found, numbered when the same text repeats. */
function keyMaker(): (rule: string, key: NarrativeKey, text: string) => string {
  const seen = new Map<string, number>();
  return (rule, key, text) => {
    const base = `${rule}:${key}:${text}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
}

function spanOf(m: RegExpExecArray): { start: number; end: number } {
  return { start: m.index, end: m.index + m[0].length };
}

function requiredFindings(ctx: CheckContext, prose: Prose[], out: Finding[]): void {
  for (const { key, name, narrative } of prose) {
    const section = ctx.compiled.sections.get(key);
    if (!section?.proseRequired || narrative.text.trim() !== '') continue;
    out.push({
      severity: 'warning',
      rule: 'narrative.missing',
      cells: [],
      section: key,
      message: `${name} 尚未填写${section.emptyNote ?? ''}`,
      key: `narrative.missing:${key}`,
    });
  }
}

/** A section with a minimum (五) written as “无” or a few words: reviewers expect the problems and how they are addressed. */
function thinFindings(ctx: CheckContext, prose: Prose[], out: Finding[]): void {
  for (const { key, name, narrative } of prose) {
    const min = ctx.compiled.sections.get(key)?.minChars;
    // Long prose cannot be thin: skip the copy on every keystroke.
    if (min === undefined || narrative.text.length > min * 4) continue;
    const text = narrative.text.replace(SPACE, '');
    if (text === '' || (text.length >= min && !NOTHING_WORD.test(text))) continue;
    out.push({
      severity: 'warning',
      rule: 'narrative.thin',
      cells: [],
      section: key,
      expected: min,
      actual: text.length,
      message: `${name} 只写了“${text}”，应写明存在的主要问题及改进情况（不少于${min}字）`,
      key: `narrative.thin:${key}`,
    });
  }
}

/** Short lines that name a section heading, by text: untouched sections are scanned once, not on every keystroke. */
const headingMemo = new Map<string, { start: number; line: string; title: string }[]>();

function headingLines(text: string): { start: number; line: string; title: string }[] {
  const known = headingMemo.get(text);
  if (known) return known;
  const found: { start: number; line: string; title: string }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const title = line.length <= HEADING_MAX ? HEADING_LINE.exec(line)?.[1] : undefined;
    if (title !== undefined) found.push({ start, line, title });
    start += line.length + 1;
  }
  if (headingMemo.size >= SENTENCE_MEMO_SIZE) headingMemo.clear();
  headingMemo.set(text, found);
  return found;
}

/** A heading typed or pasted into the prose: the section then appears twice, or inside another. */
function headingFindings(ctx: CheckContext, prose: Prose[], out: Finding[]): void {
  const titles = new Map(ctx.compiled.index.format.sections.map((s) => [s.title, s.key]));
  for (const { key, name, narrative } of prose) {
    for (const { start, line, title } of headingLines(narrative.text)) {
      const heading = titles.get(title);
      if (!heading) continue;
      const where = heading === key ? '重复了本部分的标题' : `含有“${ctx.compiled.sectionNames[heading]}”的标题，顺序或位置可能有误`;
      out.push({
        severity: 'warning',
        rule: 'narrative.heading',
        cells: [],
        section: key,
        span: { start, end: start + line.length },
        actual: line.trim(),
        message: `${name} 的正文中${where}（章节标题由格式统一生成，正文中不必再写）`,
        key: `narrative.heading:${key}:${line.trim()}`,
      });
    }
  }
}

function dateFindings(ctx: CheckContext, prose: Prose[], out: Finding[]): void {
  const year = ctx.report.year;
  const key = keyMaker();
  for (const p of prose) {
    const text = p.narrative.text;
    const reportsYear = ctx.compiled.sections.get(p.key)?.reportsYear === true;
    const periods: { start: number; end: number }[] = [];
    eachMatch(PERIOD, text, (m) => {
      const span = spanOf(m);
      periods.push(span);
      const [from, m1, d1, to, m2, d2] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
      // The end year may be left out (至12月31日): it is then the start year.
      const whole = from === year && (to ?? from) === year && m1 === 1 && d1 === 1 && m2 === 12 && d2 === 31;
      if (whole) return;
      out.push({
        severity: 'warning',
        rule: 'narrative.period',
        cells: [],
        section: p.key,
        span,
        expected: `${year}年1月1日至${year}年12月31日`,
        actual: m[0],
        message: `${p.name} 中的统计期限应为自${year}年1月1日起至${year}年12月31日止，现为“${m[0]}”`,
        key: key('narrative.period', p.key, m[0]),
      });
    });
    eachMatch(YEAR, text, (m) => {
      const span = spanOf(m);
      if (periods.some((s) => span.start >= s.start && span.start < s.end)) return;
      const found = Number(m[1]);
      const problem = yearProblem(text, span, found, year, p, reportsYear);
      if (!problem) return;
      out.push({
        severity: 'warning',
        rule: 'narrative.year',
        cells: [],
        section: p.key,
        span,
        expected: year,
        actual: found,
        message: problem,
        key: key('narrative.year', p.key, m[0]),
      });
    });
  }
}

/** The sentence around a span, as quoted in a message (long ones shortened). */
function sentenceAt(text: string, span: { start: number; end: number }): string {
  let start = span.start;
  while (start > 0 && !CLAUSE_END.test(text[start - 1] ?? '')) start--;
  let end = span.end;
  while (end < text.length && !CLAUSE_END.test(text[end] ?? '')) end++;
  const sentence = text.slice(start, end).trim();
  return sentence.length > QUOTE_MAX ? `${sentence.slice(0, QUOTE_MAX)}……` : sentence;
}

/** Another year where this year's work is reported: opening a sentence (2024年，…) or counting work done. */
function staleInSentence(text: string, span: { start: number; end: number }, found: number, year: number): boolean {
  if (YEAR_LEGIT_BEFORE.test(text.slice(Math.max(0, span.start - 4), span.start))) return false;
  // Inside a title (《淮安市2024年政务公开工作要点》): the year names a document.
  if (text.lastIndexOf('《', span.start) > text.lastIndexOf('》', span.start)) return false;
  const after = text.slice(span.end, span.end + 40);
  if (YEAR_LEGIT_AFTER.test(after)) return false;
  let i = span.start - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '') && text[i] !== '\n') i--;
  const opensSentence = i < 0 || CLAUSE_END.test(text[i] ?? '');
  if (found === year - 1 && opensSentence && (after[0] === '，' || after[0] === ',')) return true;
  const clauseEnd = after.search(CLAUSE_END);
  const clause = clauseEnd < 0 ? after : after.slice(0, clauseEnd);
  return WORK_COUNT.test(clause) && !CLAUSE_LEGIT.test(clause);
}

function yearProblem(
  text: string,
  span: { start: number; end: number },
  found: number,
  year: number,
  p: Prose,
  reportsYear: boolean,
): string | undefined {
  if (found > year + 1) return `${p.name} 中的“${text.slice(span.start, span.end)}”晚于报告年度（${year}年），请核实`;
  if (found === year + 1 && reportsYear) {
    return `${p.name} 中的“${text.slice(span.start, span.end)}”是报告年度的下一年，此部分应报告${year}年度情况，请核实`;
  }
  if (found >= year) return undefined;
  // Earlier years are legitimate history; last year opening a paragraph is last year's text left in.
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const opensParagraph = text.slice(lineStart, span.start).trim() === '';
  const next = text[span.end];
  if (found === year - 1 && opensParagraph && (next === '，' || next === ',')) {
    return `${p.name} 中有段落以“${text.slice(span.start, span.end)}，”开头，而本报告为${year}年度，可能是上年报告的文字未更新`;
  }
  // Where this year's work is reported (一 to 四), a sentence about another year's work is a leftover.
  if (!reportsYear || !staleInSentence(text, span, found, year)) return undefined;
  return `${p.name} 中“${sentenceAt(text, span)}”写的是${found}年的情况，而本报告为${year}年度，可能是上年报告的文字未更新`;
}

function leftoverFindings(prose: Prose[], out: Finding[]): void {
  const key = keyMaker();
  for (const p of prose) {
    eachMatch(LEFTOVER, p.narrative.text, (m) => {
      out.push({
        severity: 'warning',
        rule: 'narrative.leftover',
        cells: [],
        section: p.key,
        span: spanOf(m),
        actual: m[0],
        message: `${p.name} 中留有模板或文档残留“${m[0]}”，请删除或替换为实际内容`,
        key: key('narrative.leftover', p.key, m[0]),
      });
    });
  }
}

/** Sections that must mention one of some words once written (the 2021 fee statement in 六). */
function mentionFindings(ctx: CheckContext, prose: Prose[], out: Finding[]): void {
  for (const { key, name, narrative } of prose) {
    const must = ctx.compiled.sections.get(key)?.mustMention;
    const text = narrative.text;
    if (!must || text.trim() === '' || must.anyOf.some((w) => text.includes(w))) continue;
    out.push({ severity: 'warning', rule: must.rule, cells: [], section: key, message: `${name} ${must.message}`, key: must.rule });
  }
}

/** What the table says a cell holds: a total's computed sum, so that a wrong typed total does not mislead the comparison. */
function tableValue(ctx: CheckContext, id: string): number | null {
  const cell = cellValue(ctx, id);
  return cell.info.computedBy && cell.computed !== undefined && cell.computed !== null ? cell.computed : cell.value;
}

/** Typed totals among these cells that differ from their sum: named in the message, they have their own error. */
function wrongTotals(ctx: CheckContext, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const cell = cellValue(ctx, id);
    const typed = cell.raw !== undefined && cell.info.computedBy && cell.value !== tableValue(ctx, id);
    return typed ? [`${cell.info.label}填写为 ${showStated(cell)}`] : [];
  });
}

function proseNumberFindings(ctx: CheckContext, prose: Prose[], out: Finding[]): void {
  const key = keyMaker();
  for (const { rule, regex } of ctx.compiled.proseNumbers) {
    const sums = rule.equalsAnyOf.map((cells) => {
      const values = cells.map((c) => tableValue(ctx, c));
      return values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
    });
    const firstKnown = sums.findIndex((s) => s !== null);
    if (firstKnown < 0) continue;
    const expected = sums[firstKnown] ?? 0;
    const cells = rule.equalsAnyOf[firstKnown] ?? [];
    for (const p of prose) {
      eachMatch(regex, p.narrative.text, (m) => {
        const stated = Number(m[1]);
        if (sums.includes(stated)) return;
        const wrong = wrongTotals(ctx, cells);
        const note = wrong.length > 0 ? `；表中${wrong.join('、')}，与各项之和不符，请一并核对` : '';
        out.push({
          severity: 'warning',
          rule: rule.id,
          cells,
          section: p.key,
          span: spanOf(m),
          expected,
          actual: stated,
          message: `${p.name} 中写有“${m[0]}”，与${rule.describe}（${expected}）不一致${note}`,
          key: key(rule.id, p.key, m[0]),
        });
      });
    }
  }
}

/** A section that must name measures (五) naming problems only. */
function measureFindings(ctx: CheckContext, prose: Prose[], out: Finding[]): void {
  for (const { key, name, narrative } of prose) {
    const measures = ctx.compiled.sections.get(key)?.measures;
    const text = narrative.text;
    if (!measures || text.trim() === '' || NOTHING_WORD.test(text) || measures.anyOf.some((w) => text.includes(w))) continue;
    out.push({
      severity: 'warning',
      rule: 'narrative.measures',
      cells: [],
      section: key,
      message: `${name} ${measures.message}`,
      key: key === '五' ? 'narrative.measures' : `narrative.measures:${key}`,
    });
  }
}

/** Sentences by text: last year's prose and untouched sections are split once, not on every keystroke. */
const sentenceMemo = new Map<string, string[]>();

function sentences(text: string): string[] {
  const known = sentenceMemo.get(text);
  if (known) return known;
  const found: string[] = [];
  eachMatch(SENTENCE, text, (m) => {
    const s = m[0].replace(SPACE, '');
    if (s !== '') found.push(s);
  });
  if (sentenceMemo.size >= SENTENCE_MEMO_SIZE) sentenceMemo.clear();
  sentenceMemo.set(text, found);
  return found;
}

function copiedFindings(ctx: CheckContext, out: Finding[]): void {
  const last = ctx.report.lastYear?.sections;
  if (!last) return;
  const before = new Set(SECTION_KEYS.flatMap((k) => sentences(last[k] ?? '')));
  if (before.size === 0) return;
  let total = 0;
  let copied = 0;
  let worst: { key: SectionKey; chars: number } | undefined;
  for (const key of SECTION_KEYS) {
    let sectionCopied = 0;
    for (const s of sentences(ctx.report.sections[key].text)) {
      total += s.length;
      if (before.has(s)) sectionCopied += s.length;
    }
    copied += sectionCopied;
    if (sectionCopied > (worst?.chars ?? 0)) worst = { key, chars: sectionCopied };
  }
  if (!worst || copied * 2 <= total) return;
  const percent = Math.round((copied / total) * 100);
  out.push({
    severity: 'warning',
    rule: 'narrative.copied',
    cells: [],
    section: worst.key,
    expected: 50,
    actual: percent,
    message: `正文有 ${percent}% 的文字与上年报告逐句相同，请根据本年度工作情况更新`,
    key: 'narrative.copied',
  });
}

/** Paragraphs still word for word last year's: one finding per section, naming the paragraphs, the first selected. */
function carriedFindings(ctx: CheckContext, prose: Prose[], out: Finding[]): void {
  const baseline = ctx.report.lastYear;
  if (!baseline) return;
  for (const { key, name, narrative } of prose) {
    const carried = carriedParagraphs(narrative.text, lastYearText(baseline, key));
    const first = carried[0];
    if (!first) continue;
    const which = carried.length === 1 ? `第${first.number}段` : `第${carried.map((p) => p.number).join('、')}段`;
    out.push({
      severity: 'warning',
      rule: 'narrative.carried',
      cells: [],
      section: key,
      span: { start: first.start, end: first.end },
      actual: carried.length,
      message: `${name} ${which}仍是上年报告的文字，尚未修改`,
      key: `narrative.carried:${key}`,
    });
  }
}

export function narrativeFindings(ctx: CheckContext, out: Finding[]): void {
  const prose = proseOf(ctx);
  requiredFindings(ctx, prose, out);
  thinFindings(ctx, prose, out);
  headingFindings(ctx, prose, out);
  carriedFindings(ctx, prose, out);
  dateFindings(ctx, prose, out);
  leftoverFindings(prose, out);
  mentionFindings(ctx, prose, out);
  measureFindings(ctx, prose, out);
  proseNumberFindings(ctx, prose, out);
  copiedFindings(ctx, out);
}
