/**
 * The Chinese application menu. Document commands go to the editor as
 * MenuCommands (its store owns the document and its undo history); clipboard
 * and zoom use Electron's built-in roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../../shared/bridge.ts';

export interface MenuActions {
  send(command: MenuCommand): void;
  about(): void;
  quit(): void;
}

export function buildMenuTemplate(actions: MenuActions, recent: readonly RecentFile[]): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(cmd),
  });
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: '（无）', enabled: false }]
      : recent.map((file, i) => ({
          label: `${i + 1}. ${file.name}`,
          toolTip: file.path,
          click: () => actions.send({ kind: 'openPath', path: file.path }),
        }));

  return [
    {
      label: '文件(&F)',
      submenu: [
        command('新建', { kind: 'new' }, 'CmdOrCtrl+N'),
        command('打开…', { kind: 'open' }, 'CmdOrCtrl+O'),
        command('以上年报告为模板新建…', { kind: 'importLastYear' }),
        { label: '最近打开', submenu: recentItems },
        { type: 'separator' },
        command('保存', { kind: 'save' }, 'CmdOrCtrl+S'),
        command('另存为…', { kind: 'saveAs' }, 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        command('导出 Word…', { kind: 'exportDocx' }),
        command('导出文本…', { kind: 'exportText' }),
        command('导出网页…', { kind: 'exportHtml' }),
        command('导出 PDF…', { kind: 'exportPdf' }),
        { type: 'separator' },
        command('打印…', { kind: 'print' }, 'CmdOrCtrl+P'),
        { type: 'separator' },
        { label: '退出', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        command('撤销', { kind: 'undo' }, 'CmdOrCtrl+Z'),
        command('重做', { kind: 'redo' }, 'CmdOrCtrl+Y'),
        { type: 'separator' },
        { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: '查看(&V)',
      submenu: [
        { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于年报', click: () => actions.about() }],
    },
  ];
}
