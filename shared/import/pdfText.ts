/**
 * Lines of text rebuilt from the glyph runs of a PDF page: runs on one
 * baseline form a line, read left to right; the spaces a PDF shows between
 * Chinese characters and digits (autospacing, justification) are layout,
 * not text, so none is kept next to a Chinese character.
 */

/** One run of glyphs as pdf.js reports it, in page space (y upwards, baseline). */
export interface GlyphRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size: the height of the run's em square. */
  size: number;
}

export interface TextLine {
  text: string;
  x0: number;
  x1: number;
  /** The baseline. */
  y: number;
  size: number;
}

/** CJK ideographs, their punctuation, and full-width forms: scripts written without spaces. */
const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/** Spaces collapsed, and none beside a CJK character. */
export function tidySpaces(text: string): string {
  const squeezed = text.replace(/[\s\u00a0]+/g, ' ');
  let out = '';
  for (let i = 0; i < squeezed.length; i++) {
    const char = squeezed[i]!;
    if (char === ' ' && (isCjk(out.at(-1)) || isCjk(squeezed[i + 1]) || out === '')) continue;
    out += char;
  }
  return out.trimEnd();
}

/**
 * Joins the text of two lines of one paragraph: nothing between CJK text (a
 * line end is not a space in Chinese) or after a hyphen, else one space.
 */
export function joinLines(first: string, next: string): string {
  if (first === '') return next;
  if (next === '') return first;
  if (isCjk(first.at(-1)) || isCjk(next[0]) || first.endsWith('-')) return first + next;
  return `${first} ${next}`;
}

/** Runs whose baselines are closer than this share a line (a fraction of the font size). */
const SAME_LINE = 0.4;
/** A gap wider than this between runs is a space (a fraction of the font size). */
const WORD_GAP = 0.25;

/** The runs of each line (on one baseline), top to bottom, each left to right. */
export function runsByLine(runs: readonly GlyphRun[]): GlyphRun[][] {
  const sorted = runs.filter((r) => r.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: GlyphRun[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group && first && Math.abs(first.y - run.y) <= SAME_LINE * Math.max(first.size, run.size)) group.push(run);
    else groups.push([run]);
  }
  return groups.map((g) => g.sort((a, b) => a.x - b.x));
}

/** The lines the runs form, top to bottom, each read left to right. */
export function linesOf(runs: readonly GlyphRun[]): TextLine[] {
  const lines: TextLine[] = [];
  for (const group of runsByLine(runs)) {
    let text = '';
    let end = -Infinity;
    let size = 0;
    for (const run of group) {
      if (text !== '' && run.x - end > WORD_GAP * run.size && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
      text += run.text;
      end = Math.max(end, run.x + run.width);
      size = Math.max(size, run.size);
    }
    const tidy = tidySpaces(text);
    const visible = group.filter((r) => r.text.trim() !== '');
    if (tidy === '' || visible.length === 0) continue;
    const x1 = Math.max(...visible.map((r) => r.x + r.width));
    lines.push({ text: tidy, x0: visible[0]!.x, x1, y: group[0]!.y, size });
  }
  return lines;
}
