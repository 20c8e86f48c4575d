/** The prose of each section, the preface, and the signature (落款) at the end. */
import { FORMATS } from '../../formats/index.ts';
import type { FormatId, SectionKey } from '../../formats/types.ts';
import { SECTION_KEYS } from '../../formats/types.ts';
import { bestMatch, normalizeLabel } from '../labels.ts';
import type { Headings } from './headings.ts';
import type { Item, Phase } from './items.ts';
import { captionOf, lookupFor } from './lookup.ts';
import { titleParts, type Title } from './title.ts';

/** Paragraphs per section, in order; 'preface' is what comes between the title and 一. */
export type Texts = Map<SectionKey | 'preface', string[]>;

/** Paragraphs between headings, without titles, captions and table notes. */
export function recognizeNarratives(items: Item[], title: Title | undefined, headings: Headings, formatId: FormatId): Phase<Texts> {
  const lookup = lookupFor(formatId);
  const texts: Texts = new Map();
  let section: SectionKey | 'preface' | undefined = title || headings.size === 0 ? undefined : 'preface';
  let skipped = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (title && i <= title.index) {
      if (item.kind === 'paragraph' && i !== title.organIndex && i !== title.index && item.text.trim() !== '') skipped++;
      if (i === title.index) section = 'preface';
      continue;
    }
    const key = headings.get(i);
    if (key) {
      section = key;
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
    const list = texts.get(section);
    if (list) list.push(text);
    else texts.set(section, [text]);
  }
  return { value: texts, notes: skipped > 0 ? [`报告标题之前的 ${skipped} 段文字未导入`] : [] };
}

const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/**
 * The date line closing the last section, taken out of it with the organ's
 * signature above it. Changes `texts` in place.
 */
export function recognizeSignature(texts: Texts, organ: string): Phase<{ dateLine?: string }> {
  const last = SECTION_KEYS.filter((k) => texts.has(k)).at(-1);
  const closing = last ? texts.get(last)! : [];
  if (closing.length === 0 || !DATE_LINE.test(closing.at(-1)!)) return { value: {}, notes: [] };
  const dateLine = closing.pop()!;
  const signature = normalizeLabel(closing.at(-1) ?? '');
  const folded = normalizeLabel(organ);
  const signed = signature.length <= 30 && !/[。；]/.test(closing.at(-1) ?? '');
  if (signed && folded && (signature.includes(folded) || folded.includes(signature))) closing.pop();
  return { value: { dateLine }, notes: [] };
}

/** Which of the format's sections have a heading. */
export function recognizeSections(headings: Headings, formatId: FormatId): Phase<{ found: SectionKey[]; missing: SectionKey[] }> {
  const present = new Set(headings.values());
  const found: SectionKey[] = [];
  const missing: SectionKey[] = [];
  const notes: string[] = [];
  for (const s of FORMATS[formatId].sections) {
    if (present.has(s.key)) found.push(s.key);
    else {
      missing.push(s.key);
      notes.push(`未找到“${s.key}、${s.title}”的标题`);
    }
  }
  return { value: { found, missing }, notes };
}
