/** Section headings (一、总体情况 …), found by their titles in any format's wording. */
import { currentFormat, FORMAT_IDS, getFormat } from '../../formats/index.ts';
import type { SectionKey } from '../../formats/types.ts';
import { SECTION_KEYS } from '../../formats/types.ts';
import { bestMatch, normalizeLabel, tolerance, type LabelCandidate } from '../labels.ts';
import type { Item, Phase } from './items.ts';
import { titleParts } from './title.ts';

interface Heading {
  key: SectionKey;
  /** Why the numeral was not the official one, or undefined when it was. */
  numeralProblem?: string;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const HEADING_PREFIX = /^(?:([一二三四五六七八九十])|([0-9]{1,2}))?\s*([、.,:：])?\s*/;

function sectionCandidates(): LabelCandidate<SectionKey>[] {
  const candidates: LabelCandidate<SectionKey>[] = [];
  for (const id of FORMAT_IDS) {
    for (const section of getFormat(id).sections) {
      for (const title of [section.title, ...(section.aliases ?? [])]) {
        candidates.push({ key: normalizeLabel(title), value: section.key });
      }
    }
  }
  return candidates;
}

const SECTION_CANDIDATES = sectionCandidates();

function matchHeading(text: string): Heading | undefined {
  const folded = text.normalize('NFKC').trim();
  // Parenthesized numerals mark sub-headings such as （一）总体情况.
  if (folded === '' || folded.startsWith('(') || folded.length > 40) return undefined;
  const prefix = HEADING_PREFIX.exec(folded);
  const rest = folded.slice(prefix?.[0].length ?? 0);
  const restKey = normalizeLabel(rest);
  const match = bestMatch(rest, SECTION_CANDIDATES);
  if (!match) return undefined;
  // Longer than the section's longest title allows: prose that starts like a heading.
  const longest = Math.max(...SECTION_CANDIDATES.filter((c) => c.value === match.value).map((c) => c.key.length));
  if (restKey.length > longest + tolerance(longest)) return undefined;
  const key = match.value;
  const position = SECTION_KEYS.indexOf(key) + 1;
  const chinese = prefix?.[1];
  const arabic = prefix?.[2];
  const separator = prefix?.[3];
  let numeralProblem: string | undefined;
  if (chinese) {
    if (CHINESE_NUMERALS.indexOf(chinese) + 1 !== position) numeralProblem = '序号有误';
    else if (separator !== '、') numeralProblem = '序号后应为顿号“、”';
  } else if (arabic) {
    numeralProblem = Number(arabic) === position ? '序号应使用汉字数字' : '序号有误';
  } else {
    numeralProblem = '缺少序号';
  }
  return numeralProblem ? { key, numeralProblem } : { key };
}

/** Item index → section, in order; a heading out of order is prose that happens to match. */
export type Headings = ReadonlyMap<number, SectionKey>;

export interface HeadingsFound {
  at: Headings;
  /**
   * Numbered headings of sections the formats do not have (a township's
   * "五、信息处理费收取情况"), by item index, as written.
   */
  extra: ReadonlyMap<number, string>;
}

/** "五、…": a top-level numeral, then a short title that is no sentence. */
const NUMBERED_HEADING = /^([一二三四五六七八九十]{1,2})\s*[、.．]\s*([^。；;，,！？!?]{2,30})$/;

function numeralValue(numeral: string): number {
  if (numeral.length === 1) return CHINESE_NUMERALS.indexOf(numeral) + 1;
  // 十一…十九 (the only two-character numerals a report could reach).
  return numeral[0] === '十' ? 10 + CHINESE_NUMERALS.indexOf(numeral[1]!) + 1 : 0;
}

/**
 * A numbered heading that is none of the format's sections, numbered past
 * the section it follows (so a list item "一、…" inside 五 is not one).
 */
function extraHeading(text: string, current: number): boolean {
  if (current < 0 || text.length > 40) return false;
  const match = NUMBERED_HEADING.exec(text.normalize('NFKC').trim());
  return !!match && current >= 0 && numeralValue(match[1]!) > current + 1 && !titleParts(text);
}

export function findHeadings(items: Item[]): Phase<HeadingsFound> {
  const notes: string[] = [];
  const headingAt = new Map<number, SectionKey>();
  const extra = new Map<number, string>();
  let current = -1;
  let bodySince = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'paragraph') {
      bodySince = i;
      continue;
    }
    const heading = matchHeading(item.text);
    const position = heading ? SECTION_KEYS.indexOf(heading.key) : -1;
    const restart = heading && position === current && bodySince < 0;
    if (heading && (position > current || restart)) {
      headingAt.set(i, heading.key);
      if (heading.numeralProblem && !restart) {
        const title = currentFormat().sections[position]!.title;
        notes.push(`章节标题“${item.text.trim()}”${heading.numeralProblem}，已按“${heading.key}、${title}”识别`);
      }
      current = position;
      bodySince = -1;
    } else if (!heading && extraHeading(item.text, current)) {
      extra.set(i, item.text.trim());
      bodySince = i;
    } else if (item.text.trim() !== '' && !titleParts(item.text)) {
      bodySince = i;
    }
  }
  return { value: { at: headingAt, extra }, notes };
}
