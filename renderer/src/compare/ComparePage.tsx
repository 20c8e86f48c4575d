/**
 * 与上年对比: the official grids with last year's figure beside this year's
 * and the change, the largest changes, the indicators with their formulas,
 * the cells one format alone has, and the key figures as charts. Works from
 * the baseline a report started from last year's keeps, or from a last-year
 * file the clerk adds here.
 */
import { useMemo } from 'react';
import { compareFigures, type Comparison } from '../../../shared/compare/compare.ts';
import { figuresOf, type YearFigures } from '../../../shared/compare/figures.ts';
import { getFormat } from '../../../shared/formats/index.ts';
import type { Report } from '../../../shared/model/report.ts';
import { Grid, ValueCellContext } from '../grid/Grid.tsx';
import { sectionGrids } from '../grid/gridModel.ts';
import { useEditor, useEditorContext } from '../store/context.tsx';
import { CompareCell, CompareGridContext, comparedCells } from './CompareCell.tsx';
import { CompareCharts } from './CompareCharts.tsx';
import { ChangesList } from './ChangesList.tsx';
import { IndicatorsTable } from './IndicatorsTable.tsx';
import { setChartsAppendix, useChartsAppendix } from './chartsAppendix.ts';
import { addEarlierYear, clearEarlierYears, setAddedYear, useAddedYear, useEarlierYears } from './lastYearFile.ts';
import { sameOrgan, seriesYears } from '../../../shared/compare/series.ts';

async function addLastYearFile(editor: ReturnType<typeof useEditorContext>): Promise<void> {
  const result = await editor.api.importLastYear();
  if (!result.ok) {
    editor.actions.notify({ tone: 'error', text: result.message });
    return;
  }
  if (result.value) setAddedYear({ name: result.value.name, report: result.value.report });
}

/** One more year for the charts' series, refused when the file is another organ's. */
async function addSeriesYear(editor: ReturnType<typeof useEditorContext>, organ: string): Promise<void> {
  const result = await editor.api.importLastYear();
  if (!result.ok) {
    editor.actions.notify({ tone: 'error', text: result.message });
    return;
  }
  if (!result.value) return;
  const other = result.value.report.organ;
  // A report without its organ's name yet cannot be checked; its clerk knows which files are theirs.
  if (organ && !sameOrgan(other, organ)) {
    editor.actions.notify({ tone: 'error', text: `“${result.value.name}”是${other || '未识别机关名称'}的报告，不是${organ}的，未加入图解。` });
    return;
  }
  addEarlierYear({ name: result.value.name, report: result.value.report });
}

/** Which years the charts show, a button for more, and whether 打印 and 导出 append them. */
function SeriesSource({ organ, years }: { organ: string; years: readonly YearFigures[] }) {
  const editor = useEditorContext();
  const earlier = useEarlierYears();
  const appendix = useChartsAppendix();
  return (
    <div className="compare-source">
      <p>
        图解包括 {years.map((y) => y.year).join('、')} 年度。
        <button type="button" onClick={() => void addSeriesYear(editor, organ)}>
          添加更多年度…
        </button>
        {earlier.length > 0 && (
          <button type="button" onClick={clearEarlierYears}>
            只看两年
          </button>
        )}
      </p>
      <label>
        <input type="checkbox" checked={appendix} onChange={(e) => setChartsAppendix(e.currentTarget.checked)} />
        打印、导出 PDF 和导出 Word 时附“图解”
      </label>
    </div>
  );
}

function Source({ report, added }: { report: Report; added: { name: string; figures: YearFigures } | null }) {
  const editor = useEditorContext();
  const add = (
    <button type="button" onClick={() => void addLastYearFile(editor)}>
      {added || report.lastYear ? '换一份上年报告…' : '添加上年报告…'}
    </button>
  );
  if (added) {
    return (
      <p className="compare-source">
        对比的是“{added.name}”（{added.figures.year} 年度，{added.figures.organ || '未识别机关名称'}）。{add}
        <button type="button" onClick={() => setAddedYear(null)}>
          {report.lastYear ? '改用本报告保存的上年数据' : '不再对比'}
        </button>
      </p>
    );
  }
  if (report.lastYear) {
    return (
      <p className="compare-source">
        对比的是本报告新建时结转的上年数据（{report.lastYear.year} 年度，{report.lastYear.organ}）。{add}
      </p>
    );
  }
  return (
    <div className="compare-source empty">
      <p>本报告不是以上年报告为模板新建的，没有保存上年数据。可以添加上年的报告文件（年报文件、Word、文本或网页）进行对比。</p>
      {add}
    </div>
  );
}

/** The grids' value cells in comparison mode. */
const compareCell = (id: string) => <CompareCell id={id} />;

function Unmatched({ comparison }: { comparison: Comparison }) {
  const { last, this: current } = comparison.unmatched;
  if (last.length === 0 && current.length === 0) return null;
  const value = (v: number | null) => (v === null ? '未填' : String(v));
  return (
    <section className="compare-block" aria-labelledby="compare-unmatched">
      <h3 id="compare-unmatched">两种格式不能对应的单元格</h3>
      <p className="hint">
        上年为 {getFormat(comparison.last.format).firstYear} 年版格式，本年为 {getFormat(comparison.this.format).firstYear}{' '}
        年版格式；以下单元格只有一种格式有，不作比较。
      </p>
      <div className="compare-unmatched">
        <div>
          <h4>仅上年格式有（{last.length}）</h4>
          <ul>
            {last.map((c) => (
              <li key={c.cell}>
                {c.label}：{value(c.value)}
                {c.reason && <span className="reason">（{c.reason}）</span>}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h4>仅本年格式有（{current.length}）</h4>
          <ul>
            {current.map((c) => (
              <li key={c.cell}>
                {c.label}：{value(c.value)}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function ComparisonView({ comparison, lastFigures, thisFigures }: { comparison: Comparison; lastFigures: YearFigures; thisFigures: YearFigures }) {
  const earlier = useEarlierYears();
  // The two years compared win over an added file of the same year.
  const years = useMemo(() => seriesYears([...earlier.map((y) => y.figures), lastFigures, thisFigures]), [earlier, lastFigures, thisFigures]);
  const format = comparison.this.format;
  const data = useMemo(() => ({ format, cells: comparedCells(comparison) }), [format, comparison]);
  const sections = getFormat(format).sections.filter((s) => s.tables.length > 0);
  return (
    <>
      <p className="compare-legend" aria-hidden="true">
        <span className="compare-cell sample">
          <span className="now">本年</span>
          <span className="before">上年</span>
          <span className="delta">增减</span>
        </span>
        每格上为本年数值，下为上年数值和增减；点击单元格转到该处填写。
      </p>
      <ChangesList comparison={comparison} />
      <IndicatorsTable comparison={comparison} />
      <CompareCharts years={years}>
        <SeriesSource organ={thisFigures.organ} years={years} />
      </CompareCharts>
      <CompareGridContext.Provider value={data}>
        <ValueCellContext.Provider value={compareCell}>
          {sections.map((section) => {
            const grids = sectionGrids(format, section.key);
            const heading = `${section.key}、${section.title}`;
            return (
              <section key={section.key} className="compare-block compare-grids" aria-label={`${heading}（对比）`}>
                <h3>{heading}</h3>
                {grids.map((grid, i) => (
                  <Grid key={grid.key} grid={grid} label={grids.length > 1 ? `${heading}（对比，表${i + 1}）` : `${heading}（对比）`} />
                ))}
              </section>
            );
          })}
        </ValueCellContext.Provider>
      </CompareGridContext.Provider>
      <Unmatched comparison={comparison} />
    </>
  );
}

export function ComparePage() {
  const report = useEditor((s) => s.report);
  const baseline = report?.lastYear;
  const added = useAddedYear();
  const lastFigures = useMemo(() => added?.figures ?? (baseline ? figuresOf(baseline) : null), [added, baseline]);
  const thisFigures = useMemo(() => (report ? figuresOf(report) : null), [report]);
  const comparison = useMemo(
    () => (lastFigures && thisFigures ? compareFigures(lastFigures, thisFigures) : null),
    [lastFigures, thisFigures],
  );
  if (!report) return null;
  return (
    <section className="section-page compare-page" aria-labelledby="heading-compare">
      <h2 id="heading-compare">
        与上年对比
        {comparison && (
          <span className="compare-years">
            {comparison.last.year} 年度 → {comparison.this.year} 年度
          </span>
        )}
      </h2>
      <Source report={report} added={added} />
      {comparison && lastFigures && thisFigures && (
        <ComparisonView comparison={comparison} lastFigures={lastFigures} thisFigures={thisFigures} />
      )}
    </section>
  );
}
