import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { BRIDGE } from '../../../shared/bridge.ts';
import { MAX_TEXT, ReportSchema } from '../../../shared/file/schema.ts';
import type { BridgeHandlers } from '../../../shared/bridge.ts';
import { createReport } from '../../../shared/model/report.ts';
import { AutosaveStore } from '../../../electron/services/autosave.ts';
import { PathGrants, verifyDroppedFile } from '../../../electron/services/grants.ts';
import { createBridgeHandlers } from '../../../electron/services/handlers.ts';
import { RecentFiles } from '../../../electron/services/recent.ts';
import { REFUSED_ARGUMENTS, REFUSED_SENDER, handle, registerBridge, registerDropChannel } from '../../../electron/main/ipc.ts';
import { DROPPED_FILE_CHANNEL } from '../../../shared/bridgeChannels.ts';
import type { IpcMainLike } from '../../../electron/main/ipc.ts';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

let dir: string;
let listeners: Map<string, Listener>;
let handlers: BridgeHandlers;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-ipc-'));
  listeners = new Map();
  const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  handlers = createBridgeHandlers({
    dialogs: { chooseOpen: async () => null, chooseSave: async () => null, askUnsavedChanges: async () => 'cancel', askSaveConflict: async () => 'cancel' },
    grants: new PathGrants(),
    autosave: new AutosaveStore(join(dir, 'autosave')),
    recent: new RecentFiles(join(dir, 'recent.json')),
    codec: { serialize: (r) => JSON.stringify(r), parse: (t) => ReportSchema.parse(JSON.parse(t)) },
    exporters: { docx: () => new Uint8Array(), text: () => '', html: () => '' },
    importers: {
      read: () => {
        throw new Error('unused');
      },
    },
    window: { print: async () => undefined, printToPdf: async () => null, showDocumentState: () => undefined, confirmClose: () => undefined },
  });
  registerBridge(ipc, handlers);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function frame(url: string, parent: unknown = null) {
  return { url, parent };
}

/** An invoke event from a frame; by default our own page's main frame. */
function event(options: { url?: string; iframe?: boolean; noFrame?: boolean } = {}): IpcMainInvokeEvent {
  const main = frame(options.url ?? 'app://nianbao/index.html');
  const sender = options.iframe ? frame(options.url ?? 'app://nianbao/index.html', main) : main;
  return { senderFrame: options.noFrame ? null : sender, sender: { mainFrame: main } } as unknown as IpcMainInvokeEvent;
}

async function invoke(method: keyof typeof BRIDGE, args: unknown[], ev = event()): Promise<unknown> {
  const listener = listeners.get(BRIDGE[method].channel);
  if (!listener) throw new Error(`no handler for ${method}`);
  return listener(ev, ...args);
}

const report = createReport({ format: 'gov2021', year: 2024, organ: '甲镇人民政府' });

describe('IPC guard', () => {
  it('registers every bridge method', () => {
    expect([...listeners.keys()].sort()).toEqual(Object.values(BRIDGE).map((m) => m.channel).sort());
  });

  it('answers our own page', async () => {
    expect(await invoke('listRecent', [])).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/' }],
    ['a file: page', { url: 'file:///tmp/x.html' }],
    ['another app: host', { url: 'app://other/index.html' }],
    ['an iframe', { iframe: true }],
    ['a destroyed frame', { noFrame: true }],
  ])('refuses %s', async (_name, options) => {
    const spy = vi.spyOn(handlers, 'listRecent');
    expect(await invoke('listRecent', [], event(options))).toEqual({ ok: false, message: REFUSED_SENDER });
    expect(spy).not.toHaveBeenCalled();
  });

  it.each([
    ['a missing argument', 'saveReportAs', []],
    ['an extra argument', 'listRecent', ['x']],
    ['a wrong type', 'openRecent', [42]],
    ['a report with an unknown format', 'autosave', [{ ...report, format: 'gov1999' }]],
    ['a report with an extra field', 'autosave', [{ ...report, script: 'x' }]],
    ['an oversized narrative', 'autosave', [{ ...report, preface: { text: 'x'.repeat(MAX_TEXT + 1), source: 'typed' } }]],
    ['an oversized path', 'openRecent', ['/'.repeat(5000)]],
    ['a bad cell id', 'autosave', [{ ...report, cells: { 'not a cell': { raw: '1', source: 'typed' } } }]],
    ['unknown document state keys', 'setDocumentState', [{ path: null, year: 2024, dirty: true, admin: true }]],
  ] as const)('refuses %s', async (_name, method, args) => {
    expect(await invoke(method, [...args])).toEqual({ ok: false, message: REFUSED_ARGUMENTS });
  });

  it('does not let a payload reach Object.prototype', async () => {
    const payload = JSON.parse(
      JSON.stringify({ ...report, cells: {}, acknowledgements: {} })
        .replace('"cells":{}', '"cells":{"__proto__":{"polluted":true}}')
        .replace('"acknowledgements":{}', '"acknowledgements":{"constructor":{"explanation":"x","at":"y"}}'),
    ) as unknown;
    expect(await invoke('autosave', [payload])).toEqual({ ok: false, message: REFUSED_ARGUMENTS });
    const cellsOnly = JSON.parse(JSON.stringify(report).replace('"cells":{}', '"cells":{"__proto__":{"polluted":true}}')) as unknown;
    await invoke('autosave', [cellsOnly]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const recovered = (await invoke('recoverAutosave', [])) as { ok: true; value: { report: { cells: object } } };
    expect(Object.getPrototypeOf(recovered.value.report.cells)).toBe(Object.prototype);
    expect(Object.keys(recovered.value.report.cells)).toEqual([]);
  });

  it('refuses a path that was never handed out', async () => {
    expect(await invoke('openRecent', ['/etc/passwd'])).toEqual({ ok: false, message: expect.stringContaining('已拒绝') });
    expect(await invoke('saveReport', [report, join(dir, 'x.nianbao')])).toEqual({ ok: false, message: expect.stringContaining('已拒绝') });
  });

  it('turns an unexpected exception into a plain refusal', async () => {
    const own = new Map<string, Listener>();
    handle({ handle: (channel, listener) => void own.set(channel, listener) }, 'test:throws', z.tuple([]), async () => {
      throw new Error('internal detail /home/clerk');
    });
    const result = (await own.get('test:throws')?.(event())) as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).not.toContain('/home/clerk');
  });
});

describe('files dropped on the window', () => {
  type OnListener = (event: IpcMainEvent, ...args: unknown[]) => void;
  let onListeners: Map<string, OnListener>;
  let opened: string[];
  let file: string;
  let claim: { path: string; size: number; lastModified: number };
  let checked: Promise<unknown> | undefined;

  beforeEach(async () => {
    onListeners = new Map();
    opened = [];
    checked = undefined;
    // The real check, remembered so a test can wait for it to finish.
    const verify = (payload: unknown) => (checked = verifyDroppedFile(payload)) as Promise<string | null>;
    registerDropChannel({ on: (channel, listener) => void onListeners.set(channel, listener) }, (path) => void opened.push(path), {}, verify);
    file = join(dir, '甲镇.nianbao');
    await writeFile(file, '{"app":"nianbao"}');
    const info = await stat(file);
    // What the preload reads off the dropped File: whole milliseconds.
    claim = { path: file, size: info.size, lastModified: Math.floor(info.mtimeMs) };
  });

  /** Sends a drop message and waits for main's check of the disk. */
  async function dropped(payload: unknown, ev: unknown = event()): Promise<string[]> {
    onListeners.get(DROPPED_FILE_CHANNEL)?.(ev as IpcMainEvent, payload);
    await checked;
    return opened;
  }

  it('opens a file the clerk dropped', async () => {
    expect(await dropped(claim)).toEqual([file]);
  });

  it.each<[string, (c: typeof claim) => unknown]>([
    ['a bare path, as before', (c) => c.path],
    ['a path with a guessed size', (c) => ({ ...c, size: c.size + 1 })],
    ['a path with a guessed time', (c) => ({ ...c, lastModified: c.lastModified - 1000 })],
    ['a file that does not exist', (c) => ({ ...c, path: join(dir, '乙镇.nianbao') })],
    ['a relative path', (c) => ({ ...c, path: '甲镇.nianbao' })],
    ['a claim with extra fields', (c) => ({ ...c, grant: true })],
  ])('grants nothing for %s', async (_what, make) => {
    expect(await dropped(make(claim))).toEqual([]);
  });

  it('grants nothing for a folder named like a report', async () => {
    const folder = join(dir, '文件夹.nianbao');
    await mkdir(folder);
    const info = await stat(folder);
    expect(await dropped({ path: folder, size: info.size, lastModified: Math.floor(info.mtimeMs) })).toEqual([]);
  });

  it('opens a dropped Word report too (打开 imports it as a new report)', async () => {
    const word = join(dir, '上年.docx');
    await writeFile(word, 'PK');
    const info = await stat(word);
    expect(await dropped({ path: word, size: info.size, lastModified: Math.floor(info.mtimeMs) })).toEqual([word]);
  });

  it('grants nothing for a file that is not a report', async () => {
    const other = join(dir, 'secret.key');
    await writeFile(other, 'secret');
    const info = await stat(other);
    expect(await dropped({ path: other, size: info.size, lastModified: Math.floor(info.mtimeMs) })).toEqual([]);
  });

  it('ignores a drop message from a foreign frame', async () => {
    expect(await dropped(claim, event({ url: 'https://evil.example/' }))).toEqual([]);
    expect(await dropped(claim, event({ iframe: true }))).toEqual([]);
  });
});
