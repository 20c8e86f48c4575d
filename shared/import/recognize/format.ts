/** Which format the report follows: the year's, confirmed by what its tables print. */
import { FORMAT_IDS, formatForYear, getFormat } from '../../formats/index.ts';
import type { FormatId } from '../../formats/types.ts';
import { normalizeLabel } from '../labels.ts';
import { isBlank, isValueText, type Item, type Phase } from './items.ts';
import { formatName, lookupFor } from './lookup.ts';

interface Evidence {
  count: number;
  first?: string;
}

function collectEvidence(items: Item[]): Map<FormatId, Evidence> {
  const evidence = new Map<FormatId, Evidence>(FORMAT_IDS.map((id) => [id, { count: 0 }]));
  const look = (text: string): void => {
    const key = normalizeLabel(text);
    if (key.length < 2 || key.length > 60) return;
    for (const id of FORMAT_IDS) {
      const distinct = lookupFor(id).distinct;
      if (distinct.has(key) || distinct.prefixes.some((label) => key.startsWith(label))) {
        const e = evidence.get(id)!;
        e.count++;
        e.first ??= text.trim().replace(/\s+/g, '');
      }
    }
  };
  for (const item of items) {
    if (item.kind === 'paragraph') {
      if (item.text.length <= 40) look(item.text);
    } else {
      for (const cell of item.cells) if (!isBlank(cell.text) && !isValueText(cell.text)) look(cell.text);
    }
  }
  return evidence;
}

export interface FormatChoice {
  id: FormatId;
  /** How it was decided, for the import report. */
  reason: string;
}

export function recognizeFormat(items: Item[], year: number | null): Phase<FormatChoice> {
  const evidence = collectEvidence(items);
  const ranked = FORMAT_IDS.map((id) => ({ id, e: evidence.get(id)! })).sort((a, b) => b.e.count - a.e.count);
  const top = ranked[0]!;
  const tableFormat = top.e.count > 0 && top.e.count > (ranked[1]?.e.count ?? 0) ? top.id : undefined;
  const yearFormat = year === null ? undefined : formatForYear(year);
  if (yearFormat && tableFormat && yearFormat !== tableFormat) {
    const shown = getFormat(tableFormat);
    return {
      value: {
        id: tableFormat,
        reason: `报告年度${year}年应使用${formatName(getFormat(yearFormat))}，但表格按${formatName(shown)}填写（如“${top.e.first ?? ''}”），已按表格实际样式导入`,
      },
      notes: [`${year}年度报告应使用${formatName(getFormat(yearFormat))}，本报告的表格却是${formatName(shown)}，请改用规定的格式`],
    };
  }
  if (yearFormat) {
    let reason = `按报告年度${year}年判定为${formatName(getFormat(yearFormat))}`;
    reason += tableFormat ? `，表格样式与之相符（如“${top.e.first ?? ''}”）` : '';
    return { value: { id: yearFormat, reason }, notes: [] };
  }
  if (tableFormat) {
    const reason = `未找到报告年度，按表格样式判定为${formatName(getFormat(tableFormat))}（如“${top.e.first ?? ''}”）`;
    return { value: { id: tableFormat, reason }, notes: [] };
  }
  const id = FORMAT_IDS.at(-1)!;
  return { value: { id, reason: `未找到报告年度，表格也不足以判定格式，按现行的${formatName(getFormat(id))}导入` }, notes: [] };
}
