/**
 * 根据表格生成说明: drafts the standard sentences of 二, 三 or 四 from the
 * tables as they stand (and last year's figures the report keeps) into the
 * section's prose, marked as a draft. Computed on the click only.
 */
import { draftSection, draftSections } from '../../../shared/compare/drafts.ts';
import type { SectionKey } from '../../../shared/formats/types.ts';
import { useEditor, useEditorContext } from '../store/context.tsx';

export function DraftButton({ section }: { section: SectionKey }) {
  const editor = useEditorContext();
  const drafts = useEditor((s) => (s.report ? draftSections(s.report.format).includes(section) : false));
  if (!drafts) return null;
  const draft = () => {
    const report = editor.store.getState().report;
    const text = report && draftSection(report, section);
    if (text) editor.actions.insertDraft(section, text);
  };
  return (
    <div className="draft-button">
      <button type="button" onClick={draft}>
        根据表格生成说明
      </button>
      <span className="hint">按本部分表格中的数据写出规范表述，插入到文字说明中，请核对修改</span>
    </div>
  );
}
