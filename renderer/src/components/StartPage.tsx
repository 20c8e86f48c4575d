/**
 * What a clerk sees before a report is open: start a new one (year defaults
 * to last calendar year; the format follows from it), open one, start from
 * last year's, or pick a recent file.
 */
import { useEffect, useState } from 'react';
import type { RecentFile } from '../../../shared/bridge.ts';
import { formatForYear, getFormat } from '../../../shared/formats/index.ts';
import { importLastYear, newReport, openDocument } from '../commands.ts';
import { useEditorContext } from '../store/context.tsx';

export const FIRST_REPORT_YEAR = 2019;

export function defaultReportYear(today: Date = new Date()): number {
  return today.getFullYear() - 1;
}

export function StartPage() {
  const editor = useEditorContext();
  const latest = defaultReportYear() + 1;
  const [year, setYear] = useState(defaultReportYear());
  const [organ, setOrgan] = useState('');
  const [recent, setRecent] = useState<RecentFile[]>([]);

  useEffect(() => {
    let live = true;
    void editor.api.listRecent().then((result) => {
      if (live && result.ok) setRecent(result.value);
    });
    return () => {
      live = false;
    };
  }, [editor]);

  const years = Array.from({ length: latest - FIRST_REPORT_YEAR + 1 }, (_, i) => latest - i);
  const format = getFormat(formatForYear(year));
  return (
    <main className="start-page">
      <h1>政府信息公开工作年度报告</h1>
      <section aria-labelledby="new-heading" className="card">
        <h2 id="new-heading">新建报告</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void newReport(editor, { year, organ });
          }}
        >
          <div className="field-row">
            <label htmlFor="new-year">报告年度</label>
            <select id="new-year" value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y} 年度
                </option>
              ))}
            </select>
            <span className="hint">
              使用 {format.firstYear} 年版格式（{format.source}）
            </span>
          </div>
          <div className="field-row">
            <label htmlFor="new-organ">机关名称</label>
            <input id="new-organ" value={organ} placeholder="例如：某某县某某镇人民政府" onChange={(e) => setOrgan(e.currentTarget.value)} />
          </div>
          <button type="submit" className="primary">
            新建
          </button>
        </form>
      </section>
      <section aria-labelledby="other-heading" className="card">
        <h2 id="other-heading">从已有文件开始</h2>
        <div className="buttons">
          <button type="button" onClick={() => void importLastYear(editor)}>
            以上年报告为模板新建（年报文件、Word、文本）
          </button>
          <button type="button" onClick={() => void openDocument(editor)}>
            打开报告
          </button>
        </div>
        {recent.length > 0 && (
          <>
            <h3>最近打开</h3>
            <ul className="recent">
              {recent.map((file) => (
                <li key={file.path}>
                  <button type="button" onClick={() => void openDocument(editor, file.path)} title={file.path}>
                    {file.name}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
