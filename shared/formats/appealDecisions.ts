/**
 * The 行政复议 / 行政诉讼 decision helper, as data. The 2023 行政复议法 (in
 * force 2024-01-01) and the 行政诉讼法 decide by types the 年报 does not
 * count; the 年报 counts 结果维持 / 结果纠正 / 其他结果 / 尚未审结. No
 * official mapping exists, so the default below is declared here, shown to
 * the clerk, and may be changed per report.
 */

/** The four result columns of 四 a decision type rolls up into (column ids are `${group}_${result}`). */
export type AppealResult = 'upheld' | 'corrected' | 'other' | 'pending';
export const APPEAL_RESULTS: readonly { id: AppealResult; label: string }[] = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
];

export interface DecisionType {
  id: string;
  label: string;
  /** The column it counts in unless the report maps it elsewhere. */
  rollsUpTo: AppealResult;
}

export interface AppealDecisionGroup {
  /** The column prefix in the appeals table: review, suit_direct, suit_after_review. */
  id: string;
  label: string;
  decisions: readonly DecisionType[];
}

/** 行政复议法 (2023) 第六十三条至第七十四条 and its 终止, 调解/和解. */
const REVIEW_DECISIONS: DecisionType[] = [
  { id: 'changed', label: '变更', rollsUpTo: 'corrected' },
  { id: 'revoked', label: '撤销/部分撤销', rollsUpTo: 'corrected' },
  { id: 'unlawful', label: '确认违法', rollsUpTo: 'corrected' },
  { id: 'ordered', label: '责令履行', rollsUpTo: 'corrected' },
  { id: 'void', label: '确认无效', rollsUpTo: 'corrected' },
  { id: 'upheld', label: '维持', rollsUpTo: 'upheld' },
  { id: 'dismissed', label: '驳回', rollsUpTo: 'other' },
  { id: 'terminated', label: '终止', rollsUpTo: 'other' },
  { id: 'mediated', label: '调解/和解', rollsUpTo: 'other' },
  { id: 'pending', label: '尚未审结', rollsUpTo: 'pending' },
];

/** 行政诉讼法 judgments and rulings: 驳回诉讼请求 leaves the act standing, as 维持 does. */
const SUIT_DECISIONS: DecisionType[] = [
  { id: 'changed', label: '判决变更', rollsUpTo: 'corrected' },
  { id: 'revoked', label: '判决撤销/部分撤销', rollsUpTo: 'corrected' },
  { id: 'unlawful', label: '确认违法', rollsUpTo: 'corrected' },
  { id: 'ordered', label: '判决履行', rollsUpTo: 'corrected' },
  { id: 'void', label: '确认无效', rollsUpTo: 'corrected' },
  { id: 'claims_dismissed', label: '判决驳回诉讼请求', rollsUpTo: 'upheld' },
  { id: 'suit_dismissed', label: '裁定驳回起诉', rollsUpTo: 'other' },
  { id: 'withdrawn', label: '撤诉', rollsUpTo: 'other' },
  { id: 'mediated', label: '调解', rollsUpTo: 'other' },
  { id: 'pending', label: '尚未审结', rollsUpTo: 'pending' },
];

export const APPEAL_DECISIONS = {
  /** What the helper is for, shown above it: the 年报's columns named from APPEAL_RESULTS. */
  note:
    `2023年修订的《行政复议法》按变更、撤销、确认违法等作出决定，年报仍按${APPEAL_RESULTS.map((r) => r.label).join('、')}统计。` +
    '在此按决定类型填写件数，软件按下列归类汇总到上表空着的四栏；上表已填写的栏保留原数，与汇总不一致时给出提示。归类可逐项修改，并随报告保存、打印在检查说明中。',
  /** The table whose result columns the helper fills: the section holding it shows the helper. */
  table: 'appeals',
  row: 'count',
  groups: [
    { id: 'review', label: '行政复议', decisions: REVIEW_DECISIONS },
    { id: 'suit_direct', label: '行政诉讼·未经复议直接起诉', decisions: SUIT_DECISIONS },
    { id: 'suit_after_review', label: '行政诉讼·复议后起诉', decisions: SUIT_DECISIONS },
  ] satisfies AppealDecisionGroup[],
} as const;

export function resultCell(group: string, result: AppealResult): string {
  return `${APPEAL_DECISIONS.table}.${APPEAL_DECISIONS.row}.${group}_${result}`;
}
