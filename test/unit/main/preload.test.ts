import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BusyState, MenuCommand, NianbaoApi } from '../../../shared/bridge.ts';
import { BRIDGE } from '../../../shared/bridge.ts';
import { BUSY_CHANNEL, COMMANDS_READY_CHANNEL, DROPPED_FILE_CHANNEL, MENU_COMMAND_CHANNEL } from '../../../shared/bridgeChannels.ts';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
  webUtils: { getPathForFile: vi.fn((file: FakeFile) => file.path) },
}));
vi.mock('electron', () => electron);

interface FakeFile {
  path: string;
  size: number;
  lastModified: number;
}
type DropListener = (event: { isTrusted: boolean; dataTransfer: { files: FakeFile[] } | null }) => void;
let drop: DropListener;
let api: NianbaoApi;

beforeAll(async () => {
  // The preload listens for drops on the page; Node has no window.
  vi.stubGlobal('addEventListener', (type: string, listener: DropListener) => {
    if (type === 'drop') drop = listener;
  });
  await import('../../../electron/preload/index.ts');
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, NianbaoApi];
  expect(name).toBe('nianbao');
  api = exposed;
});

describe('preload', () => {
  it('exposes exactly the bridge methods', () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(BRIDGE), 'claimDropped', 'onBusy', 'onMenuCommand'].sort());
  });

  it('forwards each method to its channel', async () => {
    await api.openRecent('/docs/a.nianbao');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(BRIDGE.openRecent.channel, '/docs/a.nianbao');
    await api.listRecent();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(BRIDGE.listRecent.channel);
  });

  it('delivers menu commands without the IPC event, and unsubscribes', () => {
    const received: MenuCommand[] = [];
    const unsubscribe = api.onMenuCommand((c) => received.push(c));
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith(COMMANDS_READY_CHANNEL);
    const [channel, listener] = electron.ipcRenderer.on.mock.calls.at(-1) as unknown as [string, (e: unknown, c: MenuCommand) => void];
    expect(channel).toBe(MENU_COMMAND_CHANNEL);
    listener({ sender: 'secret' }, { kind: 'save' });
    expect(received).toEqual([{ kind: 'save' }]);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, listener);
  });

  it('delivers busy states without the IPC event, and unsubscribes', () => {
    const received: BusyState[] = [];
    const unsubscribe = api.onBusy((busy) => received.push(busy));
    const [channel, listener] = electron.ipcRenderer.on.mock.calls.at(-1) as unknown as [string, (e: unknown, b: BusyState) => void];
    expect(channel).toBe(BUSY_CHANNEL);
    listener({ sender: 'secret' }, { label: '正在导出……' });
    listener({ sender: 'secret' }, null);
    expect(received).toEqual([{ label: '正在导出……' }, null]);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(BUSY_CHANNEL, listener);
  });

  it('reports only real drops of report files, with the dropped File\'s size and time', () => {
    electron.ipcRenderer.send.mockClear();
    const file = (path: string): FakeFile => ({ path, size: 1234, lastModified: 1_733_000_000_123 });
    drop({ isTrusted: false, dataTransfer: { files: [file('/docs/forged.nianbao')] } });
    drop({ isTrusted: true, dataTransfer: { files: [file('/docs/photo.png')] } });
    drop({ isTrusted: true, dataTransfer: { files: [file('')] } });
    drop({ isTrusted: true, dataTransfer: null });
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    drop({ isTrusted: true, dataTransfer: { files: [file('/docs/a.nianbao')] } });
    expect(electron.webUtils.getPathForFile).toHaveBeenLastCalledWith(file('/docs/a.nianbao'));
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith(DROPPED_FILE_CHANNEL, { path: '/docs/a.nianbao', size: 1234, lastModified: 1_733_000_000_123 });
  });

  it('claims each dropped item (a folder too) by its path, size and time, skipping Files without a path', () => {
    const files: FakeFile[] = [
      { path: '/county/各单位', size: 4096, lastModified: 1_733_000_000_001 },
      { path: '', size: 10, lastModified: 1 },
      { path: '/county/a.docx', size: 777, lastModified: 1_733_000_000_002 },
    ];
    expect(api.claimDropped(files)).toEqual([
      { path: '/county/各单位', size: 4096, lastModified: 1_733_000_000_001 },
      { path: '/county/a.docx', size: 777, lastModified: 1_733_000_000_002 },
    ]);
  });
});
