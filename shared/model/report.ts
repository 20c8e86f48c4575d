/**
 * The report document: what a clerk writes and what our files store.
 *
 * Cells keep the raw text exactly as typed or imported; numbers are derived
 * with parseCellValue. Totals that nobody typed are not stored at all: they
 * are computed from their parts (see values.ts). Findings are derived too.
 */
import type { FormatId, SectionKey } from '../formats/types.ts';

/** Where a stored cell value came from. `computed` is never stored: it is a cell with no entry. */
export type CellSource = 'typed' | 'imported' | 'carried' | 'override';
export type Provenance = CellSource | 'computed';

export interface CellEntry {
  raw: string;
  source: CellSource;
  /** For carried values the clerk must confirm (e.g. an approximate 2019→2021 mapping). */
  confirm?: string;
}

export type NarrativeSource = 'typed' | 'imported' | 'carried';

export interface Narrative {
  text: string;
  /** Carried prose stays marked as last year's draft until the clerk edits it. */
  source: NarrativeSource;
}

/** Last year's figures and prose, kept so the cross-year checks work without the old file. */
export interface LastYearBaseline {
  format: FormatId;
  year: number;
  organ: string;
  /** Number each cell of last year's report stated (null: blank or not applicable). */
  values: Record<string, number | null>;
  /** Last year's narrative by section, for the copied-text measure. */
  sections: Partial<Record<SectionKey, string>>;
}

/** A warning the clerk has explained; keyed by Finding.key. */
export interface Acknowledgement {
  explanation: string;
  at: string;
}

export interface Report {
  format: FormatId;
  year: number;
  /** 机关名称, e.g. 淮安市洪泽区人民政府. */
  organ: string;
  /** Text before 一、总体情况 (the usual 本报告根据…编制 paragraph). */
  preface: Narrative;
  sections: Record<SectionKey, Narrative>;
  cells: Record<string, CellEntry>;
  acknowledgements: Record<string, Acknowledgement>;
  lastYear?: LastYearBaseline;
  /** Publication date line printed under the signature, free text (e.g. 2025年1月20日). */
  dateLine?: string;
}

export function emptyNarrative(): Narrative {
  return { text: '', source: 'typed' };
}

export function createReport(init: { format: FormatId; year: number; organ: string }): Report {
  return {
    format: init.format,
    year: init.year,
    organ: init.organ,
    preface: emptyNarrative(),
    sections: {
      一: emptyNarrative(),
      二: emptyNarrative(),
      三: emptyNarrative(),
      四: emptyNarrative(),
      五: emptyNarrative(),
      六: emptyNarrative(),
    },
    cells: {},
    acknowledgements: {},
  };
}

/** The report's title as the format prints it. */
export function reportTitle(report: Pick<Report, 'organ' | 'year'>): string {
  return `${report.organ}${report.year}年政府信息公开工作年度报告`;
}
