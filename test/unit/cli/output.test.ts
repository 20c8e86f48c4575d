/** What `nianbao import` prints names cells and tables as the format prints them, never by id. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeReport, importLines } from '../../../electron/cli/output.ts';
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
