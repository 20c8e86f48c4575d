/**
 * 汇总与审核各单位年报: a folder of the units' reports read through the one
 * front door, one row per unit (sortable, filterable), the unit open beside
 * the table read-only with its findings and the office's verdicts, the
 * roster, and the 汇总 of one year in the official layout.
 */
import type { CountyTab } from './countyStore.ts';
import type { DragEvent } from 'react';
import { cancelRead, chooseAndRead, closeCountyPage, countyOf, exportCounty, openUnit, readDropped, readFolder, useCounty } from './countyStore.ts';
import { useEditorContext } from '../store/context.tsx';
import { RosterPanel } from './RosterPanel.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { UnitTable } from './UnitTable.tsx';
import { UnitView } from './UnitView.tsx';
import './county.css';

const TABS: { key: CountyTab; label: string }[] = [
  { key: 'units', label: '各单位' },
  { key: 'roster', label: '名单核对' },
  { key: 'summary', label: '汇总' },
];

function Progress() {
  const editor = useEditorContext();
  const progress = useCounty((s) => s.progress);
  if (!progress) return null;
  return (
    <div className="county-progress" role="status">
      <progress aria-label="读取进度" max={Math.max(progress.total, 1)} value={progress.done} />
      <span>
        正在读取 {progress.done} / {progress.total || '…'} 个文件
      </span>
      <button type="button" onClick={() => void cancelRead(editor)}>
        取消
      </button>
    </div>
  );
}

export function CountyPage() {
  const editor = useEditorContext();
  const store = countyOf(editor);
  const read = useCounty((s) => s.read);
  const reading = useCounty((s) => s.reading);
  const message = useCounty((s) => s.message);
  const tab = useCounty((s) => s.tab);
  const sort = useCounty((s) => s.sort);
  const filter = useCounty((s) => s.filter);
  const unit = useCounty((s) => s.unit);
  const summaryYear = useCounty((s) => s.summaryFor?.year ?? null);
  const office = useCounty((s) => s.office);

  // A drop here is the page's own: stopped before the window-wide drop would open the file in the editor.
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    void readDropped(editor, event.dataTransfer.files);
  };

  return (
    <main className="county-page" aria-label="汇总与审核各单位年报" onDrop={onDrop}>
      <div className="toolbar county-toolbar">
        <button type="button" onClick={() => closeCountyPage(editor)}>
          返回
        </button>
        <span className="doc-title">{read ? read.folder.name : '汇总与审核各单位年报'}</span>
        <button type="button" className={read ? undefined : 'primary'} disabled={reading} onClick={() => void chooseAndRead(editor)}>
          选择文件夹…
        </button>
        {read && (
          <button type="button" disabled={reading} onClick={() => void readFolder(editor, read.folder.path)}>
            重新读取
          </button>
        )}
        {read && (
          <>
            <input aria-label="落款单位" placeholder="落款单位（本办公室）" value={office} onChange={(e) => store.setState({ office: e.currentTarget.value })} />
            <button type="button" disabled={reading} title="为每个有问题的单位各生成一份检查意见（Word），保存到选择的文件夹" onClick={() => void exportCounty(editor, { kind: 'replies' })}>
              生成全部检查意见…
            </button>
          </>
        )}
        {read && (
          <div className="county-tabs" role="tablist">
            {TABS.map((t) => (
              <button key={t.key} type="button" role="tab" aria-selected={tab === t.key} onClick={() => store.setState({ tab: t.key })}>
                {t.label}
              </button>
            ))}
          </div>
        )}
      </div>
      <Progress />
      {message && (
        <p className="county-message error" role="alert">
          {message}
        </p>
      )}
      {!read && !reading && (
        <p className="hint county-intro">
          选择或拖入存放各单位报告的文件夹（可含子文件夹），也可拖入几份报告：其中每个文件都经与“打开”相同的入口读取和检查，不能读取的文件列出原因；可核对名单，并按年度汇总。审核意见保存在该文件夹的“年报汇总审核.json”中，不改动各单位的报告。
        </p>
      )}
      {read && (
        <>
          {(read.cancelled || read.notes.length > 0 || read.unreadable.length > 0) && (
            <div className="county-notes">
              {read.cancelled && <p className="county-message">已取消：只列出取消前读取的报告。</p>}
              {read.notes.map((note) => (
                <p key={note} className="hint">
                  {note}
                </p>
              ))}
              {read.unreadable.length > 0 && (
                <details>
                  <summary>无法读取的文件（{read.unreadable.length}）</summary>
                  <ul className="county-unreadable">
                    {read.unreadable.map((u) => (
                      <li key={u.file}>
                        <strong>{u.file}</strong>：{u.message}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          )}
          {tab === 'units' && (
            <div className={`county-body${unit ? ' with-unit' : ''}`}>
              <UnitTable
                rows={read.rows}
                sort={sort}
                filter={filter}
                selected={unit?.file ?? null}
                onSort={(next) => store.setState({ sort: next })}
                onFilter={(next) => store.setState({ filter: next })}
                onOpen={(file) => void openUnit(editor, file)}
              />
              {unit && <UnitView key={unit.file} view={unit} onClose={() => store.setState({ unit: null })} />}
            </div>
          )}
          {tab === 'roster' && <RosterPanel rows={read.rows} year={summaryYear} />}
          {tab === 'summary' && <SummaryPanel rows={read.rows} />}
        </>
      )}
    </main>
  );
}
