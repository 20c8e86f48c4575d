/**
 * The key figures of each year as charts: applications by applicant type,
 * results by kind, 复议/诉讼 by result. The charts are data (which cells make
 * each bar), turned into a small model and drawn as an SVG string by one pure
 * function, so the comparison page, the print view and the Word appendix show
 * the very same picture.
 */
import { formatIndex } from '../formats/index.ts';
import type { FormatId } from '../formats/types.ts';
import type { Report } from '../model/report.ts';
import { figuresOf, type YearFigures } from './figures.ts';

/** Which cells a bar sums: rows of 三 by id or by id prefix, or cells of 四's table. */
type BarCells =
  | { applicant: string }
  | { rows: readonly string[] }
  | { rowPrefix: string }
  | { appeals: readonly string[] };

interface ChartDef {
  id: string;
  title: string;
  bars: readonly { label: string; cells: BarCells }[];
}

const APPLICANTS = [
  ['natural', '自然人'],
  ['business', '商业企业'],
  ['research', '科研机构'],
  ['nonprofit', '社会公益组织'],
  ['legal', '法律服务机构'],
  ['other_org', '其他法人或其他组织'],
] as const;

const APPEAL_RESULTS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
] as const;

export const CHARTS: readonly ChartDef[] = [
  {
    id: 'applicants',
    title: '本年新收政府信息公开申请（按申请人）',
    bars: APPLICANTS.map(([column, label]) => ({ label, cells: { applicant: column } })),
  },
  {
    id: 'results',
    title: '政府信息公开申请办理结果',
    bars: [
      { label: '予以公开', cells: { rows: ['granted'] } },
      { label: '部分公开', cells: { rows: ['partly_granted'] } },
      { label: '不予公开', cells: { rowPrefix: 'denied_' } },
      { label: '无法提供', cells: { rowPrefix: 'unable_' } },
      { label: '不予处理', cells: { rowPrefix: 'rejected_' } },
      { label: '其他处理', cells: { rowPrefix: 'other' } },
      { label: '结转下年度', cells: { rows: ['carried_out'] } },
    ],
  },
  {
    id: 'appeals',
    title: '行政复议、行政诉讼（按结果）',
    bars: [
      ...APPEAL_RESULTS.map(([result, label]) => ({ label: `复议${label}`, cells: { appeals: [`review_${result}`] } })),
      ...APPEAL_RESULTS.map(([result, label]) => ({
        label: `诉讼${label}`,
        cells: { appeals: [`suit_direct_${result}`, `suit_after_review_${result}`] },
      })),
    ],
  },
];

export interface ChartSeries {
  /** 2023年 */
  label: string;
  /** One per bar; null where the year states none of the bar's cells. */
  values: (number | null)[];
}

export interface ChartModel {
  id: string;
  title: string;
  bars: string[];
  /** Oldest year first. */
  series: ChartSeries[];
}

function cellsOf(format: FormatId, cells: BarCells): string[] {
  if ('applicant' in cells) return [`requests.new.${cells.applicant}`];
  if ('appeals' in cells) return cells.appeals.map((c) => `appeals.count.${c}`);
  const table = formatIndex(format).tables.get('requests');
  const rows = (table?.rows ?? []).map((r) => r.id);
  const wanted = 'rows' in cells ? rows.filter((r) => cells.rows.includes(r)) : rows.filter((r) => r.startsWith(cells.rowPrefix));
  return wanted.map((row) => `requests.${row}.total`);
}

function barValue(figures: YearFigures, cells: BarCells): number | null {
  let total: number | null = null;
  for (const cell of cellsOf(figures.format, cells)) {
    const value = figures.values[cell];
    if (value !== null && value !== undefined) total = (total ?? 0) + value;
  }
  return total;
}

/** The charts of one organ's years (any number, each in its own format), oldest first. */
export function keyCharts(years: readonly YearFigures[]): ChartModel[] {
  const ordered = [...years].sort((a, b) => a.year - b.year);
  return CHARTS.map((def) => ({
    id: def.id,
    title: def.title,
    bars: def.bars.map((b) => b.label),
    series: ordered.map((figures) => ({ label: `${figures.year}年`, values: def.bars.map((b) => barValue(figures, b.cells)) })),
  }));
}

// ---------------------------------------------------------------------------
// Drawing: horizontal grouped bars, one group per category, one bar per year.

/** This year in the app's accent; earlier years in greys, lightest oldest. */
const SERIES_COLOURS = ['#c9cdd4', '#9aa0a6', '#646a73', '#b42318'];
const FONT = "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','Source Han Sans SC',sans-serif";
const FONT_SIZE = 13;
const BAR = 12;
const GAP = 3;
const GROUP_GAP = 10;
const WIDTH = 640;
const PAD = 12;

export const CHART_WIDTH = WIDTH;

function colourOf(index: number, count: number): string {
  return SERIES_COLOURS[SERIES_COLOURS.length - count + index] ?? SERIES_COLOURS[0]!;
}

/** Width of a label in px: CJK characters are square, digits and Latin about half. */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x100 ? size * 0.56 : size;
  return width;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** The chart's height in px, for a caller that lays it out before drawing. */
export function chartHeight(chart: ChartModel): number {
  const n = chart.series.length;
  const group = n * BAR + (n - 1) * GAP;
  return PAD + FONT_SIZE + 8 + FONT_SIZE + 12 + chart.bars.length * (group + GROUP_GAP) + PAD;
}

/** The chart as a standalone SVG document (the title and the legend included), `WIDTH` px wide. */
export function chartSvg(chart: ChartModel): string {
  const n = chart.series.length;
  const height = chartHeight(chart);
  const labelWidth = Math.max(...chart.bars.map((b) => textWidth(b, FONT_SIZE))) + 8;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const valueRoom = textWidth(number(max), FONT_SIZE) + 8;
  const plotLeft = PAD + labelWidth;
  const plotWidth = WIDTH - plotLeft - PAD - valueRoom;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${escapeXml(FONT)}" font-size="${FONT_SIZE}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + FONT_SIZE}" font-weight="bold" fill="#1f2329">${escapeXml(chart.title)}</text>`,
  ];
  // The legend, on the line below the title.
  let legendX = PAD;
  const legendY = PAD + FONT_SIZE + 8;
  chart.series.forEach((series, i) => {
    out.push(`<rect x="${legendX}" y="${legendY + 2}" width="${FONT_SIZE}" height="${FONT_SIZE - 2}" fill="${colourOf(i, n)}"/>`);
    out.push(`<text x="${legendX + FONT_SIZE + 4}" y="${legendY + FONT_SIZE}" fill="#646a73">${escapeXml(series.label)}</text>`);
    legendX += FONT_SIZE + 4 + textWidth(series.label, FONT_SIZE) + 16;
  });
  let y = legendY + FONT_SIZE + 12;
  const group = n * BAR + (n - 1) * GAP;
  for (const [b, label] of chart.bars.entries()) {
    out.push(
      `<text x="${plotLeft - 8}" y="${y + group / 2 + FONT_SIZE * 0.35}" text-anchor="end" fill="#1f2329">${escapeXml(label)}</text>`,
    );
    chart.series.forEach((series, i) => {
      const value = series.values[b] ?? null;
      const top = y + i * (BAR + GAP);
      const width = value === null ? 0 : Math.max(value > 0 ? 1 : 0, (value / max) * plotWidth);
      if (width > 0) out.push(`<rect x="${plotLeft}" y="${top}" width="${width.toFixed(1)}" height="${BAR}" fill="${colourOf(i, n)}"/>`);
      const shown = value === null ? '未填' : number(value);
      out.push(`<text x="${(plotLeft + width + 4).toFixed(1)}" y="${top + BAR - 2}" font-size="${FONT_SIZE - 2}" fill="#646a73">${shown}</text>`);
    });
    y += group + GROUP_GAP;
  }
  out.push(`<line x1="${plotLeft}" y1="${legendY + FONT_SIZE + 8}" x2="${plotLeft}" y2="${y - GROUP_GAP + 4}" stroke="#c9cdd4"/>`);
  out.push('</svg>');
  return out.join('');
}

/** What the chart says in words: an image's alt text and the appendix caption. */
export function chartCaption(chart: ChartModel): string {
  return `${chart.title}（${chart.series.map((s) => s.label).join('、')}）`;
}

/** The charts of a report's 图解: last year's figures (the baseline it keeps) beside this year's, or this year's alone. */
export function reportCharts(report: Report): ChartModel[] {
  return keyCharts(report.lastYear ? [figuresOf(report.lastYear), figuresOf(report)] : [figuresOf(report)]);
}
