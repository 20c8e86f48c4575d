/** The prose of each section, the preface, and the signature (落款) at the end. */
import { getFormat } from '../../formats/index.ts';
import type { FormatId, SectionKey } from '../../formats/types.ts';
import { bestMatch, normalizeLabel } from '../labels.ts';
import type { BlockCell } from '../types.ts';
import type { Headings, HeadingsFound } from './headings.ts';
import type { Item, Phase } from './items.ts';
import { captionOf, lookupFor } from './lookup.ts';
import { titleParts, type Title } from './title.ts';

/** Paragraphs per section, in order; 'preface' is what comes between the title and 一. */
export type Texts = Map<SectionKey | 'preface', string[]>;

/** A section the formats do not have: its heading as written, its lines, and how many table rows were among them. */
export interface ExtraSection {
  heading: string;
  lines: string[];
  rows: number;
}

export interface Narratives {
  texts: Texts;
  extras: ExtraSection[];
  /** The lines of the last section read (where a signature and date close the report). */
  closing: string[] | undefined;
}

/** A table row inside an unknown section, kept as a line of its cells. */
function rowLine(cells: BlockCell[]): string {
  return cells
    .filter((c) => !c.continuation)
    .map((c) => c.text.trim())
    .join('\t')
    .trim();
}

/** Paragraphs between headings, without titles, captions and table notes. */
export function recognizeNarratives(items: Item[], title: Title | undefined, headings: HeadingsFound, formatId: FormatId): Phase<Narratives> {
  const lookup = lookupFor(formatId);
  const texts: Texts = new Map();
  const extras: ExtraSection[] = [];
  let extra: ExtraSection | undefined;
  let closing: string[] | undefined;
  let section: SectionKey | 'preface' | undefined = title || headings.at.size === 0 ? undefined : 'preface';
  let skipped = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (title && i <= title.index) {
      if (item.kind === 'paragraph' && i !== title.organIndex && i !== title.index && item.text.trim() !== '') skipped++;
      if (i === title.index) section = 'preface';
      continue;
    }
    const key = headings.at.get(i);
    if (key) {
      section = key;
      extra = undefined;
      continue;
    }
    const heading = headings.extra.get(i);
    if (heading !== undefined) {
      extra = { heading, lines: [], rows: 0 };
      extras.push(extra);
      closing = extra.lines;
      continue;
    }
    if (extra) {
      const line = item.kind === 'paragraph' ? item.text.trim() : rowLine(item.cells);
      if (line === '') continue;
      extra.lines.push(line);
      if (item.kind === 'row') extra.rows++;
      continue;
    }
    if (item.kind !== 'paragraph' || section === undefined) continue;
    const text = item.text.trim();
    if (text === '') continue;
    if (section === 'preface' || section === '一') {
      // Repeated titles, also broken over two lines, are leftovers of copying.
      if (titleParts(text)) continue;
      const next = items[i + 1];
      if (next?.kind === 'paragraph' && text.length < 40 && titleParts(text + next.text)) {
        i++;
        continue;
      }
    }
    if (captionOf(text, lookup) || (text.length < 80 && bestMatch(text, lookup.notes))) continue;
    let list = texts.get(section);
    if (!list) texts.set(section, (list = []));
    list.push(text);
    if (section !== 'preface') closing = list;
  }
  return { value: { texts, extras, closing }, notes: skipped > 0 ? [`报告标题之前的 ${skipped} 段文字未导入`] : [] };
}

/** Where the text of sections the formats do not have is kept: 其他需要报告的事项. */
const EXTRA_SECTION: SectionKey = '六';

/**
 * The sections the formats do not have, kept in 六 (其他需要报告的事项),
 * each under its heading as written so the clerk sees where it came from.
 * Changes `texts` in place.
 */
export function placeExtraSections(texts: Texts, extras: ExtraSection[], formatId: FormatId): Phase<null> {
  const notes: string[] = [];
  const target = getFormat(formatId).sections.find((s) => s.key === EXTRA_SECTION)!;
  for (const extra of extras) {
    const list = texts.get(EXTRA_SECTION) ?? [];
    list.push(`【原文另设章节】${extra.heading}`, ...extra.lines);
    texts.set(EXTRA_SECTION, list);
    const table = extra.rows > 0 ? `，其中的表格（${extra.rows} 行）不是法定表格，按文字保留` : '';
    notes.push(`“${extra.heading}”不是规定的章节，其内容已并入“${target.key}、${target.title}”${table}，请核对`);
  }
  return { value: null, notes };
}

/** Dates as written at the end: 2025年1月20日, full-width digits, or 二〇二五年一月二十日. */
const DATE = /[0-9０-９〇零○一二三四五六七八九]{4}\s*年\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*日/;
const DATE_LINE = new RegExp(`^${DATE.source}$`);
/** An organ and its date on one line, as some reports sign. */
const SIGNED_DATE_LINE = new RegExp(`^(.{2,30}?)\\s+(${DATE.source})$`);
/** How the name of a government body ends: what a signature line is made of. */
const ORGAN_END = /(政府|办公室|办公厅|委员会|管委会|办事处|局|委|中心|厅|院|署|所|站|部|处|会|镇|乡|街道)$/;

/** A line that can be a signature: short, no sentence punctuation. */
function signatureLike(line: string): boolean {
  return line.length <= 30 && !/[。；;，,：:！？!?]/.test(line);
}

export interface Signature {
  dateLine?: string;
  /** The organ as signed, when the title gave none. */
  organ?: string;
}

/**
 * The 落款 closing the report: the date line, with the organ's signature
 * above it (or before it on the same line), taken out of the last section.
 * When the title names no organ, the signature's is taken. Changes
 * `closing` in place.
 */
export function recognizeSignature(closing: string[] | undefined, organ: string): Phase<Signature> {
  const last = closing?.at(-1)?.trim();
  if (!closing || last === undefined) return { value: {}, notes: [] };
  let dateLine: string;
  let signed: string | undefined;
  const together = SIGNED_DATE_LINE.exec(last);
  if (DATE_LINE.test(last)) {
    dateLine = closing.pop()!.trim();
    const above = closing.at(-1)?.trim();
    if (above !== undefined && signatureLike(above)) signed = above;
  } else if (together && signatureLike(together[1]!)) {
    closing.pop();
    dateLine = together[2]!;
    signed = together[1]!.trim();
    closing.push(signed);
  } else {
    return { value: {}, notes: [] };
  }
  if (signed === undefined) return { value: { dateLine }, notes: [] };
  const signature = normalizeLabel(signed);
  const folded = normalizeLabel(organ);
  if (!folded) {
    if (!ORGAN_END.test(signed)) return { value: { dateLine }, notes: [] };
    closing.pop();
    return { value: { dateLine, organ: signed }, notes: [`报告标题中没有机关名称，已按落款取为“${signed}”，请核对`] };
  }
  if (signature.includes(folded) || folded.includes(signature)) {
    closing.pop();
    return { value: { dateLine }, notes: [] };
  }
  if (!ORGAN_END.test(signed)) return { value: { dateLine }, notes: [] };
  closing.pop();
  return { value: { dateLine }, notes: [`落款机关“${signed}”与报告标题中的“${organ}”不一致，请核对`] };
}

/** Which of the format's sections have a heading. */
export function recognizeSections(headings: Headings, formatId: FormatId): Phase<{ found: SectionKey[]; missing: SectionKey[] }> {
  const present = new Set(headings.values());
  const found: SectionKey[] = [];
  const missing: SectionKey[] = [];
  const notes: string[] = [];
  for (const s of getFormat(formatId).sections) {
    if (present.has(s.key)) found.push(s.key);
    else {
      missing.push(s.key);
      notes.push(`未找到“${s.key}、${s.title}”的标题`);
    }
  }
  return { value: { found, missing }, notes };
}
