/**
 * The standard sentences of 二, 三 and 四 drafted from the tables, as data:
 * each figure is a lead, a number and a unit ("予以公开50件"), and each figure
 * is one the prose-vs-table check verifies, either by an existing rule of the
 * format (`verifiedBy`) or by the rule `draftProseRules` makes of it, so a
 * drafted number the clerk later mistypes is caught like any other.
 * Templates name figures as {id}, and {id:change} for the change against last
 * year ("，较上年增加74件（352.4%）").
 */
import type { CellRef, FormatId, ProseNumberRule, SectionKey } from './types.ts';

export interface DraftFigure {
  id: string;
  /** The words before the number, as the sentence reads them. */
  lead: string;
  unit: '件' | '万元';
  /** Summed; totals count as the sum of their parts, as the prose check reads them. */
  cells: CellRef[];
  /** A regular expression the lead must follow within the clause (no capture group), e.g. which table's 结果维持. */
  context?: string;
  /** The existing prose rule that already verifies this phrase. */
  verifiedBy?: string;
}

export interface DraftTemplate {
  section: SectionKey;
  /** One paragraph per entry. */
  paragraphs: string[];
}

export interface FormatDrafts {
  figures: DraftFigure[];
  templates: DraftTemplate[];
}

const count = (id: string, lead: string, cells: CellRef[], more: Partial<DraftFigure> = {}): DraftFigure => ({
  id,
  lead,
  unit: '件',
  cells,
  ...more,
});

const requestRows = (...rows: string[]): CellRef[] => rows.map((r) => `requests.${r}.total`);

const DENIED = ['state_secret', 'prohibited', 'security', 'third_party', 'internal', 'process', 'enforcement', 'query'].map((r) => `denied_${r}`);
const UNABLE = ['not_held', 'needs_creation', 'unclear'].map((r) => `unable_${r}`);
const REJECTED = ['petition', 'repeat', 'publication', 'excessive', 'confirmation'].map((r) => `rejected_${r}`);

function requestFigures(otherRows: string[]): DraftFigure[] {
  return [
    count('requests_new', '新收政府信息公开申请', requestRows('new'), { verifiedBy: 'prose.requests_received' }),
    count('requests_carried_in', '上年结转申请', requestRows('carried_in')),
    count('granted', '予以公开', requestRows('granted')),
    count('partly_granted', '部分公开', requestRows('partly_granted')),
    count('denied', '不予公开', requestRows(...DENIED)),
    count('unable', '无法提供', requestRows(...UNABLE)),
    count('rejected', '不予处理', requestRows(...REJECTED)),
    count('other', '其他处理', requestRows(...otherRows)),
    count('carried_out', '结转下年度继续办理', requestRows('carried_out')),
  ];
}

const RESULTS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
] as const;

function appealFigures(): DraftFigure[] {
  const appeal = (...cols: string[]): CellRef[] => cols.map((c) => `appeals.count.${c}`);
  return [
    count('review_total', '行政复议', appeal('review_total'), { verifiedBy: 'prose.review_count' }),
    count('suit_total', '行政诉讼', appeal('suit_direct_total', 'suit_after_review_total'), { verifiedBy: 'prose.suit_count' }),
    ...RESULTS.map(([r, lead]) => count(`review_${r}`, lead, appeal(`review_${r}`), { context: '行政复议[^。；]*?' })),
    ...RESULTS.map(([r, lead]) =>
      count(`suit_${r}`, lead, appeal(`suit_direct_${r}`, `suit_after_review_${r}`), { context: '行政诉讼[^。；]*?' }),
    ),
  ];
}

const REQUESTS_PARAGRAPHS = [
  '本年度共{requests_new}{requests_new:change}，{requests_carried_in}。办理结果中，{granted}，{partly_granted}，{denied}，{unable}，{rejected}，{other}；{carried_out}。',
];

const APPEALS_PARAGRAPHS = [
  '本年度因政府信息公开工作被申请{review_total}{review_total:change}，其中{review_upheld}，{review_corrected}，{review_other}，{review_pending}；被提起{suit_total}{suit_total:change}，其中{suit_upheld}，{suit_corrected}，{suit_other}，{suit_pending}。',
];

const decisions = (table: string, row: string, name: string): DraftFigure =>
  count(`${row}_decisions`, `${name}处理决定`, [`${table}.${row}.decisions`]);

/** A format without an entry (a later revision not yet drafted for) offers no drafts. */
export const DRAFTS: Readonly<Partial<Record<FormatId, FormatDrafts>>> = {
  gov2021: {
    figures: [
      count('regulations_issued', '制发规章', ['art20_1.regulations.issued']),
      count('regulations_repealed', '废止规章', ['art20_1.regulations.repealed']),
      count('regulations_stock', '现行有效规章', ['art20_1.regulations.in_force']),
      count('docs_issued', '制发行政规范性文件', ['art20_1.normative_docs.issued']),
      count('docs_repealed', '废止行政规范性文件', ['art20_1.normative_docs.repealed']),
      count('docs_stock', '现行有效行政规范性文件', ['art20_1.normative_docs.in_force']),
      decisions('art20_5', 'licensing', '行政许可'),
      decisions('art20_6', 'penalty', '行政处罚'),
      decisions('art20_6', 'coercion', '行政强制'),
      { id: 'fees', lead: '行政事业性收费金额', unit: '万元', cells: ['art20_8.fees.amount'] },
      ...requestFigures(['other_no_correction', 'other_no_fee', 'other_misc']),
      ...appealFigures(),
    ],
    templates: [
      {
        section: '二',
        paragraphs: [
          '本年度{regulations_issued}，{regulations_repealed}，{regulations_stock}；{docs_issued}，{docs_repealed}，{docs_stock}{docs_stock:change}。',
          '本年度作出{licensing_decisions}，{penalty_decisions}，{coercion_decisions}；{fees}。',
        ],
      },
      { section: '三', paragraphs: REQUESTS_PARAGRAPHS },
      { section: '四', paragraphs: APPEALS_PARAGRAPHS },
    ],
  },
  gov2019: {
    figures: [
      count('regulations_made', '新制作规章', ['art20_1.regulations.made']),
      count('regulations_published', '新公开规章', ['art20_1.regulations.published']),
      count('regulations_stock', '对外公开规章总数', ['art20_1.regulations.total_published']),
      count('docs_made', '新制作规范性文件', ['art20_1.normative_docs.made']),
      count('docs_published', '新公开规范性文件', ['art20_1.normative_docs.published']),
      count('docs_stock', '对外公开规范性文件总数', ['art20_1.normative_docs.total_published']),
      decisions('art20_5', 'licensing', '行政许可'),
      decisions('art20_6', 'penalty', '行政处罚'),
      decisions('art20_6', 'coercion', '行政强制'),
      ...requestFigures(['other']),
      ...appealFigures(),
    ],
    templates: [
      {
        section: '二',
        paragraphs: [
          '本年度{regulations_made}，{regulations_published}，{regulations_stock}；{docs_made}，{docs_published}，{docs_stock}{docs_stock:change}。',
          '本年度作出{licensing_decisions}，{penalty_decisions}，{coercion_decisions}。',
        ],
      },
      { section: '三', paragraphs: REQUESTS_PARAGRAPHS },
      { section: '四', paragraphs: APPEALS_PARAGRAPHS },
    ],
  },
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The number after a figure's lead, as the prose check finds it; the first capture group is the number. */
export function figurePattern(figure: DraftFigure): string {
  return `${figure.context ?? ''}${escapeRegex(figure.lead)}\\s*(\\d+(?:\\.\\d+)?)\\s*${figure.unit}`;
}

/** The prose rules that verify the drafted figures no existing rule covers. */
export function draftProseRules(format: FormatId): ProseNumberRule[] {
  return (DRAFTS[format]?.figures ?? [])
    .filter((f) => !f.verifiedBy)
    .map((f) => ({
      id: `prose.${f.id}`,
      pattern: figurePattern(f),
      equalsAnyOf: [f.cells],
      describe: `表格中“${f.lead}”的${f.unit === '万元' ? '金额' : '数量'}`,
    }));
}
