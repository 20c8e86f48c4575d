/**
 * Whether the section list and the findings panel are folded to a narrow
 * strip, remembered between runs. Small screens need the room for the tables.
 */
import { useSyncExternalStore } from 'react';
import { readPreference, writePreference } from './storage.ts';

export type PanelKey = 'nav' | 'findings';

const storageKey = (panel: PanelKey) => `nianbao.panel.${panel}.collapsed`;
const listeners = new Set<() => void>();
const collapsed = new Map<PanelKey, boolean>();

export function isCollapsed(panel: PanelKey): boolean {
  let known = collapsed.get(panel);
  if (known === undefined) {
    known = readPreference(storageKey(panel)) === 'true';
    collapsed.set(panel, known);
  }
  return known;
}

export function setCollapsed(panel: PanelKey, value: boolean): void {
  collapsed.set(panel, value);
  writePreference(storageKey(panel), String(value));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The panel's state and its setter; the component re-renders when it changes. */
export function usePanel(panel: PanelKey): [collapsed: boolean, setCollapsed: (value: boolean) => void] {
  const value = useSyncExternalStore(subscribe, () => isCollapsed(panel));
  return [value, (next) => setCollapsed(panel, next)];
}
