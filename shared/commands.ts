/**
 * Every command a clerk can give, declared once: its id, its Chinese label,
 * its shortcut and where it appears. The desktop menu (electron/main/menu.ts),
 * the toolbar, the start page, the one key handler and the help page all read
 * these declarations; the editor binds what each editor command does and when
 * it is enabled (renderer/src/commands/registry.ts).
 *
 * Pure data and pure functions: main imports this without React or the DOM.
 */
import { SECTION_TITLES } from './formats/common.ts';
import type { SectionKey } from './formats/types.ts';

/** A key chord. `key` is KeyboardEvent.key as Electron's accelerators name it: 'S', 'PageUp', 'F1', '1', '='. */
export interface Shortcut {
  key: string;
  ctrl?: boolean;
  shift?: boolean;
}

/**
 * Who carries a command out: the editor (every document command, run by the
 * key handler, the toolbar and menu clicks), the desktop side (quit, about)
 * or the focused text field (cut, copy, paste, select all).
 */
export type CommandRunner = 'editor' | 'desktop' | 'field';

/** Electron's built-in menu roles the desktop and field commands map to. */
export type CommandRole = 'cut' | 'copy' | 'paste' | 'selectAll';

export interface CommandDeclaration {
  /** As the menu shows it; "…" where the command asks something before it acts. */
  label: string;
  /** The first is the one shown; all of them work. */
  shortcuts?: readonly Shortcut[];
  runsIn: CommandRunner;
  role?: CommandRole;
  /** What the help page says the command does, where the label alone does not. */
  help?: string;
}

const SECTION_SHORTCUT_KEYS = ['1', '2', '3', '4', '5', '6'] as const;

function sectionCommand(key: SectionKey, index: number): CommandDeclaration & { runsIn: 'editor' } {
  return {
    label: `${key}、${SECTION_TITLES[key]}`,
    shortcuts: [{ key: SECTION_SHORTCUT_KEYS[index]!, ctrl: true }],
    runsIn: 'editor',
    help: `转到第${key}部分，光标放在第一个填写处`,
  };
}

export const COMMANDS = {
  new: { label: '新建', shortcuts: [{ key: 'N', ctrl: true }], runsIn: 'editor', help: '回到开始页，新建一份报告' },
  open: { label: '打开…', shortcuts: [{ key: 'O', ctrl: true }], runsIn: 'editor', help: '打开年报软件保存的 .nianbao 文件' },
  importLastYear: {
    label: '以上年报告为模板新建…',
    runsIn: 'editor',
    help: '读取上年的报告（年报文件、Word 或文本），结转上年数据，新建本年度报告',
  },
  save: { label: '保存', shortcuts: [{ key: 'S', ctrl: true }], runsIn: 'editor' },
  saveAs: { label: '另存为…', shortcuts: [{ key: 'S', ctrl: true, shift: true }], runsIn: 'editor' },
  exportDocx: { label: '导出 Word…', runsIn: 'editor', help: '按公文版式导出 Word 文档，用于报送和公开' },
  exportText: { label: '导出文本…', runsIn: 'editor' },
  exportHtml: { label: '导出网页…', runsIn: 'editor' },
  exportPdf: { label: '导出 PDF…', runsIn: 'editor' },
  print: { label: '打印…', shortcuts: [{ key: 'P', ctrl: true }], runsIn: 'editor' },
  quit: { label: '退出', shortcuts: [{ key: 'Q', ctrl: true }], runsIn: 'desktop' },
  undo: { label: '撤销', shortcuts: [{ key: 'Z', ctrl: true }], runsIn: 'editor', help: '撤销上一步修改，并转到改动的位置' },
  redo: {
    label: '重做',
    shortcuts: [
      { key: 'Y', ctrl: true },
      { key: 'Z', ctrl: true, shift: true },
    ],
    runsIn: 'editor',
  },
  cut: { label: '剪切', shortcuts: [{ key: 'X', ctrl: true }], runsIn: 'field', role: 'cut' },
  copy: { label: '复制', shortcuts: [{ key: 'C', ctrl: true }], runsIn: 'field', role: 'copy' },
  paste: {
    label: '粘贴',
    shortcuts: [{ key: 'V', ctrl: true }],
    runsIn: 'field',
    role: 'paste',
    help: '从 Excel 或 Word 表格复制的一块数值，粘贴到当前单元格起的相应位置',
  },
  selectAll: { label: '全选', shortcuts: [{ key: 'A', ctrl: true }], runsIn: 'field', role: 'selectAll' },
  check: { label: '检查…', runsIn: 'editor', help: '列出全部错误和提示' },
  section1: sectionCommand('一', 0),
  section2: sectionCommand('二', 1),
  section3: sectionCommand('三', 2),
  section4: sectionCommand('四', 3),
  section5: sectionCommand('五', 4),
  section6: sectionCommand('六', 5),
  compare: {
    label: '与上年对比',
    runsIn: 'editor',
    help: '本年与上年的数据、主要指标、变化最大的数据和图解（用本报告结转的上年数据，或添加上年的报告文件）',
  },
  previousSection: { label: '上一部分', shortcuts: [{ key: 'PageUp', ctrl: true }], runsIn: 'editor' },
  nextSection: { label: '下一部分', shortcuts: [{ key: 'PageDown', ctrl: true }], runsIn: 'editor' },
  // The editor zooms itself (remembered, never on paper); '+' is Ctrl+Shift+= or the keypad's.
  zoomIn: {
    label: '放大',
    shortcuts: [
      { key: '=', ctrl: true },
      { key: '+', ctrl: true },
      { key: '+', ctrl: true, shift: true },
    ],
    runsIn: 'editor',
  },
  zoomOut: {
    label: '缩小',
    shortcuts: [
      { key: '-', ctrl: true },
      { key: '_', ctrl: true, shift: true },
    ],
    runsIn: 'editor',
  },
  resetZoom: { label: '实际大小', shortcuts: [{ key: '0', ctrl: true }], runsIn: 'editor', help: '恢复为 100%' },
  help: { label: '帮助', shortcuts: [{ key: 'F1' }], runsIn: 'editor', help: '怎样填写、各种颜色的含义、快捷键' },
  // Local rule packs (issue 14).
  rulePacks: { label: '规则包…', runsIn: 'editor', help: '载入市、县下发的本地规则包，检查时一并按其要求检查' },
  about: { label: '关于年报', runsIn: 'desktop' },
  // 汇总与审核 (issue 17): the county office's page, a second start-page choice.
  county: {
    label: '汇总与审核各单位年报…',
    runsIn: 'editor',
    help: '读取一个文件夹中各单位的年报：逐份检查、核对名单、按年度汇总，记录审核意见',
  },
} as const satisfies Record<string, CommandDeclaration>;

export type CommandId = keyof typeof COMMANDS;

/** The commands the editor carries out: the desktop menu sends these to it by id. */
export type EditorCommandId = { [K in CommandId]: (typeof COMMANDS)[K]['runsIn'] extends 'editor' ? K : never }[CommandId];

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

export const EDITOR_COMMAND_IDS = COMMAND_IDS.filter(isEditorCommand);

export function isEditorCommand(id: CommandId): id is EditorCommandId {
  return COMMANDS[id].runsIn === 'editor';
}

export function declaration(id: CommandId): CommandDeclaration {
  return COMMANDS[id];
}

/** The section commands in order, one per section 一…六. */
export const SECTION_COMMANDS = {
  一: 'section1',
  二: 'section2',
  三: 'section3',
  四: 'section4',
  五: 'section5',
  六: 'section6',
} as const satisfies Record<SectionKey, EditorCommandId>;

// ---------------------------------------------------------------------------
// The desktop menu's layout. Entries are command ids; 'recent' is the list of
// recently opened files, '-' a separator.

export type MenuEntry = CommandId | '-' | 'recent' | { submenu: string; items: readonly MenuEntry[] };

export interface MenuDeclaration {
  label: string;
  items: readonly MenuEntry[];
}

export const MENUS: readonly MenuDeclaration[] = [
  {
    label: '文件(&F)',
    items: ['new', 'open', 'importLastYear', 'county', 'recent', '-', 'save', 'saveAs', '-', 'exportDocx', 'exportText', 'exportHtml', 'exportPdf', '-', 'print', '-', 'quit'],
  },
  { label: '编辑(&E)', items: ['undo', 'redo', '-', 'cut', 'copy', 'paste', 'selectAll', '-', 'check'] },
  {
    label: '查看(&V)',
    items: [
      { submenu: '转到', items: ['section1', 'section2', 'section3', 'section4', 'section5', 'section6', '-', 'previousSection', 'nextSection'] },
      'compare',
      '-',
      'zoomIn',
      'zoomOut',
      'resetZoom',
    ],
  },
  { label: '设置(&S)', items: ['rulePacks'] },
  { label: '帮助(&H)', items: ['help', '-', 'about'] },
];

/** The editor's toolbar: the commands a clerk reaches with the mouse, in groups. */
export const TOOLBAR: readonly (EditorCommandId | '-')[] = [
  'new',
  'open',
  'importLastYear',
  'save',
  'saveAs',
  '-',
  'undo',
  'redo',
  '-',
  'check',
  'exportDocx',
  'exportText',
  'exportHtml',
  'exportPdf',
  'print',
  '-',
  // Local rule packs (issue 14): the browser host has no menu bar.
  'rulePacks',
  'help',
];

// ---------------------------------------------------------------------------
// Shortcuts as each place needs them.

/** Electron's accelerator, e.g. CmdOrCtrl+Shift+S. */
export function accelerator(shortcut: Shortcut): string {
  return [shortcut.ctrl ? 'CmdOrCtrl' : '', shortcut.shift ? 'Shift' : '', shortcut.key].filter(Boolean).join('+');
}

/** As a clerk reads it, e.g. Ctrl+Shift+S. */
export function shortcutText(shortcut: Shortcut): string {
  return [shortcut.ctrl ? 'Ctrl' : '', shortcut.shift ? 'Shift' : '', shortcut.key].filter(Boolean).join('+');
}

/** The shortcut a command shows, if it has one. */
export function primaryShortcut(id: CommandId): Shortcut | undefined {
  const shortcuts: readonly Shortcut[] | undefined = declaration(id).shortcuts;
  return shortcuts?.[0];
}

/** The label where no "…" is wanted (a button, the help page's list): 另存为… → 另存为. */
export function buttonLabel(id: CommandId): string {
  return declaration(id).label.replace(/…$/, '');
}

/** A toolbar tooltip: the label and its shortcut, e.g. 保存 (Ctrl+S). */
export function commandTitle(id: CommandId): string {
  const shortcut = primaryShortcut(id);
  const { help } = declaration(id);
  const head = shortcut ? `${buttonLabel(id)} (${shortcutText(shortcut)})` : buttonLabel(id);
  return help ? `${head}\n${help}` : head;
}

/** The parts of a key event a chord is made of (a DOM KeyboardEvent has them). */
export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function chordName(ctrl: boolean, shift: boolean, key: string): string {
  return `${ctrl ? 'ctrl+' : ''}${shift ? 'shift+' : ''}${key.toLowerCase()}`;
}

const BY_CHORD = new Map<string, CommandId>();
for (const id of COMMAND_IDS) {
  const shortcuts: readonly Shortcut[] = declaration(id).shortcuts ?? [];
  for (const s of shortcuts) {
    const name = chordName(Boolean(s.ctrl), Boolean(s.shift), s.key);
    const taken = BY_CHORD.get(name);
    if (taken) throw new Error(`shortcut ${name} is declared by both ${taken} and ${id}`);
    BY_CHORD.set(name, id);
  }
}

/**
 * The command a key press gives, if any. Cheap for plain typing: a key
 * without Ctrl that is not a function key returns at once.
 */
export function commandForKey(event: KeyChord): CommandId | undefined {
  if (event.altKey) return undefined;
  const ctrl = event.ctrlKey || event.metaKey;
  if (!ctrl && (event.key.length < 2 || event.key[0] !== 'F')) return undefined;
  return BY_CHORD.get(chordName(ctrl, event.shiftKey, event.key));
}
