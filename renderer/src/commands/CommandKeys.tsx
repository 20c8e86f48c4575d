/**
 * The one key handler: every registry shortcut of an editor command, wherever
 * focus is (the desktop menu only shows them). Also puts focus in a page's
 * first field when a command asked to go to a page (Ctrl+1…6, 新建).
 */
import { useEffect } from 'react';
import { commandForKey, isEditorCommand } from '../../../shared/commands.ts';
import { useEditor, useEditorContext, type Editor } from '../store/context.tsx';
import { firstField } from '../view/arrival.ts';
import { runCommand } from './registry.ts';

export function handleCommandKey(editor: Editor, event: KeyboardEvent): void {
  // Chromium's autofill sends keydown events without a key.
  if (typeof event.key !== 'string') return;
  const id = commandForKey(event);
  if (!id || !isEditorCommand(id) || event.isComposing) return;
  // A dialog owns the keyboard (its fields keep their own undo); only 帮助 reaches past it.
  if (editor.store.getState().dialog && id !== 'help') return;
  event.preventDefault();
  runCommand(editor, id);
}

function PageFocus() {
  // Requests that name no cell, paragraph or 基本信息 field mean "the page's first field".
  const request = useEditor((s) => (s.focus && !s.focus.cell && !s.focus.narrative && !s.focus.field ? s.focus : null));
  useEffect(() => {
    if (!request) return;
    const field = firstField(document.querySelector('.page') ?? document.body);
    field?.focus();
    field?.scrollIntoView?.({ block: 'nearest' });
  }, [request]);
  return null;
}

export function CommandKeys() {
  const editor = useEditorContext();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => handleCommandKey(editor, event);
    // Capture: a shortcut is the registry's before any field sees it (Ctrl+Z is the document's undo, not the field's).
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [editor]);
  return <PageFocus />;
}
