/** The commands a clerk reaches with the mouse; the menu offers the same with shortcuts. */
import { exportPdf, importLastYear, openDocument, printReport, requestExport, saveDocument, settleUnsaved } from '../commands.ts';
import { useEditor, useEditorContext } from '../store/context.tsx';
import { isDirty } from '../store/editor.ts';
import { useStore } from 'zustand';

export function Toolbar() {
  const editor = useEditorContext();
  const { actions } = editor;
  const name = useEditor((s) => s.file?.name ?? '未命名');
  const year = useEditor((s) => s.report?.year);
  const dirty = useEditor(isDirty);
  const canUndo = useStore(editor.store.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(editor.store.temporal, (t) => t.futureStates.length > 0);
  return (
    <header className="toolbar">
      <div className="doc-title" aria-live="polite">
        {dirty && <span className="dirty-mark" aria-label="有未保存的修改">●</span>}
        {name}
        {year !== undefined && <span className="doc-year">{year} 年度</span>}
      </div>
      <div className="toolbar-buttons" role="toolbar" aria-label="工具栏">
        <button type="button" onClick={() => void settleUnsaved(editor).then((go) => go && actions.close())}>
          新建
        </button>
        <button type="button" onClick={() => void openDocument(editor)}>
          打开
        </button>
        <button type="button" onClick={() => void importLastYear(editor)}>
          上年模板
        </button>
        <button type="button" onClick={() => void saveDocument(editor)}>
          保存
        </button>
        <button type="button" onClick={() => void saveDocument(editor, { as: true })}>
          另存为
        </button>
        <span className="separator" />
        <button type="button" onClick={() => actions.undo()} disabled={!canUndo} title="Ctrl+Z">
          撤销
        </button>
        <button type="button" onClick={() => actions.redo()} disabled={!canRedo} title="Ctrl+Y">
          重做
        </button>
        <span className="separator" />
        <button type="button" onClick={() => actions.openDialog({ kind: 'check' })}>
          检查
        </button>
        <button type="button" onClick={() => requestExport(editor, 'docx')}>
          导出 Word
        </button>
        <button type="button" onClick={() => requestExport(editor, 'text')}>
          导出文本
        </button>
        <button type="button" onClick={() => requestExport(editor, 'html')}>
          导出网页
        </button>
        <button type="button" onClick={() => void exportPdf(editor)}>
          导出 PDF
        </button>
        <button type="button" onClick={() => void printReport(editor)}>
          打印
        </button>
      </div>
    </header>
  );
}
