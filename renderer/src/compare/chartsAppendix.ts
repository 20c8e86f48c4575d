/**
 * Whether 打印, 导出 PDF and 导出 Word append the 图解: one choice for the
 * session, off by default, set on the 与上年对比 page or in the Word export
 * dialog, so paper and .docx never disagree.
 */
import { useSyncExternalStore } from 'react';

let on = false;
const listeners = new Set<() => void>();

export function setChartsAppendix(value: boolean): void {
  on = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useChartsAppendix(): boolean {
  return useSyncExternalStore(subscribe, () => on);
}
