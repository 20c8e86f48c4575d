/** The busy indicator: nothing for short work, the label after a second, gone when the work ends. */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY_SHOWN_AFTER_MS, BusyIndicator } from '../../renderer/src/components/BusyIndicator.tsx';
import { fakeApi, renderEditor } from './editorHarness.tsx';

afterEach(() => {
  vi.useRealTimers();
});

const LABEL = '正在读取“上年报告.docx”……';

describe('busy indicator', () => {
  it('shows the work only after a second, then clears it when the work ends', () => {
    vi.useFakeTimers();
    const api = fakeApi();
    renderEditor(<BusyIndicator />, { api });
    act(() => api.sendBusy({ label: LABEL }));
    act(() => vi.advanceTimersByTime(BUSY_SHOWN_AFTER_MS - 1));
    expect(screen.queryByText(LABEL)).toBeNull();
    act(() => vi.advanceTimersByTime(1));
    const status = screen.getByText(LABEL).closest('[role="status"]');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(status?.querySelector('progress')).not.toHaveAttribute('value');
    act(() => api.sendBusy(null));
    expect(screen.queryByText(LABEL)).toBeNull();
  });

  it('never shows work that ends within the second', () => {
    vi.useFakeTimers();
    const api = fakeApi();
    renderEditor(<BusyIndicator />, { api, report: null });
    act(() => api.sendBusy({ label: LABEL }));
    act(() => vi.advanceTimersByTime(BUSY_SHOWN_AFTER_MS - 100));
    act(() => api.sendBusy(null));
    act(() => vi.advanceTimersByTime(BUSY_SHOWN_AFTER_MS * 5));
    expect(screen.queryByText(LABEL)).toBeNull();
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('unsubscribes when the editor goes away', () => {
    const unsubscribe = vi.fn();
    const api = fakeApi({ onBusy: () => unsubscribe });
    const { unmount } = renderEditor(<BusyIndicator />, { api });
    unmount();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
