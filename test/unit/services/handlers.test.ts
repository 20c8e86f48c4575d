import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeHandlers, ConflictChoice, UnsavedChoice } from '../../../shared/bridge.ts';
import { ReportSchema } from '../../../shared/file/schema.ts';
import { createReport } from '../../../shared/model/report.ts';
import { PDF_MESSAGES } from '../../../shared/import/pdf.ts';
import { READ_MESSAGES, readReportBytes } from '../../../shared/import/read.ts';
import { DOCX_MESSAGES } from '../../../shared/import/ooxml.ts';
import { readReportFile } from '../../../electron/cli/readReportFile.ts';
import { AutosaveStore } from '../../../electron/services/autosave.ts';
import type { DialogPort } from '../../../electron/services/dialogs.ts';
import { PathGrants } from '../../../electron/services/grants.ts';
import { createBridgeHandlers, documentTitle } from '../../../electron/services/handlers.ts';
import type { HandlerDeps, WindowPort } from '../../../electron/services/handlers.ts';
import { RecentFiles } from '../../../electron/services/recent.ts';

let dir: string;
let answers: (string | null)[];
let handlers: BridgeHandlers;
let windowPort: WindowPort & { states: unknown[] };
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7 stand-in');

class ScriptedDialogs implements DialogPort {
  async chooseOpen() {
    return answers.shift() ?? null;
  }
  async chooseSave() {
    return answers.shift() ?? null;
  }
  async askUnsavedChanges(): Promise<UnsavedChoice> {
    return 'discard';
  }
  async askSaveConflict(): Promise<ConflictChoice> {
    return 'cancel';
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-handlers-'));
  answers = [];
  const states: unknown[] = [];
  windowPort = { states, print: vi.fn(async () => undefined), printToPdf: vi.fn(async () => PDF_BYTES), showDocumentState: (s) => void states.push(s), confirmClose: vi.fn() };
  handlers = createBridgeHandlers(deps());
});

function deps(): HandlerDeps {
  return {
    dialogs: new ScriptedDialogs(),
    grants: new PathGrants(),
    autosave: new AutosaveStore(join(dir, 'userData', 'autosave')),
    recent: new RecentFiles(join(dir, 'userData', 'recent.json')),
    // A stand-in for the file format: JSON checked by the bridge schema.
    codec: { serialize: (r) => JSON.stringify(r), parse: (t) => ReportSchema.parse(JSON.parse(t)) },
    exporters: { docx: () => new Uint8Array([0x50, 0x4b]), text: (r) => `${r.organ}\n`, html: (r) => `<p>${r.organ}</p>` },
    importers: { read: readReportBytes },
    window: windowPort,
  };
}
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = createReport({ format: 'gov2021', year: 2024, organ: '甲镇人民政府' });

describe('bridge handlers', () => {
  it('saves through the dialog, adds the extension, then saves in place with a backup', async () => {
    answers = [join(dir, '甲镇')];
    const saved = await handlers.saveReportAs(report);
    const path = join(dir, '甲镇.nianbao');
    expect(saved).toEqual({ ok: true, value: { path, name: '甲镇.nianbao' } });
    const again = await handlers.saveReport({ ...report, organ: '乙' }, path);
    expect(again.ok).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8')).organ).toBe('乙');
    expect(JSON.parse(await readFile(`${path}.bak`, 'utf8')).organ).toBe('甲镇人民政府');
    expect(await handlers.listRecent()).toMatchObject({ ok: true, value: [{ path }] });
  });

  it('refuses to save to a path it never handed out', async () => {
    const path = join(dir, 'victim.nianbao');
    await writeFile(path, 'precious');
    const result = await handlers.saveReport(report, path);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('已拒绝') });
    expect(await readFile(path, 'utf8')).toBe('precious');
  });

  it('refuses to open a path it never handed out, and opens one it did', async () => {
    const path = join(dir, 'a.nianbao');
    await writeFile(path, JSON.stringify(report));
    expect((await handlers.openRecent(path)).ok).toBe(false);
    answers = [path];
    const opened = await handlers.openReport();
    expect(opened).toMatchObject({ ok: true, value: { path, name: 'a.nianbao', report: { organ: '甲镇人民政府' } } });
    expect((await handlers.openRecent(path)).ok).toBe(true);
  });

  it('returns null when a dialog is cancelled', async () => {
    expect(await handlers.openReport()).toEqual({ ok: true, value: null });
    expect(await handlers.saveReportAs(report)).toEqual({ ok: true, value: null });
    expect(await handlers.exportDocx(report, { layout: 'official', blankAsZero: false, findingsSheet: false })).toEqual({ ok: true, value: null });
  });

  it('reports an unreadable file in Chinese instead of throwing', async () => {
    const path = join(dir, 'bad.nianbao');
    await writeFile(path, 'not json');
    answers = [path];
    const result = await handlers.openReport();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('exports to the chosen file with the right extension', async () => {
    answers = [join(dir, 'out')];
    expect(await handlers.exportText(report, { tables: 'aligned', blankAsZero: false, findingsSheet: false })).toMatchObject({ ok: true, value: { name: 'out.txt' } });
    expect(await readFile(join(dir, 'out.txt'), 'utf8')).toBe('甲镇人民政府\n');
  });

  it('writes the window printed as PDF to the chosen file, and says plainly where no PDF can be made', async () => {
    answers = [join(dir, '报告')];
    expect(await handlers.exportPdf(report)).toMatchObject({ ok: true, value: { name: '报告.pdf' } });
    expect(new Uint8Array(await readFile(join(dir, '报告.pdf')))).toEqual(PDF_BYTES);
    windowPort.printToPdf = vi.fn(async () => null);
    answers = [join(dir, '不会写入')];
    const refused = await handlers.exportPdf(report);
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('另存为 PDF') });
    expect(answers).toHaveLength(1);
  });

  it('imports last year from a text file', async () => {
    const path = join(dir, '2023.txt');
    await writeFile(path, '甲镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n');
    answers = [path];
    const result = await handlers.importLastYear();
    expect(result).toMatchObject({ ok: true, value: { name: '2023.txt', importReport: { source: 'text' } } });
  });

  it('asks to save old Word files as .docx', async () => {
    const path = join(dir, 'old.doc');
    await writeFile(path, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    answers = [path];
    expect(await handlers.importLastYear()).toEqual({ ok: false, message: READ_MESSAGES.word97 });
  });

  it.each<[string, number[], string]>([
    ['random bytes named .docx', [0x13, 0x37, 0xc3, 0x28, 0xff, 0x00, 0x9a, 0x41], DOCX_MESSAGES.notDocx],
    ['a damaged PDF named .txt', [...new TextEncoder().encode('%PDF-1.7\n')], PDF_MESSAGES.damaged],
    ['an old Word file named .txt', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], READ_MESSAGES.word97],
    ['a password-protected .docx', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...[...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0])], READ_MESSAGES.encrypted],
  ])('tells of %s in the same words as the CLI', async (what, bytes, message) => {
    const path = join(dir, what.endsWith('.docx') ? '上年.docx' : '上年.txt');
    await writeFile(path, new Uint8Array(bytes));
    answers = [path];
    expect(await handlers.importLastYear()).toEqual({ ok: false, message });
    await expect(readReportFile(path)).rejects.toMatchObject({ name: 'ImportError', message });
  });

  it('files autosaves under the current document and forgets them after saving', async () => {
    answers = [join(dir, 'doc.nianbao')];
    await handlers.saveReportAs(report);
    await handlers.setDocumentState({ path: join(dir, 'doc.nianbao'), year: 2024, dirty: true });
    await handlers.autosave({ ...report, organ: '未保存的修改' });
    expect(await handlers.recoverAutosave()).toMatchObject({ ok: true, value: { path: join(dir, 'doc.nianbao'), report: { organ: '未保存的修改' } } });
    await handlers.saveReport(report, join(dir, 'doc.nianbao'));
    expect(await handlers.recoverAutosave()).toEqual({ ok: true, value: null });
  });

  it('discards exactly the copy offered at start when the clerk declines it', async () => {
    const folder = join(dir, 'userData', 'autosave');
    const path = join(dir, 'doc.nianbao');
    const window2 = createBridgeHandlers({ ...deps(), autosave: new AutosaveStore(folder, { now: () => new Date('2025-01-10T08:05:00Z') }) });
    answers = [path];
    await window2.saveReportAs(report);
    await window2.setDocumentState({ path, year: 2024, dirty: true });
    const window1 = createBridgeHandlers({ ...deps(), autosave: new AutosaveStore(folder, { now: () => new Date('2025-01-10T08:00:00Z') }) });
    await window1.autosave({ ...report, organ: '一份未命名的报告' });
    await window2.autosave({ ...report, organ: '未保存的修改' });
    // The next start: a fresh file side, nothing open yet.
    const next = createBridgeHandlers(deps());
    const offered = await next.recoverAutosave();
    expect(offered).toMatchObject({ ok: true, value: { path, fileChanged: false, report: { organ: '未保存的修改' } } });
    if (!offered.ok || !offered.value) throw new Error('no copy offered');
    expect(await next.discardAutosave(offered.value.id)).toEqual({ ok: true, value: null });
    // The declined copy is gone; the untitled one is offered next, not deleted unseen.
    expect(await next.recoverAutosave()).toMatchObject({ ok: true, value: { id: 'untitled', report: { organ: '一份未命名的报告' } } });
  });

  it('refuses a working-copy id that is not one', async () => {
    const { BRIDGE } = await import('../../../shared/bridge.ts');
    expect(BRIDGE.discardAutosave.args.safeParse(['../../etc/passwd']).success).toBe(false);
    expect(BRIDGE.discardAutosave.args.safeParse([]).success).toBe(true);
  });

  it('shows the document state and refuses a foreign path in it', async () => {
    expect((await handlers.setDocumentState({ path: '/etc/passwd', year: 2024, dirty: true })).ok).toBe(false);
    expect((await handlers.setDocumentState({ path: null, year: 2024, dirty: true })).ok).toBe(true);
    expect(windowPort.states).toEqual([{ name: null, year: 2024, dirty: true }]);
  });

  it('passes print and close answers to the window', async () => {
    await handlers.print();
    await handlers.confirmClose(true);
    expect(windowPort.print).toHaveBeenCalledOnce();
    expect(windowPort.confirmClose).toHaveBeenCalledWith(true);
  });
});

describe('documentTitle', () => {
  it('shows the unsaved mark, the name and the year', () => {
    expect(documentTitle({ name: 'a.nianbao', year: 2024, dirty: true }, '年报')).toBe('● a.nianbao - 2024年度 - 年报');
    expect(documentTitle({ name: null, year: null, dirty: false }, '年报')).toBe('未命名 - 年报');
  });
});
