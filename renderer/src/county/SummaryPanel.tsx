/**
 * The 汇总 of one year and format: the summed report in the official layout
 * (the editor's grids, read-only; totals computed from the summed parts),
 * the units counted, those left out with the reason, and where the county's
 * own report is in the folder, how its figures differ from the units' sum —
 * information only, never an error.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CountyRow, CountySummary, CountyUnitView } from '../../../shared/countyBridge.ts';
import { formatIndex, getFormat } from '../../../shared/formats/index.ts';
import type { FormatId } from '../../../shared/formats/types.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { formatCellNumber } from '../../../shared/model/parseCellValue.ts';
import { useEditorContext } from '../store/context.tsx';
import { countyOf, exportCounty, loadSummary, useCounty } from './countyStore.ts';
import { ReadOnlyReport, useReportViewer } from './ReadOnlyReport.tsx';

interface Difference {
  cell: string;
  label: string;
  own: number | null;
  summed: number | null;
}

function differences(summary: CountySummary, own: CountyUnitView): Difference[] {
  const summed = evaluateReport(summary.report).cells;
  const stated = evaluateReport(own.report).cells;
  const out: Difference[] = [];
  for (const cell of formatIndex(summary.format).cells) {
    const a = stated.get(cell.id)?.value ?? null;
    const b = summed.get(cell.id)?.value ?? null;
    if ((a ?? 0) !== (b ?? 0)) out.push({ cell: cell.id, label: cell.label, own: a, summed: b });
  }
  return out;
}

const numberText = (value: number | null) => (value === null ? '空' : formatCellNumber(value));

function SummaryReport({ summary }: { summary: CountySummary }) {
  const viewer = useReportViewer(summary.report);
  return <ReadOnlyReport viewer={viewer} report={summary.report} tablesOnly />;
}

export function SummaryPanel({ rows }: { rows: readonly CountyRow[] }) {
  const editor = useEditorContext();
  const summary = useCounty((s) => s.summary);
  const summaryFor = useCounty((s) => s.summaryFor);
  const [ownFile, setOwnFile] = useState('');
  const [fetched, setFetched] = useState<CountyUnitView | null>(null);
  const own = fetched !== null && fetched.file === ownFile ? fetched : null;
  const years = [...new Set(rows.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => b - a);
  const formats = [...new Set(rows.map((r) => r.format))];

  useEffect(() => {
    if (summaryFor && (summary === null || summary.year !== summaryFor.year || summary.format !== summaryFor.format)) void loadSummary(editor, summaryFor);
  }, [editor, summary, summaryFor]);

  useEffect(() => {
    const folder = countyOf(editor).getState().read?.folder.path;
    if (ownFile === '' || !folder) return;
    let live = true;
    void editor.api.countyUnit(folder, ownFile).then((result) => {
      if (live && result.ok) setFetched(result.value);
    });
    return () => {
      live = false;
    };
  }, [editor, ownFile]);

  const diff = useMemo(() => (summary && own ? differences(summary, own) : null), [summary, own]);
  if (!summaryFor) return <p className="hint">文件夹中没有能识别年度的报告，无法汇总。</p>;
  const change = (next: { year: number; format: FormatId }) => void loadSummary(editor, next);
  const candidates = rows.filter((r) => r.year === summaryFor.year && r.format === summaryFor.format);
  return (
    <section className="county-summary" aria-label="汇总">
      <div className="county-filter">
        <label>
          报告年度
          <select aria-label="汇总年度" value={summaryFor.year} onChange={(e) => change({ ...summaryFor, year: Number(e.currentTarget.value) })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y} 年度
              </option>
            ))}
          </select>
        </label>
        <label>
          格式
          <select aria-label="汇总格式" value={summaryFor.format} onChange={(e) => change({ ...summaryFor, format: e.currentTarget.value as FormatId })}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {getFormat(f).firstYear}年版（{getFormat(f).source}）
              </option>
            ))}
          </select>
        </label>
        <label>
          本级报告（对照）
          <select aria-label="本级报告" value={ownFile} onChange={(e) => setOwnFile(e.currentTarget.value)}>
            <option value="">不对照</option>
            {candidates.map((r) => (
              <option key={r.file} value={r.file}>
                {r.organ}（{r.file}）
              </option>
            ))}
          </select>
        </label>
        {summary && <span className="hint">计入 {summary.units.length} 个单位，未计入 {summary.excluded.length} 份</span>}
        {summary && (
          <>
            <button type="button" onClick={() => void exportCounty(editor, { kind: 'xlsx' })}>
              导出汇总表…
            </button>
            <button type="button" onClick={() => void exportCounty(editor, { kind: 'summaryDocx' })}>
              导出汇总 Word…
            </button>
          </>
        )}
      </div>
      {summary && (
        <div className="county-summary-body">
          <div className="county-summary-side">
            {summary.excluded.length > 0 && (
              <details open>
                <summary>未计入汇总的报告（{summary.excluded.length}）</summary>
                <ul>
                  {summary.excluded.map((e) => (
                    <li key={e.file}>
                      <strong>{e.organ || e.file}</strong>（{e.file}）：{e.reason}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {diff && (
              <details open>
                <summary>本级报告与各单位之和不同的数值（{diff.length}，仅供参考）</summary>
                <ul>
                  {diff.map((d) => (
                    <li key={d.cell}>
                      {d.label}：本级 {numberText(d.own)}，各单位之和 {numberText(d.summed)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
          <SummaryReport summary={summary} />
        </div>
      )}
    </section>
  );
}
