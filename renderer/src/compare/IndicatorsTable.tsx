/** The indicators reviewers compute, each with its formula; no rate where its denominator is 0. */
import type { Comparison } from '../../../shared/compare/compare.ts';
import { indicatorText } from './format.ts';

export function IndicatorsTable({ comparison }: { comparison: Comparison }) {
  return (
    <section className="compare-block" aria-labelledby="compare-indicators">
      <h3 id="compare-indicators">主要指标</h3>
      <table className="compare-table indicators">
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">计算方法</th>
            <th scope="col">{comparison.last.year} 年度</th>
            <th scope="col">{comparison.this.year} 年度</th>
          </tr>
        </thead>
        <tbody>
          {comparison.indicators.map((i) => (
            <tr key={i.id} data-indicator={i.id}>
              <th scope="row">{i.label}</th>
              <td className="formula">
                {i.formula}
                {i.lastFormula && <span className="last-formula">上年：{i.lastFormula}</span>}
              </td>
              <td title={i.last === null && i.rate ? '分母为 0 或未填写，不计算比率' : undefined}>{indicatorText(i.last, i.rate)}</td>
              <td title={i.this === null && i.rate ? '分母为 0 或未填写，不计算比率' : undefined}>{indicatorText(i.this, i.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">“—”：未填写，或比率的分母为 0，不计算。</p>
    </section>
  );
}
