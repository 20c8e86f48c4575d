/**
 * What a clerk sees before a report is open: start a new one (year defaults
 * to last calendar year; the format follows from it), open one, start from
 * last year's, or pick a recent file.
 */
import { useEffect, useState } from 'react';
import type { RecentFile } from '../../../shared/bridge.ts';
import { buttonLabel, commandTitle, declaration, type EditorCommandId } from '../../../shared/commands.ts';
import { formatForYear, getFormat } from '../../../shared/formats/index.ts';
import { newReport, openDocument } from '../commands.ts';
import { runCommand } from '../commands/registry.ts';
import { useEditorContext } from '../store/context.tsx';
import '../help/help.css';

/** What the start page offers besides a new blank report, from the command registry. */
const START_COMMANDS: readonly EditorCommandId[] = ['importLastYear', 'open'];

export const FIRST_REPORT_YEAR = 2019;

export function defaultReportYear(today: Date = new Date()): number {
  return today.getFullYear() - 1;
}

function CommandItem({ id }: { id: EditorCommandId }) {
  const editor = useEditorContext();
  const { help } = declaration(id);
  return (
    <li>
      <button type="button" title={commandTitle(id)} onClick={() => runCommand(editor, id)}>
        {buttonLabel(id)}
      </button>
      {help && <span className="hint">{help}</span>}
    </li>
  );
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
            <select id="new-year" autoFocus value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
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
        <ul className="start-commands">
          {START_COMMANDS.map((id) => (
            <CommandItem key={id} id={id} />
          ))}
        </ul>
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
      <section aria-labelledby="county-heading" className="card">
        <h2 id="county-heading">县级政务公开办公室</h2>
        <ul className="start-commands">
          <CommandItem id="county" />
        </ul>
      </section>
      <ul className="start-commands">
        <CommandItem id="help" />
      </ul>
    </main>
  );
}
