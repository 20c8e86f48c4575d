/**
 * A last-year report the clerk added on the 与上年对比 page (read through the
 * one import front door), for a report that keeps no baseline or to compare
 * with another year. Kept for the session only: it is not part of the report.
 */
import { useSyncExternalStore } from 'react';
import { figuresOf, type YearFigures } from '../../../shared/compare/figures.ts';
import type { Report } from '../../../shared/model/report.ts';

export interface AddedYear {
  name: string;
  figures: YearFigures;
}

let added: AddedYear | null = null;
const listeners = new Set<() => void>();

export function setAddedYear(file: { name: string; report: Report } | null): void {
  added = file ? { name: file.name, figures: figuresOf(file.report) } : null;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAddedYear(): AddedYear | null {
  return useSyncExternalStore(subscribe, () => added);
}
