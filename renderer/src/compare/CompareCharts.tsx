/** The key figures of the years compared, drawn by the shared chart function (the Word appendix uses the same). */
import { useMemo, type ReactNode } from 'react';
import { chartCaption, chartSvg, keyCharts } from '../../../shared/compare/charts.ts';
import type { YearFigures } from '../../../shared/compare/figures.ts';

export function CompareCharts({ years, children }: { years: readonly YearFigures[]; children?: ReactNode }) {
  const charts = useMemo(() => keyCharts(years), [years]);
  return (
    <section className="compare-block" aria-labelledby="compare-charts">
      <h3 id="compare-charts">图解</h3>
      {children}
      <div className="compare-charts">
        {charts.map((chart) => (
          <figure key={chart.id} data-chart={chart.id}>
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvg(chart))}`} alt={chartCaption(chart)} />
          </figure>
        ))}
      </div>
    </section>
  );
}
