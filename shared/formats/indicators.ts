/**
 * The indicators reviewers compute from the tables, declared per format with
 * their formulas as data: a value is the sum of the numerator cells, a rate
 * divides it by the sum of the denominator cells. The formula text is what the
 * clerk sees beside the figure.
 */
import type { CellRef, FormatId } from './types.ts';

export interface IndicatorDef {
  /** Stable id; the same id in two formats means the same indicator, so years compare across formats. */
  id: string;
  label: string;
  /** The formula as shown to the clerk, in the tables' own words. */
  formula: string;
  numerator: CellRef[];
  /** Present for rates (shown in percent); a zero denominator gives no rate. */
  denominator?: CellRef[];
}

const total = (row: string): CellRef => `requests.${row}.total`;
const rows = (...ids: string[]): CellRef[] => ids.map(total);

const DENIED = rows(
  'denied_state_secret',
  'denied_prohibited',
  'denied_security',
  'denied_third_party',
  'denied_internal',
  'denied_process',
  'denied_enforcement',
  'denied_query',
);
const UNABLE = rows('unable_not_held', 'unable_needs_creation', 'unable_unclear');
const REJECTED = rows(
  'rejected_petition',
  'rejected_repeat',
  'rejected_publication',
  'rejected_excessive',
  'rejected_confirmation',
);
const RESULTS = [total('results_total')];

/** 已审结: every result but 尚未审结, summed from its parts so a mistyped 总计 does not move the rate. */
const decided = (prefix: string): CellRef[] =>
  ['upheld', 'corrected', 'other'].map((r) => `appeals.count.${prefix}_${r}`);

const REQUEST_INDICATORS: IndicatorDef[] = [
  {
    id: 'requests_total',
    label: '申请总数',
    formula: '本年新收申请数量 + 上年结转申请数量',
    numerator: rows('new', 'carried_in'),
  },
  {
    id: 'granted_rate',
    label: '实质公开率',
    formula: '（予以公开 + 部分公开）÷ 办理结果总计',
    numerator: rows('granted', 'partly_granted'),
    denominator: RESULTS,
  },
  { id: 'denied_rate', label: '不予公开率', formula: '不予公开各项之和 ÷ 办理结果总计', numerator: DENIED, denominator: RESULTS },
  { id: 'unable_rate', label: '无法提供率', formula: '无法提供各项之和 ÷ 办理结果总计', numerator: UNABLE, denominator: RESULTS },
  {
    id: 'not_held_share',
    label: '本机关不掌握占无法提供的比例',
    formula: '本机关不掌握相关政府信息 ÷ 无法提供各项之和',
    numerator: rows('unable_not_held'),
    denominator: UNABLE,
  },
  { id: 'rejected_rate', label: '不予处理率', formula: '不予处理各项之和 ÷ 办理结果总计', numerator: REJECTED, denominator: RESULTS },
  {
    id: 'carried_out_rate',
    label: '结转率',
    formula: '结转下年度继续办理 ÷（本年新收申请数量 + 上年结转申请数量）',
    numerator: rows('carried_out'),
    denominator: rows('new', 'carried_in'),
  },
  {
    id: 'review_correction_rate',
    label: '行政复议纠错率',
    formula: '行政复议结果纠正 ÷ 行政复议已审结（结果维持 + 结果纠正 + 其他结果）',
    numerator: ['appeals.count.review_corrected'],
    denominator: decided('review'),
  },
  {
    id: 'suit_correction_rate',
    label: '行政诉讼纠错率',
    formula: '行政诉讼结果纠正 ÷ 行政诉讼已审结（未经复议直接起诉与复议后起诉的结果维持 + 结果纠正 + 其他结果）',
    numerator: ['appeals.count.suit_direct_corrected', 'appeals.count.suit_after_review_corrected'],
    denominator: [...decided('suit_direct'), ...decided('suit_after_review')],
  },
];

/** `docsName`: how the format names the 规范性文件 row (2021: 行政规范性文件). */
function documentCounts(docsName: string, columns: { column: string; id: string; words: string }[]): IndicatorDef[] {
  return (
    [
      ['regulations', '规章'],
      ['normative_docs', docsName],
    ] as const
  ).flatMap(([row, name]) =>
    columns.map(({ column, id, words }) => ({
      id: `${row}_${id}`,
      label: `${name}${words}`,
      formula: `第二十条第（一）项·${name}·${words}`,
      numerator: [`art20_1.${row}.${column}`],
    })),
  );
}

/** By format id; a format with no entry has no indicators. */
export const INDICATORS: Readonly<Partial<Record<FormatId, readonly IndicatorDef[]>>> = {
  gov2019: [
    ...documentCounts('规范性文件', [
      { column: 'made', id: 'issued', words: '本年新制作数量' },
      { column: 'total_published', id: 'stock', words: '对外公开总数量' },
    ]),
    ...REQUEST_INDICATORS,
  ],
  gov2021: [
    ...documentCounts('行政规范性文件', [
      { column: 'issued', id: 'issued', words: '本年制发件数' },
      { column: 'repealed', id: 'repealed', words: '本年废止件数' },
      { column: 'in_force', id: 'stock', words: '现行有效件数' },
    ]),
    ...REQUEST_INDICATORS,
  ],
};
