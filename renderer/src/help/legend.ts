/**
 * What the colours of a cell mean, declared once: the legend under the
 * toolbar-side of a table, the help page and the cells' own classes
 * (prov-*, mark-*) all follow this list. Swatches use the same CSS variables
 * as the cells (styles.css), so a colour is chosen in one place.
 */
import type { CSSProperties } from 'react';

export interface LegendEntry {
  key: string;
  label: string;
  meaning: string;
  swatch: CSSProperties;
}

/** The fills: where a value came from. */
export const FILL_LEGEND: readonly LegendEntry[] = [
  { key: 'carried', label: '取自上年', meaning: '从上年报告取来的数值（悬停可见取自哪一项），请核对后再用', swatch: { background: 'var(--carried)' } },
  { key: 'imported', label: '导入', meaning: '从 Word 或文本文件读入的数值，请与原文核对', swatch: { background: 'var(--imported)' } },
  {
    key: 'override',
    label: '手工改写的合计',
    meaning: '合计被手工改写过；与分项之和不一致时会报错。清空它即恢复自动计算',
    swatch: { background: 'var(--override)' },
  },
  {
    key: 'computed',
    label: '自动合计',
    meaning: '由分项自动相加，不用填写；确需改写时按 F2（或双击）',
    swatch: { background: 'var(--computed)' },
  },
];

/** The marks: what the checks say about a cell. */
export const MARK_LEGEND: readonly LegendEntry[] = [
  { key: 'error', label: '红色竖条', meaning: '错误：合计不符、勾稽关系不平衡或数值无效，报送前应当修改', swatch: { boxShadow: 'inset 3px 0 0 var(--error)', border: '1px solid var(--error)' } },
  { key: 'warning', label: '橙色竖条', meaning: '提示：请修改，或在右侧“检查结果”中说明原因', swatch: { boxShadow: 'inset 3px 0 0 var(--warning)', border: '1px solid var(--warning)' } },
  { key: 'ack', label: '灰色竖条', meaning: '提示已说明', swatch: { boxShadow: 'inset 3px 0 0 #9aa0a6' } },
  { key: 'confirm', label: '蓝色虚线框', meaning: '结转的数值口径可能不同，请核实', swatch: { border: '1px dashed #1a56a8' } },
];
