/**
 * The Chinese application menu, built from the command registry
 * (shared/commands.ts). Editor commands go to the editor as MenuCommands (its
 * store owns the document and its undo history); their shortcuts are shown
 * here but handled by the editor's one key handler, so a key and a click take
 * the same path. Clipboard commands use Electron's built-in roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../../shared/bridge.ts';
import { accelerator, declaration, isEditorCommand, MENUS, primaryShortcut, type CommandId, type MenuEntry } from '../../shared/commands.ts';

export interface MenuActions {
  send(command: MenuCommand): void;
  about(): void;
  quit(): void;
}

export function buildMenuTemplate(actions: MenuActions, recent: readonly RecentFile[]): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: '（无）', enabled: false }]
      : recent.map((file, i) => ({
          label: `${i + 1}. ${file.name}`,
          toolTip: file.path,
          click: () => actions.send({ kind: 'openPath', path: file.path }),
        }));

  const desktop: Partial<Record<CommandId, () => void>> = { quit: () => actions.quit(), about: () => actions.about() };

  const commandItem = (id: CommandId): MenuItemConstructorOptions => {
    const command = declaration(id);
    const shortcut = primaryShortcut(id);
    const item: MenuItemConstructorOptions = { label: command.label };
    if (shortcut) item.accelerator = accelerator(shortcut);
    if (command.role) {
      item.role = command.role;
    } else if (isEditorCommand(id)) {
      // The editor's key handler sees the key (in the browser mode too); the menu only shows it.
      if (shortcut) item.registerAccelerator = false;
      item.click = () => actions.send({ kind: id });
    } else {
      item.click = desktop[id];
    }
    return item;
  };

  const entry = (e: MenuEntry): MenuItemConstructorOptions => {
    if (e === '-') return { type: 'separator' };
    if (e === 'recent') return { label: '最近打开', submenu: recentItems };
    if (typeof e === 'object') return { label: e.submenu, submenu: e.items.map(entry) };
    return commandItem(e);
  };

  return MENUS.map((menu) => ({ label: menu.label, submenu: menu.items.map(entry) }));
}
