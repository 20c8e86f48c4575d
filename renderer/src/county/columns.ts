/**
 * The 汇总与审核 table's columns as data: heading, what a cell shows, what
 * it sorts by. Sorting and filtering are pure functions over the rows.
 */
import type { CountyRow } from '../../../shared/countyBridge.ts';
import type { UnitVerdict } from '../../../shared/county/index.ts';
import { getFormat } from '../../../shared/formats/index.ts';

export type SortValue = string | number | null;

export interface Column {
  key: string;
  label: string;
  text(row: CountyRow): string;
  /** null sorts last in either direction. */
  sortBy(row: CountyRow): SortValue;
  numeric?: boolean;
  /** Why a cell reads as it does, shown on hover. */
  title?(row: CountyRow): string | undefined;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Ranks the statuses by how much they need the office: 错误 first. */
export const STATUS_ORDER: readonly UnitVerdict[] = ['错误', '待说明', '通过'];

export const COLUMNS: readonly Column[] = [
  { key: 'organ', label: '单位', text: (r) => r.organ || '（未填写机关名称）', sortBy: (r) => r.organ, title: (r) => r.file },
  { key: 'status', label: '状态', text: (r) => r.verdict, sortBy: (r) => STATUS_ORDER.indexOf(r.verdict), title: (r) => (r.unexplained > 0 ? `${r.unexplained} 条警告未说明` : undefined) },
  { key: 'year', label: '年度', text: (r) => (r.year === null ? '未识别' : String(r.year)), sortBy: (r) => r.year, numeric: true },
  { key: 'format', label: '格式', text: (r) => `${getFormat(r.format).firstYear}年版`, sortBy: (r) => r.format, title: (r) => getFormat(r.format).source },
  { key: 'errors', label: '错误', text: (r) => String(r.errors), sortBy: (r) => r.errors, numeric: true },
  { key: 'warnings', label: '警告', text: (r) => String(r.warnings), sortBy: (r) => r.warnings, numeric: true },
  {
    key: 'date',
    label: '落款日期',
    text: (r) => (r.dateLine === null ? '无' : `${r.dateLine}${r.late ? '（逾期）' : ''}`),
    sortBy: (r) => r.dateLine,
    title: (r) => (r.late ? '晚于该类机关的报送期限' : undefined),
  },
  {
    key: 'copied',
    label: '与上年相同',
    text: (r) => (r.copiedShare === null ? '—' : percent(r.copiedShare)),
    sortBy: (r) => r.copiedShare,
    numeric: true,
    title: (r) => (r.previousFile ? `与“${r.previousFile}”相比，正文中照抄上年的比例` : '文件夹中没有该单位的上年报告'),
  },
];

export interface SortState {
  column: string;
  descending: boolean;
}

export interface FilterState {
  status: UnitVerdict | null;
  /** Matched against the organ and the file name. */
  text: string;
}

export const DEFAULT_SORT: SortState = { column: 'status', descending: false };
export const NO_FILTER: FilterState = { status: null, text: '' };

function compare(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-Hans-CN');
}

/** A new array in the column's order; ties keep the file order, blanks go last either way. */
export function sortRows(rows: readonly CountyRow[], sort: SortState): CountyRow[] {
  const column = COLUMNS.find((c) => c.key === sort.column) ?? COLUMNS[0]!;
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, value: column.sortBy(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      return sign * compare(a.value, b.value) || a.index - b.index;
    })
    .map((x) => x.row);
}

export function filterRows(rows: readonly CountyRow[], filter: FilterState): CountyRow[] {
  const needle = filter.text.trim();
  return rows.filter((r) => (filter.status === null || r.verdict === filter.status) && (needle === '' || r.organ.includes(needle) || r.file.includes(needle)));
}

/** Clicking a heading: sorts by it, or turns its order around when it already sorts. */
export function nextSort(current: SortState, column: string): SortState {
  return current.column === column ? { column, descending: !current.descending } : { column, descending: false };
}
