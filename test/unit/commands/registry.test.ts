/** The command registry: every place a command appears is built from its one declaration. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MenuCommandSchema } from '../../../shared/bridge.ts';
import {
  accelerator,
  COMMAND_IDS,
  commandForKey,
  commandTitle,
  declaration,
  EDITOR_COMMAND_IDS,
  MENUS,
  primaryShortcut,
  shortcutText,
  TOOLBAR,
  type CommandId,
  type KeyChord,
  type MenuEntry,
  type Shortcut,
} from '../../../shared/commands.ts';
import { buildMenuTemplate } from '../../../electron/main/menu.ts';

/** The key event a clerk's hands make for a shortcut (Shift turns letters upper case, without Shift they are lower case). */
function press(shortcut: Shortcut, extra: Partial<KeyChord> = {}): KeyChord {
  const key = shortcut.key.length === 1 && !shortcut.shift ? shortcut.key.toLowerCase() : shortcut.key;
  return { key, ctrlKey: Boolean(shortcut.ctrl), metaKey: false, shiftKey: Boolean(shortcut.shift), altKey: false, ...extra };
}

function menuIds(entries: readonly MenuEntry[]): CommandId[] {
  return entries.flatMap((e) => (e === '-' || e === 'recent' ? [] : typeof e === 'object' ? menuIds(e.items) : [e]));
}

/** Menu items in order, submenus flattened, without separators and the recent-files list. */
function templateItems(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => {
    if (item.type === 'separator' || item.label === '最近打开') return [];
    if (Array.isArray(item.submenu)) return templateItems(item.submenu);
    return [item];
  });
}

describe('the command registry', () => {
  const withShortcuts = COMMAND_IDS.flatMap((id) => (declaration(id).shortcuts ?? []).map((s) => [id, shortcutText(s), s] as const));

  it('declares the usual Windows shortcuts', () => {
    expect(withShortcuts.length).toBeGreaterThan(20);
    expect(shortcutText(primaryShortcut('save')!)).toBe('Ctrl+S');
    expect(shortcutText(primaryShortcut('saveAs')!)).toBe('Ctrl+Shift+S');
    expect(shortcutText(primaryShortcut('section3')!)).toBe('Ctrl+3');
    expect(shortcutText(primaryShortcut('nextSection')!)).toBe('Ctrl+PageDown');
    expect(shortcutText(primaryShortcut('help')!)).toBe('F1');
  });

  it.each(withShortcuts)('%s is reached by %s', (id, _text, shortcut) => {
    expect(commandForKey(press(shortcut))).toBe(id);
    // Cmd does on a Mac what Ctrl does elsewhere.
    if (shortcut.ctrl) expect(commandForKey(press(shortcut, { ctrlKey: false, metaKey: true }))).toBe(id);
    // Alt makes another chord: the menu bar's access keys are Alt's.
    expect(commandForKey(press(shortcut, { altKey: true }))).toBeUndefined();
  });

  it('leaves plain typing alone', () => {
    for (const key of ['s', 'S', '1', 'Enter', 'ArrowLeft', 'F', 'PageDown']) {
      expect(commandForKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false })).toBeUndefined();
    }
  });

  it('shows the shortcut in a tooltip', () => {
    expect(commandTitle('save')).toBe('保存 (Ctrl+S)');
    expect(commandTitle('saveAs')).toBe('另存为 (Ctrl+Shift+S)');
    expect(commandTitle('exportDocx')).toMatch(/^导出 Word\n/);
  });

  it('puts every editor command in the menu, and only declared ones in the toolbar', () => {
    const inMenu = new Set(MENUS.flatMap((m) => menuIds(m.items)));
    expect(EDITOR_COMMAND_IDS.filter((id) => !inMenu.has(id))).toEqual([]);
    for (const entry of TOOLBAR) if (entry !== '-') expect(EDITOR_COMMAND_IDS).toContain(entry);
  });

  it('sends editor commands, and only those, across the bridge', () => {
    for (const id of EDITOR_COMMAND_IDS) expect(MenuCommandSchema.safeParse({ kind: id }).success).toBe(true);
    for (const id of COMMAND_IDS.filter((id) => !EDITOR_COMMAND_IDS.includes(id as never))) {
      expect(MenuCommandSchema.safeParse({ kind: id }).success).toBe(false);
    }
    expect(MenuCommandSchema.safeParse({ kind: 'openPath', path: '/a.nianbao' }).success).toBe(true);
  });
});

describe('the desktop menu', () => {
  const send = vi.fn();
  const quit = vi.fn();
  const about = vi.fn();
  const template = buildMenuTemplate({ send, quit, about }, []);
  const items = templateItems(template);
  const ids = MENUS.flatMap((m) => menuIds(m.items));

  it('has the registry’s labels, in the registry’s order', () => {
    expect(template.map((m) => m.label)).toEqual(MENUS.map((m) => m.label));
    expect(items.map((i) => i.label)).toEqual(ids.map((id) => declaration(id).label));
  });

  it.each(ids.map((id, i) => [id, i] as const))('%s: accelerator and action from the registry', (id, i) => {
    const item = items[i]!;
    const shortcut = primaryShortcut(id);
    expect(item.accelerator).toBe(shortcut ? accelerator(shortcut) : undefined);
    const command = declaration(id);
    if (command.role) {
      expect(item.role).toBe(command.role);
    } else if (command.runsIn === 'editor') {
      // The editor's key handler takes the key; a registered accelerator would run it twice.
      if (shortcut) expect(item.registerAccelerator).toBe(false);
      (item.click as () => void)();
      expect(send).toHaveBeenLastCalledWith({ kind: id });
    } else {
      (item.click as () => void)();
      expect(quit.mock.calls.length + about.mock.calls.length).toBeGreaterThan(0);
    }
  });

  it('lists recent files', () => {
    const withRecent = buildMenuTemplate({ send, quit, about }, [{ path: '/docs/a.nianbao', name: 'a.nianbao', openedAt: '2025-01-01T00:00:00Z' }]);
    const file = withRecent[0]!.submenu as MenuItemConstructorOptions[];
    const recent = file.find((i) => i.label === '最近打开')!.submenu as MenuItemConstructorOptions[];
    (recent[0]!.click as () => void)();
    expect(send).toHaveBeenLastCalledWith({ kind: 'openPath', path: '/docs/a.nianbao' });
  });
});
