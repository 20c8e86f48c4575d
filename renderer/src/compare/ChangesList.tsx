/** The largest changes against last year, sortable by amount or by percent; a click goes to the cell. */
import { useState } from 'react';
import type { CellChange, Comparison } from '../../../shared/compare/compare.ts';
import { describeCell } from '../../../shared/formats/describe.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import { formatCellNumber } from '../../../shared/model/parseCellValue.ts';
import { useActions } from '../store/context.tsx';
import { percentText, signed } from './format.ts';

type SortKey = 'change' | 'percent';

const SHOWN = 12;

const SORTS: Record<SortKey, { label: string; order: (a: CellChange, b: CellChange) => number }> = {
  change: { label: '增减数', order: (a, b) => Math.abs(b.change) - Math.abs(a.change) || Math.abs(b.percent ?? 0) - Math.abs(a.percent ?? 0) },
  // A change from 0 has no percent: after every change that has one.
  percent: { label: '增减幅度', order: (a, b) => Math.abs(b.percent ?? -1) - Math.abs(a.percent ?? -1) || Math.abs(b.change) - Math.abs(a.change) },
};

export function ChangesList({ comparison }: { comparison: Comparison }) {
  const actions = useActions();
  const [sort, setSort] = useState<SortKey>('change');
  const [all, setAll] = useState(false);
  const format = comparison.this.format;
  const changed = comparison.cells.filter((c) => c.change !== 0).sort(SORTS[sort].order);
  const shown = all ? changed : changed.slice(0, SHOWN);
  const header = (key: SortKey) => (
    <th scope="col" aria-sort={sort === key ? 'descending' : 'none'}>
      <button type="button" className={sort === key ? 'sort current' : 'sort'} onClick={() => setSort(key)}>
        {SORTS[key].label}
        {sort === key ? ' ▼' : ''}
      </button>
    </th>
  );
  return (
    <section className="compare-block" aria-labelledby="compare-changes">
      <h3 id="compare-changes">变化最大的数据</h3>
      {changed.length === 0 ? (
        <p className="hint">两年都填写的单元格没有变化。</p>
      ) : (
        <table className="compare-table changes">
          <thead>
            <tr>
              <th scope="col">单元格</th>
              <th scope="col">上年</th>
              <th scope="col">本年</th>
              {header('change')}
              {header('percent')}
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.cell} className={c.change > 0 ? 'up' : 'down'}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() => actions.goTo({ page: formatIndex(format).cellById.get(c.cell)!.table.section, cell: c.cell })}
                  >
                    {describeCell(format, c.cell)}
                  </button>
                </th>
                <td>{formatCellNumber(c.last)}</td>
                <td>{formatCellNumber(c.this)}</td>
                <td>{signed(c.change)}</td>
                <td>{percentText(c.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changed.length > SHOWN && (
        <button type="button" onClick={() => setAll(!all)}>
          {all ? `只显示前 ${SHOWN} 项` : `显示全部 ${changed.length} 项`}
        </button>
      )}
    </section>
  );
}
