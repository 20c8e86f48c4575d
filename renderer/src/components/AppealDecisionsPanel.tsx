/**
 * 四 by decision type (optional): for each of 行政复议 and the two 行政诉讼
 * groups, a count per decision type and the column it counts in, all from
 * the declared data (APPEAL_DECISIONS). Blank result columns of the table
 * show the roll-up; a column the clerk typed keeps its figure and the
 * checks say where the two disagree.
 */
import { memo } from 'react';
import { APPEAL_DECISIONS, APPEAL_RESULTS, type AppealDecisionGroup, type AppealResult } from '../../../shared/formats/appealDecisions.ts';
import { decisionResult, mappingText } from '../../../shared/model/decisions.ts';
import { useActions, useEditor } from '../store/context.tsx';

const COUNT = /^\s*[0-9０-９]{1,6}\s*$/;

function toCount(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  if (!COUNT.test(text)) return null;
  return Number(text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
}

const Group = memo(function Group({ group }: { group: AppealDecisionGroup }) {
  const actions = useActions();
  const decisions = useEditor((s) => s.report?.appealDecisions);
  const counts = decisions?.counts[group.id];
  return (
    <fieldset className="decision-group">
      <legend>{group.label}</legend>
      <table aria-label={`${group.label}·按决定类型`}>
        <thead>
          <tr>
            <th scope="col">决定类型</th>
            <th scope="col">件数</th>
            <th scope="col">计入</th>
          </tr>
        </thead>
        <tbody>
          {group.decisions.map((decision) => {
            const name = `${group.label}·${decision.label}`;
            const result = decisionResult(decisions, group.id, decision);
            return (
              <tr key={decision.id}>
                <th scope="row">{decision.label}</th>
                <td>
                  <input
                    aria-label={`${name}·件数`}
                    inputMode="numeric"
                    defaultValue={counts?.[decision.id] ?? ''}
                    onChange={(event) => {
                      const count = toCount(event.target.value);
                      event.target.setCustomValidity(count === null ? '请填写件数（整数）' : '');
                      if (count !== null) actions.setDecisionCount(group.id, decision.id, count);
                    }}
                    onBlur={() => actions.endTyping()}
                  />
                </td>
                <td>
                  <select
                    aria-label={`${name}·计入`}
                    value={result}
                    onChange={(event) => {
                      const chosen = event.target.value as AppealResult;
                      actions.setDecisionMapping(group.id, decision.id, chosen === decision.rollsUpTo ? undefined : chosen);
                    }}
                  >
                    {APPEAL_RESULTS.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.label}
                        {r.id === decision.rollsUpTo ? '（默认）' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{mappingText(decisions, group.id)}</p>
    </fieldset>
  );
});

export function AppealDecisionsPanel() {
  return (
    <details className="decisions-panel">
      <summary>按决定类型填写（可选）</summary>
      <p className="hint">{APPEAL_DECISIONS.note}</p>
      {APPEAL_DECISIONS.groups.map((group) => (
        <Group key={group.id} group={group} />
      ))}
    </details>
  );
}
