/**
 * The county's Word documents: the 汇总 and a unit's 检查意见, their layout
 * checked part by part, then both rendered by LibreOffice to PDF and read
 * back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../../shared/checks/types.ts';
import { digestUnit, summarize, type Summary } from '../../../shared/county/index.ts';
import { cellPlace, replyFindings, replyLayout, replyTitle, unitReplyDocx, type ReplyInput } from '../../../shared/county/reply.ts';
import { countySummaryDocx, summaryLayout, summaryTitle } from '../../../shared/county/summaryDocx.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import type { Report } from '../../../shared/model/report.ts';
import { sampleReport } from '../../fixtures/countyFolder.ts';

const hongze = sampleReport('2024_hongze-district.txt');
/** The unit's report with a total typed wrong and no date line: an error on a cell and a warning on a field. */
const wrong: Report = { ...hongze, dateLine: '', cells: { ...hongze.cells, 'requests.new.total': { raw: '1', source: 'typed' } } };
const reports: Record<string, Report> = {
  '乡镇/洪泽区2024.txt': wrong,
  '淮安市2024.docx': sampleReport('2024_huaian-city.txt'),
  '2023/洪泽区2023.txt': sampleReport('2023_hongze-district.txt'),
};
const digests = Object.entries(reports).map(([file, report]) => ({ file, ...digestUnit(file, report) }));
const summary: Summary = summarize(
  digests.map((d) => d.unit),
  { year: 2024, format: 'gov2021' },
);
const TITLE = summaryTitle('淮安市', 2024);

const unitOf = (file: string) => digests.find((d) => d.file === file)!;
const totalFinding = (findings: readonly Finding[]) => findings.find((f) => f.cells[0] === 'requests.new.total' && f.severity === 'error')!;

function replyInput(verdicts: ReplyInput['verdicts'] = {}): ReplyInput {
  const { unit, findings } = unitOf('乡镇/洪泽区2024.txt');
  return { unit, report: wrong, findings, verdicts, office: '淮安市人民政府办公室', date: '2025年2月10日' };
}

describe('summaryLayout', () => {
  const layout = summaryLayout(summary, { title: TITLE });

  it('is titled as the county’s 汇总, broken before 政府信息公开', () => {
    expect(TITLE).toBe('淮安市2024年度政府信息公开工作年度报告数据汇总');
    expect(layout.titleLines).toEqual(['淮安市2024年度', '政府信息公开工作年度报告数据汇总']);
  });

  it('keeps the three summed grids, then lists the units counted and the reports left out', () => {
    expect(layout.sections.map((s) => s.heading)).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '计入汇总的单位（共2个）',
      '未计入汇总的报告（共1份）',
    ]);
    const rowsText = (i: number) => layout.sections[i]!.tables[0]!.rows.slice(1).map((r) => r.cells.map((c) => c.text));
    expect(rowsText(3)).toEqual(summary.units.map((u, i) => [String(i + 1), u.organ, u.file, u.verdict]));
    expect(rowsText(4)).toEqual([['1', '2023/洪泽区2023.txt', reports['2023/洪泽区2023.txt']!.organ, summary.excluded[0]!.reason]]);
    expect(layout.preface[0]!.text).toContain('2个单位');
    const total = layout.sections[1]!.tables[0]!.rows.flatMap((r) => r.cells).find((c) => c.cellId === 'requests.new.total')!;
    expect(total.text).toBe(String(summary.cells['requests.new.total']));
  });
});

describe('replyFindings', () => {
  const f = (severity: Finding['severity'], key: string): Finding => ({ severity, key, rule: key, cells: [], section: '一', message: key });
  it.each<[string, boolean, Finding, ReplyInput['verdicts']]>([
    ['an error', true, f('error', 'a'), {}],
    ['a warning', true, f('warning', 'a'), {}],
    ['an error the office overruled', false, f('error', 'a'), { a: { verdict: '不采纳', comment: '系口径不同' } }],
    ['a warning the office confirmed', true, f('warning', 'a'), { a: { verdict: '确认', comment: '' } }],
    ['a note', false, f('info', 'a'), {}],
    ['a note the office confirmed', true, f('info', 'a'), { a: { verdict: '确认', comment: '请说明' } }],
  ])('%s: sent back %s', (_, kept, finding, verdicts) => expect(replyFindings([finding], verdicts)).toHaveLength(kept ? 1 : 0));
});

describe('replyLayout', () => {
  it('lists the findings by section with the cell’s row and column, what was found and what is expected', () => {
    const input = replyInput();
    const layout = replyLayout(input);
    expect(layout.title).toBe(replyTitle(wrong));
    expect(layout.signature).toEqual({ organ: '淮安市人民政府办公室', date: '2025年2月10日' });
    const sent = replyFindings(input.findings);
    expect(layout.preface[0]!.text).toContain(`有以下${sent.length}处`);
    const rows = layout.sections.flatMap((s) => s.tables[0]!.rows.slice(1).map((r) => ({ heading: s.heading, cells: r.cells.map((c) => c.text) })));
    expect(rows.map((r) => r.cells[0])).toEqual(sent.map((_, i) => String(i + 1)));
    const error = totalFinding(input.findings);
    const row = rows.find((r) => r.cells[3]!.startsWith(error.message))!;
    expect(row.heading).toBe('三、收到和处理政府信息公开申请情况');
    expect(row.cells[1]).toBe('错误');
    expect(row.cells[2]).toBe(cellPlace(formatIndex('gov2021').cellById.get('requests.new.total')!));
    expect(row.cells[2]).toBe('一、本年新收政府信息公开申请数量·申请人情况·总计');
    expect(row.cells[4]).toBe(String(error.expected));
    // Findings on the report's own fields head the list, under their own heading.
    expect(layout.sections[0]!.heading).toBe('报告标题、开头和落款');
    expect(rows.some((r) => r.cells[2] === '落款日期')).toBe(true);
  });

  it('leaves out what the office overruled and carries its comments', () => {
    const input = replyInput();
    const error = totalFinding(input.findings);
    const date = input.findings.find((f) => f.field === 'dateLine')!;
    const layout = replyLayout(replyInput({ [date.key]: { verdict: '不采纳', comment: '' }, [error.key]: { verdict: '确认', comment: '请按各项之和填写' } }));
    const texts = layout.sections.flatMap((s) => s.tables[0]!.rows.map((r) => r.cells.map((c) => c.text).join('|')));
    expect(texts.some((t) => t.includes('落款日期'))).toBe(false);
    expect(texts.find((t) => t.includes(error.message))).toContain('（审核意见：请按各项之和填写）');
  });

  it('says so when nothing is left to send back', () => {
    const input = replyInput();
    const verdicts = Object.fromEntries(input.findings.map((f) => [f.key, { verdict: '不采纳' as const, comment: '' }]));
    const layout = replyLayout({ ...input, verdicts });
    expect(layout.sections).toEqual([]);
    expect(layout.preface[0]!.text).toContain('未发现需要修改的问题');
  });
});

describe('the documents as LibreOffice lays them out', () => {
  let dir = '';
  const text: Record<string, string> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-county-docs-'));
    writeFileSync(join(dir, 'summary.docx'), await countySummaryDocx(summary, { title: TITLE, office: '淮安市人民政府办公室', date: '2025年2月20日' }));
    const input = replyInput();
    writeFileSync(join(dir, 'reply.docx'), await unitReplyDocx(input));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'summary.docx'), join(dir, 'reply.docx')],
      { timeout: 110_000, stdio: 'ignore' },
    );
    for (const name of ['summary', 'reply']) text[name] = execFileSync('pdftotext', [join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the 汇总 with its title, summed figures, the units and the reason a report was left out', () => {
    const t = text['summary']!;
    expect(t).toContain('淮安市2024年度政府信息公开工作年度报告数据汇总');
    expect(t).toContain('三、收到和处理政府信息公开申请情况');
    expect(t).toContain(String(summary.cells['requests.new.total']));
    for (const unit of summary.units) expect(t).toContain(unit.file);
    expect(t).toContain(summary.excluded[0]!.reason.replace(/\s+/g, ''));
    expect(t).toContain('2025年2月20日');
  });

  it('prints the reply with each finding, where it is and what is expected, signed by the office', () => {
    const t = text['reply']!;
    expect(t).toContain(replyTitle(wrong).replace(/\s+/g, ''));
    const error = totalFinding(replyInput().findings);
    expect(t).toContain(error.message.replace(/\s+/g, ''));
    // Cell text wraps in its column; pdftotext gives each line of it apart.
    expect(t).toContain('一、本年新收政府信息');
    expect(t).toContain('淮安市人民政府办公室');
    expect(t).toContain('2025年2月10日');
  });
});
