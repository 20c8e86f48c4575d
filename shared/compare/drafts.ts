/**
 * 根据表格生成说明: the paragraphs of 二, 三 or 四 written from the report's
 * own tables with the templates of shared/formats/drafts.ts, and the change
 * against last year where the report keeps last year's figures. Pure and
 * deterministic: the same tables give the same words.
 */
import { DRAFTS, type DraftFigure } from '../formats/drafts.ts';
import { formatIndex } from '../formats/index.ts';
import type { FormatId, SectionKey } from '../formats/types.ts';
import type { LastYearBaseline, Report } from '../model/report.ts';
import { formatCellNumber } from '../model/parseCellValue.ts';
import { evaluateReport, type ReportValues } from '../model/values.ts';

const PLACEHOLDER = /\{([a-z_]+)(:change)?\}/g;

/** A table figure as the prose check reads it: a total is the sum of its parts; blank counts as 0. */
function tableValue(values: ReportValues, id: string): number {
  const cell = values.cells.get(id);
  if (!cell) return 0;
  const value = cell.info.computedBy && cell.computed !== undefined && cell.computed !== null ? cell.computed : cell.value;
  return value ?? 0;
}

/** Sums without float noise (万元 with up to 4 decimals). */
const tidy = (value: number) => Math.round(value * 10_000) / 10_000;

function figureValue(values: ReportValues, figure: DraftFigure): number {
  return tidy(figure.cells.reduce((sum, id) => sum + tableValue(values, id), 0));
}

/** A cell of last year's baseline read as this year's: a total as the sum of its parts where they are stated. */
function lastCellValue(last: LastYearBaseline, id: string): number | null {
  const parts = formatIndex(last.format).cellById.get(id)?.partIds;
  const values = parts?.map((p) => last.values[p] ?? null);
  if (values && values.length > 0 && values.some((v) => v !== null)) return values.reduce<number>((a, v) => a + (v ?? 0), 0);
  return last.values[id] ?? null;
}

/** Last year's figure by the same id in last year's format; null where that format lacks it or states none of its cells. */
function lastValue(last: LastYearBaseline, id: string): number | null {
  const figure = DRAFTS[last.format]?.figures.find((f) => f.id === id);
  if (!figure) return null;
  const stated = figure.cells.map((c) => lastCellValue(last, c)).filter((v): v is number => v !== null);
  return stated.length === 0 ? null : tidy(stated.reduce((a, b) => a + b, 0));
}

function changePhrase(before: number, now: number, unit: string): string {
  if (now === before) return '，与上年持平';
  const more = now > before;
  const amount = `${formatCellNumber(tidy(Math.abs(now - before)))}${unit}`;
  const percent = before === 0 ? '' : `（${((Math.abs(now - before) / before) * 100).toFixed(1)}%）`;
  return `，较上年${more ? '增加' : '减少'}${amount}${percent}`;
}

/** The sections a format has drafts for. */
export function draftSections(format: FormatId): SectionKey[] {
  return DRAFTS[format]?.templates.map((t) => t.section) ?? [];
}

/**
 * The drafted paragraphs of one section, joined by newlines; undefined when
 * the format has no template for it. The change against last year is said
 * only where the report keeps last year's figures (report.lastYear).
 */
export function draftSection(report: Report, section: SectionKey, values: ReportValues = evaluateReport(report)): string | undefined {
  const drafts = DRAFTS[report.format];
  const template = drafts?.templates.find((t) => t.section === section);
  if (!drafts || !template) return undefined;
  const figures = new Map(drafts.figures.map((f) => [f.id, f]));
  const last = report.lastYear;
  const fill = (_: string, id: string, change: string | undefined): string => {
    const figure = figures.get(id);
    if (!figure) throw new Error(`draft template of ${report.format} names unknown figure ${id}`);
    const now = figureValue(values, figure);
    if (!change) return `${figure.lead}${formatCellNumber(now)}${figure.unit}`;
    const before = last ? lastValue(last, id) : null;
    return before === null ? '' : changePhrase(before, now, figure.unit);
  };
  return template.paragraphs.map((p) => p.replace(PLACEHOLDER, fill)).join('\n');
}
