/**
 * The roster: the units the office expects, pasted or loaded from a
 * one-column file, against the units of the chosen year. Every match is
 * shown with the rule that made it, so the office can correct a wrong one.
 */
import { useState } from 'react';
import { checkRoster, parseRoster } from '../../../shared/county/roster.ts';
import type { CountyRow } from '../../../shared/countyBridge.ts';
import { useEditorContext } from '../store/context.tsx';
import { loadRosterFile, setRoster, useCounty } from './countyStore.ts';

export function RosterPanel({ rows, year }: { rows: readonly CountyRow[]; year: number | null }) {
  const editor = useEditorContext();
  const roster = useCounty((s) => s.roster);
  const [draft, setDraft] = useState<string | null>(null);
  const ofYear = rows.filter((r) => year !== null && r.year === year);
  const others = rows.filter((r) => !(year !== null && r.year === year));
  const check = roster.length > 0 ? checkRoster(roster, ofYear, others) : null;
  return (
    <section className="county-roster" aria-label="单位名单" data-scroll-root="">
      <div className="roster-input">
        <label htmlFor="roster-text">应报送的单位（每行一个，可从 Excel 或 Word 粘贴）</label>
        <textarea id="roster-text" rows={8} value={draft ?? roster.join('\n')} onChange={(e) => setDraft(e.currentTarget.value)} />
        <div className="buttons">
          <button type="button" className="primary" disabled={draft === null} onClick={() => void setRoster(editor, parseRoster(draft ?? '')).then(() => setDraft(null))}>
            核对名单
          </button>
          <button type="button" onClick={() => void loadRosterFile(editor).then(() => setDraft(null))}>
            载入名单文件…
          </button>
          <span className="hint">名单保存在该文件夹的审核记录中。</span>
        </div>
      </div>
      {check && (
        <>
          <h3>未收到{year === null ? '' : `${year}年度`}报告的单位（{check.missing.length}）</h3>
          {check.missing.length === 0 ? (
            <p className="hint">名单中的单位都已收到。</p>
          ) : (
            <ul className="roster-missing">
              {check.missing.map((m) => (
                <li key={m.name}>
                  <strong>{m.name}</strong>：{m.reason}
                </li>
              ))}
            </ul>
          )}
          <h3>已对应的单位（{check.matches.length}）</h3>
          <table className="county-table roster-matches">
            <thead>
              <tr>
                <th scope="col">名单中的名称</th>
                <th scope="col">报告中的机关名称</th>
                <th scope="col">对应规则</th>
                <th scope="col">文件</th>
              </tr>
            </thead>
            <tbody>
              {check.matches.map((m) => (
                <tr key={m.name}>
                  <th scope="row">{m.name}</th>
                  <td>{m.organ}</td>
                  <td>{m.how}</td>
                  <td>{m.files.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {check.unlisted.length > 0 && (
            <>
              <h3>名单之外的单位（{check.unlisted.length}）</h3>
              <p>{check.unlisted.join('、')}</p>
            </>
          )}
        </>
      )}
    </section>
  );
}
