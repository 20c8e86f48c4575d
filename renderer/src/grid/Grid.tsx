/**
 * A section's table drawn from the shared layout: caption rows, merged
 * header groups, merged row groups, the 勾稽 note in its corner. Headers and
 * row labels stick to the page's edges while it scrolls; the grid has no
 * scroll box of its own, so nothing hides a cell but the page's edge.
 */
import { createContext, memo, useContext, useEffect, type CSSProperties, type ReactNode } from 'react';
import type { LayoutCell, LayoutRow } from '../../../shared/export/layout.ts';
import { useEditor } from '../store/context.tsx';
import { focusCell, GridCell } from './GridCell.tsx';
import { GridContext } from './gridContext.ts';
import type { GridModel } from './gridModel.ts';
import { STICKY_LEFT_ATTRIBUTE } from './reveal.ts';

/**
 * Screen pixels per millimetre of the printed layout: the 156 mm type area
 * becomes 593 px, which leaves the whole of 三 in view beside both panels on
 * a 1366×768 laptop at 125 % (a 1093 px wide window).
 */
const PX_PER_MM = 3.8;

/**
 * What a value cell shows: the editor's input, unless a read-only view of the
 * same grids (the 与上年对比 page) provides its own.
 */
export const ValueCellContext = createContext<(id: string) => ReactNode>((id) => <GridCell id={id} />);

function LayoutCellView({ cell, stickyLeft, header }: { cell: LayoutCell; stickyLeft?: number; header: boolean }) {
  const valueCell = useContext(ValueCellContext);
  const style: CSSProperties | undefined = stickyLeft === undefined ? undefined : { left: stickyLeft };
  const span = { colSpan: cell.colSpan > 1 ? cell.colSpan : undefined, rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined };
  const sticky = stickyLeft === undefined ? '' : ' sticky-left';
  switch (cell.role) {
    case 'value':
      return (
        <td {...span} className="value">
          {cell.cellId && valueCell(cell.cellId)}
        </td>
      );
    case 'filler':
      return <td {...span} className="filler" aria-hidden="true" />;
    case 'caption':
      return (
        <th {...span} scope="colgroup" className="caption">
          {cell.text}
        </th>
      );
    case 'header':
      return (
        <th {...span} scope={cell.colSpan > 1 ? 'colgroup' : 'col'} className="col-header">
          {cell.text}
        </th>
      );
    case 'group':
      return (
        <th {...span} scope="rowgroup" className={`row-group${sticky}`} style={style}>
          {cell.text}
        </th>
      );
    case 'label':
      return (
        <th {...span} scope="row" className={`row-label${sticky}`} style={style}>
          {cell.text}
        </th>
      );
    case 'corner':
    case 'note':
      return (
        <th {...span} className={`corner ${cell.role}${header ? sticky : ''}`} style={style}>
          {cell.text}
        </th>
      );
  }
}

function RowView({ row, offsets }: { row: LayoutRow; offsets: number[] }) {
  const header = row.kind !== 'data';
  return (
    <tr className={`row-${row.kind}`}>
      {row.cells.map((cell) => (
        <LayoutCellView key={cell.col} cell={cell} header={header} stickyLeft={offsets[cell.col]} />
      ))}
    </tr>
  );
}

/**
 * Moves to a cell of this grid when the findings panel or a fix asks for it.
 * One subscription per grid rather than one per cell, which every keystroke
 * would wake.
 */
function FocusRequests({ grid }: { grid: GridModel }) {
  const request = useEditor((s) => (s.focus?.cell && grid.where.has(s.focus.cell) ? s.focus : null));
  useEffect(() => {
    if (request) focusCell(request.cell);
  }, [request]);
  return null;
}

export const Grid = memo(function Grid({ grid, label }: { grid: GridModel; label: string }) {
  const { layout } = grid;
  const widths = layout.columnWidthsMm.map((mm) => Math.round(mm * PX_PER_MM));
  const firstValueColumn = Math.min(...grid.rows.flat().map((s) => s.col));
  // Row-label columns stick to the left edge, each after the ones before it.
  const offsets: number[] = [];
  widths.slice(0, firstValueColumn).reduce((left, width, i) => {
    offsets[i] = left;
    return left + width;
  }, 0);
  const labelWidth = widths.slice(0, firstValueColumn).reduce((a, b) => a + b, 0);
  const head = layout.rows.slice(0, layout.repeatHeaderRows);
  const body = layout.rows.slice(layout.repeatHeaderRows);
  return (
    <GridContext.Provider value={grid}>
      <FocusRequests grid={grid} />
      {layout.note && <p className="table-note">{layout.note}</p>}
      <div className="grid-box">
        <table
          className="grid"
          aria-label={label}
          style={{ width: widths.reduce((a, b) => a + b, 0) }}
          {...{ [STICKY_LEFT_ATTRIBUTE]: labelWidth }}
        >
          <colgroup>
            {widths.map((width, i) => (
              <col key={i} style={{ width }} />
            ))}
          </colgroup>
          {head.length > 0 && (
            <thead>
              {head.map((row, i) => (
                <RowView key={i} row={row} offsets={offsets} />
              ))}
            </thead>
          )}
          <tbody>
            {body.map((row, i) => (
              <RowView key={i} row={row} offsets={offsets} />
            ))}
          </tbody>
        </table>
      </div>
    </GridContext.Provider>
  );
});
