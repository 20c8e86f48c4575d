/**
 * The editor's state: the document (the only part undo sees), the file it
 * belongs to, and what the screen shows. Components subscribe to single
 * cells; totals and findings are derived from the report (derive.ts).
 */
import { temporal, type TemporalState } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImportedReport, RecoveredReport } from '../../../shared/bridge.ts';
import type { CarryOverNote } from '../../../shared/carryover/startNextYear.ts';
import type { FindingFix } from '../../../shared/checks/index.ts';
import type { AppealResult } from '../../../shared/formats/appealDecisions.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import type { SectionKey } from '../../../shared/formats/types.ts';
import { parseCellValue } from '../../../shared/model/parseCellValue.ts';
import type { CellEntry, InfoField, OrganKind, Report } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { changedPlace } from './changedPlace.ts';
import type { PageKey } from './derive.ts';

export type NarrativeKey = SectionKey | 'preface';

export interface OpenFile {
  path: string;
  name: string;
}

export interface Notice {
  tone: 'info' | 'success' | 'error';
  text: string;
}

/**
 * Where the findings panel (or anything else) asked the editor to take the
 * clerk: a cell, a paragraph, or (neither given) the page's first field.
 */
export interface FocusRequest {
  page: PageKey;
  cell?: string;
  narrative?: NarrativeKey;
  span?: { start: number; end: number };
  /** A 基本信息 field (机关名称, 落款日期, 机关类型). */
  field?: InfoField;
  /** Increases with every request, so asking for the same place twice still moves there. */
  seq: number;
}

export type ExportKind = 'docx' | 'text' | 'html';

/** The one dialog open over the editor, if any. */
export type DialogState =
  | { kind: 'recover'; recovered: RecoveredReport }
  | { kind: 'import'; imported: ImportedReport }
  | { kind: 'export'; format: ExportKind }
  | { kind: 'check' }
  | { kind: 'carryNotes'; notes: CarryOverNote[] }
  /** 打开 was given a file the app did not save (a Word or text report): offer to start from it instead. */
  | { kind: 'notReportFile'; message: string }
  | { kind: 'help' }
  | { kind: 'rulePacks' };

export interface EditorState {
  /** null until a report is created, opened, imported or recovered. */
  report: Report | null;
  file: OpenFile | null;
  /** The report object as last saved or opened; the document is dirty when it differs. */
  savedReport: Report | null;
  page: PageKey;
  focus: FocusRequest | null;
  notice: Notice | null;
  dialog: DialogState | null;
  /** The print view is mounted (打印, 导出 PDF). */
  printing: boolean;
}

export interface LoadOptions {
  file?: OpenFile | null;
  /** Whether the report is what is on disk (opened, saved); imported and recovered ones are not. */
  saved?: boolean;
  notice?: Notice | null;
}

type History = { report: Report | null };

export type EditorStore = StoreApi<EditorState> & { temporal: StoreApi<TemporalState<History>> };

const HISTORY_LIMIT = 200;
/** Typing pauses longer than this start a new undo step. */
export const TYPING_GROUP_IDLE_MS = 1200;

export function createEditorStore(): EditorStore {
  const initial: EditorState = { report: null, file: null, savedReport: null, page: 'info', focus: null, notice: null, dialog: null, printing: false };
  return createStore<EditorState>()(
    temporal<EditorState, [], [], History>(
      () => initial,
      {
        partialize: (state): History => ({ report: state.report }),
        // Only document changes are undo steps; moving between pages is not.
        equality: (past, current) => past.report === current.report,
        limit: HISTORY_LIMIT,
      },
    ),
  );
}

/** The cell entry typing `raw` leaves: none for a blank, an override on a total. */
function typedEntry(report: Report, id: string, raw: string): CellEntry | undefined {
  if (raw.trim() === '') return undefined;
  const info = formatIndex(report.format).cellById.get(id);
  return { raw, source: info?.computedBy ? 'override' : 'typed' };
}

function withCells(report: Report, changes: ReadonlyMap<string, CellEntry | undefined>): Report {
  const cells = { ...report.cells };
  for (const [id, entry] of changes) {
    if (entry) cells[id] = entry;
    else delete cells[id];
  }
  return { ...report, cells };
}

export function isDirty(state: EditorState): boolean {
  return state.report !== null && state.report !== state.savedReport;
}

/**
 * The actions. Typing is grouped into one undo step per cell or paragraph
 * (first keystroke recorded, the rest paused until the clerk leaves or
 * pauses); every other action closes an open group first.
 */
export function editorActions(store: EditorStore) {
  let group: { key: string; timer: ReturnType<typeof setTimeout> | undefined } | null = null;

  const endTyping = () => {
    if (!group) return;
    if (group.timer) clearTimeout(group.timer);
    group = null;
    store.temporal.getState().resume();
  };

  const typing = (key: string, change: (report: Report) => Report) => {
    const report = store.getState().report;
    if (!report) return;
    if (group?.key !== key) {
      endTyping();
      store.setState({ report: change(report) });
      store.temporal.getState().pause();
      group = { key, timer: undefined };
    } else {
      store.setState({ report: change(report) });
    }
    if (group.timer) clearTimeout(group.timer);
    group.timer = setTimeout(endTyping, TYPING_GROUP_IDLE_MS);
  };

  const edit = (change: (report: Report) => Report) => {
    endTyping();
    const report = store.getState().report;
    if (report) store.setState({ report: change(report) });
  };

  const goTo = (request: Omit<FocusRequest, 'seq'>) => {
    endTyping();
    const seq = (store.getState().focus?.seq ?? 0) + 1;
    store.setState({ page: request.page, focus: { ...request, seq } });
  };

  /**
   * Undo or redo one step, then show where it changed the report. A notice
   * about the step's edit ("已粘贴 4 个单元格") no longer holds, so it goes.
   */
  const stepHistory = (direction: 'undo' | 'redo') => {
    endTyping();
    const before = store.getState().report;
    const history = store.temporal.getState();
    if (direction === 'undo') history.undo();
    else history.redo();
    const after = store.getState().report;
    if (after === before) return;
    store.setState({ notice: null });
    const place = changedPlace(before, after);
    if (place) goTo(place);
  };

  return {
    endTyping,

    load(report: Report, options: LoadOptions = {}) {
      endTyping();
      store.setState({
        report,
        file: options.file ?? null,
        savedReport: options.saved ? report : null,
        page: 'info',
        focus: null,
        notice: options.notice ?? null,
        dialog: null,
      });
      store.temporal.getState().clear();
    },

    close() {
      endTyping();
      // A notice about the report just closed ("已打开：…") does not belong on the start page.
      store.setState({ report: null, file: null, savedReport: null, page: 'info', focus: null, notice: null });
      store.temporal.getState().clear();
    },

    markSaved(file: OpenFile, report: Report) {
      store.setState({ file, savedReport: report });
    },

    /** A keystroke in a cell: the raw text as it now stands. */
    typeCell(id: string, raw: string) {
      typing(`cell:${id}`, (report) => withCells(report, new Map([[id, typedEntry(report, id, raw)]])));
    },

    /** Escape: put back what the cell held before this edit and forget the edit. */
    cancelCell(id: string, before: CellEntry | undefined) {
      if (group?.key === `cell:${id}`) {
        endTyping();
        store.temporal.getState().undo();
        // The cancelled edit is not something to redo.
        store.temporal.setState({ futureStates: store.temporal.getState().futureStates.slice(0, -1) });
        return;
      }
      const report = store.getState().report;
      if (report && report.cells[id] !== before) edit((r) => withCells(r, new Map([[id, before]])));
    },

    /** Delete on a cell, or 使用计算值 on a total: remove what is stored. */
    clearCell(id: string) {
      const report = store.getState().report;
      if (report?.cells[id]) edit((r) => withCells(r, new Map([[id, undefined]])));
    },

    /**
     * A pasted block, one undo step. Totals in the block are stored only where
     * they differ from what their pasted parts add up to (then as overrides,
     * which the checks flag); elsewhere they stay computed.
     */
    pasteCells(assignments: ReadonlyMap<string, string>) {
      edit((report) => {
        const info = formatIndex(report.format).cellById;
        const leaves = new Map<string, CellEntry | undefined>();
        const totals: [string, string][] = [];
        for (const [id, raw] of assignments) {
          if (info.get(id)?.computedBy) totals.push([id, raw]);
          else leaves.set(id, typedEntry(report, id, raw));
        }
        const withLeaves = withCells(report, leaves);
        const values = evaluateReport(withLeaves).cells;
        const overrides = new Map<string, CellEntry | undefined>();
        for (const [id, raw] of totals) {
          const cell = info.get(id);
          const parsed = cell ? parseCellValue(raw, cell.column.kind) : undefined;
          const computed = values.get(id)?.computed ?? null;
          const agrees = parsed?.status === 'blank' || (parsed?.status === 'number' && parsed.value === computed);
          overrides.set(id, agrees ? undefined : typedEntry(withLeaves, id, raw));
        }
        return withCells(withLeaves, overrides);
      });
    },

    typeNarrative(key: NarrativeKey, text: string) {
      typing(`narrative:${key}`, (report) =>
        key === 'preface'
          ? { ...report, preface: { text, source: 'typed' } }
          : { ...report, sections: { ...report.sections, [key]: { text, source: 'typed' } } },
      );
    },

    setInfo(info: { organ?: string; dateLine?: string; organKind?: OrganKind | null }) {
      typing(`info:${Object.keys(info).join(',')}`, (report) => {
        const { organKind, ...text } = info;
        const next = { ...report, ...text };
        if (next.dateLine === '') delete next.dateLine;
        if (organKind === null) delete next.organKind;
        else if (organKind) next.organKind = organKind;
        return next;
      });
    },

    acknowledge(key: string, explanation: string | null) {
      edit((report) => {
        const acknowledgements = { ...report.acknowledgements };
        if (explanation === null || explanation.trim() === '') delete acknowledgements[key];
        else acknowledgements[key] = { explanation: explanation.trim(), at: new Date().toISOString() };
        return { ...report, acknowledgements };
      });
    },

    /** 四 by decision type: one count (undefined clears it), typed like a cell. */
    setDecisionCount(group: string, decision: string, count: number | undefined) {
      typing(`decision:${group}.${decision}`, (report) => {
        const decisions = report.appealDecisions ?? { counts: {} };
        const counts = { ...decisions.counts[group] };
        if (count === undefined) delete counts[decision];
        else counts[decision] = count;
        return { ...report, appealDecisions: { ...decisions, counts: { ...decisions.counts, [group]: counts } } };
      });
    },

    /** Where a decision type counts; the default (undefined) removes the report's own mapping. */
    setDecisionMapping(group: string, decision: string, result: AppealResult | undefined) {
      edit((report) => {
        const decisions = report.appealDecisions ?? { counts: {} };
        const mapping = { ...decisions.mapping };
        if (result === undefined) delete mapping[`${group}.${decision}`];
        else mapping[`${group}.${decision}`] = result;
        return { ...report, appealDecisions: { ...decisions, mapping } };
      });
    },

    applyFix(fix: FindingFix) {
      edit((report) => {
        switch (fix.kind) {
          case 'fillZero':
            return withCells(report, new Map(fix.cells.map((id) => [id, { raw: '0', source: 'typed' }])));
          case 'normalize': {
            const entry = report.cells[fix.cell];
            return withCells(report, new Map([[fix.cell, { raw: fix.raw, source: entry?.source ?? 'typed' }]]));
          }
          case 'setValue':
            return withCells(report, new Map([[fix.cell, { raw: fix.raw, source: 'typed' }]]));
          case 'useComputed':
            return withCells(report, new Map(fix.cells.map((id) => [id, undefined])));
          case 'replaceText': {
            const narrative = fix.section === 'preface' ? report.preface : report.sections[fix.section];
            // The text may have changed since the check ran: replace only what the finding saw.
            if (narrative.text.slice(fix.start, fix.end) !== fix.from) return report;
            const changed = { text: narrative.text.slice(0, fix.start) + fix.to + narrative.text.slice(fix.end), source: 'typed' as const };
            return fix.section === 'preface' ? { ...report, preface: changed } : { ...report, sections: { ...report.sections, [fix.section]: changed } };
          }
          case 'confirmCarried':
            return withCells(
              report,
              new Map(
                fix.cells.flatMap((id) => {
                  const entry = report.cells[id];
                  return entry ? [[id, { raw: entry.raw, source: entry.source }] as const] : [];
                }),
              ),
            );
        }
      });
    },

    undo() {
      stepHistory('undo');
    },

    redo() {
      stepHistory('redo');
    },

    goTo,

    showPage(page: PageKey) {
      endTyping();
      store.setState({ page, focus: null });
    },

    notify(notice: Notice | null) {
      store.setState({ notice });
    },

    setPrinting(printing: boolean) {
      endTyping();
      store.setState({ printing });
    },

    openDialog(dialog: DialogState | null) {
      endTyping();
      store.setState({ dialog });
    },
  };
}

export type EditorActions = ReturnType<typeof editorActions>;
