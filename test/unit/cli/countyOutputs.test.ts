/**
 * The county outputs written to disk by the command line: `summarize --xlsx`,
 * `summarize --docx` and `check DIR --replies`, on the folder built from the
 * published samples. Expected sums are worked out here from each counted
 * unit's own values; the files are read back from their XML.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { replyFileName } from '../../../electron/cli/countyOutput.ts';
import { emptyWorkspace, serializeWorkspace, setVerdict, WORKSPACE_FILE_NAME } from '../../../shared/county/workspace.ts';
import { UNITS_SHEET } from '../../../shared/county/workbook.ts';
import { layoutReport } from '../../../shared/export/layout.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import { createReport } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { buildCountyFolder, type CountyFolder } from '../../fixtures/countyFolder.ts';
import { readXlsx, ref } from '../../fixtures/xlsx.ts';

const root = mkdtempSync(join(tmpdir(), 'nianbao-county-out-'));
const dir = join(root, '各单位年报');
let folder: CountyFolder;
beforeAll(async () => {
  folder = await buildCountyFolder(dir, root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { out: (l) => stdout.push(l), err: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** The text of a .docx body, runs joined. */
function docxText(path: string): string {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** A counted unit's own number for a cell: stated for inputs, its parts' sum for totals (blank: 0). */
function expectedSum(id: string): number {
  let sum = 0;
  for (const report of Object.values(folder.counted)) {
    const cell = evaluateReport(report).cells.get(id)!;
    sum += (cell.info.computedBy ? cell.computed : cell.parsed.status === 'number' ? cell.parsed.value : 0) ?? 0;
  }
  return Math.round(sum * 1e4) / 1e4;
}

describe('nianbao summarize DIR --year 2024 --xlsx OUT', () => {
  const out = () => join(root, '汇总.xlsx');

  it('writes the workbook: each official grid summed cell by cell, the units, the missing ones', async () => {
    const { code, stdout } = await cli('summarize', dir, '--year', '2024', '--xlsx', out(), '--roster', folder.roster);
    expect(code).toBe(0);
    expect(stdout).toContain(`计入 ${Object.keys(folder.counted).length} 个单位`);
    expect(stdout).toContain(out());
    const sheets = readXlsx(new Uint8Array(readFileSync(out())));
    // Where the grid puts each value cell: the layout the exporters draw, below the sheet's heading row (and note row).
    let checked = 0;
    for (const section of layoutReport(createReport({ format: 'gov2021', year: 2024, organ: '' })).sections) {
      for (const table of section.tables) {
        const sheet = sheets.find((s) => s.name === section.heading)!;
        const top = 1 + (table.note ? 1 : 0);
        table.rows.forEach((row, r) => {
          for (const cell of row.cells.filter((c) => c.role === 'value')) {
            expect(sheet.cells.get(ref(top + r, cell.col)), cell.cellId).toEqual({ type: 'number', value: expectedSum(cell.cellId!) });
            checked++;
          }
        });
      }
    }
    expect(checked).toBe(formatIndex('gov2021').cells.length);
    const units = sheets.find((s) => s.name === UNITS_SHEET)!;
    const column = (c: number) => [...units.cells].filter(([at]) => at.startsWith(String.fromCharCode(65 + c)) && at !== `${String.fromCharCode(65 + c)}1`).map(([, v]) => v.value);
    const files = column(1);
    for (const file of [...Object.keys(folder.counted), ...Object.keys(folder.excluded), folder.unreadable]) expect(files).toContain(file);
    expect(files).not.toContain(WORKSPACE_FILE_NAME);
    expect(column(0)).toContain('某某乡');
    expect(column(8)).toEqual(expect.arrayContaining(['无法读取', '未报送']));
    // 洪泽区's 2023 report is in the folder too, so its copied share is measured; 平潭's has none.
    const hongzeRow = [...units.cells].find(([, v]) => v.value === '乡镇/洪泽区2024.txt')![0].slice(1);
    expect(units.cells.get(`J${hongzeRow}`)?.type).toBe('number');
    const pingtanRow = [...units.cells].find(([, v]) => v.value === '平潭.nianbao')![0].slice(1);
    expect(units.cells.get(`J${pingtanRow}`)).toBeUndefined();
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const before = readFileSync(out());
    const refused = await cli('summarize', dir, '--year', '2024', '--xlsx', out());
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('已存在');
    expect(readFileSync(out()).equals(before)).toBe(true);
    expect((await cli('summarize', dir, '--year', '2024', '--xlsx', out(), '--force')).code).toBe(0);
  });
});

describe('nianbao summarize DIR --year 2024 --docx OUT --county NAME', () => {
  it('writes the 汇总 in the 公文 layout, titled for the county, with the units and the files left out', async () => {
    const out = join(root, '汇总.docx');
    const { code } = await cli('summarize', dir, '--year', '2024', '--docx', out, '--county', '淮安市', '--roster', folder.roster);
    expect(code).toBe(0);
    const text = docxText(out);
    expect(text).toContain('淮安市2024年度');
    expect(text).toContain('政府信息公开工作年度报告数据汇总');
    expect(text).toContain(`计入汇总的单位（共${Object.keys(folder.counted).length}个）`);
    for (const file of [...Object.keys(folder.counted), ...Object.keys(folder.excluded)]) expect(text).toContain(file);
    expect(text).toContain('未报送的单位');
    expect(text).toContain('某某乡');
    expect(text).toContain(String(expectedSum('requests.new.total')));
  });
});

describe('nianbao check DIR --replies OUTDIR', () => {
  const replies = join(root, '检查意见');

  interface CheckJson {
    reports: { file: string; errors: number; warnings: number; findings: { severity: string; key: string; message: string }[] }[];
    replies: string[];
  }

  it('writes one 检查意见 per unit with findings, each naming its report, its findings and the office', async () => {
    const { code, stdout } = await cli('check', dir, '--json', '--replies', replies, '--office', '淮安市人民政府办公室', '--date', '2025年2月10日');
    expect(code).toBe(1);
    const checked = JSON.parse(stdout) as CheckJson;
    const withFindings = checked.reports.filter((r) => r.findings.some((f) => f.severity !== 'info'));
    expect(withFindings.length).toBeGreaterThan(2);
    expect(checked.replies).toHaveLength(withFindings.length);
    expect(readdirSync(replies).sort()).toEqual(checked.replies.map((p) => p.slice(replies.length + 1)).sort());
    const taken = new Set<string>();
    for (const report of checked.reports) {
      const name = replyFileName(report.file, taken);
      if (!withFindings.includes(report)) {
        expect(existsSync(join(replies, name))).toBe(false);
        continue;
      }
      const text = docxText(join(replies, name));
      expect(text).toContain('检查意见');
      expect(text).toContain(report.file);
      expect(text).toContain('淮安市人民政府办公室');
      expect(text).toContain('2025年2月10日');
      const errors = report.findings.filter((f) => f.severity === 'error');
      for (const f of errors) expect(text).toContain(f.message);
    }
    expect(readdirSync(replies)).toContain('乡镇_洪泽区2024-检查意见.docx');
  });

  it('leaves out what the office overruled in its workspace file, and a unit left with nothing gets no reply', async () => {
    const { stdout } = await cli('check', dir, '--json');
    const checked = JSON.parse(stdout) as CheckJson;
    const hongze = checked.reports.find((r) => r.file === '乡镇/洪泽区2024.txt')!;
    const workspacePath = join(dir, WORKSPACE_FILE_NAME);
    const original = readFileSync(workspacePath);
    let workspace = emptyWorkspace();
    for (const f of hongze.findings) workspace = setVerdict(workspace, hongze.file, f.key, { verdict: '不采纳', comment: '', at: '2025-02-01T00:00:00.000Z' });
    const shuyang = checked.reports.find((r) => r.file === '沭阳县发展和改革局.nianbao')!;
    const [overruled, ...rest] = shuyang.findings.filter((f) => f.severity !== 'info');
    expect(rest.length).toBeGreaterThan(0);
    workspace = setVerdict(workspace, shuyang.file, overruled!.key, { verdict: '不采纳', comment: '', at: '2025-02-01T00:00:00.000Z' });
    workspace = setVerdict(workspace, shuyang.file, rest[0]!.key, { verdict: '确认', comment: '请核对后修改', at: '2025-02-01T00:00:00.000Z' });
    writeFileSync(workspacePath, serializeWorkspace(workspace));
    try {
      const out = join(root, '检查意见二');
      const { code, stdout: lines } = await cli('check', dir, '--replies', out);
      expect(code).toBe(1);
      expect(lines).toMatch(/已生成 \d+ 份检查意见/);
      expect(existsSync(join(out, '乡镇_洪泽区2024-检查意见.docx'))).toBe(false);
      const text = docxText(join(out, '沭阳县发展和改革局-检查意见.docx'));
      expect(text).not.toContain(overruled!.message);
      expect(text).toContain(rest[0]!.message);
      expect(text).toContain('审核意见：请核对后修改');
    } finally {
      writeFileSync(workspacePath, original);
    }
  });

  it('refuses to overwrite a reply without --force', async () => {
    const { code, stderr } = await cli('check', dir, '--replies', replies);
    expect(code).toBe(2);
    expect(stderr).toContain('已存在');
    expect((await cli('check', dir, '--replies', replies, '--force')).code).toBe(1);
  });

  it('passes over replies written into the folder itself, on that run and the next', async () => {
    const inside = join(dir, '检查意见');
    try {
      const first = JSON.parse((await cli('check', dir, '--json', '--replies', inside)).stdout) as CheckJson;
      const again = JSON.parse((await cli('check', dir, '--json', '--replies', inside, '--force')).stdout) as CheckJson;
      expect(again.reports.map((r) => r.file)).toEqual(first.reports.map((r) => r.file));
      expect(again.reports.some((r) => r.file.startsWith('检查意见/'))).toBe(false);
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  });

  it('says which workspace file is damaged rather than ignoring the office’s verdicts', async () => {
    const workspacePath = join(dir, WORKSPACE_FILE_NAME);
    const original = readFileSync(workspacePath);
    writeFileSync(workspacePath, '{"app":"nianbao-county"');
    try {
      const { code, stderr } = await cli('check', dir, '--replies', join(root, '检查意见三'));
      expect(code).toBe(2);
      expect(stderr).toContain(WORKSPACE_FILE_NAME);
    } finally {
      writeFileSync(workspacePath, original);
    }
  });

  it.each<[string[], string]>([
    [['check', 'a.nianbao', '--replies', 'out'], '--replies 只用于检查文件夹'],
    [['check', '.', '--office', '某县'], '只与 --replies 一起使用'],
    [['check', '.', '--force'], '只与 --replies 一起使用'],
    [['check', '.', '--replies'], '--replies 后应跟输出文件夹'],
  ])('%j is refused: %s', async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('replyFileName', () => {
  it.each<[string[], string[]]>([
    [['洪泽区2024.txt'], ['洪泽区2024-检查意见.docx']],
    [['乡镇/洪泽区2024.txt'], ['乡镇_洪泽区2024-检查意见.docx']],
    [['a.txt', 'a.docx', 'a.docx'], ['a-检查意见.docx', 'a.docx-检查意见.docx', 'a.docx-检查意见（2）.docx']],
  ])('%j → %j', (files, names) => {
    const taken = new Set<string>();
    expect(files.map((f) => replyFileName(f, taken))).toEqual(names);
  });
});
