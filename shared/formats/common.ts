/**
 * Pieces both official formats share: the requests table of 三 (but for its
 * （六） rows) and the appeals table of 四, with their sums and balance.
 */
import type { BalanceRule, ColumnDef, CrossYearRule, FormatId, RowDef, SectionDef, SumRule, TableDef } from './types.ts';

export const RESULTS_GROUP = '三、本年度办理结果';

const APPLICANT = '申请人情况';
const ORGANISATION = '法人或其他组织';

export const REQUEST_COLUMNS: ColumnDef[] = [
  { id: 'natural', label: '自然人', kind: 'count', groups: [APPLICANT], widthMm: 13 },
  { id: 'business', label: '商业企业', kind: 'count', groups: [APPLICANT, ORGANISATION], widthMm: 13 },
  { id: 'research', label: '科研机构', kind: 'count', groups: [APPLICANT, ORGANISATION], widthMm: 13 },
  { id: 'nonprofit', label: '社会公益组织', kind: 'count', groups: [APPLICANT, ORGANISATION], widthMm: 14 },
  { id: 'legal', label: '法律服务机构', kind: 'count', groups: [APPLICANT, ORGANISATION], widthMm: 14 },
  { id: 'other_org', label: '其他', kind: 'count', groups: [APPLICANT, ORGANISATION], widthMm: 13 },
  { id: 'total', label: '总计', kind: 'count', groups: [APPLICANT], widthMm: 13 },
];

const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const REJECTED = '（五）不予处理';

function sub(id: string, group: string, label: string, aliases?: string[]): RowDef {
  const row: RowDef = { id, label, shortLabel: `${group}${label}`, groups: [RESULTS_GROUP, group] };
  if (aliases) row.aliases = aliases;
  return row;
}

/** Rows of 三 before （六）. */
export const REQUEST_ROWS_HEAD: RowDef[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', shortLabel: '一、本年新收申请数量' },
  { id: 'carried_in', label: '二、上年结转政府信息公开申请数量', shortLabel: '二、上年结转申请数量' },
  { id: 'granted', label: '（一）予以公开', shortLabel: '（一）予以公开', groups: [RESULTS_GROUP] },
  {
    id: 'partly_granted',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    shortLabel: '（二）部分公开',
    groups: [RESULTS_GROUP],
  },
  sub('denied_state_secret', DENIED, '1.属于国家秘密'),
  sub('denied_prohibited', DENIED, '2.其他法律行政法规禁止公开'),
  sub('denied_security', DENIED, '3.危及“三安全一稳定”'),
  sub('denied_third_party', DENIED, '4.保护第三方合法权益'),
  sub('denied_internal', DENIED, '5.属于三类内部事务信息'),
  sub('denied_process', DENIED, '6.属于四类过程性信息'),
  sub('denied_enforcement', DENIED, '7.属于行政执法案卷'),
  sub('denied_query', DENIED, '8.属于行政查询事项'),
  sub('unable_not_held', UNABLE, '1.本机关不掌握相关政府信息'),
  sub('unable_needs_creation', UNABLE, '2.没有现成信息需要另行制作'),
  sub('unable_unclear', UNABLE, '3.补正后申请内容仍不明确'),
  sub('rejected_petition', REJECTED, '1.信访举报投诉类申请'),
  sub('rejected_repeat', REJECTED, '2.重复申请'),
  sub('rejected_publication', REJECTED, '3.要求提供公开出版物'),
  sub('rejected_excessive', REJECTED, '4.无正当理由大量反复申请'),
  sub('rejected_confirmation', REJECTED, '5.要求行政机关确认或重新出具已获取信息'),
];

/** Rows of 三 after （六）. */
export const REQUEST_ROWS_TAIL: RowDef[] = [
  { id: 'results_total', label: '（七）总计', shortLabel: '（七）总计', groups: [RESULTS_GROUP] },
  { id: 'carried_out', label: '四、结转下年度继续办理', shortLabel: '四、结转下年度继续办理' },
];

export const OTHER_GROUP = '（六）其他处理';

export const REQUESTS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export function requestsTable(otherRows: RowDef[]): TableDef {
  return {
    id: 'requests',
    section: '三',
    rowHeader: '',
    rowHeaderWidthMm: 63,
    columns: REQUEST_COLUMNS,
    rows: [...REQUEST_ROWS_HEAD, ...otherRows, ...REQUEST_ROWS_TAIL],
    note: REQUESTS_NOTE,
  };
}

const RESULT_COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;

function appealColumns(prefix: string, groups: string[]): ColumnDef[] {
  return RESULT_COLUMNS.map(([id, label]) => ({ id: `${prefix}_${id}`, label, kind: 'count', groups, widthMm: 10.4 }));
}

export const APPEALS_TABLE: TableDef = {
  id: 'appeals',
  section: '四',
  rowHeader: '',
  rowHeaderWidthMm: 0,
  columns: [
    ...appealColumns('review', ['行政复议']),
    ...appealColumns('suit_direct', ['行政诉讼', '未经复议直接起诉']),
    ...appealColumns('suit_after_review', ['行政诉讼', '复议后起诉']),
  ],
  rows: [{ id: 'count', label: '', shortLabel: '' }],
};

function appealSum(prefix: string, describe: string): SumRule {
  return {
    id: `appeals.${prefix}_total`,
    table: 'appeals',
    direction: 'row',
    target: `${prefix}_total`,
    parts: ['upheld', 'corrected', 'other', 'pending'].map((p) => `${prefix}_${p}`),
    describe,
  };
}

/** The sums every format shares, given the rows of （六）. */
export function commonSums(otherRowIds: string[]): SumRule[] {
  const resultRows = REQUEST_ROWS_HEAD.filter((r) => r.groups?.[0] === RESULTS_GROUP).map((r) => r.id);
  return [
    {
      id: 'requests.applicant_total',
      table: 'requests',
      direction: 'row',
      target: 'total',
      parts: REQUEST_COLUMNS.filter((c) => c.id !== 'total').map((c) => c.id),
      describe: '自然人与法人或其他组织各项之和',
    },
    {
      id: 'requests.results_total',
      table: 'requests',
      direction: 'column',
      target: 'results_total',
      parts: [...resultRows, ...otherRowIds],
      describe: '各项办理结果之和',
    },
    appealSum('review', '行政复议结果维持、结果纠正、其他结果、尚未审结之和'),
    appealSum('suit_direct', '未经复议直接起诉的结果维持、结果纠正、其他结果、尚未审结之和'),
    appealSum('suit_after_review', '复议后起诉的结果维持、结果纠正、其他结果、尚未审结之和'),
  ];
}

export const REQUESTS_BALANCE: BalanceRule = {
  id: 'requests.balance',
  table: 'requests',
  left: ['new', 'carried_in'],
  right: ['results_total', 'carried_out'],
  describe: '勾稽关系：第一项加第二项之和，等于第三项加第四项之和',
};

/** 三: this year's 上年结转 = last year's 结转下年度继续办理, in every column. */
export function carriedInRules(lastFormats: FormatId[]): CrossYearRule[] {
  return REQUEST_COLUMNS.map((c) => ({
    id: 'crossyear.requests_carried_in',
    target: `requests.carried_in.${c.id}`,
    relation: '=' as const,
    terms: [{ cell: `requests.carried_out.${c.id}`, year: 'last' as const, coef: 1 }],
    lastFormats,
    describe: '上年报告的“结转下年度继续办理”',
  }));
}

export function carriedInCarryOver(): { target: string; from: { cell: string; coef: number }[] }[] {
  return REQUEST_COLUMNS.map((c) => ({
    target: `requests.carried_in.${c.id}`,
    from: [{ cell: `requests.carried_out.${c.id}`, coef: 1 }],
  }));
}

export const PROSE_NUMBERS = [
  {
    id: 'prose.requests_received',
    pattern:
      '(?:共|累计|全年|本年度?)?(?:受理|收到|新收|接收|办理)(?:了)?(?:各类|依申请)?(?:政府信息)?(?:公开)?申请(?:共计?)?\\s*(\\d+)\\s*(?:件|个|条|份|宗)',
    equalsAnyOf: [['requests.new.total'], ['requests.new.total', 'requests.carried_in.total']],
    describe: '三、收到和处理政府信息公开申请情况表中的申请数量',
  },
  {
    id: 'prose.review_count',
    pattern: '行政复议(?:申请|案件)?(?:共计?)?\\s*(\\d+)\\s*(?:件|起|宗)',
    equalsAnyOf: [['appeals.count.review_total']],
    describe: '四、行政复议总计',
  },
  {
    id: 'prose.suit_count',
    pattern: '行政诉讼(?:案件)?(?:共计?)?\\s*(\\d+)\\s*(?:件|起|宗)',
    equalsAnyOf: [['appeals.count.suit_direct_total', 'appeals.count.suit_after_review_total']],
    describe: '四、行政诉讼总计（未经复议直接起诉与复议后起诉之和）',
  },
];

/** Titles published copies use for 五 instead of the official one. */
export const PROBLEMS_ALIASES = ['存在的主要问题及整改措施', '存在的主要问题及改进措施', '存在的主要问题及整改情况'];

/** 四 as many 2019–2020 reports head it. */
export const APPEALS_ALIASES = ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '因政府信息公开工作被申请行政复议和提起行政诉讼情况'];

export const SECTION_TITLES = {
  一: '总体情况',
  二: '主动公开政府信息情况',
  三: '收到和处理政府信息公开申请情况',
  四: '政府信息公开行政复议、行政诉讼情况',
  五: '存在的主要问题及改进情况',
  六: '其他需要报告的事项',
} as const;

/** Words by which 五 shows the measures taken, not only the problems. */
const MEASURE_WORDS = ['改进', '整改', '措施', '下一步', '将', '加强', '完善', '提升', '推进', '强化', '落实', '持续', '计划'];

/**
 * The six sections as both formats define them, with the rules that belong
 * to a section: 一 to 四 report the year's own work, 五 must name problems
 * and measures in more than a few words, 六 may say “无”. A format adds its
 * tables and what differs (the 2021 hints and fee statement) through `extra`.
 */
export function commonSections(art20Tables: string[], extra: Partial<Record<SectionDef['key'], Partial<SectionDef>>> = {}): SectionDef[] {
  const sections: SectionDef[] = [
    { key: '一', title: SECTION_TITLES.一, proseRequired: true, tables: [], reportsYear: true },
    { key: '二', title: SECTION_TITLES.二, proseRequired: false, tables: art20Tables, reportsYear: true },
    { key: '三', title: SECTION_TITLES.三, proseRequired: false, tables: ['requests'], reportsYear: true },
    { key: '四', title: SECTION_TITLES.四, aliases: APPEALS_ALIASES, proseRequired: false, tables: ['appeals'], reportsYear: true },
    {
      key: '五',
      title: SECTION_TITLES.五,
      aliases: PROBLEMS_ALIASES,
      proseRequired: true,
      tables: [],
      minChars: 20,
      measures: { anyOf: MEASURE_WORDS, message: '只写了问题，未写明改进措施（如“下一步将……”）' },
    },
    { key: '六', title: SECTION_TITLES.六, proseRequired: true, tables: [], emptyNote: '（如确无其他事项，可写“无”）' },
  ];
  return sections.map((section) => ({ ...section, ...extra[section.key] }));
}
