/**
 * Renders editor components around a store of their own, with the bridge's
 * OS side replaced by recorded calls (the component tests do not reach files;
 * the end-to-end tests do).
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { BusyState, MenuCommand, NianbaoApi } from '../../shared/bridge.ts';
import { createReport, type Report } from '../../shared/model/report.ts';
import { createEditor, EditorProvider, type Editor } from '../../renderer/src/store/context.tsx';

export interface FakeApi extends NianbaoApi {
  /** Sends a menu command as the file side would. */
  sendMenu(command: MenuCommand): void;
  /** Sends a busy state as the file side would. */
  sendBusy(busy: BusyState): void;
}

export function fakeApi(overrides: Partial<NianbaoApi> = {}): FakeApi {
  const listeners = new Set<(command: MenuCommand) => void>();
  const busyListeners = new Set<(busy: BusyState) => void>();
  const done = <T,>(value: T) => vi.fn(async () => ({ ok: true as const, value }));
  const api: FakeApi = {
    openReport: done(null),
    openRecent: vi.fn(async () => ({ ok: false as const, message: '未找到文件' })),
    saveReport: done(null),
    saveReportAs: done(null),
    importLastYear: done(null),
    exportDocx: done(null),
    exportText: done(null),
    exportHtml: done(null),
    exportPdf: done(null),
    print: done(null),
    autosave: done(null),
    recoverAutosave: done(null),
    discardAutosave: done(null),
    listRecent: done([]),
    setDocumentState: done(null),
    askUnsavedChanges: vi.fn(async () => ({ ok: true as const, value: 'cancel' as const })),
    confirmClose: done(null),
    countyChooseFolder: done(null),
    countyRead: vi.fn(async () => ({ ok: false as const, message: '未选择文件夹' })),
    countyReadDropped: vi.fn(async () => ({ ok: false as const, message: '未拖入文件' })),
    // As in the browser host: a drop gives no paths.
    claimDropped: vi.fn(() => null),
    countyProgress: done(null),
    countyCancel: done(null),
    countyUnit: vi.fn(async () => ({ ok: false as const, message: '未选择文件夹' })),
    countySummary: vi.fn(async () => ({ ok: false as const, message: '未选择文件夹' })),
    countyOpenRoster: done(null),
    countySetVerdict: done({}),
    countySetRoster: done(null),
    countyExport: done(null),
    onMenuCommand(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    sendMenu(command) {
      for (const listener of listeners) listener(command);
    },
    onBusy(callback) {
      busyListeners.add(callback);
      return () => busyListeners.delete(callback);
    },
    sendBusy(busy) {
      for (const listener of busyListeners) listener(busy);
    },
    ...overrides,
  };
  return api;
}

export function report2021(init: Partial<Pick<Report, 'year' | 'organ'>> = {}): Report {
  return createReport({ format: 'gov2021', year: init.year ?? 2025, organ: init.organ ?? '测试镇人民政府' });
}

export function renderEditor(ui: ReactNode, options: { report?: Report | null; api?: FakeApi } = {}): RenderResult & { editor: Editor; api: FakeApi } {
  const api = options.api ?? fakeApi();
  const editor = createEditor(api);
  const report = options.report === undefined ? report2021() : options.report;
  if (report) editor.actions.load(report, { saved: true });
  const result = render(<EditorProvider editor={editor}>{ui}</EditorProvider>);
  return { ...result, editor, api };
}

/** The input of a cell, by id. */
export function cellInput(id: string): HTMLInputElement {
  const element = document.getElementById(`cell-${id}`);
  if (!(element instanceof HTMLInputElement)) throw new Error(`no input for cell ${id}`);
  return element;
}
