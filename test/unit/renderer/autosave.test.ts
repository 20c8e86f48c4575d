import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeResult, NianbaoApi } from '../../../shared/bridge.ts';
import { createReport } from '../../../shared/model/report.ts';
import type { Report } from '../../../shared/model/report.ts';
import {
  AUTOSAVE_PLAN,
  autosaveDue,
  scheduleAutosave,
  watchAutosave,
  type AutosaveClock,
} from '../../../renderer/src/autosave.ts';
import { createEditor } from '../../../renderer/src/store/context.tsx';

// Vitest's fake timers drive both the clock and the timers.
function fakeClock(): AutosaveClock & { timersSet: number } {
  const clock = {
    timersSet: 0,
    now: () => Date.now(),
    setTimer: (run: () => void, ms: number) => {
      clock.timersSet++;
      return setTimeout(run, ms);
    },
    clearTimer: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    whenIdle: (run: () => void) => void setTimeout(run, 0),
  };
  return clock;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosaveDue', () => {
  it.each([
    // first, last, notBefore → due
    [0, 0, 0, 2_000, 'a single change: after the idle pause'],
    [0, 1_500, 0, 3_500, 'typing with pauses under 2 s moves the idle point'],
    [0, 9_000, 0, 10_000, 'steady typing: at most 10 s after the first change'],
    [0, 20_000, 0, 10_000, 'never later than the maximum wait'],
    [0, 0, 15_000, 15_000, 'after a failure, not before the retry'],
  ])('first %i, last %i, not before %i → %i (%s)', (first, last, notBefore, due) => {
    expect(autosaveDue({ first, last, notBefore }, AUTOSAVE_PLAN)).toBe(due);
  });
});

describe('scheduleAutosave', () => {
  it('writes two seconds after the clerk pauses, once', async () => {
    const write = vi.fn(async () => true);
    const schedule = scheduleAutosave(write, fakeClock());
    schedule.changed();
    await vi.advanceTimersByTimeAsync(1_000);
    schedule.changed();
    await vi.advanceTimersByTimeAsync(1_900);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(write).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('writes at least every ten seconds while the clerk types without pausing', async () => {
    const writes: number[] = [];
    const clock = fakeClock();
    const schedule = scheduleAutosave(async () => {
      writes.push(Date.now());
      return true;
    }, clock);
    const changes: number[] = [];
    // A key every 300–800 ms for a minute.
    const gaps = [300, 800, 450, 600, 700, 350];
    for (let i = 0; Date.now() < 60_000; i++) {
      changes.push(Date.now());
      schedule.changed();
      await vi.advanceTimersByTimeAsync(gaps[i % gaps.length]!);
    }
    // A new clock starts at the first key after each copy: five copies in a minute.
    expect(writes.length).toBe(5);
    // Every change is in a copy written at most 10 s after it (plus the idle callback's second at most).
    for (const change of changes.filter((c) => c <= writes.at(-1)!)) {
      const copy = writes.find((w) => w >= change)!;
      expect(copy - change).toBeLessThanOrEqual(AUTOSAVE_PLAN.maxWaitMs + 1_000);
    }
    // The keystroke does not move a timer: far fewer timers than keys.
    expect(clock.timersSet).toBeLessThan(changes.length / 3);
  });

  it('writes nothing once the report is saved', async () => {
    const write = vi.fn(async () => true);
    const schedule = scheduleAutosave(write, fakeClock());
    schedule.changed();
    await vi.advanceTimersByTimeAsync(1_000);
    schedule.settled();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(write).not.toHaveBeenCalled();
  });

  it('tries a failed write again after the retry delay, keeping the first change’s clock', async () => {
    const results = [false, false, true];
    const write = vi.fn(async () => results.shift() ?? true);
    const schedule = scheduleAutosave(write, fakeClock());
    schedule.changed();
    await vi.advanceTimersByTimeAsync(2_010);
    expect(write).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_PLAN.retryMs - 100);
    expect(write).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(write).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_PLAN.retryMs);
    expect(write).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(write).toHaveBeenCalledTimes(3);
  });

  it('starts a new clock for changes made while a copy is being written', async () => {
    let finish: (ok: boolean) => void = () => undefined;
    const write = vi.fn(() => new Promise<boolean>((resolve) => (finish = resolve)));
    const schedule = scheduleAutosave(write, fakeClock());
    schedule.changed();
    await vi.advanceTimersByTimeAsync(2_010);
    expect(write).toHaveBeenCalledTimes(1);
    schedule.changed();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(write).toHaveBeenCalledTimes(1);
    finish(true);
    await vi.advanceTimersByTimeAsync(0);
    // The change during the write is due 2 s after it, which has passed.
    await vi.advanceTimersByTimeAsync(10);
    expect(write).toHaveBeenCalledTimes(2);
  });
});

function fakeApi(autosave: (report: Report) => Promise<BridgeResult<null>>): NianbaoApi {
  return { autosave } as unknown as NianbaoApi;
}

describe('watchAutosave', () => {
  const report = createReport({ format: 'gov2021', year: 2025, organ: '甲镇人民政府' });

  it('sends the report as it is when the copy is due, only while it is unsaved', async () => {
    const autosave = vi.fn(async () => ({ ok: true as const, value: null }));
    const editor = createEditor(fakeApi(autosave));
    editor.actions.load(report, { saved: true });
    const stop = watchAutosave(editor, fakeClock());
    await vi.advanceTimersByTimeAsync(30_000);
    expect(autosave).not.toHaveBeenCalled();
    editor.actions.typeCell('requests.new.natural', '3');
    await vi.advanceTimersByTimeAsync(2_100);
    expect(autosave).toHaveBeenCalledTimes(1);
    expect(autosave).toHaveBeenCalledWith(editor.store.getState().report);
    editor.actions.typeCell('requests.new.natural', '34');
    editor.actions.markSaved({ path: '/r.nianbao', name: 'r.nianbao' }, editor.store.getState().report!);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(autosave).toHaveBeenCalledTimes(1);
    stop();
  });

  it('tells the clerk once that autosave fails, keeps trying, and says when it works again', async () => {
    let disk: 'full' | 'ok' = 'full';
    const autosave = vi.fn(async () =>
      disk === 'full' ? { ok: false as const, message: '自动保存失败：磁盘空间已满，请清理磁盘。' } : { ok: true as const, value: null },
    );
    const editor = createEditor(fakeApi(autosave));
    editor.actions.load(report, { saved: true });
    const stop = watchAutosave(editor, fakeClock());
    const notices: string[] = [];
    editor.store.subscribe((s, p) => {
      if (s.notice !== p.notice && s.notice) notices.push(s.notice.text);
    });
    editor.actions.typeCell('requests.new.natural', '3');
    await vi.advanceTimersByTimeAsync(2_100 + 3 * AUTOSAVE_PLAN.retryMs);
    expect(autosave).toHaveBeenCalledTimes(4);
    expect(notices).toEqual([expect.stringMatching(/^自动保存失败：磁盘空间已满，请清理磁盘。程序每 10 秒会再试一次/)]);
    disk = 'ok';
    await vi.advanceTimersByTimeAsync(AUTOSAVE_PLAN.retryMs);
    expect(autosave).toHaveBeenCalledTimes(5);
    expect(notices.at(-1)).toBe('自动保存已恢复正常。');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(autosave).toHaveBeenCalledTimes(5);
    stop();
  });
});
