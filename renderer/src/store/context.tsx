/**
 * The store reaches components through context, so each test renders with a
 * store of its own; the app makes one at start.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { NianbaoApi } from '../../../shared/bridge.ts';
import { createEditorStore, editorActions, type EditorActions, type EditorState, type EditorStore } from './editor.ts';

export interface Editor {
  store: EditorStore;
  actions: EditorActions;
  api: NianbaoApi;
}

const EditorContext = createContext<Editor | null>(null);

export function createEditor(api: NianbaoApi): Editor {
  const store = createEditorStore();
  return { store, actions: editorActions(store), api };
}

export function EditorProvider({ editor, children }: { editor: Editor; children: ReactNode }) {
  return <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>;
}

export function useEditorContext(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditorContext outside EditorProvider');
  return editor;
}

/** Subscribe to one slice; return primitives or stable objects (zustand 5 compares by identity). */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorContext().store, selector);
}

export function useActions(): EditorActions {
  return useEditorContext().actions;
}
