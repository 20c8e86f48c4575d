/**
 * Cells and tables named as the format prints them, for every message a
 * clerk reads (the import dialog, `nianbao import`, the carry-over summary):
 * 第二十条第（八）项·行政事业性收费·本年增/减, never art20_8.fees.change.
 */
import { formatIndex } from './index.ts';
import type { FormatId } from './types.ts';

/**
 * A cell by its labels: 第二十条第（一）项·规章·本年制发件数; where the table
 * has no caption of its own, with its part: 第三部分·一、本年新收申请数量·自然人.
 */
export function describeCell(format: FormatId, id: string): string {
  const info = formatIndex(format).cellById.get(id);
  if (!info) return `未知单元格（${id}）`;
  return info.table.caption ? info.label : `第${info.table.section}部分·${info.label}`;
}

/** A table by its section and caption: 二、第二十条第（一）项, or 三、收到和处理政府信息公开申请情况. */
export function describeTable(format: FormatId, id: string): string {
  const index = formatIndex(format);
  const table = index.tables.get(id);
  if (!table) return `未知表格（${id}）`;
  const title = table.caption ?? index.format.sections.find((s) => s.key === table.section)?.title ?? '';
  return `${table.section}、${title}的表格`;
}
