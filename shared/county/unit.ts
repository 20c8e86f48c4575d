/**
 * What the county office keeps of each report it reads: the status line and
 * the input cells' numbers, so a folder of thousands of reports is summed
 * without holding the reports themselves.
 */
import { checkReport } from '../checks/index.ts';
import type { ExtraRules, Finding } from '../checks/types.ts';
import type { Report } from '../model/report.ts';
import { evaluateReport } from '../model/values.ts';
import { unitStatus, type UnitStatus } from './status.ts';

export interface CountyUnit extends UnitStatus {
  /** Where the report came from, as the office names it (a path relative to the folder). */
  file: string;
  /** Every input (non-total) cell that states a number. */
  inputs: Record<string, number>;
  /** Input cells counted as 0 in a sum, by why. */
  blankCells: number;
  notApplicableCells: number;
  /** Ids of input cells whose text is not a number (the checks report them too). */
  invalidCells: string[];
}

/** The unit and its findings; callers that only sum may drop the findings. */
export function digestUnit(
  file: string,
  report: Report,
  yearKnown = true,
  extra: readonly ExtraRules[] = [],
): { unit: CountyUnit; findings: Finding[] } {
  const values = evaluateReport(report);
  const findings = checkReport(report, values, extra);
  const inputs: Record<string, number> = {};
  let blankCells = 0;
  let notApplicableCells = 0;
  const invalidCells: string[] = [];
  for (const cell of values.cells.values()) {
    if (cell.info.computedBy) continue;
    const { parsed } = cell;
    if (parsed.status === 'number') inputs[cell.info.id] = parsed.value;
    else if (parsed.status === 'blank') blankCells++;
    else if (parsed.status === 'na') notApplicableCells++;
    else invalidCells.push(cell.info.id);
  }
  const unit = { file, ...unitStatus(report, findings, yearKnown), inputs, blankCells, notApplicableCells, invalidCells };
  return { unit, findings };
}
