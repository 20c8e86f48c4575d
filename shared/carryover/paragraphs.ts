/**
 * Which paragraphs of this year's prose are still last year's text, word for
 * word. Derived, never stored: a paragraph the clerk changes, even by four
 * characters, stops being last year's, and the others stay marked.
 */
import type { LastYearBaseline } from '../model/report.ts';
import type { SectionKey } from '../formats/types.ts';

export interface ParagraphSpan {
  start: number;
  end: number;
  /** 1-based, counting non-empty paragraphs, as a clerk counts them. */
  number: number;
}

/** Paragraphs this short (“无。”) say the same every year by right. */
const MIN_PARAGRAPH = 8;
const SPACE = /[\s\u3000]+/g;
const MEMO_SIZE = 16;

/** Last year's paragraphs by text, each set built once. */
const lastSets = new Map<string, ReadonlySet<string>>();

function paragraphKey(line: string): string {
  return line.replace(SPACE, '');
}

function lastSet(text: string): ReadonlySet<string> {
  const known = lastSets.get(text);
  if (known) return known;
  const set = new Set(text.split('\n').map(paragraphKey).filter((p) => p.length >= MIN_PARAGRAPH));
  if (lastSets.size >= MEMO_SIZE) lastSets.clear();
  lastSets.set(text, set);
  return set;
}

/**
 * Results by this year's text: the checks and the editor ask on every
 * keystroke, and only the edited section's text is new.
 */
const results = new Map<string, { lastText: string; spans: ParagraphSpan[] }>();

/** The paragraphs of `text` found verbatim (spacing aside) among `lastText`'s. */
export function carriedParagraphs(text: string, lastText: string | undefined): ParagraphSpan[] {
  if (!lastText || text === '') return [];
  const known = results.get(text);
  if (known?.lastText === lastText) return known.spans;
  const spans = findCarried(text, lastText);
  if (results.size >= MEMO_SIZE) results.clear();
  results.set(text, { lastText, spans });
  return spans;
}

function findCarried(text: string, lastText: string): ParagraphSpan[] {
  const last = lastSet(lastText);
  if (last.size === 0) return [];
  const found: ParagraphSpan[] = [];
  let start = 0;
  let number = 0;
  for (const line of text.split('\n')) {
    const key = paragraphKey(line);
    if (key !== '') number++;
    if (key.length >= MIN_PARAGRAPH && last.has(key)) found.push({ start, end: start + line.length, number });
    start += line.length + 1;
  }
  return found;
}

/** Last year's text of a narrative, from the baseline the report keeps. */
export function lastYearText(baseline: LastYearBaseline | undefined, key: SectionKey | 'preface'): string | undefined {
  if (!baseline) return undefined;
  return key === 'preface' ? baseline.preface : baseline.sections[key];
}
