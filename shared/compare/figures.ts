/** One year's stated figures, from a report or from the baseline a report keeps of last year's. */
import type { FormatId } from '../formats/types.ts';
import type { LastYearBaseline, Report } from '../model/report.ts';
import { evaluateReport } from '../model/values.ts';

export interface YearFigures {
  format: FormatId;
  year: number;
  organ: string;
  /** The number each cell states (null: blank, not applicable or not a number). */
  values: Readonly<Record<string, number | null>>;
}

export function figuresOf(source: Report | LastYearBaseline): YearFigures {
  if ('cells' in source) {
    const values: Record<string, number | null> = {};
    for (const [id, cell] of evaluateReport(source).cells) values[id] = cell.value;
    return { format: source.format, year: source.year, organ: source.organ, values };
  }
  return { format: source.format, year: source.year, organ: source.organ, values: source.values };
}
