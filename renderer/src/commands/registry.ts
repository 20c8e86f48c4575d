/**
 * What each editor command of the registry (shared/commands.ts) does and when
 * it is enabled. The menu (by MenuCommand), the toolbar, the start page and
 * the key handler all run commands through runCommand, so a command behaves
 * the same wherever the clerk gives it.
 */
import type { MenuCommand } from '../../../shared/bridge.ts';
import { SECTION_COMMANDS, type EditorCommandId } from '../../../shared/commands.ts';
import { SECTION_KEYS, type SectionKey } from '../../../shared/formats/types.ts';
import { closeRequested, exportPdf, importLastYear, openDocument, printReport, requestExport, saveDocument, settleUnsaved } from '../commands.ts';
import type { Editor } from '../store/context.tsx';
import type { PageKey } from '../store/derive.ts';
import { zoom } from '../view/zoom.ts';
import { closeCountyPage, openCountyPage } from '../county/countyStore.ts';
import type { EditorState } from '../store/editor.ts';

/** What enablement looks at: the editor's state and its undo history. */
export interface CommandContext {
  state: EditorState;
  canUndo: boolean;
  canRedo: boolean;
}

interface Binding {
  run(editor: Editor): void;
  /** Always enabled when omitted. */
  enabled?(context: CommandContext): boolean;
}

const hasReport = ({ state }: CommandContext) => state.report !== null;

/** 基本信息 and the six sections, in the order Ctrl+PageUp/PageDown walk them. */
const PAGE_ORDER: readonly PageKey[] = ['info', ...SECTION_KEYS];

/** Shows a page with focus in its first field. */
function goToPage(editor: Editor, page: PageKey): void {
  editor.actions.goTo({ page });
}

function stepPage(editor: Editor, step: 1 | -1): void {
  const at = PAGE_ORDER.indexOf(editor.store.getState().page);
  const next = PAGE_ORDER[Math.min(PAGE_ORDER.length - 1, Math.max(0, at + step))];
  if (next) goToPage(editor, next);
}

const sectionBindings = Object.fromEntries(
  SECTION_KEYS.map((key: SectionKey) => [SECTION_COMMANDS[key], { run: (editor: Editor) => goToPage(editor, key), enabled: hasReport }]),
) as Record<(typeof SECTION_COMMANDS)[SectionKey], Binding>;

export const BINDINGS: Readonly<Record<EditorCommandId, Binding>> = {
  new: {
    run: (editor) =>
      void settleUnsaved(editor).then((go) => {
        if (!go) return;
        editor.actions.close();
        closeCountyPage(editor);
      }),
  },
  open: { run: (editor) => void openDocument(editor) },
  importLastYear: { run: (editor) => void importLastYear(editor) },
  save: { run: (editor) => void saveDocument(editor), enabled: hasReport },
  saveAs: { run: (editor) => void saveDocument(editor, { as: true }), enabled: hasReport },
  exportDocx: { run: (editor) => requestExport(editor, 'docx'), enabled: hasReport },
  exportText: { run: (editor) => requestExport(editor, 'text'), enabled: hasReport },
  exportHtml: { run: (editor) => requestExport(editor, 'html'), enabled: hasReport },
  exportPdf: { run: (editor) => void exportPdf(editor), enabled: hasReport },
  print: { run: (editor) => void printReport(editor), enabled: hasReport },
  undo: { run: (editor) => editor.actions.undo(), enabled: (c) => c.canUndo },
  redo: { run: (editor) => editor.actions.redo(), enabled: (c) => c.canRedo },
  check: { run: (editor) => editor.actions.openDialog({ kind: 'check' }), enabled: hasReport },
  ...sectionBindings,
  compare: { run: (editor) => goToPage(editor, 'compare'), enabled: hasReport },
  previousSection: { run: (editor) => stepPage(editor, -1), enabled: hasReport },
  nextSection: { run: (editor) => stepPage(editor, 1), enabled: hasReport },
  zoomIn: { run: () => void zoom('in') },
  zoomOut: { run: () => void zoom('out') },
  resetZoom: { run: () => void zoom('reset') },
  help: { run: (editor) => editor.actions.openDialog({ kind: 'help' }) },
  rulePacks: { run: (editor) => editor.actions.openDialog({ kind: 'rulePacks' }) },
  county: {
    run: (editor) =>
      void settleUnsaved(editor).then((go) => {
        if (!go) return;
        editor.actions.close();
        openCountyPage(editor);
      }),
  },
};

export function commandContext(editor: Editor): CommandContext {
  const history = editor.store.temporal.getState();
  return { state: editor.store.getState(), canUndo: history.pastStates.length > 0, canRedo: history.futureStates.length > 0 };
}

export function isEnabled(id: EditorCommandId, context: CommandContext): boolean {
  return BINDINGS[id].enabled?.(context) ?? true;
}

/** Runs a command if it is enabled now; says why not where the clerk could not see it (a menu item). */
export function runCommand(editor: Editor, id: EditorCommandId): boolean {
  const context = commandContext(editor);
  if (!isEnabled(id, context)) {
    if (!context.state.report) editor.actions.notify({ tone: 'info', text: '请先新建或打开一份报告。' });
    return false;
  }
  BINDINGS[id].run(editor);
  return true;
}

/** What the desktop side sends: a registry command by id, a file to open, or the window closing. */
export function runMenuCommand(editor: Editor, command: MenuCommand): void {
  switch (command.kind) {
    case 'openPath':
      void openDocument(editor, command.path);
      return;
    case 'closeRequested':
      void closeRequested(editor);
      return;
    default:
      runCommand(editor, command.kind);
  }
}
