/**
 * The 检查意见 a county office sends back to one unit: its findings by
 * section, each with the cell it is about (row and column as the format
 * prints them), what was found and what is expected — leaving out what the
 * office overruled (不采纳) and carrying the office's comments.
 */
import type { Finding } from '../checks/types.ts';
import { exportDocx } from '../export/docx.ts';
import type { ReportLayout, SectionLayout } from '../export/layout.ts';
import { formatIndex, SECTION_KEYS, type CellInfo, type SectionKey } from '../formats/index.ts';
import { createReport, reportTitle, type InfoField, type Report } from '../model/report.ts';
import { listTable, titleLinesOf } from './docxParts.ts';
import type { CountyUnit } from './unit.ts';
import type { Verdict } from './workspace.ts';

export interface ReplyInput {
  unit: CountyUnit;
  report: Report;
  findings: readonly Finding[];
  /** The office's verdicts on this unit's findings, by Finding.key. */
  verdicts?: Readonly<Record<string, Pick<Verdict, 'verdict' | 'comment'>>>;
  /** The office signing the reply, e.g. 某县人民政府办公室; empty: no signature. */
  office: string;
  /** Its date line, e.g. 2026年1月25日. */
  date: string;
}

const FIELD_NAMES: Record<InfoField, string> = { organ: '机关名称', organKind: '机关类别', dateLine: '落款日期' };
const SEVERITY_NAMES: Record<Finding['severity'], string> = { error: '错误', warning: '需核实', info: '供参考' };
const PREFACE_HEADING = '报告标题、开头和落款';
/** Longest stretch of prose quoted to say where a finding is. */
const QUOTE_CHARS = 24;

/**
 * What goes back to the unit: errors and warnings, and a note (info) only
 * where the office confirmed it; never what the office overruled.
 */
export function replyFindings(findings: readonly Finding[], verdicts: ReplyInput['verdicts'] = {}): Finding[] {
  return findings.filter((f) => {
    const verdict = verdicts[f.key]?.verdict;
    if (verdict === '不采纳') return false;
    return f.severity !== 'info' || verdict === '确认';
  });
}

/** The cell as the format prints it: table caption, row label, column header with its groups. */
export function cellPlace(cell: CellInfo): string {
  const column = [...(cell.column.groups ?? []), cell.column.label].join('·');
  return [cell.table.caption, cell.row.label, column].filter(Boolean).join('·');
}

function place(finding: Finding, report: Report, cells: ReadonlyMap<string, CellInfo>): string {
  const cell = finding.cells[0] === undefined ? undefined : cells.get(finding.cells[0]);
  // The first cell is the one the finding is about; the others are the parts it was checked against.
  if (cell) return cellPlace(cell);
  if (finding.field) return FIELD_NAMES[finding.field];
  if (finding.span) {
    const text = finding.section === 'preface' ? report.preface.text : report.sections[finding.section].text;
    const quoted = text.slice(finding.span.start, finding.span.end).trim();
    if (quoted) return `正文“${quoted.length > QUOTE_CHARS ? `${quoted.slice(0, QUOTE_CHARS)}……` : quoted}”处`;
  }
  return '正文';
}

function expectedText(finding: Finding): string {
  if (finding.expected === undefined) return '';
  if (finding.expected === null) return '空';
  return String(finding.expected);
}

function foundText(finding: Finding, verdict: Pick<Verdict, 'comment'> | undefined): string {
  const parts = [finding.message];
  if (finding.acknowledged) parts.push(`（单位已说明：${finding.acknowledged}）`);
  if (verdict?.comment.trim()) parts.push(`（审核意见：${verdict.comment.trim()}）`);
  return parts.join('');
}

export function replyTitle(report: Pick<Report, 'organ' | 'year'>): string {
  return `关于${reportTitle(report)}的检查意见`;
}

export function replyLayout(input: ReplyInput): ReportLayout {
  const { report, unit } = input;
  const verdicts = input.verdicts ?? {};
  const kept = replyFindings(input.findings, verdicts);
  const { format, cellById } = formatIndex(report.format);
  const title = replyTitle(report);
  const order: (SectionKey | 'preface')[] = ['preface', ...SECTION_KEYS];
  const headings = new Map<SectionKey | 'preface', string>([['preface', PREFACE_HEADING], ...format.sections.map((s) => [s.key, `${s.key}、${s.title}`] as const)]);
  const sections: SectionLayout[] = [];
  let number = 0;
  for (const key of order) {
    const here = kept.filter((f) => f.section === key);
    if (here.length === 0) continue;
    sections.push({
      // The preface's findings head the list; their key only names a place in a report.
      key: key === 'preface' ? '一' : key,
      heading: headings.get(key) ?? key,
      paragraphs: [],
      tables: [
        listTable(
          [
            { header: '序号', widthMm: 11, centred: true },
            { header: '类别', widthMm: 15, centred: true },
            { header: '位置', widthMm: 40 },
            { header: '检查发现', widthMm: 66 },
            { header: '应为', widthMm: 24, centred: true },
          ],
          here.map((f) => [String(++number), SEVERITY_NAMES[f.severity], place(f, report, cellById), foundText(f, verdicts[f.key]), expectedText(f)]),
        ),
      ],
    });
  }
  const errors = kept.filter((f) => f.severity === 'error').length;
  const opening =
    kept.length === 0
      ? `经检查，你单位报送的《${reportTitle(report)}》（${unit.file}）未发现需要修改的问题。`
      : `经检查，你单位报送的《${reportTitle(report)}》（${unit.file}）有以下${kept.length}处需要修改或核实（其中错误${errors}处），请逐项核改后重新报送。`;
  const note = '“应为”栏为按报告自身数据计算或按规定应填写的内容；如有不同意见，请附情况说明一并报送。';
  const layout: ReportLayout = {
    title,
    titleLines: titleLinesOf(title),
    preface: kept.length === 0 ? [{ kind: 'body', text: opening }] : [{ kind: 'body', text: opening }, { kind: 'body', text: note }],
    sections,
  };
  if (input.office.trim()) layout.signature = { organ: input.office.trim(), date: input.date };
  return layout;
}

export function unitReplyDocx(input: ReplyInput): Promise<Uint8Array> {
  const creator = createReport({ format: input.report.format, year: input.report.year, organ: input.office });
  return exportDocx(creator, { layout: 'official', drawLayout: replyLayout(input) });
}
