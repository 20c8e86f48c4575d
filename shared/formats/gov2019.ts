/** The 2019 format (国办公开办函〔2019〕60号), for reports on 2019 and 2020. */
import {
  APPEALS_TABLE,
  OTHER_GROUP,
  PROSE_NUMBERS,
  REQUESTS_BALANCE,
  RESULTS_GROUP,
  carriedInCarryOver,
  carriedInRules,
  commonSections,
  commonSums,
  requestsTable,
} from './common.ts';
import type { ColumnDef, CrossYearRule, FormatDefinition, TableDef } from './types.ts';

const ITEM_COLUMNS: ColumnDef[] = [
  { id: 'items_last_year', label: '上一年项目数量', kind: 'count', widthMm: 33 },
  { id: 'change', label: '本年增/减', kind: 'signedCount', widthMm: 33 },
  { id: 'decisions', label: '处理决定数量', kind: 'count', widthMm: 33 },
];

const art20Tables: TableDef[] = [
  {
    id: 'art20_1',
    section: '二',
    caption: '第二十条第（一）项',
    rowHeader: '信息内容',
    rowHeaderWidthMm: 57,
    columns: [
      { id: 'made', label: '本年新制作数量', kind: 'count', widthMm: 33 },
      { id: 'published', label: '本年新公开数量', kind: 'count', widthMm: 33 },
      { id: 'total_published', label: '对外公开总数量', kind: 'count', widthMm: 33 },
    ],
    rows: [
      { id: 'regulations', label: '规章', shortLabel: '规章' },
      { id: 'normative_docs', label: '规范性文件', shortLabel: '规范性文件', aliases: ['行政规范性文件'] },
    ],
  },
  {
    id: 'art20_5',
    section: '二',
    caption: '第二十条第（五）项',
    rowHeader: '信息内容',
    rowHeaderWidthMm: 57,
    columns: ITEM_COLUMNS,
    rows: [
      { id: 'licensing', label: '行政许可', shortLabel: '行政许可' },
      { id: 'other_services', label: '其他对外管理服务事项', shortLabel: '其他对外管理服务事项' },
    ],
  },
  {
    id: 'art20_6',
    section: '二',
    caption: '第二十条第（六）项',
    rowHeader: '信息内容',
    rowHeaderWidthMm: 57,
    columns: ITEM_COLUMNS,
    rows: [
      { id: 'penalty', label: '行政处罚', shortLabel: '行政处罚' },
      { id: 'coercion', label: '行政强制', shortLabel: '行政强制' },
    ],
  },
  {
    id: 'art20_8',
    section: '二',
    caption: '第二十条第（八）项',
    rowHeader: '信息内容',
    rowHeaderWidthMm: 57,
    columns: ITEM_COLUMNS.slice(0, 2),
    rows: [{ id: 'fees', label: '行政事业性收费', shortLabel: '行政事业性收费' }],
  },
  {
    id: 'art20_9',
    section: '二',
    caption: '第二十条第（九）项',
    rowHeader: '信息内容',
    rowHeaderWidthMm: 57,
    columns: [
      { id: 'projects', label: '采购项目数量', kind: 'count', widthMm: 33 },
      { id: 'amount', label: '采购总金额', kind: 'amount', unit: '万元', widthMm: 33 },
    ],
    rows: [{ id: 'procurement', label: '政府集中采购', shortLabel: '政府集中采购' }],
  },
];

/** 二（五）（六）（八）: this year's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减. */
const ITEM_ROWS = [
  'art20_5.licensing',
  'art20_5.other_services',
  'art20_6.penalty',
  'art20_6.coercion',
  'art20_8.fees',
];

const itemCrossYear: CrossYearRule[] = ITEM_ROWS.map((row) => ({
  id: 'crossyear.items_last_year',
  target: `${row}.items_last_year`,
  relation: '=',
  terms: [
    { cell: `${row}.items_last_year`, year: 'last', coef: 1 },
    { cell: `${row}.change`, year: 'last', coef: 1 },
  ],
  lastFormats: ['gov2019'],
  describe: '上年报告的“上一年项目数量”加“本年增/减”',
}));

const publishedCrossYear: CrossYearRule[] = ['regulations', 'normative_docs'].flatMap((row) => [
  {
    id: 'crossyear.total_published_not_below',
    target: `art20_1.${row}.total_published`,
    relation: '>=',
    terms: [{ cell: `art20_1.${row}.total_published`, year: 'last', coef: 1 }],
    lastFormats: ['gov2019'],
    describe: '不低于上年报告的“对外公开总数量”',
  },
  {
    id: 'crossyear.total_published_growth',
    target: `art20_1.${row}.total_published`,
    relation: '<=',
    terms: [
      { cell: `art20_1.${row}.total_published`, year: 'last', coef: 1 },
      { cell: `art20_1.${row}.published`, year: 'this', coef: 1 },
    ],
    lastFormats: ['gov2019'],
    describe: '不超过上年报告的“对外公开总数量”加本年新公开数量',
  },
]);

export const GOV2019: FormatDefinition = {
  id: 'gov2019',
  source: '国办公开办函〔2019〕60号',
  notice: { year: 2019, number: 60 },
  firstYear: 2019,
  lastYear: 2020,
  sections: commonSections(art20Tables.map((t) => t.id)),
  tables: [
    ...art20Tables,
    requestsTable([{ id: 'other', label: OTHER_GROUP, shortLabel: OTHER_GROUP, groups: [RESULTS_GROUP] }]),
    APPEALS_TABLE,
  ],
  sums: commonSums(['other']),
  balances: [REQUESTS_BALANCE],
  crossYear: [...itemCrossYear, ...publishedCrossYear, ...carriedInRules(['gov2019', 'gov2021'])],
  carryOver: [
    {
      fromFormat: 'gov2019',
      rules: [
        ...ITEM_ROWS.map((row) => ({
          target: `${row}.items_last_year`,
          from: [
            { cell: `${row}.items_last_year`, coef: 1 },
            { cell: `${row}.change`, coef: 1 },
          ],
        })),
        ...carriedInCarryOver(),
      ],
      dropped: [],
    },
  ],
  proseNumbers: PROSE_NUMBERS,
  plausibleAmountMaxWan: 1_000_000,
};
