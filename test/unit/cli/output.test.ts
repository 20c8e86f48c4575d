/** What `nianbao import` prints names cells and tables as the format prints them, never by id. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeReport, exportSummaryLines, findingLines, importLines } from '../../../electron/cli/output.ts';
import type { Finding } from '../../../shared/checks/types.ts';
import { describeCell, describeTable } from '../../../shared/formats/describe.ts';
import { FORMATS, formatIndex } from '../../../shared/formats/index.ts';
import { createReport } from '../../../shared/model/report.ts';
import { importDocx } from '../../../shared/import/docx.ts';
import { decodeText, importText } from '../../../shared/import/text.ts';
import type { ImportReport } from '../../../shared/import/types.ts';
import { SAMPLES_DIR } from '../../fixtures/samples/index.ts';

/** A cell id (art20_8.fees.change) or a table id (art20_1, requests) as the code spells them. */
const RAW_ID = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[a-z]+\.[a-z_]+\.[a-z_]+\b/;

describe('describeCell and describeTable', () => {
  it.each(Object.keys(FORMATS) as (keyof typeof FORMATS)[])('name every cell and table of %s without its id', (format) => {
    const index = formatIndex(format);
    for (const cell of index.cells) expect(describeCell(format, cell.id)).not.toMatch(RAW_ID);
    for (const id of index.tables.keys()) expect(describeTable(format, id)).not.toMatch(RAW_ID);
  });

  it('reads as the format prints it', () => {
    expect(describeCell('gov2019', 'art20_8.fees.change')).toBe('第二十条第（八）项·行政事业性收费·本年增/减');
    expect(describeCell('gov2021', 'requests.new.natural')).toBe('第三部分·一、本年新收申请数量·自然人');
    expect(describeTable('gov2021', 'art20_1')).toBe('二、第二十条第（一）项的表格');
  });
});

describe('importLines', () => {
  it('names the cells it normalized or could not read, and the tables it missed, by their labels', () => {
    const report: ImportReport = {
      source: 'docx',
      format: 'gov2019',
      formatReason: '按表格样式判定',
      year: null,
      organ: null,
      tablesFound: [],
      tablesMissing: ['art20_1'],
      sectionsFound: [],
      sectionsMissing: [],
      cellsRead: 2,
      blankCells: [],
      normalized: [{ cell: 'art20_8.fees.change', raw: '无', value: 0, note: '“无”按 0 计' }],
      invalidCells: [{ cell: 'requests.new.natural', raw: '若干', message: '不是数字' }],
      warnings: [],
    };
    const lines = importLines(report);
    for (const line of lines) expect(line).not.toMatch(RAW_ID);
    expect(lines).toContain('  第二十条第（八）项·行政事业性收费·本年增/减：“无” → 0（“无”按 0 计）');
    expect(lines).toContain('未找到的表格：二、第二十条第（一）项的表格');
  });

  it('prints no year for a file that names none', () => {
    const report = createReport({ format: 'gov2021', year: 2021, organ: '' });
    expect(describeReport(report, null)).toBe('（未填写机关名称） （年度未识别）政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）');
    expect(describeReport(report)).toContain(' 2021年度');
  });

  it.each(readdirSync(SAMPLES_DIR).filter((n) => /\.(txt|docx)$/.test(n)))('%s: no id in what is printed', (name) => {
    const bytes = new Uint8Array(readFileSync(join(SAMPLES_DIR, name)));
    const { importReport } = name.endsWith('.docx') ? importDocx(bytes) : importText(decodeText(bytes));
    for (const line of importLines(importReport)) expect(line).not.toMatch(RAW_ID);
  });
});

describe('exportSummaryLines', () => {
  const finding = (severity: Finding['severity'], n: number, acknowledged?: string): Finding => ({
    severity,
    rule: 'test',
    cells: [],
    section: '一',
    message: `提示${n}`,
    key: `k${n}`,
    ...(acknowledged ? { acknowledged } : {}),
  });

  it.each<[string, Finding[], string[]]>([
    ['nothing found', [], ['检查全部通过。']],
    ['only explained warnings', [finding('warning', 1, '已核实')], ['检查全部通过（1 条提示已说明）。']],
    ['only information (an unusual change)', [finding('info', 1)], ['检查全部通过。']],
    [
      'an error and a warning',
      [finding('error', 1), finding('warning', 2), finding('warning', 3, '已核实')],
      [
        '有 1 个错误，报送前应当修改（如合计不符、勾稽关系不平衡、数值无效）。',
        '有 1 条提示，请修改或说明原因。',
        '1 条提示已说明。',
        '  [错误] 提示1',
        '  [警告] 提示2',
        '可以先导出供核对，但有错误的报告不宜报送或公开：请修改后再导出一次。',
      ],
    ],
  ])('%s', (_, findings, lines) => {
    expect(exportSummaryLines(findings)).toEqual(lines);
  });

  it.each<[string, Finding[], string]>([
    ['information only', [finding('info', 1)], '检查通过：未发现问题（另有 1 条信息供参考）。'],
    ['a warning and information', [finding('warning', 1), finding('info', 2)], '共 0 个错误，1 个警告，1 条信息。'],
  ])('findingLines with %s', (_, findings, last) => {
    const lines = findingLines(findings);
    expect(lines.at(-1)).toBe(last);
    if (findings.some((f) => f.severity === 'info')) expect(lines).toContain(`[信息] ${findings.at(-1)!.message}`);
  });

  it('lists the first eight open findings and sends the reader to check for the rest', () => {
    const lines = exportSummaryLines(Array.from({ length: 10 }, (_, i) => finding('warning', i)));
    expect(lines.filter((l) => l.startsWith('  [警告]'))).toHaveLength(8);
    expect(lines.at(-1)).toContain('nianbao check');
  });
});
