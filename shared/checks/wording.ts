/**
 * The words and patterns the reviewer rules look for, declared in one place
 * so that a rule reads as logic and its vocabulary can be extended as data.
 */
import type { OrganKind } from '../model/report.ts';

/**
 * 条例 article 49 (2019 revision): 县级以上人民政府部门 publish by 31 January,
 * a county-level or higher government's own report is published by 31 March;
 * townships follow the dates their county sets (no default here).
 */
export const DEADLINES: Record<OrganKind, { month: number; day: number; who: string } | null> = {
  department: { month: 1, day: 31, who: '县级以上人民政府部门' },
  government: { month: 3, day: 31, who: '本级政府的年度报告' },
  township: null,
};
export const DEADLINE_BASIS = '《政府信息公开条例》第四十九条';

/** A date written with Arabic or Chinese numerals: 2025年1月20日, 二〇二五年一月二十日. */
export const DATE = /([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;

/** How an organ's name ends, to tell a signature line from a sentence. */
export const ORGAN_ENDING = /(?:人民政府|政府|委员会|管委会|部|办公室|办公厅|局|厅|委|办|署|院|中心|镇|乡|街道办事处|街道|公司|所|站|队)[)）]?$/;
/** Wording that does not change which body is meant (中共…, …人民政府 / 政府, its 办公室 drafting the report). */
export const ORGAN_NOISE = /\s+|中共|中国共产党|人民政府|政府|办公室|办公厅|[()（）]/g;
/** Where a preface names the body reporting: 本报告由…编制, 现向社会公布…2023年度…年度报告. */
export const PREFACE_ORGAN = [
  /本(?:年度)?报告由([\u4e00-\u9fa5（）()]{2,40}?)(?:根据|依据|按照|编制|负责|汇总)/,
  /(?:现向社会公布|现予公布|特?向社会公布)([\u4e00-\u9fa5（）()]{2,40}?)(?:[0-9]{4})年度?政府信息公开/,
];
/** 本机关, 我局: the preface speaking of itself. */
export const SELF_REFERENCE = /^(?:本|我)/;
/** The places in a name (淮安市, 洪泽区): a government's own offices carry its place. */
export const PLACE = /[^省市区县旗州盟]+(?:自治区|省|市|区|县|旗|州|盟)/g;
/** A signature line: short, no sentence punctuation. */
export const SIGNATURE_MAX = 30;
export const SENTENCE_MARK = /[。；;，,：:]/;

/**
 * A citation of a national notice, however it is bracketed or abbreviated;
 * the check keeps those whose year and number are a registered format's.
 */
export const FORMAT_CITATION = /国办(?:公开)?(?:办)?(?:函|发)?\s*([〔［[【(（﹝〈<])\s*((?:19|20)\d{2})\s*([〕］\]】)）﹞〉>])\s*(\d{1,3})\s*号/g;

/**
 * Stale years: the words after "2024年" that make it a legitimate other year
 * (a named document or budget, a starting point, a date, a range) …
 */
export const YEAR_LEGIT_AFTER = /^(?:度)?(?:(?:政府信息公开)?(?:工作)?(?:年度)?报告|年报|(?:政府|部门|财政)?(?:决算|预算)|起|以来|至今|至|到|—|－|-|~|～|底|末|初|前|以前|之前|以后|[0-9０-９一二三四五六七八九十]{1,3}月)/;
/** … or before it (自2024年, 截至2024年, 与2024年相比, 《…2024年…》, 〔2024〕). */
export const YEAR_LEGIT_BEFORE = /(?:自|从|于|截至|截止|至|到|比|较|同比|与|和|及|、|《|〔|\[|【|（|\(|第)\s*$/;
/** … or a clause about requests carried over or a comparison (2024年受理的申请结转至本年办理3件). */
export const CLAUSE_LEGIT = /结转|顺延|相比|同比|比上年|较上年/;
/** A clause that reports work done with a count: 主动公开政府信息20条, 制作、获取政府信息总数467条. */
export const WORK_COUNT =
  /(?:公开|制作|获取|受理|收到|办理|答复|发布|更新|召开|开展|举办|组织|编制|印发|回应|解读|收取|处理)[^。；;！？\n]{0,20}?[0-9０-９]+(?:\.[0-9]+)?\s*(?:条|件|次|篇|场|个|期|项|万元|元|人次|份)/;
/** Where the clause of a year ends. */
export const CLAUSE_END = /[。；;！？!?\n]/;

export const NOTHING_WORD = /^\s*[无無][。.]?\s*$/;
/** A line of prose that is a section heading (numbered or not). */
export const HEADING_LINE = /^\s*(?:[一二三四五六七八九十]+|[0-9]+)?\s*[、.．]?\s*(.{2,30}?)\s*$/;
