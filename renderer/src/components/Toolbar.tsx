/** The registry's toolbar (shared/commands.ts): each button a command, its tooltip the label and shortcut. */
import { memo } from 'react';
import { useStore } from 'zustand';
import { buttonLabel, commandTitle, TOOLBAR, type EditorCommandId } from '../../../shared/commands.ts';
import { isEnabled, runCommand } from '../commands/registry.ts';
import { useEditor, useEditorContext } from '../store/context.tsx';
import { isDirty } from '../store/editor.ts';

const CommandButton = memo(function CommandButton({ id }: { id: EditorCommandId }) {
  const editor = useEditorContext();
  const canUndo = useStore(editor.store.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(editor.store.temporal, (t) => t.futureStates.length > 0);
  const enabled = useEditor((state) => isEnabled(id, { state, canUndo, canRedo }));
  return (
    <button type="button" data-command={id} title={commandTitle(id)} disabled={!enabled} onClick={() => runCommand(editor, id)}>
      {buttonLabel(id)}
    </button>
  );
});

export function Toolbar() {
  const name = useEditor((s) => s.file?.name ?? '未命名');
  const year = useEditor((s) => s.report?.year);
  const dirty = useEditor(isDirty);
  return (
    <header className="toolbar">
      <div className="doc-title" aria-live="polite">
        {dirty && <span className="dirty-mark" aria-label="有未保存的修改">●</span>}
        {name}
        {year !== undefined && <span className="doc-year">{year} 年度</span>}
      </div>
      <div className="toolbar-buttons" role="toolbar" aria-label="工具栏">
        {TOOLBAR.map((entry, i) => (entry === '-' ? <span key={i} className="separator" /> : <CommandButton key={entry} id={entry} />))}
      </div>
    </header>
  );
}
