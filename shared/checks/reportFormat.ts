/** A report written in the format of another year (last year's file reused across the 2021 change). */
import { formatForYear, getFormat } from '../formats/index.ts';
import type { CheckContext } from './context.ts';
import type { Finding } from './types.ts';

export function formatYearFindings(ctx: CheckContext, out: Finding[]): void {
  const { report } = ctx;
  const due = formatForYear(report.year);
  if (due === report.format) return;
  out.push({
    severity: 'warning',
    rule: 'format.year',
    cells: [],
    section: 'preface',
    expected: due,
    actual: report.format,
    message: `${report.year}年度报告应使用${getFormat(due).source}规定的格式，当前使用的是${getFormat(report.format).source}规定的格式`,
    key: 'format.year',
  });
}
