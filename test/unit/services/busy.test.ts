/**
 * The file side reports busy work only between the dialog's answer and the
 * end of reading or writing, whatever the outcome: the time the clerk spends
 * in a dialog must not show as work.
 */
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BusyState, ConflictChoice, UnsavedChoice } from '../../../shared/bridge.ts';
import { ReportSchema } from '../../../shared/file/schema.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { createReport } from '../../../shared/model/report.ts';
import type { DialogPort } from '../../../electron/services/dialogs.ts';
import { createFileSide, type FileSide } from '../../../electron/services/fileSide.ts';

let dir: string;
/** Dialogs, busy states and the work itself, in the order they happened. */
let events: string[];
let answers: (string | null)[];
let fileSide: FileSide;

const DIALOG_MS = 30;

/** A dialog the clerk takes a while to answer. */
class SlowDialogs implements DialogPort {
  private async answer(kind: string): Promise<string | null> {
    events.push(`dialog ${kind}`);
    await new Promise((resolve) => setTimeout(resolve, DIALOG_MS));
    events.push('dialog answered');
    return answers.shift() ?? null;
  }
  chooseOpen(kind: string) {
    return this.answer(kind);
  }
  chooseSave(kind: string) {
    return this.answer(kind);
  }
  async askUnsavedChanges(): Promise<UnsavedChoice> {
    return 'discard';
  }
  async askSaveConflict(): Promise<ConflictChoice> {
    events.push('dialog conflict');
    return 'cancel';
  }
}

const busyEvent = (busy: BusyState) => (busy === null ? 'busy end' : `busy ${busy.label}`);
const DOCX_OPTIONS = { layout: 'official', blankAsZero: false, findingsSheet: false } as const;
const report = createReport({ format: 'gov2021', year: 2024, organ: '甲镇人民政府' });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-busy-'));
  events = [];
  answers = [];
  fileSide = createFileSide({
    userData: join(dir, 'userData'),
    dialogs: new SlowDialogs(),
    window: {
      print: async () => undefined,
      printToPdf: async () => {
        events.push('print to pdf');
        return new Uint8Array([0x25, 0x50]);
      },
      showDocumentState: () => undefined,
      confirmClose: () => undefined,
    },
    formats: {
      codec: { serialize: (r) => JSON.stringify(r), parse: (t) => ReportSchema.parse(JSON.parse(t)) },
      exporters: {
        docx: () => {
          events.push('export docx');
          return new Uint8Array([0x50, 0x4b]);
        },
        text: (r) => r.organ,
        html: (r) => r.organ,
      },
      importers: {
        read: (bytes, fileName) => {
          events.push('import');
          return readReportBytes(bytes, fileName);
        },
      },
    },
    busy: (busy) => void events.push(busyEvent(busy)),
  });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('busy states of the file side', () => {
  it('reports an import as busy after its dialog was answered, until it is read', async () => {
    const path = join(dir, '上年报告.txt');
    await writeFile(path, '2023年甲镇人民政府政府信息公开工作年度报告\n一、总体情况\n本年度……\n');
    answers = [path];
    const imported = await fileSide.handlers.importLastYear();
    expect(imported.ok).toBe(true);
    expect(events).toEqual(['dialog template', 'dialog answered', 'busy 正在读取“上年报告.txt”……', 'import', 'busy end']);
  });

  it('reports nothing when the dialog is cancelled', async () => {
    answers = [null];
    expect(await fileSide.handlers.importLastYear()).toEqual({ ok: true, value: null });
    expect(await fileSide.handlers.exportDocx(report, DOCX_OPTIONS)).toEqual({ ok: true, value: null });
    expect(events.filter((event) => event.startsWith('busy'))).toEqual([]);
  });

  it('ends the busy state when reading fails, before the failure is answered', async () => {
    answers = [join(dir, '不存在.docx')];
    const imported = await fileSide.handlers.importLastYear();
    expect(imported.ok).toBe(false);
    expect(events).toEqual(['dialog template', 'dialog answered', 'busy 正在读取“不存在.docx”……', 'busy end']);
  });

  it('reports an export as busy around producing and writing the file, not around its dialog', async () => {
    answers = [join(dir, '报告')];
    const exported = await fileSide.handlers.exportDocx(report, DOCX_OPTIONS);
    expect(exported).toMatchObject({ ok: true, value: { name: '报告.docx' } });
    expect(events).toEqual(['dialog docx', 'dialog answered', 'busy 正在导出……', 'export docx', 'busy end']);
  });

  it('reports a save as busy after 另存为 was answered, and reopening it without any dialog', async () => {
    answers = [join(dir, '甲镇')];
    const saved = await fileSide.handlers.saveReportAs(report);
    expect(saved).toMatchObject({ ok: true, value: { name: '甲镇.nianbao' } });
    expect(events).toEqual(['dialog report', 'dialog answered', 'busy 正在保存“甲镇.nianbao”……', 'busy end']);
    events = [];
    const opened = await fileSide.handlers.openRecent(join(dir, '甲镇.nianbao'));
    expect(opened.ok).toBe(true);
    expect(events).toEqual(['busy 正在读取“甲镇.nianbao”……', 'busy end']);
  });

  it('reports the check before a conflict question and nothing after it is cancelled', async () => {
    answers = [join(dir, '甲镇')];
    await fileSide.handlers.saveReportAs(report);
    const path = join(dir, '甲镇.nianbao');
    await appendFile(path, ' ');
    events = [];
    expect(await fileSide.handlers.saveReport(report, path)).toEqual({ ok: true, value: null });
    expect(events).toEqual(['busy 正在保存“甲镇.nianbao”……', 'busy end', 'dialog conflict']);
  });

  it('reports making the PDF and writing it as two spells of work around the dialog', async () => {
    answers = [join(dir, '报告')];
    expect(await fileSide.handlers.exportPdf(report)).toMatchObject({ ok: true, value: { name: '报告.pdf' } });
    expect(events).toEqual(['busy 正在导出……', 'print to pdf', 'busy end', 'dialog pdf', 'dialog answered', 'busy 正在导出……', 'busy end']);
  });
});
