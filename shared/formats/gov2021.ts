/** The 2021 format (国办公开办函〔2021〕30号), for reports on 2021 onward. */
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
import type { ColumnDef, FormatDefinition, RowDef, TableDef } from './types.ts';

const DECISIONS: ColumnDef[] = [{ id: 'decisions', label: '本年处理决定数量', kind: 'count', widthMm: 99 }];

const art20Tables: TableDef[] = [
  {
    id: 'art20_1',
    section: '二',
    caption: '第二十条第（一）项',
    rowHeader: '信息内容',
    rowHeaderWidthMm: 57,
    columns: [
      { id: 'issued', label: '本年制发件数', kind: 'count', widthMm: 33 },
      { id: 'repealed', label: '本年废止件数', kind: 'count', widthMm: 33 },
      { id: 'in_force', label: '现行有效件数', kind: 'count', widthMm: 33 },
    ],
    rows: [
      { id: 'regulations', label: '规章', shortLabel: '规章' },
      { id: 'normative_docs', label: '行政规范性文件', shortLabel: '行政规范性文件', aliases: ['规范性文件'] },
    ],
  },
  {
    id: 'art20_5',
    section: '二',
    caption: '第二十条第（五）项',
    rowHeader: '信息内容',
    rowHeaderWidthMm: 57,
    columns: DECISIONS,
    rows: [{ id: 'licensing', label: '行政许可', shortLabel: '行政许可' }],
  },
  {
    id: 'art20_6',
    section: '二',
    caption: '第二十条第（六）项',
    rowHeader: '信息内容',
    rowHeaderWidthMm: 57,
    columns: DECISIONS,
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
    columns: [{ id: 'amount', label: '本年收费金额', kind: 'amount', unit: '万元', widthMm: 99 }],
    rows: [{ id: 'fees', label: '行政事业性收费', shortLabel: '行政事业性收费' }],
  },
];

const OTHER_ROWS: RowDef[] = [
  {
    id: 'other_no_correction',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    shortLabel: `${OTHER_GROUP}1.逾期不补正`,
    groups: [RESULTS_GROUP, OTHER_GROUP],
  },
  {
    id: 'other_no_fee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    shortLabel: `${OTHER_GROUP}2.逾期未缴纳费用`,
    groups: [RESULTS_GROUP, OTHER_GROUP],
  },
  {
    id: 'other_misc',
    label: '3.其他',
    shortLabel: `${OTHER_GROUP}3.其他`,
    groups: [RESULTS_GROUP, OTHER_GROUP],
    catchAll: true,
  },
];

const REGULATION_ROWS = ['regulations', 'normative_docs'];

export const GOV2021: FormatDefinition = {
  id: 'gov2021',
  source: '国办公开办函〔2021〕30号',
  notice: { year: 2021, number: 30 },
  firstYear: 2021,
  sections: commonSections(
    art20Tables.map((t) => t.id),
    {
      一: { hint: '围绕主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面进行总结。' },
      六: {
        hint: '收取信息处理费情况在此处报告。',
        mustMention: {
          rule: 'narrative.feeStatement',
          anyOf: ['信息处理费', '处理费', '收费', '收取费用', '收取任何费用'],
          message: '未说明是否收取信息处理费（2021年版格式要求在此报告）',
        },
      },
    },
  ),
  tables: [...art20Tables, requestsTable(OTHER_ROWS), APPEALS_TABLE],
  sums: commonSums(OTHER_ROWS.map((r) => r.id)),
  balances: [REQUESTS_BALANCE],
  crossYear: [
    ...REGULATION_ROWS.map((row) => ({
      id: 'crossyear.in_force',
      target: `art20_1.${row}.in_force`,
      relation: '=' as const,
      terms: [
        { cell: `art20_1.${row}.in_force`, year: 'last' as const, coef: 1 },
        { cell: `art20_1.${row}.issued`, year: 'this' as const, coef: 1 },
        { cell: `art20_1.${row}.repealed`, year: 'this' as const, coef: -1 },
      ],
      lastFormats: ['gov2021' as const],
      describe: '上年报告的“现行有效件数”加本年制发件数、减本年废止件数',
    })),
    ...carriedInRules(['gov2019', 'gov2021']),
  ],
  carryOver: [
    {
      fromFormat: 'gov2021',
      rules: [
        ...REGULATION_ROWS.map((row) => ({
          target: `art20_1.${row}.in_force`,
          from: [{ cell: `art20_1.${row}.in_force`, coef: 1 }],
        })),
        ...carriedInCarryOver(),
      ],
      dropped: [],
    },
    {
      fromFormat: 'gov2019',
      rules: [
        ...REGULATION_ROWS.map((row) => ({
          target: `art20_1.${row}.in_force`,
          from: [{ cell: `art20_1.${row}.total_published`, coef: 1 }],
          confirm: '2019年版格式的“对外公开总数量”与2021年版的“现行有效件数”口径不同，已作为起始值填入，请核实',
        })),
        ...carriedInCarryOver(),
      ],
      dropped: [
        {
          cells: ['art20_9.procurement.projects', 'art20_9.procurement.amount'],
          reason: '2021年版格式已取消第二十条第（九）项（政府集中采购）',
        },
        {
          cells: [
            'art20_5.other_services.items_last_year',
            'art20_5.other_services.change',
            'art20_5.other_services.decisions',
          ],
          reason: '2021年版格式第二十条第（五）项已不再统计“其他对外管理服务事项”',
        },
        {
          cells: [
            'art20_5.licensing.items_last_year',
            'art20_5.licensing.change',
            'art20_6.penalty.items_last_year',
            'art20_6.penalty.change',
            'art20_6.coercion.items_last_year',
            'art20_6.coercion.change',
            'art20_8.fees.items_last_year',
            'art20_8.fees.change',
          ],
          reason: '2021年版格式已取消“上一年项目数量”“本年增/减”两列',
        },
      ],
    },
  ],
  proseNumbers: PROSE_NUMBERS,
  plausibleAmountMaxWan: 1_000_000,
};
