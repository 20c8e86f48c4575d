/** The small key to the cell fills, shown above a section's tables. */
import { FILL_LEGEND } from './legend.ts';
import './help.css';

export function CellLegend() {
  return (
    <ul className="cell-legend" aria-label="单元格颜色说明">
      {FILL_LEGEND.map((entry) => (
        <li key={entry.key} title={entry.meaning}>
          <span className="legend-swatch" style={entry.swatch} aria-hidden="true" />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
