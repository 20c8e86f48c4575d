/**
 * Long Chinese prose: a roomy text area with a character count. Paragraphs
 * still word for word last year's are named as a draft until each is edited. Input-method
 * composition stays local until it ends.
 */
import { memo, useEffect, useRef } from 'react';
import { carriedParagraphs, lastYearText } from '../../../shared/carryover/paragraphs.ts';
import { useActions, useEditor } from '../store/context.tsx';
import type { NarrativeKey } from '../store/editor.ts';
import { useImeDraft } from './useImeDraft.ts';

/** Characters a reader counts: everything but whitespace. */
export function countCharacters(text: string): number {
  return text.replace(/[\s\u3000]/g, '').length;
}

export const NarrativeEditor = memo(function NarrativeEditor({
  narrative,
  label,
  hint,
  rows = 14,
}: {
  narrative: NarrativeKey;
  label: string;
  hint?: string;
  rows?: number;
}) {
  const actions = useActions();
  const text = useEditor((s) => (s.report ? (narrative === 'preface' ? s.report.preface : s.report.sections[narrative]).text : ''));
  const source = useEditor((s) => (s.report ? (narrative === 'preface' ? s.report.preface : s.report.sections[narrative]).source : 'typed'));
  // A string, so the selector's result is equal while the same paragraphs stay carried.
  const carried = useEditor((s) => {
    if (!s.report) return '';
    const text = (narrative === 'preface' ? s.report.preface : s.report.sections[narrative]).text;
    return carriedParagraphs(text, lastYearText(s.report.lastYear, narrative))
      .map((p) => p.number)
      .join('、');
  });
  const focus = useEditor((s) => (s.focus?.narrative === narrative ? s.focus : null));
  const { draft, handlers } = useImeDraft<HTMLTextAreaElement>((value) => actions.typeNarrative(narrative, value));
  const area = useRef<HTMLTextAreaElement>(null);
  const id = `narrative-${narrative}`;

  useEffect(() => {
    const element = area.current;
    if (!focus || !element) return;
    element.focus();
    if (focus.span) element.setSelectionRange(focus.span.start, focus.span.end);
    element.scrollIntoView({ block: 'center' });
  }, [focus]);

  const shown = draft ?? text;
  return (
    <div className={`narrative source-${source}`}>
      <label htmlFor={id} className="narrative-label">
        {label}
      </label>
      {hint && <p className="hint">{hint}</p>}
      {carried !== '' && (
        <p className="carried-banner" role="note">
          第 {carried} 段是上年报告的文字，仅作草稿：请逐段改写为本年度的情况，改过的段落即不再标记。
        </p>
      )}
      {source === 'imported' && <p className="carried-banner" role="note">以下文字从文件导入，请核对。</p>}
      <textarea
        ref={area}
        id={id}
        rows={rows}
        value={shown}
        spellCheck={false}
        {...handlers}
        onBlur={() => actions.endTyping()}
      />
      <p className="word-count" aria-live="polite">
        字数：{countCharacters(shown)}
      </p>
    </div>
  );
});
