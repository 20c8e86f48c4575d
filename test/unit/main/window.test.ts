import type { BrowserWindow } from 'electron';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/content.ts';
import { reportPathsFromArgv } from '../../../electron/main/argv.ts';
import { buildMenuTemplate } from '../../../electron/main/menu.ts';
import { resolveAppPath, serveAppRequest } from '../../../electron/main/protocol.ts';
import { hardenWebContents, isAppUrl } from '../../../electron/main/security.ts';
import { guardClose, sendBusy, windowOptions } from '../../../electron/main/window.ts';
import { BUSY_CHANNEL, MENU_COMMAND_CHANNEL } from '../../../shared/bridgeChannels.ts';
import type { MenuItemConstructorOptions, WebContents } from 'electron';

describe('window', () => {
  it('is isolated, sandboxed and without Node', () => {
    const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('content security policy', () => {
  it('allows only our own scripts and nothing remote', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('app:// protocol', () => {
  const root = join('/app', 'out', 'renderer');

  it('maps our URLs into the renderer folder', () => {
    expect(resolveAppPath('app://nianbao/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://nianbao/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('keeps dot segments inside the folder', () => {
    expect(resolveAppPath('app://nianbao/../main/index.js', root)).toBe(join(root, 'main', 'index.js'));
    expect(resolveAppPath('app://nianbao/%2e%2e/%2e%2e/etc/passwd', root)).toBe(join(root, 'etc', 'passwd'));
  });

  it.each([
    'app://nianbao/assets/..%2f..%2fmain%2findex.js',
    'app://nianbao/a%5c..%5c..%5cx',
    'app://nianbao/%00',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it('serves files with the CSP header and 404s the rest', async () => {
    const fixtures = join(import.meta.dirname, '..', '..', 'setup');
    const found = await serveAppRequest('app://nianbao/electron.mock.ts', fixtures);
    expect(found.status).toBe(200);
    expect(found.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await serveAppRequest('app://nianbao/missing.js', fixtures)).status).toBe(404);
  });

  it('knows its own origin', () => {
    expect(isAppUrl('app://nianbao/index.html')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('https://nianbao/')).toBe(false);
  });
});

describe('web contents hardening', () => {
  it('cancels navigation and denies new windows', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: ReturnType<typeof vi.fn> };
    contents.setWindowOpenHandler = vi.fn();
    hardenWebContents(contents as unknown as WebContents);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(name, { preventDefault, url: 'https://evil.example/', isMainFrame: true }, 'https://evil.example/');
      expect(preventDefault, name).toHaveBeenCalled();
    }
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(handler()).toEqual({ action: 'deny' });
  });
});

describe('close handshake', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function fakeWindow() {
    const win = new EventEmitter() as EventEmitter & Record<string, unknown>;
    const sent: unknown[] = [];
    win.isDestroyed = () => false;
    win.webContents = { send: (channel: string, command: unknown) => sent.push([channel, command]) };
    win.close = vi.fn(() => {
      const event = { preventDefault: vi.fn() };
      win.emit('close', event);
      if (!event.preventDefault.mock.calls.length) win.emit('closed');
    });
    return { win, sent, asWindow: win as unknown as BrowserWindow };
  }

  it('pushes busy states on their channel, and nothing to a destroyed window', () => {
    const { win, sent, asWindow } = fakeWindow();
    sendBusy(asWindow, { label: '正在导出……' });
    sendBusy(asWindow, null);
    win.isDestroyed = () => true;
    sendBusy(asWindow, { label: '正在导出……' });
    expect(sent).toEqual([
      [BUSY_CHANNEL, { label: '正在导出……' }],
      [BUSY_CHANNEL, null],
    ]);
  });

  it('closes at once when nothing is unsaved', () => {
    const { win, asWindow } = fakeWindow();
    guardClose(asWindow, async () => true);
    const closed = vi.fn();
    win.on('closed', closed);
    (win.close as () => void)();
    expect(closed).toHaveBeenCalled();
  });

  it('asks the editor when dirty and closes only on its yes', () => {
    const { win, sent, asWindow } = fakeWindow();
    const guard = guardClose(asWindow, async () => true);
    const closed = vi.fn();
    win.on('closed', closed);
    guard.setDirty(true);
    (win.close as () => void)();
    expect(closed).not.toHaveBeenCalled();
    expect(sent).toEqual([[MENU_COMMAND_CHANNEL, { kind: 'closeRequested' }]]);
    guard.answer(false);
    expect(closed).not.toHaveBeenCalled();
    (win.close as () => void)();
    guard.answer(true);
    expect(closed).toHaveBeenCalled();
  });

  it('falls back to a native prompt when the editor does not answer', async () => {
    vi.useFakeTimers();
    const { win, asWindow } = fakeWindow();
    const ask = vi.fn(async () => true);
    const guard = guardClose(asWindow, ask);
    const closed = vi.fn();
    win.on('closed', closed);
    guard.setDirty(true);
    (win.close as () => void)();
    await vi.advanceTimersByTimeAsync(6_000);
    expect(ask).toHaveBeenCalledOnce();
    expect(closed).toHaveBeenCalled();
  });
});

describe('menu', () => {
  const send = vi.fn();
  const template = buildMenuTemplate({ send, about: vi.fn(), quit: vi.fn() }, [
    { path: '/docs/a.nianbao', name: 'a.nianbao', openedAt: '2025-01-01T00:00:00Z' },
  ]);
  const items = (label: string) => (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  const item = (menu: string, label: string) => items(menu).find((i) => i.label === label);

  it('is in Chinese with the usual accelerators', () => {
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '查看(&V)', '设置(&S)', '帮助(&H)']);
    expect(item('文件(&F)', '新建')?.accelerator).toBe('CmdOrCtrl+N');
    expect(item('文件(&F)', '打开…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(item('文件(&F)', '保存')?.accelerator).toBe('CmdOrCtrl+S');
    expect(item('文件(&F)', '另存为…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(item('文件(&F)', '打印…')?.accelerator).toBe('CmdOrCtrl+P');
    expect(item('编辑(&E)', '撤销')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(item('编辑(&E)', '重做')?.accelerator).toBe('CmdOrCtrl+Y');
    expect(item('编辑(&E)', '粘贴')?.role).toBe('paste');
    // The editor zooms itself (remembered), so the menu sends zoom to it instead of Electron's roles.
    const reset = item('查看(&V)', '实际大小');
    expect(reset).toMatchObject({ accelerator: 'CmdOrCtrl+0', registerAccelerator: false });
    expect(reset?.role).toBeUndefined();
    send.mockClear();
    (reset?.click as () => void)();
    expect(send).toHaveBeenCalledWith({ kind: 'resetZoom' });
    expect(JSON.stringify(template)).not.toMatch(/"label":"[A-Za-z]/);
  });

  it('sends document commands to the editor', () => {
    (item('文件(&F)', '另存为…')?.click as () => void)();
    expect(send).toHaveBeenLastCalledWith({ kind: 'saveAs' });
    (item('编辑(&E)', '撤销')?.click as () => void)();
    expect(send).toHaveBeenLastCalledWith({ kind: 'undo' });
    const recent = (item('文件(&F)', '最近打开')?.submenu ?? []) as MenuItemConstructorOptions[];
    (recent[0]?.click as () => void)();
    expect(send).toHaveBeenLastCalledWith({ kind: 'openPath', path: '/docs/a.nianbao' });
  });
});

describe('command line', () => {
  it('picks report files and ignores switches', () => {
    expect(reportPathsFromArgv(['--inspect=0', '/docs/a.nianbao', 'b.NIANBAO', 'c.docx'], '/home/x')).toEqual([
      '/docs/a.nianbao',
      '/home/x/b.NIANBAO',
    ]);
  });
});
