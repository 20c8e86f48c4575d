/**
 * The editor window: sandboxed, isolated, no Node, loaded from app://. Closing
 * with unsaved changes asks the editor first (closeRequested → confirmClose).
 */
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { BusyState, MenuCommand } from '../../shared/bridge.ts';
import { BUSY_CHANNEL, MENU_COMMAND_CHANNEL } from '../../shared/bridgeChannels.ts';
import { APP_ORIGIN } from './security.ts';

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: '年报',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// If the editor does not answer closeRequested (it hung), ask natively instead.
const CLOSE_ANSWER_TIMEOUT_MS = 5_000;

export interface CloseGuard {
  /** Kept current by setDocumentState. */
  setDirty(dirty: boolean): void;
  /** The editor's answer to closeRequested. */
  answer(proceed: boolean): void;
}

/**
 * Holds the window open while the document is dirty until the editor says
 * otherwise. `askFallback` is the native prompt used when the editor is silent.
 */
export function guardClose(win: BrowserWindow, askFallback: () => Promise<boolean>): CloseGuard {
  let dirty = false;
  let allowed = false;
  let waiting: ReturnType<typeof setTimeout> | null = null;

  const closeNow = () => {
    allowed = true;
    win.close();
  };

  win.on('close', (event) => {
    if (allowed || !dirty) return;
    event.preventDefault();
    if (waiting) return;
    sendCommand(win, { kind: 'closeRequested' });
    waiting = setTimeout(() => {
      waiting = null;
      void askFallback().then((discard) => {
        if (discard) closeNow();
      });
    }, CLOSE_ANSWER_TIMEOUT_MS);
  });

  return {
    setDirty(value) {
      dirty = value;
    },
    answer(proceed) {
      if (waiting) clearTimeout(waiting);
      waiting = null;
      if (proceed) closeNow();
    },
  };
}

export function sendCommand(win: BrowserWindow, command: MenuCommand): void {
  if (!win.isDestroyed()) win.webContents.send(MENU_COMMAND_CHANNEL, command);
}

/** Work under way in the file side, or its end: the editor shows it after a second. */
export function sendBusy(win: BrowserWindow, busy: BusyState): void {
  if (!win.isDestroyed()) win.webContents.send(BUSY_CHANNEL, busy);
}
