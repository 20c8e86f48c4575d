/**
 * The vocabulary in which an official report format is declared.
 *
 * A format is data: sections, tables, rows, columns, merged headers, value
 * kinds and the arithmetic between cells. The editor, the checks, the
 * exporters and the importers all interpret the same definition, so a new
 * official revision is one new data file.
 */

/**
 * A registered format's id (gov2019, gov2021, or one added with
 * registerFormat): what files store and every lookup is keyed by.
 */
export type FormatId = string;

/** The six sections, in order. Keys are the official numerals. */
export type SectionKey = '一' | '二' | '三' | '四' | '五' | '六';
export const SECTION_KEYS: readonly SectionKey[] = ['一', '二', '三', '四', '五', '六'];

/**
 * count: non-negative integer; signedCount: integer (本年增/减);
 * amount: non-negative amount in 万元 with up to 4 decimals.
 */
export type ValueKind = 'count' | 'signedCount' | 'amount';

export interface SectionDef {
  key: SectionKey;
  /** Official heading without the numeral, e.g. 总体情况. */
  title: string;
  /** Other headings published copies use for this section, for importers. */
  aliases?: string[];
  /** Prose the clerk must write (一, 五, 六); others have optional prose. */
  proseRequired: boolean;
  /** Tables of this section, in order (ids into FormatDefinition.tables). */
  tables: string[];
  /** What the section should cover, shown as a hint in the editor. */
  hint?: string;
  /**
   * The section reports the report year's own work (一 to 四): a sentence in
   * it about another year's work is last year's text left in. Sections
   * without it (五, 六) may speak of next year's plans.
   */
  reportsYear?: boolean;
  /** Added to the "not filled in" warning where a section may say it has nothing (六: 可写“无”). */
  emptyNote?: string;
  /** Prose shorter than this (spacing aside) or only “无” is too thin (五: the problems and measures). */
  minChars?: number;
  /** Words the section must contain one of, once it has text (the 2021 format's fee statement in 六). */
  mustMention?: { rule: string; anyOf: string[]; message: string };
  /** Where the section names problems, words one of which shows the measures taken (五: 改进, 下一步 …). */
  measures?: { anyOf: string[]; message: string };
}

export interface ColumnDef {
  id: string;
  label: string;
  kind: ValueKind;
  /** Unit printed in the header, e.g. 万元. */
  unit?: string;
  /** Header group path from the outermost group, e.g. ['行政诉讼', '未经复议直接起诉']. */
  groups?: string[];
  /** Relative width used by the exporters and the print view (millimetres in 公文 layout). */
  widthMm: number;
}

export interface RowDef {
  id: string;
  /** The label exactly as the format prints it. */
  label: string;
  /** Short label used in messages, e.g. （七）总计. */
  shortLabel: string;
  /**
   * Merged label cells to the left of the row label, outermost first, e.g.
   * ['三、本年度办理结果', '（三）不予公开'] for 1.属于国家秘密. Consecutive rows
   * sharing a group prefix are drawn as one merged cell.
   */
  groups?: string[];
  /** Older or regional wordings that importers should also recognise. */
  aliases?: string[];
  /** The catch-all row of its group (…3.其他), where a group printed as a single row is read into. */
  catchAll?: boolean;
}

export interface TableDef {
  id: string;
  section: SectionKey;
  /** Caption printed above the table or as a caption row, e.g. 第二十条第（一）项. */
  caption?: string;
  /** Header of the row-label column, e.g. 信息内容; empty where the format has none. */
  rowHeader: string;
  /** Width of the row-label column(s) in millimetres. */
  rowHeaderWidthMm: number;
  columns: ColumnDef[];
  rows: RowDef[];
  /** A note printed above the table exactly as the format states it. */
  note?: string;
}

/** A cell reference inside rules: table.row.column. */
export type CellRef = string;

/**
 * target = Σ parts, applied along rows or columns of one table. The engine
 * expands it into one equation per row (direction 'row') or per column
 * (direction 'column'). Targets are computed cells: the editor derives them.
 */
export interface SumRule {
  id: string;
  table: string;
  direction: 'row' | 'column';
  /** Column id (direction 'row') or row id (direction 'column') holding the total. */
  target: string;
  /** Column ids (direction 'row') or row ids (direction 'column') that add up. */
  parts: string[];
  /** Rows (direction 'row') or columns (direction 'column') the rule holds in; all when omitted. */
  across?: string[];
  /** How the expected value is explained in a message, e.g. 各项办理结果之和. */
  describe: string;
}

/** Σ left = Σ right in every listed column (the 勾稽 balance of 三). Checked, not computed. */
export interface BalanceRule {
  id: string;
  table: string;
  left: string[];
  right: string[];
  across?: string[];
  describe: string;
}

export interface LinearTerm {
  cell: CellRef;
  /** Whether the term reads this year's report or last year's. */
  year: 'this' | 'last';
  coef: number;
}

/**
 * A rule between this year and last year, e.g. 上年结转 = last year's
 * 结转下年度继续办理. Warnings, not errors: organs may legitimately restate.
 */
export interface CrossYearRule {
  id: string;
  /** This year's cell the rule is about. */
  target: CellRef;
  relation: '=' | '>=' | '<=';
  /** target {relation} Σ coef·term. */
  terms: LinearTerm[];
  /** The rule applies only when last year's report was in one of these formats. */
  lastFormats: FormatId[];
  describe: string;
}

/** this year's target ← Σ coef·(last year's cell). */
export interface CarryOverRule {
  target: CellRef;
  from: { cell: CellRef; coef: number }[];
  /** Only an approximation: the clerk must confirm it (2019 对外公开总数量 → 2021 现行有效件数). */
  confirm?: string;
}

/** How to start this format's report from a report in another (or the same) format. */
export interface CarryOverMapping {
  fromFormat: FormatId;
  rules: CarryOverRule[];
  /** Last year's cells with no place in this format, with the reason, for the upgrade report. */
  dropped: { cells: CellRef[]; reason: string }[];
}

/** A number stated in the prose that must agree with the tables. */
export interface ProseNumberRule {
  id: string;
  /** Regular expression source; the first capture group is the number. */
  pattern: string;
  /** The stated number should equal the sum of these cells (any alternative). */
  equalsAnyOf: CellRef[][];
  describe: string;
}

export interface FormatDefinition {
  id: FormatId;
  /** The issuing document, e.g. 国办公开办函〔2021〕30号. */
  source: string;
  /** The year and number of that document, by which reports cite it (〔2021〕30号), for the citation check. */
  notice: { year: number; number: number };
  /** First and last report year this format is used for (last undefined: current). */
  firstYear: number;
  lastYear?: number;
  sections: SectionDef[];
  tables: TableDef[];
  sums: SumRule[];
  balances: BalanceRule[];
  crossYear: CrossYearRule[];
  carryOver: CarryOverMapping[];
  proseNumbers: ProseNumberRule[];
  /** An amount above this many 万元 gets a plausibility warning (likely typed in 元). */
  plausibleAmountMaxWan: number;
}
