/**
 * Main process: one instance, one sandboxed editor window served from
 * app://, the bridge over validated IPC, the Chinese menu, and files opened
 * from the OS (double-click, second instance, drop). Started by the
 * installed `nianbao` command, it runs the command line instead, with no window.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { extname, join } from 'node:path';
import { COMMANDS_READY_CHANNEL } from '../../shared/bridgeChannels.ts';
import type { MenuCommand } from '../../shared/bridge.ts';
import { createFileSide } from '../services/fileSide.ts';
import { createWorkerFormats } from '../services/workerFormats.ts';
import { documentTitle } from '../services/handlers.ts';
import { ElectronDialogs } from './dialogs.ts';
import { registerBridge, registerDropChannel, isTrustedSender } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { handleAppProtocol, registerAppScheme } from './protocol.ts';
import { cliArgsFromArgv, reportPathsFromArgv } from './argv.ts';
import { denyAllPermissions, hardenWebContents } from './security.ts';
import { APP_ENTRY_URL, guardClose, sendBusy, sendCommand, windowOptions } from './window.ts';
import type { CloseGuard } from './window.ts';

const APP_NAME = '年报';
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

const cliArgs = cliArgsFromArgv(process.argv);
if (cliArgs !== null) {
  // Before the single-instance lock: a script must run while the editor is open.
  runCommandLine(cliArgs).catch(() => {
    // main() reports its own failures; this is the chunk failing to load. No dialog: there may be no display.
    process.stderr.write('错误：发生内部错误，无法完成操作\n');
    app.exit(2);
  });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  start();
}

/** The `nianbao` command in this process: output on the console, the command's exit code, no window. */
async function runCommandLine(args: string[]): Promise<void> {
  const { main, exitOnClosedStdout } = await import('../cli/main.ts');
  exitOnClosedStdout((code) => app.exit(code));
  const code = await main(args);
  // app.exit does not wait for what is still buffered for a pipe.
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
  app.exit(code);
}

function start(): void {
  let win: BrowserWindow | null = null;
  let closeGuard: CloseGuard | null = null;
  // Files the OS asked us to open before the editor was listening.
  const pendingPaths: string[] = reportPathsFromArgv(process.argv.slice(1), process.cwd());
  let editorReady = false;

  const workerFile = join(import.meta.dirname, 'formatsWorker.js');
  const dialogs = new ElectronDialogs(() => win, () => app.getPath('documents'));
  const fileSide = createFileSide({
    userData: app.getPath('userData'),
    // Imports and exports run in the bundled worker (electron.vite.config.ts), never on this thread.
    formats: createWorkerFormats({ workerFile, log: (error) => console.error(error) }),
    dialogs,
    // 汇总与审核 reads a folder in two workers, one per core; the second starts on first use.
    folderDialog: dialogs,
    countyImporters: [createWorkerFormats({ workerFile, log: (error) => console.error(error) }).importers],
    window: {
      async print() {
        if (!win) return;
        await new Promise<void>((resolve, reject) => {
          win?.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
            // The clerk closing the print dialog is not an error.
            if (success || reason === 'cancelled' || reason === 'Print job canceled') resolve();
            else reject(new Error(reason));
          });
        });
      },
      async printToPdf() {
        if (!win) return null;
        // The same print stylesheet as 打印: A4, the editor's print view.
        const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
        return new Uint8Array(pdf);
      },
      showDocumentState(state) {
        closeGuard?.setDirty(state.dirty);
        win?.setTitle(documentTitle(state, APP_NAME));
        win?.setDocumentEdited(state.dirty);
      },
      confirmClose(proceed) {
        closeGuard?.answer(proceed);
      },
    },
    onRecentChanged: () => void refreshMenu(),
    busy: (busy) => {
      if (win) sendBusy(win, busy);
    },
    log: (error) => console.error(error),
  });

  function send(command: MenuCommand): void {
    if (win) sendCommand(win, command);
  }

  function openFromOs(path: string): void {
    fileSide.grants.grant(path);
    if (win && editorReady) {
      if (win.isMinimized()) win.restore();
      win.focus();
      send({ kind: 'openPath', path });
    } else {
      pendingPaths.push(path);
    }
  }

  async function refreshMenu(): Promise<void> {
    const recent = await fileSide.recent.list().catch(() => []);
    for (const file of recent) fileSide.grants.grant(file.path);
    const template = buildMenuTemplate(
      {
        send,
        quit: () => app.quit(),
        about: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: '关于年报',
            message: `${APP_NAME} ${app.getVersion()}`,
            detail: '政府信息公开工作年度报告编写工具：按法定格式填表、自动合计与校验、以上年报告为模板、导出 Word。',
            buttons: ['确定'],
            noLink: true,
          }),
      },
      recent,
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  app.on('second-instance', (_event, argv, cwd) => {
    for (const path of reportPathsFromArgv(argv.slice(1), cwd)) openFromOs(path);
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // macOS delivers double-clicked files this way, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (extname(path).toLowerCase() === '.nianbao') openFromOs(path);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    handleAppProtocol(join(import.meta.dirname, '../renderer'));
    registerBridge(ipcMain, fileSide.handlers, { devServerUrl });

    registerDropChannel(ipcMain, openFromOs, { devServerUrl });

    ipcMain.on(COMMANDS_READY_CHANNEL, (event) => {
      if (!isTrustedSender(event, { devServerUrl })) return;
      editorReady = true;
      for (const path of pendingPaths.splice(0)) send({ kind: 'openPath', path });
    });

    win = new BrowserWindow(windowOptions(join(import.meta.dirname, '../preload/index.cjs')));
    const current = win;
    closeGuard = guardClose(current, async () => {
      const { response } = await dialog.showMessageBox(current, {
        type: 'warning',
        title: APP_NAME,
        message: '报告有未保存的更改，仍要关闭吗？',
        detail: '编辑器没有响应。关闭后，未保存的更改可在下次启动时从自动保存中恢复。',
        buttons: ['关闭', '取消'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      return response === 0;
    });
    current.on('closed', () => {
      win = null;
      closeGuard = null;
    });
    current.once('ready-to-show', () => current.show());
    // A reload starts a new editor that has not subscribed yet.
    current.webContents.on('did-start-loading', () => {
      editorReady = false;
    });
    current.setTitle(documentTitle({ name: null, year: null, dirty: false }, APP_NAME));

    await refreshMenu();
    await current.loadURL(devServerUrl ?? APP_ENTRY_URL);
  });
}
