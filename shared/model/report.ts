/**
 * The report document: what a clerk writes and what our files store.
 *
 * Cells keep the raw text exactly as typed or imported; numbers are derived
 * with parseCellValue. Totals that nobody typed are not stored at all: they
 * are computed from their parts (see values.ts). Findings are derived too.
 */
import type { FormatId, SectionKey } from '../formats/types.ts';
import type { AppealDecisions } from './decisions.ts';

/** Where a stored cell value came from. `computed` is never stored: it is a cell with no entry. */
export type CellSource = 'typed' | 'imported' | 'carried' | 'override';
/** `decisions`: a blank result column of 四 filled from the counts by decision type. */
export type Provenance = CellSource | 'computed' | 'decisions';

export interface CellEntry {
  raw: string;
  source: CellSource;
  /** For carried values the clerk must confirm (e.g. an approximate 2019→2021 mapping). */
  confirm?: string;
}

export type NarrativeSource = 'typed' | 'imported' | 'carried';

export interface Narrative {
  text: string;
  /**
   * How the text arrived. Which paragraphs are still last year's is not
   * stored: it is read off the text against LastYearBaseline, one paragraph
   * at a time (carriedParagraphs), so editing one unmarks only that one.
   */
  source: NarrativeSource;
}

/** Last year's figures and prose, kept so the cross-year checks work without the old file. */
export interface LastYearBaseline {
  format: FormatId;
  year: number;
  organ: string;
  /** Number each cell of last year's report stated (null: blank or not applicable). */
  values: Record<string, number | null>;
  /** Last year's narrative by section, for the copied-text measure and the paragraphs still carried. */
  sections: Partial<Record<SectionKey, string>>;
  /** Last year's preface, for the paragraphs of it still carried. */
  preface?: string;
}

/** A warning the clerk has explained; keyed by Finding.key. */
export interface Acknowledgement {
  explanation: string;
  at: string;
}

/**
 * What kind of body reports, for the 条例 article 49 deadline: a 县级以上人民政府部门
 * (31 January), a county-level or higher government's own report (31 March), or a
 * township (dates set locally).
 */
export type OrganKind = 'department' | 'government' | 'township';
export const ORGAN_KINDS: readonly OrganKind[] = ['department', 'government', 'township'];

/** The 基本信息 fields a finding can point to. */
export type InfoField = 'organ' | 'organKind' | 'dateLine';

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
  /** Set by the clerk; when absent it follows from the name (organKindOf). */
  organKind?: OrganKind;
  /** 四 by decision type, when the clerk used the helper (file version 2 on). */
  appealDecisions?: AppealDecisions;
}

// A township's name ends in 乡/镇/街道 (maybe with 人民政府/办事处, maybe in brackets: 海工园（寅阳镇）).
const TOWNSHIP_NAME = /(?:乡|镇|街道|苏木)(?:人民政府|办事处)?[)）]?$/;
// A government's own report: 县/区/市/州/盟/旗/省 followed by 人民政府.
const GOVERNMENT_NAME = /(?:县|区|市|州|盟|旗|省|自治区)人民政府$/;

/** The kind a name suggests; departments are the default (the earliest deadline). */
export function defaultOrganKind(organ: string): OrganKind {
  const name = organ.replace(/\s+/g, '');
  if (TOWNSHIP_NAME.test(name)) return 'township';
  if (GOVERNMENT_NAME.test(name)) return 'government';
  return 'department';
}

export function organKindOf(report: Pick<Report, 'organ' | 'organKind'>): OrganKind {
  return report.organKind ?? defaultOrganKind(report.organ);
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
