/**
 * The format notice the report cites: each registered format names its
 * notice (2021 onward: 国办公开办函〔2021〕30号; 2019–2020: 〔2019〕60号). Real
 * reports cite the old notice, drop a character (国办公开函) or use other
 * brackets.
 */
import { FORMAT_IDS, formatForYear, getFormat } from '../formats/index.ts';
import type { NarrativeKey } from './compile.ts';
import type { CheckContext } from './context.ts';
import type { Finding } from './types.ts';
import { SECTION_KEYS } from '../formats/types.ts';
import { FORMAT_CITATION } from './wording.ts';

export function citationFindings(ctx: CheckContext, out: Finding[]): void {
  const { report, compiled } = ctx;
  const due = getFormat(formatForYear(report.year));
  const expected = due.source;
  const notices = FORMAT_IDS.map((id) => getFormat(id).notice);
  const places: NarrativeKey[] = ['preface', ...SECTION_KEYS];
  const seen = new Map<string, number>();
  for (const place of places) {
    const text = place === 'preface' ? report.preface.text : report.sections[place].text;
    if (!text.includes('国办')) continue;
    FORMAT_CITATION.lastIndex = 0;
    for (let m = FORMAT_CITATION.exec(text); m; m = FORMAT_CITATION.exec(text)) {
      const [cited, , year, , number] = m;
      // Only the formats' notices: 〔2019〕30号 or 〔2021〕60号 are other documents.
      if (cited === expected || !notices.some((n) => String(n.year) === year && String(n.number) === number)) continue;
      const base = `narrative.citation:${place}:${cited}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const wrongNotice = String(due.notice.year) !== year;
      out.push({
        severity: 'warning',
        rule: 'narrative.citation',
        cells: [],
        section: place,
        span: { start: m.index, end: m.index + cited.length },
        expected,
        actual: cited,
        message: wrongNotice
          ? `${compiled.sectionNames[place]} 引用的“${cited}”不是${report.year}年度报告的格式文件，应为“${expected}”`
          : `${compiled.sectionNames[place]} 中的文号“${cited}”写法有误，应为“${expected}”`,
        key: n === 1 ? base : `${base}#${n}`,
        fix: { kind: 'replaceText', section: place, start: m.index, end: m.index + cited.length, from: cited, to: expected },
      });
    }
  }
}
