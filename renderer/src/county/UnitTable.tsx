/**
 * One row per unit, columns from COLUMNS: click a heading to sort by it (again
 * to turn the order round), filter by status and by text, click a row to open
 * the unit. The table box is the one scroll container; its heading sticks.
 */
import type { CountyRow } from '../../../shared/countyBridge.ts';
import { COLUMNS, STATUS_ORDER, filterRows, nextSort, sortRows, type FilterState, type SortState } from './columns.ts';

export interface UnitTableProps {
  rows: readonly CountyRow[];
  sort: SortState;
  filter: FilterState;
  selected: string | null;
  onSort(sort: SortState): void;
  onFilter(filter: FilterState): void;
  onOpen(file: string): void;
}

const STATUS_CLASS: Record<CountyRow['verdict'], string> = { 错误: 'status-error', 待说明: 'status-warning', 通过: 'status-pass' };

export function UnitTable({ rows, sort, filter, selected, onSort, onFilter, onOpen }: UnitTableProps) {
  const shown = sortRows(filterRows(rows, filter), sort);
  return (
    <section className="county-units" aria-label="各单位">
      <div className="county-filter">
        <label>
          状态
          <select
            aria-label="按状态筛选"
            value={filter.status ?? ''}
            onChange={(e) => onFilter({ ...filter, status: (STATUS_ORDER.find((s) => s === e.currentTarget.value) ?? null) })}
          >
            <option value="">全部（{rows.length}）</option>
            {STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {status}（{rows.filter((r) => r.verdict === status).length}）
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          aria-label="按单位名称或文件名筛选"
          placeholder="单位名称或文件名"
          value={filter.text}
          onChange={(e) => onFilter({ ...filter, text: e.currentTarget.value })}
        />
        <span className="hint">显示 {shown.length} / {rows.length} 份</span>
      </div>
      <div className="county-table-box" data-scroll-root="">
        <table className="county-table">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort.column === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  <button type="button" onClick={() => onSort(nextSort(sort, column.key))}>
                    {column.label}
                    {sort.column === column.key && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.file}
                data-file={row.file}
                className={[STATUS_CLASS[row.verdict], row.file === selected ? 'selected' : ''].filter(Boolean).join(' ')}
                aria-selected={row.file === selected}
                onClick={() => onOpen(row.file)}
              >
                {COLUMNS.map((column, i) => {
                  const text = column.text(row);
                  const title = column.title?.(row);
                  return i === 0 ? (
                    <th key={column.key} scope="row" title={title}>
                      <button type="button" className="unit-open" onClick={(e) => (e.stopPropagation(), onOpen(row.file))}>
                        {text}
                      </button>
                    </th>
                  ) : (
                    <td key={column.key} title={title} className={[column.numeric ? 'numeric' : '', column.key === 'date' && row.late ? 'late' : '', column.key === 'status' ? 'status' : ''].filter(Boolean).join(' ') || undefined}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
