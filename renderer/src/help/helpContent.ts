/**
 * The help page's lists, taken from the declarations they describe: the
 * shortcuts from the command registry (in menu order), nothing typed twice.
 */
import { buttonLabel, declaration, MENUS, shortcutText, type CommandId, type MenuEntry } from '../../../shared/commands.ts';

export interface ShortcutRow {
  id: CommandId;
  keys: string[];
  label: string;
  help?: string;
}

function menuCommands(entries: readonly MenuEntry[]): CommandId[] {
  return entries.flatMap((e) => (e === '-' || e === 'recent' ? [] : typeof e === 'object' ? menuCommands(e.items) : [e]));
}

/** Every command with a shortcut, grouped by the menu it is in (menu labels without the access key). */
export function shortcutGroups(): { title: string; rows: ShortcutRow[] }[] {
  return MENUS.map((menu) => ({
    title: menu.label.replace(/\(&.\)$/, ''),
    rows: menuCommands(menu.items).flatMap((id): ShortcutRow[] => {
      const { shortcuts, help } = declaration(id);
      if (!shortcuts || shortcuts.length === 0) return [];
      return [{ id, keys: shortcuts.map(shortcutText), label: buttonLabel(id), ...(help ? { help } : {}) }];
    }),
  })).filter((group) => group.rows.length > 0);
}
