/**
 * The office's verdict on one finding: 确认 (the unit must correct it) or
 * 不采纳 (the office accepts the report as it is), with a comment; saved in
 * the folder's workspace file, never in the unit's report.
 */
import { useState } from 'react';
import type { Finding } from '../../../shared/checks/types.ts';
import { VERDICTS, type VerdictKind } from '../../../shared/county/workspace.ts';
import { useEditorContext } from '../store/context.tsx';
import { setVerdict, useCounty } from './countyStore.ts';

export function VerdictControl({ file, finding }: { file: string; finding: Finding }) {
  const editor = useEditorContext();
  const saved = useCounty((s) => s.verdicts[file]?.[finding.key]);
  const [comment, setComment] = useState(saved?.comment ?? '');
  const choose = (verdict: VerdictKind | null) => void setVerdict(editor, file, finding.key, verdict === null ? null : { verdict, comment: comment.trim() });
  return (
    <div className="verdict" role="group" aria-label="审核意见">
      {VERDICTS.map((kind) => (
        <button key={kind} type="button" aria-pressed={saved?.verdict === kind} className={saved?.verdict === kind ? 'chosen' : undefined} onClick={() => choose(kind)}>
          {kind}
        </button>
      ))}
      <input
        aria-label="审核说明"
        placeholder="说明（可选）"
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        onBlur={() => saved && comment.trim() !== saved.comment && choose(saved.verdict)}
      />
      {saved && (
        <button type="button" onClick={() => choose(null)}>
          撤销
        </button>
      )}
    </div>
  );
}
