/** The report's title, and from it the year and the organ (as written). */
import type { Item, Phase } from './items.ts';
import type { Headings } from './headings.ts';

export interface Title {
  index: number;
  year: number;
  organ: string;
  /** Index of a separate organ line above the title, if the organ came from there. */
  organIndex?: number;
}

/** Organ first: "甲镇人民政府2023年(度)政府信息公开工作年度报告"; or year first: "2019年甲镇人民政府政府信息公开工作年度报告". */
const TITLE = /^(.*?)((?:19|20)\d{2})年度?(.*公开.*报告)$/;
/** The year inside: "(甲镇)政府信息公开工作2019年度报告", the organ often on the line above. */
const TITLE_YEAR_INSIDE = /^(.*?)(?:政府)?信息公开(?:工作)?((?:19|20)\d{2})年度?(?:工作)?报告$/;
/** What precedes "政府信息公开" (or "信息公开" after an organ not ending in 政府) in the rest of a year-first title. */
const ORGAN_BEFORE_SUBJECT = /^(.+?)(?:政府信息公开|(?<!政府)信息公开)/;

/**
 * The title's text without spaces, folded (NFKC) character by character for
 * matching, with where each folded character came from, so the organ is
 * taken as written ("海工园（寅阳镇）" keeps its full-width brackets).
 */
function foldedWithOrigins(text: string): { folded: string; written: string; origin: number[] } {
  const written = text.replace(/\s+/g, '');
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of written) {
    const f = ch.normalize('NFKC');
    for (let k = 0; k < f.length; k++) origin.push(at);
    folded += f;
    at += ch.length;
  }
  origin.push(written.length);
  return { folded, written, origin };
}

export function titleParts(text: string): { organ: string; year: number } | undefined {
  const { folded, written, origin } = foldedWithOrigins(text);
  if (folded.length > 80) return undefined;
  const asWritten = (start: number, end: number): string => written.slice(origin[start], origin[end]);
  const match = TITLE.exec(folded);
  if (match) {
    const year = Number(match[2]);
    if (match[1]) return { organ: asWritten(0, match[1].length), year };
    const rest = ORGAN_BEFORE_SUBJECT.exec(match[3]!);
    const start = folded.length - match[3]!.length;
    if (!rest) return { organ: '', year };
    // "甲县人民政府信息公开……": the organ is 人民政府, not 人民 + 政府信息公开.
    const length = rest[1]!.length + (rest[1]!.endsWith('人民') ? 2 : 0);
    return { organ: asWritten(start, start + length), year };
  }
  const inside = TITLE_YEAR_INSIDE.exec(folded);
  if (inside) return { organ: asWritten(0, inside[1]!.length), year: Number(inside[2]) };
  return undefined;
}

function findTitle(items: Item[], end: number): Title | undefined {
  for (let i = 0; i < end; i++) {
    const item = items[i]!;
    if (item.kind !== 'paragraph') continue;
    const parts = titleParts(item.text);
    if (!parts) continue;
    if (parts.organ) return { index: i, year: parts.year, organ: parts.organ };
    for (let j = i - 1; j >= 0; j--) {
      const above = items[j]!;
      if (above.kind !== 'paragraph') break;
      const text = above.text.trim();
      if (text === '') continue;
      if (text.length <= 40 && !/[。；;]/.test(text)) return { index: i, year: parts.year, organ: text, organIndex: j };
      break;
    }
    return { index: i, year: parts.year, organ: '' };
  }
  return undefined;
}

/** The title before the first heading or table, if there is one. */
export function recognizeTitle(items: Item[], headings: Headings): Phase<Title | undefined> {
  const firstHeading = Math.min(...headings.keys(), items.length);
  const firstRow = items.findIndex((item) => item.kind === 'row');
  return { value: findTitle(items, Math.min(firstHeading, firstRow < 0 ? items.length : firstRow)), notes: [] };
}

/**
 * The title's year, else the statistics-period sentence's; else unknown, to
 * be asked. Years merely mentioned in the text (a template's 〔2021〕
 * document number) are no guide.
 */
export function recognizeYear(items: Item[], title: Title | undefined): Phase<number | null> {
  if (title) return { value: title.year, notes: [] };
  const all = items.filter((i) => i.kind === 'paragraph').map((i) => i.text).join('\n');
  const period = /统计期限自\s*((?:19|20)\d{2})\s*年/.exec(all);
  const year = period ? Number(period[1]) : null;
  return {
    value: year,
    notes: [year === null ? '未找到报告标题和报告年度，年度无法识别' : `未找到报告标题，报告年度按统计期限推定为${year}年，请核对`],
  };
}
