/**
 * The report as a standalone HTML page for the government website: real
 * tables with the official merges (rowspan/colspan), column widths in
 * percent of the 156 mm type area so they survive a narrower page, and
 * print rules after GB/T 9704 for anyone printing it. Caption and header
 * rows keep with the rows after them; data rows are not marked break-inside:
 * avoid: with the 22-row group cell of 三 Chromium then moves the whole block
 * to the next page.
 */
import type { Report } from '../model/report.ts';
import { gridOf, layoutReport, type FindingNote, type LayoutCell, type ParagraphLayout, type TableLayout } from './layout.ts';

export interface HtmlOptions {
  blankAsZero?: boolean;
  /** Amounts with exactly four decimals (1.5000); unset, where the column's header asks for it (保留4位小数). */
  fourDecimalAmounts?: boolean;
  /** The checks' findings; when given, a 检查说明 part lists the acknowledged ones. */
  findingsSheet?: readonly FindingNote[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const STYLE = `
body { margin: 0 auto; max-width: 180mm; padding: 8mm; color: #000; background: #fff;
  font: 16pt/1.8 "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", serif; }
h1 { font: 22pt/1.5 "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", serif; text-align: center; margin: 0 0 1em; }
h2 { font: 16pt/1.8 "黑体", "SimHei", "Heiti SC", sans-serif; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
p.subheading { font-family: "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", serif; }
p.note { text-indent: 0; font-size: 10.5pt; }
p.signature { text-align: right; padding-right: 4em; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0.5em 0 1em;
  font: 10.5pt/1.4 "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", serif; }
th, td { border: 1px solid #000; padding: 2px 3px; text-align: center; vertical-align: middle; word-break: break-all; }
th { font-family: "黑体", "SimHei", "Heiti SC", sans-serif; font-weight: normal; }
th.label, th.caption, th.note { text-align: left; }
caption { height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
section.findings { break-before: page; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Songti SC", serif;
  vertical-align: top; line-height: 1; text-align: right; padding: 7mm 14pt 0 0; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Songti SC", serif;
  vertical-align: top; line-height: 1; text-align: left; padding: 7mm 0 0 14pt; } }
@media print {
  body { max-width: none; padding: 0; }
  h2, p.note { break-after: avoid; }
  thead { display: table-header-group; }
  tr.caption, tr.header { break-after: avoid; break-inside: avoid; }
  tbody.item { break-inside: avoid; }
}
`;

const CLASS: Partial<Record<LayoutCell['role'], string>> = {
  caption: 'caption',
  label: 'label',
  group: 'group',
  note: 'note',
};

const HEADING_ROLES: ReadonlySet<LayoutCell['role']> = new Set(['caption', 'header', 'group', 'label']);

/**
 * For each value cell, the header cells that head it: the caption and the
 * column headers of its own part of the grid, and the labels and group labels
 * of its row. Named with headers/id because the merged grids have no row or
 * column groups that scope="colgroup"/"rowgroup" could refer to.
 */
export function cellHeaders(table: TableLayout): Map<LayoutCell, LayoutCell[]> {
  const grid = gridOf(table);
  const result = new Map<LayoutCell, LayoutCell[]>();
  table.rows.forEach((row, r) => {
    if (row.kind !== 'data') return;
    // The caption and header rows above this run of data rows.
    let top = r;
    while (top > 0 && table.rows[top - 1]!.kind === 'data') top--;
    let first = top;
    while (first > 0 && table.rows[first - 1]!.kind !== 'data') first--;
    for (const cell of row.cells) {
      if (cell.role !== 'value') continue;
      const heads = new Set<LayoutCell>();
      for (let h = first; h < top; h++) {
        for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
          const above = grid[h]![c]!.cell;
          if (HEADING_ROLES.has(above.role)) heads.add(above);
        }
      }
      for (const slot of grid[r]!) if (slot.cell.role === 'group' || slot.cell.role === 'label') heads.add(slot.cell);
      result.set(cell, [...heads]);
    }
  });
  return result;
}

function cellHtml(cell: LayoutCell, ids: ReadonlyMap<LayoutCell, string>, heads: ReadonlyMap<LayoutCell, LayoutCell[]>): string {
  const tag = cell.role === 'value' || cell.role === 'filler' ? 'td' : 'th';
  const attrs: string[] = [];
  if (cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
  if (cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  const id = ids.get(cell);
  if (id) attrs.push(`id="${id}"`);
  const headers = heads.get(cell)?.map((h) => ids.get(h));
  if (headers?.length) attrs.push(`headers="${headers.join(' ')}"`);
  const cls = CLASS[cell.role];
  if (cls) attrs.push(`class="${cls}"`);
  if (cell.cellId) attrs.push(`data-cell="${escapeHtml(cell.cellId)}"`);
  return `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${escapeHtml(cell.text)}</${tag}>`;
}

/** Caption and header rows keep with what follows when printed. */
const ROW_CLASS: Partial<Record<TableLayout['rows'][number]['kind'], string>> = { caption: 'caption', header: 'header' };

function rowHtml(row: TableLayout['rows'][number], cells: string): string {
  const cls = ROW_CLASS[row.kind];
  return `<tr${cls ? ` class="${cls}"` : ''}>${cells}</tr>`;
}

/** A table with its caption (the section's title, for screen readers and search; hidden on the page under the heading). */
function tableHtml(table: TableLayout, prefix: string, caption: string): string[] {
  const total = table.columnWidthsMm.reduce((a, b) => a + b, 0);
  const cols = table.columnWidthsMm.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('');
  const ids = new Map<LayoutCell, string>();
  table.rows.forEach((row, r) => {
    for (const cell of row.cells) if (HEADING_ROLES.has(cell.role)) ids.set(cell, `${prefix}-${r}-${cell.col}`);
  });
  const heads = cellHeaders(table);
  const rows = table.rows.map((row) => rowHtml(row, row.cells.map((cell) => cellHtml(cell, ids, heads)).join('')));
  const head = rows.slice(0, table.repeatHeaderRows);
  // Each captioned item (an item of 二: caption, header, one or two rows) is a row group kept on one page;
  // Chromium does not keep a row with the next by break-after, but it keeps a short row group whole.
  const groups: string[][] = [];
  table.rows.slice(table.repeatHeaderRows).forEach((row, i) => {
    const html = rows[table.repeatHeaderRows + i]!;
    if (row.kind === 'caption' || groups.length === 0) groups.push([row.kind === 'caption' ? '<tbody class="item">' : '<tbody>']);
    groups.at(-1)!.push(html);
  });
  return [
    ...(table.note ? [`<p class="note">${escapeHtml(table.note)}</p>`] : []),
    // border="1" keeps the rules when a CMS drops the style sheet.
    `<table border="1" cellspacing="0"><caption>${escapeHtml(caption)}</caption><colgroup>${cols}</colgroup>`,
    ...(head.length ? ['<thead>', ...head, '</thead>'] : []),
    ...groups.flatMap((group) => [...group, '</tbody>']),
    '</table>',
  ];
}

function paragraphHtml(p: ParagraphLayout): string {
  return p.kind === 'subheading' ? `<p class="subheading">${escapeHtml(p.text)}</p>` : `<p>${escapeHtml(p.text)}</p>`;
}

export function exportHtml(report: Report, options: HtmlOptions = {}): string {
  const layout = layoutReport(report, {
    blankAsZero: options.blankAsZero ?? false,
    ...(options.fourDecimalAmounts !== undefined ? { fourDecimalAmounts: options.fourDecimalAmounts } : {}),
    ...(options.findingsSheet ? { findings: options.findingsSheet } : {}),
  });
  const lines: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(layout.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<article>',
    `<h1>${layout.titleLines.map(escapeHtml).join('<br>')}</h1>`,
    ...layout.preface.map(paragraphHtml),
  ];
  for (const [s, section] of layout.sections.entries()) {
    lines.push(`<section id="section-${section.key}">`, `<h2>${escapeHtml(section.heading)}</h2>`);
    lines.push(...section.paragraphs.map(paragraphHtml));
    section.tables.forEach((table, i) => lines.push(...tableHtml(table, `t${s + 1}-${i + 1}`, section.heading)));
    lines.push('</section>');
  }
  if (layout.signature) {
    lines.push(`<p class="signature">${escapeHtml(layout.signature.organ)}<br>${escapeHtml(layout.signature.date)}</p>`);
  }
  lines.push('</article>');
  if (layout.findings) {
    const sheet = layout.findings;
    lines.push('<section class="findings">', `<h1>${escapeHtml(sheet.title)}</h1>`, `<p class="note">${escapeHtml(sheet.subtitle)}</p>`);
    lines.push(...(sheet.table ? tableHtml(sheet.table, 'findings', sheet.title) : [`<p>${escapeHtml(sheet.empty)}</p>`]), '</section>');
  }
  lines.push('</body>', '</html>', '');
  return lines.join('\n');
}
