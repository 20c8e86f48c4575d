/**
 * Reports the clerk added on the 与上年对比 page (read through the one import
 * front door): the last-year file compared cell by cell, for a report that
 * keeps no baseline or to compare with another year, and earlier years of the
 * same organ that only the charts' series show. Kept for the session only:
 * they are not part of the report.
 */
import { useSyncExternalStore } from 'react';
import { figuresOf, type YearFigures } from '../../../shared/compare/figures.ts';
import type { Report } from '../../../shared/model/report.ts';

export interface AddedYear {
  name: string;
  figures: YearFigures;
}

let added: AddedYear | null = null;
let earlier: readonly AddedYear[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function setAddedYear(file: { name: string; report: Report } | null): void {
  added = file ? { name: file.name, figures: figuresOf(file.report) } : null;
  changed();
}

/** Adds one more year to the charts' series; a file of a year already there replaces it. */
export function addEarlierYear(file: { name: string; report: Report }): void {
  const figures = figuresOf(file.report);
  earlier = [...earlier.filter((y) => y.figures.year !== figures.year), { name: file.name, figures }];
  changed();
}

export function clearEarlierYears(): void {
  earlier = [];
  changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAddedYear(): AddedYear | null {
  return useSyncExternalStore(subscribe, () => added);
}

export function useEarlierYears(): readonly AddedYear[] {
  return useSyncExternalStore(subscribe, () => earlier);
}
