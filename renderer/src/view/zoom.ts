/**
 * The editor's zoom: the registry's 放大 / 缩小 / 实际大小 (Ctrl+= / Ctrl+- /
 * Ctrl+0) step through fixed levels, and the level is remembered. The whole page is zoomed with CSS `zoom` on the
 * root (print.css resets it for paper), so the browser mode and the desktop
 * behave alike.
 */
import { readPreference, writePreference } from './storage.ts';

export const ZOOM_LEVELS = [0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
const STORAGE_KEY = 'nianbao.zoom';

export type ZoomStep = 'in' | 'out' | 'reset';

/** The level after a step; at either end the level stays. */
export function steppedZoom(current: number, step: ZoomStep): number {
  if (step === 'reset') return 1;
  if (step === 'in') return ZOOM_LEVELS.find((level) => level > current + 1e-9) ?? current;
  return [...ZOOM_LEVELS].reverse().find((level) => level < current - 1e-9) ?? current;
}

/** A stored level, if it is one of ours. */
export function parseZoom(stored: string | null): number {
  const level = Number(stored);
  return ZOOM_LEVELS.find((l) => l === level) ?? 1;
}

let level = 1;

export function currentZoom(): number {
  return level;
}

function apply(next: number): void {
  level = next;
  document.documentElement.style.setProperty('--editor-zoom', String(next));
}

/** Zooms by one step and remembers the level. */
export function zoom(step: ZoomStep): number {
  apply(steppedZoom(level, step));
  writePreference(STORAGE_KEY, String(level));
  return level;
}

/** Applies the remembered level (at start). */
export function restoreZoom(): void {
  apply(parseZoom(readPreference(STORAGE_KEY)));
}
