/**
 * One unit's line in the county office's table, read off the findings the
 * checks already produce (the 落款 date rules included), never checked twice.
 */
import type { Finding } from '../checks/types.ts';
import type { FormatId } from '../formats/types.ts';
import type { Report } from '../model/report.ts';

export type UnitVerdict = '错误' | '待说明' | '通过';

export interface UnitStatus {
  organ: string;
  /** null: the file names no year we could recognize. */
  year: number | null;
  format: FormatId;
  errors: number;
  warnings: number;
  /** Warnings the unit has not explained (Report.acknowledgements). */
  unexplained: number;
  /** The 落款 date as written; null when there is none. */
  dateLine: string | null;
  /** Past the deadline of its kind of organ; null when there is no readable date to judge. */
  late: boolean | null;
  verdict: UnitVerdict;
}

/** Rules that mean the 落款 date is missing or unreadable (see checks/info.ts). */
const NO_DATE_RULE = 'info.date';
const LATE_RULE = 'info.dateLate';

export function unitStatus(report: Report, findings: readonly Finding[], yearKnown = true): UnitStatus {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning');
  const unexplained = warnings.filter((f) => f.acknowledged === undefined).length;
  const dateLine = report.dateLine?.trim() || null;
  const noDate = findings.some((f) => f.rule === NO_DATE_RULE);
  return {
    organ: report.organ,
    year: yearKnown ? report.year : null,
    format: report.format,
    errors,
    warnings: warnings.length,
    unexplained,
    dateLine,
    late: noDate ? null : findings.some((f) => f.rule === LATE_RULE),
    verdict: errors > 0 ? '错误' : unexplained > 0 ? '待说明' : '通过',
  };
}
