/**
 * 保存 as two clerks, two windows and a read-only share see it: real files in
 * a temporary folder; only the dialogs answer from a script.
 */
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeHandlers, ConflictChoice, SaveConflict } from '../../../shared/bridge.ts';
import { ReportSchema } from '../../../shared/file/schema.ts';
import { createReport } from '../../../shared/model/report.ts';
import type { Report } from '../../../shared/model/report.ts';
import { AutosaveStore } from '../../../electron/services/autosave.ts';
import type { DialogPort } from '../../../electron/services/dialogs.ts';
import { PathGrants } from '../../../electron/services/grants.ts';
import { createBridgeHandlers } from '../../../electron/services/handlers.ts';
import { RecentFiles } from '../../../electron/services/recent.ts';

let dir: string;

interface Window {
  handlers: BridgeHandlers;
  conflicts: { name: string; conflict: SaveConflict }[];
  /** Answers of the next save-conflict questions and file-name dialogs. */
  answer: { conflict: ConflictChoice[]; file: string[] };
}

function openWindow(): Window {
  const conflicts: Window['conflicts'] = [];
  const answer: Window['answer'] = { conflict: [], file: [] };
  const dialogs: DialogPort = {
    chooseOpen: async () => answer.file.shift() ?? null,
    chooseSave: async () => answer.file.shift() ?? null,
    askUnsavedChanges: async () => 'cancel',
    askSaveConflict: async (name, conflict) => {
      conflicts.push({ name, conflict });
      return answer.conflict.shift() ?? 'cancel';
    },
  };
  const handlers = createBridgeHandlers({
    dialogs,
    grants: new PathGrants(),
    autosave: new AutosaveStore(join(dir, 'userData', 'autosave')),
    recent: new RecentFiles(join(dir, 'userData', 'recent.json')),
    codec: { serialize: (r) => JSON.stringify(r), parse: (t) => ReportSchema.parse(JSON.parse(t)) },
    exporters: { docx: () => new Uint8Array(), text: () => '', html: () => '' },
    importers: {
      read: () => {
        throw new Error('unused');
      },
    },
    window: { print: vi.fn(), printToPdf: vi.fn(async () => null), showDocumentState: vi.fn(), confirmClose: vi.fn() },
  });
  return { handlers, conflicts, answer };
}

const report = (organ: string): Report => createReport({ format: 'gov2021', year: 2024, organ });
const organIn = async (path: string) => (JSON.parse(await readFile(path, 'utf8')) as Report).organ;

let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-saves-'));
  path = join(dir, '本镇.nianbao');
  await writeFile(path, JSON.stringify(report('原稿')));
});
afterEach(async () => {
  await chmod(path, 0o644).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function openIn(window: Window): Promise<void> {
  window.answer.file.push(path);
  expect((await window.handlers.openReport()).ok).toBe(true);
}

describe('保存 when another window or clerk saved the file meanwhile', () => {
  it('saves without asking while no one else wrote the file', async () => {
    const a = openWindow();
    await openIn(a);
    expect(await a.handlers.saveReport(report('甲一'), path)).toMatchObject({ ok: true, value: { path } });
    expect(await a.handlers.saveReport(report('甲二'), path)).toMatchObject({ ok: true, value: { path } });
    expect(a.conflicts).toEqual([]);
    expect(await organIn(path)).toBe('甲二');
  });

  it('asks before overwriting, and 取消 leaves the other clerk’s save in place', async () => {
    const a = openWindow();
    const b = openWindow();
    await openIn(a);
    await openIn(b);
    expect((await b.handlers.saveReport(report('乙的修改'), path)).ok).toBe(true);
    a.answer.conflict.push('cancel');
    expect(await a.handlers.saveReport(report('甲的修改'), path)).toEqual({ ok: true, value: null });
    expect(a.conflicts).toEqual([{ name: '本镇.nianbao', conflict: 'changed' }]);
    expect(await organIn(path)).toBe('乙的修改');
  });

  it('覆盖 replaces it and keeps the other save as .bak', async () => {
    const a = openWindow();
    await openIn(a);
    await writeFile(path, JSON.stringify(report('别的程序写的')));
    a.answer.conflict.push('overwrite');
    expect(await a.handlers.saveReport(report('甲的修改'), path)).toMatchObject({ ok: true, value: { path } });
    expect(await organIn(path)).toBe('甲的修改');
    expect(await organIn(`${path}.bak`)).toBe('别的程序写的');
    // Now this window's save is the known one: no question next time.
    expect((await a.handlers.saveReport(report('甲再改'), path)).ok).toBe(true);
    expect(a.conflicts).toHaveLength(1);
  });

  it('另存为 writes a second file and leaves both', async () => {
    const a = openWindow();
    await openIn(a);
    await writeFile(path, JSON.stringify(report('别人的')));
    a.answer.conflict.push('saveAs');
    a.answer.file.push(join(dir, '本镇（甲）'));
    expect(await a.handlers.saveReport(report('甲的'), path)).toMatchObject({ ok: true, value: { name: '本镇（甲）.nianbao' } });
    expect(await organIn(path)).toBe('别人的');
    expect(await organIn(join(dir, '本镇（甲）.nianbao'))).toBe('甲的');
  });

  it('does not ask when the file was only touched (same bytes, new time)', async () => {
    const a = openWindow();
    await openIn(a);
    const bytes = await readFile(path);
    await writeFile(path, bytes);
    expect((await a.handlers.saveReport(report('甲'), path)).ok).toBe(true);
    expect(a.conflicts).toEqual([]);
  });

  it('asks when a recovered copy is saved over a file saved since', async () => {
    const a = openWindow();
    await openIn(a);
    await a.handlers.setDocumentState({ path, year: 2024, dirty: true });
    await a.handlers.autosave(report('未保存的修改'));
    await writeFile(path, JSON.stringify(report('另一窗口保存的')));
    const next = openWindow();
    const offered = await next.handlers.recoverAutosave();
    expect(offered).toMatchObject({ ok: true, value: { path, fileChanged: true } });
    next.answer.conflict.push('cancel');
    expect(await next.handlers.saveReport(report('未保存的修改'), path)).toEqual({ ok: true, value: null });
    expect(next.conflicts).toEqual([{ name: '本镇.nianbao', conflict: 'changed' }]);
    expect(await organIn(path)).toBe('另一窗口保存的');
  });
});

describe('保存 to a read-only file', () => {
  it('refuses and offers 另存为', async () => {
    const a = openWindow();
    await openIn(a);
    await chmod(path, 0o444);
    a.answer.conflict.push('cancel');
    expect(await a.handlers.saveReport(report('甲'), path)).toEqual({ ok: true, value: null });
    expect(a.conflicts).toEqual([{ name: '本镇.nianbao', conflict: 'readOnly' }]);
    expect(await organIn(path)).toBe('原稿');
    a.answer.conflict.push('saveAs');
    a.answer.file.push(join(dir, '副本.nianbao'));
    expect(await a.handlers.saveReport(report('甲'), path)).toMatchObject({ ok: true, value: { name: '副本.nianbao' } });
    expect(await organIn(join(dir, '副本.nianbao'))).toBe('甲');
    expect(await organIn(path)).toBe('原稿');
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('never overwrites it, whatever the answer', async () => {
    const a = openWindow();
    await openIn(a);
    await chmod(path, 0o444);
    a.answer.conflict.push('overwrite');
    expect(await a.handlers.saveReport(report('甲'), path)).toEqual({ ok: true, value: null });
    expect(await organIn(path)).toBe('原稿');
  });
});
