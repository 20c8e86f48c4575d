/**
 * What 打印 and 导出 PDF put on paper: the same layout the Word and HTML
 * exporters use (shared/export/layout.ts), styled after GB/T 9704 by
 * print.css. Mounted only while printing; the editor is hidden on paper.
 */
import { layoutReport, type LayoutCell, type ParagraphLayout, type TableLayout } from '../../../shared/export/layout.ts';
import { chartCaption, chartSvg, reportCharts } from '../../../shared/compare/charts.ts';
import type { Report } from '../../../shared/model/report.ts';
import { useChartsAppendix } from '../compare/chartsAppendix.ts';
import './print.css';

function Paragraphs({ items }: { items: ParagraphLayout[] }) {
  return (
    <>
      {items.map((p, i) => (
        <p key={i} className={p.kind}>
          {p.text}
        </p>
      ))}
    </>
  );
}

function Cell({ cell }: { cell: LayoutCell }) {
  const span = { colSpan: cell.colSpan > 1 ? cell.colSpan : undefined, rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined };
  if (cell.role === 'value' || cell.role === 'filler') return <td {...span}>{cell.text}</td>;
  return (
    <th {...span} className={cell.role}>
      {cell.text}
    </th>
  );
}

function Rows({ rows }: { rows: TableLayout['rows'] }) {
  return rows.map((row, i) => (
    <tr key={i}>
      {row.cells.map((cell) => (
        <Cell key={cell.col} cell={cell} />
      ))}
    </tr>
  ));
}

function Table({ table }: { table: TableLayout }) {
  const total = table.columnWidthsMm.reduce((a, b) => a + b, 0);
  const head = table.rows.slice(0, table.repeatHeaderRows);
  const body = table.rows.slice(table.repeatHeaderRows);
  return (
    <>
      {table.note && <p className="note">{table.note}</p>}
      <table>
        <colgroup>
          {table.columnWidthsMm.map((mm, i) => (
            <col key={i} style={{ width: `${((100 * mm) / total).toFixed(2)}%` }} />
          ))}
        </colgroup>
        {head.length > 0 && (
          <thead>
            <Rows rows={head} />
          </thead>
        )}
        <tbody>
          <Rows rows={body} />
        </tbody>
      </table>
    </>
  );
}

/** The 图解 on pages of its own: the charts and captions the Word appendix has, each chart whole on a page. */
function ChartsAppendix({ report }: { report: Report }) {
  return (
    <section className="charts-appendix">
      <h1>
        <span>图解</span>
      </h1>
      {reportCharts(report).map((chart, i) => (
        <figure key={chart.id}>
          {/* Inline, not an <img>: it is laid out in the same frame the print view mounts in, with nothing to load. */}
          <div className="chart" dangerouslySetInnerHTML={{ __html: chartSvg(chart) }} />
          <figcaption>{`图${i + 1}\u3000${chartCaption(chart)}`}</figcaption>
        </figure>
      ))}
    </section>
  );
}

export function PrintView({ report }: { report: Report }) {
  const layout = layoutReport(report);
  const charts = useChartsAppendix();
  return (
    <article className="print-view" aria-hidden="true">
      <h1>
        {layout.titleLines.map((line, i) => (
          <span key={i}>{line}</span>
        ))}
      </h1>
      <Paragraphs items={layout.preface} />
      {layout.sections.map((section) => (
        <section key={section.key}>
          <h2>{section.heading}</h2>
          <Paragraphs items={section.paragraphs} />
          {section.tables.map((table) => (
            <Table key={table.tables.join('+')} table={table} />
          ))}
        </section>
      ))}
      {layout.signature && (
        <div className="signature">
          <p>{layout.signature.organ}</p>
          <p>{layout.signature.date}</p>
        </div>
      )}
      {charts && <ChartsAppendix report={report} />}
    </article>
  );
}
