/**
 * The county's 汇总 as a Word document in the 公文 look: the summed grids as
 * the report exporter draws them, then the units counted and the reports
 * left out, each with its reason.
 */
import { exportDocx } from '../export/docx.ts';
import { layoutReport, type ReportLayout, type SectionLayout } from '../export/layout.ts';
import { getFormat } from '../formats/index.ts';
import { listTable, titleLinesOf } from './docxParts.ts';
import type { MissingUnit } from './roster.ts';
import type { Summary } from './summarize.ts';

export interface SummaryDocxOptions {
  /** e.g. 某县2025年度政府信息公开工作年度报告数据汇总. */
  title: string;
  /** Signed by the office and dated when both are given. */
  office?: string;
  date?: string;
  /** Roster units with no report of the year (checkRoster), listed last. */
  missing?: readonly MissingUnit[];
}

/** The title a county's 汇总 goes by when the office names only itself. */
export function summaryTitle(county: string, year: number): string {
  return `${county}${year}年度政府信息公开工作年度报告数据汇总`;
}

function introduction(summary: Summary): string {
  const format = getFormat(summary.format).source;
  const left = summary.excluded.length > 0 ? `另有${summary.excluded.length}份报告未计入，原因列于文末。` : '';
  return `本汇总将${summary.units.length}个单位报送的${summary.year}年度政府信息公开工作年度报告（${format}格式）中的数据逐项相加，各合计项按相加后的分项重新计算，不采用各单位填写的合计数。${left}`;
}

function unitLists(summary: Summary, missing: readonly MissingUnit[]): SectionLayout[] {
  // Keys only name the place in a report; these sections follow all six.
  const counted: SectionLayout = {
    key: '六',
    heading: `计入汇总的单位（共${summary.units.length}个）`,
    paragraphs: [],
    tables: [
      listTable(
        [
          { header: '序号', widthMm: 12, centred: true },
          { header: '机关名称', widthMm: 58 },
          { header: '文件', widthMm: 64 },
          { header: '状态', widthMm: 22, centred: true },
        ],
        summary.units.map((u, i) => [String(i + 1), u.organ || '（未填写）', u.file, u.verdict]),
      ),
    ],
  };
  const lists = [counted];
  if (summary.excluded.length > 0) lists.push({
    key: '六',
    heading: `未计入汇总的报告（共${summary.excluded.length}份）`,
    paragraphs: [],
    tables: [
      listTable(
        [
          { header: '序号', widthMm: 12, centred: true },
          { header: '文件', widthMm: 42 },
          { header: '机关名称', widthMm: 36 },
          { header: '原因', widthMm: 66 },
        ],
        summary.excluded.map((e, i) => [String(i + 1), e.file, e.organ || '（未填写）', e.reason]),
      ),
    ],
  });
  if (missing.length > 0) {
    lists.push({
      key: '六',
      heading: `未报送的单位（共${missing.length}个）`,
      paragraphs: [],
      tables: [
        listTable(
          [
            { header: '序号', widthMm: 12, centred: true },
            { header: '单位', widthMm: 50 },
            { header: '情况', widthMm: 94 },
          ],
          missing.map((m, i) => [String(i + 1), m.name, m.reason]),
        ),
      ],
    });
  }
  return lists;
}

export function summaryLayout(summary: Summary, options: SummaryDocxOptions): ReportLayout {
  const base = layoutReport(summary.report);
  const layout: ReportLayout = {
    title: options.title,
    titleLines: titleLinesOf(options.title),
    preface: [{ kind: 'body', text: introduction(summary) }],
    // Only the tables are summed; the sections of prose have nothing to add up.
    sections: [...base.sections.filter((s) => s.tables.length > 0).map((s) => ({ ...s, paragraphs: [] })), ...unitLists(summary, options.missing ?? [])],
  };
  if (options.office && options.date) layout.signature = { organ: options.office, date: options.date };
  return layout;
}

export function countySummaryDocx(summary: Summary, options: SummaryDocxOptions): Promise<Uint8Array> {
  return exportDocx({ ...summary.report, organ: options.office ?? summary.report.organ }, { layout: 'official', drawLayout: summaryLayout(summary, options) });
}
