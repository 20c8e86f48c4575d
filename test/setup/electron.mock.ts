import { vi } from 'vitest';

// The Electron binary cannot be downloaded on CI machines: importing the real
// module would try to fetch it. Main-process modules get this stand-in.
vi.mock('electron', () => ({
  app: { getPath: vi.fn(() => '/tmp/nianbao-test'), on: vi.fn(), whenReady: vi.fn(async () => undefined) },
  BrowserWindow: vi.fn(),
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  shell: { openExternal: vi.fn() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
