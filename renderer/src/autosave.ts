/**
 * When the working copy is written: two seconds after the clerk pauses, and
 * at the latest ten seconds after the first change not yet in a copy, so a
 * clerk who types steadily and never pauses still has a copy on a clock
 * (as Word's AutoRecover does). A failed write (a full disk) is said once
 * and tried again every ten seconds.
 *
 * Nothing here runs on the keystroke: the store callback only notes the time
 * of the change. The report is serialized and sent when a timer is due, in an
 * idle callback of the page.
 */
import type { Editor } from './store/context.tsx';
import { isDirty, type Notice } from './store/editor.ts';

export const AUTOSAVE_IDLE_MS = 2_000;
export const AUTOSAVE_MAX_WAIT_MS = 10_000;
export const AUTOSAVE_RETRY_MS = 10_000;

export interface AutosavePlan {
  /** Written this long after the last change… */
  idleMs: number;
  /** …or this long after the first unsaved change, whichever comes first. */
  maxWaitMs: number;
  /** After a failed write, the next try. */
  retryMs: number;
}

export const AUTOSAVE_PLAN: AutosavePlan = { idleMs: AUTOSAVE_IDLE_MS, maxWaitMs: AUTOSAVE_MAX_WAIT_MS, retryMs: AUTOSAVE_RETRY_MS };

/** Changes not yet in a working copy. Times in ms of one clock. */
export interface Pending {
  first: number;
  last: number;
  /** No write before this (the retry delay after a failure). */
  notBefore: number;
}

/** When the next working copy is due. */
export function autosaveDue(pending: Pending, plan: AutosavePlan): number {
  return Math.max(pending.notBefore, Math.min(pending.last + plan.idleMs, pending.first + plan.maxWaitMs));
}

/** Timers and idle callbacks, passed in so tests can drive them. */
export interface AutosaveClock {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Runs `run` when the page is idle, within a second at most. */
  whenIdle(run: () => void): void;
}

export const browserClock: AutosaveClock = {
  now: () => performance.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  whenIdle: (run) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: 1_000 });
    else setTimeout(run, 0);
  },
};

export interface AutosaveSchedule {
  /** The report changed and is unsaved. Cheap: called on every keystroke. */
  changed(): void;
  /** The report is saved (or closed): nothing is pending. */
  settled(): void;
  stop(): void;
}

/**
 * Calls `write` on the plan's clock. `write` resolves true when the copy was
 * written (or nothing needed writing), false when it failed.
 */
export function scheduleAutosave(write: () => Promise<boolean>, clock: AutosaveClock = browserClock, plan: AutosavePlan = AUTOSAVE_PLAN): AutosaveSchedule {
  let pending: Pending | null = null;
  let timer: unknown = null;
  let writing = false;
  let stopped = false;

  function arm(): void {
    if (timer !== null || pending === null || writing || stopped) return;
    timer = clock.setTimer(fire, Math.max(0, autosaveDue(pending, plan) - clock.now()));
  }

  // Timers are not moved on each keystroke: when one fires early, it re-arms for the rest.
  function fire(): void {
    timer = null;
    if (pending === null || stopped) return;
    if (autosaveDue(pending, plan) > clock.now()) return arm();
    writing = true;
    clock.whenIdle(() => void run());
  }

  async function run(): Promise<void> {
    const written = pending;
    // Changes from here on start a new clock.
    pending = null;
    const ok = stopped || (await write().catch(() => false));
    writing = false;
    if (!ok && written !== null) {
      // Changes made during the write (changed() may have set it again).
      const since = pending as Pending | null;
      pending = {
        first: Math.min(written.first, since?.first ?? written.first),
        last: Math.max(written.last, since?.last ?? written.last),
        notBefore: clock.now() + plan.retryMs,
      };
    }
    arm();
  }

  function settle(): void {
    pending = null;
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
  }

  return {
    changed() {
      const now = clock.now();
      if (pending === null) pending = { first: now, last: now, notBefore: 0 };
      else pending.last = now;
      arm();
    },
    settled: settle,
    stop() {
      stopped = true;
      settle();
    },
  };
}

/** Sends the working copy; a failure is told once until a write succeeds again. */
function workingCopyWriter(editor: Editor): () => Promise<boolean> {
  let failure: Notice | null = null;
  return async () => {
    const state = editor.store.getState();
    if (!state.report || !isDirty(state)) return true;
    const result = await editor.api.autosave(state.report);
    if (result.ok) {
      if (failure !== null && editor.store.getState().notice === failure) {
        editor.actions.notify({ tone: 'success', text: '自动保存已恢复正常。' });
      }
      failure = null;
      return true;
    }
    if (failure === null) {
      failure = { tone: 'error', text: `${result.message}程序每 ${AUTOSAVE_RETRY_MS / 1000} 秒会再试一次；在此之前修改没有备份，请尽快保存。` };
      editor.actions.notify(failure);
    }
    return false;
  };
}

/** Keeps the working copy of the editor's report on the plan's clock; returns the disconnect. */
export function watchAutosave(editor: Editor, clock: AutosaveClock = browserClock, plan: AutosavePlan = AUTOSAVE_PLAN): () => void {
  const schedule = scheduleAutosave(workingCopyWriter(editor), clock, plan);
  const unsubscribe = editor.store.subscribe((state, previous) => {
    if (state.report === previous.report && state.savedReport === previous.savedReport) return;
    if (!isDirty(state)) schedule.settled();
    else if (state.report !== previous.report) schedule.changed();
  });
  return () => {
    schedule.stop();
    unsubscribe();
  };
}
