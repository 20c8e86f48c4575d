/** checkReport on a complete report (every cell filled, prose present, last year known) after an edit. */
import { checkReport } from '../../shared/checks/index.ts';
import { FORMAT_IDS, formatIndex } from '../../shared/formats/index.ts';
import { SECTION_KEYS, type FormatId, type SectionKey } from '../../shared/formats/types.ts';
import { createReport, type Report } from '../../shared/model/report.ts';
import { evaluateReport } from '../../shared/model/values.ts';
import { baselineOf } from '../unit/checks/build.ts';
import { percentiles, type Benchmark } from './types.ts';

const WARMUP = 300;
const RUNS = 3000;
const BUDGET_MS = 1;

const PARAGRAPH =
  '2024年，我区坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，' +
  '全年主动公开政府信息3125条，共受理政府信息公开申请95件，收到行政复议申请11件，行政诉讼5件。' +
  '依据2023年度决算，进一步规范依申请公开办理流程，做到依法依规、按时答复。\n';

function prose(year: number, section: SectionKey): string {
  const text = PARAGRAPH.replaceAll('2024', String(year)).replaceAll('2023', String(year - 1)).repeat(4);
  if (section === '五') return `${text}下一步，我区将继续加强培训，完善公开制度。`;
  if (section === '六') return `${text}本机关未收取信息处理费。`;
  return text;
}

function fullReport(format: FormatId): Report {
  const year = format === 'gov2019' ? 2020 : 2024;
  const report = createReport({ format, year, organ: '淮安市洪泽区人民政府' });
  const index = formatIndex(format);
  index.cells.forEach((cell, i) => {
    if (cell.computedBy) return;
    const raw = cell.column.kind === 'amount' ? `${(i % 97) + 0.25}` : String((i * 7) % 13);
    report.cells[cell.id] = { raw, source: 'typed' };
  });
  // Every total typed too, as imported reports have them: the sums are compared, not skipped.
  for (const cell of evaluateReport(report).cells.values()) {
    if (cell.info.computedBy) report.cells[cell.info.id] = { raw: String(cell.computed ?? 0), source: 'imported' };
  }
  report.preface = { text: `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, source: 'typed' };
  for (const key of SECTION_KEYS) report.sections[key] = { text: prose(year, key), source: 'typed' };
  report.lastYear = { ...baselineOf(report), year: year - 1 };
  return report;
}

/**
 * What is edited between two checks: a cell (a digit typed in a table, the
 * prose rules remember their findings) or the prose of 五 (every rule runs).
 * Each run checks the other of two versions of the report, as after a keystroke.
 */
type Edit = 'cell' | 'prose';

function versions(format: FormatId, edit: Edit): [Report, Report] {
  const report = fullReport(format);
  if (edit === 'prose') {
    const text = report.sections.五.text;
    return [report, { ...report, sections: { ...report.sections, 五: { text: `${text}同时`, source: 'typed' } } }];
  }
  const id = formatIndex(format).cells.find((c) => !c.computedBy && c.column.kind === 'count')!.id;
  return [report, { ...report, cells: { ...report.cells, [id]: { raw: '12345', source: 'typed' } } }];
}

function timeChecks(format: FormatId, edit: Edit): Benchmark {
  return {
    name: `checkReport · ${format} 完整报告${edit === 'prose' ? '，改正文后' : ''}`,
    budget: `p95 < ${BUDGET_MS} ms`,
    measure: () => {
      const pair = versions(format, edit);
      let findings = 0;
      for (let i = 0; i < WARMUP; i++) findings = checkReport(pair[i % 2]!).length;
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const report = pair[i % 2]!;
        const start = performance.now();
        checkReport(report);
        samples.push(performance.now() - start);
      }
      const { median, p95 } = percentiles(samples);
      const result = {
        value: median,
        unit: 'ms median',
        pass: p95 < BUDGET_MS,
        detail: `p95 ${p95.toFixed(3)} ms, ${RUNS} runs, ${findings} findings, a ${edit === 'prose' ? 'paragraph' : 'cell'} edited between runs`,
      };
      return Promise.resolve(result);
    },
  };
}

export const benchmarks: Benchmark[] = FORMAT_IDS.flatMap((format) => [timeChecks(format, 'cell'), timeChecks(format, 'prose')]);
