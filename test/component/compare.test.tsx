import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startNextYear } from '../../shared/carryover/startNextYear.ts';
import type { Report } from '../../shared/model/report.ts';
import { checkReport } from '../../shared/checks/index.ts';
import { parseReportFile, serializeReport } from '../../shared/file/document.ts';
import { ComparePage } from '../../renderer/src/compare/ComparePage.tsx';
import { SectionPage } from '../../renderer/src/components/SectionPage.tsx';
import { clearEarlierYears, setAddedYear } from '../../renderer/src/compare/lastYearFile.ts';
import { setChartsAppendix } from '../../renderer/src/compare/chartsAppendix.ts';
import { PrintView } from '../../renderer/src/print/PrintView.tsx';
import { decodeText, importText } from '../../shared/import/text.ts';
import { fakeApi, renderEditor } from './editorHarness.tsx';

// The published reports, read as the app reads them (jsdom has no file URLs: paths from the project root).
const sample = (name: string): Report => importText(decodeText(readFileSync(resolve('../shared/samples', name)))).report;
const last = sample('2023_hongze-district.txt');
const current = sample('2024_hongze-district.txt');

/** 2024 洪泽区 typed into a report started from its 2023 report. */
function startedFromLastYear(): Report {
  const { report } = startNextYear(last, 2024);
  return { ...report, cells: current.cells };
}

const cellButton = (id: string) => document.querySelector<HTMLButtonElement>(`.compare-cell[data-cell="${id}"]`)!;
const shown = (id: string) => [...cellButton(id).children].map((c) => c.textContent);
const section = (name: string) => screen.getByRole('heading', { level: 3, name }).closest('section')!;
const changeRows = () => within(section('变化最大的数据')).getAllByRole('row').slice(1);

beforeEach(() => {
  setAddedYear(null);
  clearEarlierYears();
  setChartsAppendix(false);
});

describe('the 与上年对比 page', () => {
  it('shows each cell of the official grids with last year’s figure and the change', () => {
    renderEditor(<ComparePage />, { report: startedFromLastYear() });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('与上年对比2023 年度 → 2024 年度');
    expect(shown('requests.new.natural')).toEqual(['95', '21', '+74']);
    expect(cellButton('requests.new.natural').getAttribute('aria-label')).toContain('上年 21，本年 95，变化 +74（+352.4%）');
    expect(shown('requests.unable_needs_creation.natural')).toEqual(['1', '3', '−2']);
    expect(shown('art20_8.fees.amount')).toEqual(['7545', '7730.28', '−185.28']);
    // Unchanged: both years, no change.
    expect(shown('requests.new.business')).toEqual(['0', '0']);
    // Every value cell of 二, 三 and 四 is drawn read-only: no input anywhere.
    expect(document.querySelectorAll('.compare-grids input')).toHaveLength(0);
  });

  it('lists the largest changes, sorts them by percent, and takes the clerk to a cell', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<ComparePage />, { report: startedFromLastYear() });
    expect(changeRows()[0]).toHaveTextContent('第二十条第（五）项·行政许可·本年处理决定数量5509487+8937+1624.9%');
    await user.click(screen.getByRole('button', { name: '增减幅度' }));
    await user.click(screen.getByRole('button', { name: /^显示全部 \d+ 项$/ }));
    const percents = changeRows().map((r) => (r as HTMLTableRowElement).cells[4]!.textContent);
    expect(percents[0]).toBe('+1624.9%');
    // Changes from 0 have no percent and come last.
    expect(percents.at(-1)).toBe('—');
    await user.click(within(changeRows()[1]!).getByRole('button'));
    expect(editor.store.getState().focus).toMatchObject({ page: '三' });
    await user.click(cellButton('appeals.count.review_upheld'));
    expect(editor.store.getState().focus).toMatchObject({ page: '四', cell: 'appeals.count.review_upheld' });
  });

  it('shows each indicator with its formula, and no rate where the denominator is 0', () => {
    const report = startedFromLastYear();
    report.cells = { ...report.cells, 'appeals.count.review_upheld': { raw: '0', source: 'typed' }, 'appeals.count.review_corrected': { raw: '0', source: 'typed' } };
    renderEditor(<ComparePage />, { report });
    const table = within(section('主要指标'));
    const row = (label: string) => table.getByRole('rowheader', { name: label }).closest('tr')!;
    expect(row('实质公开率')).toHaveTextContent('（予以公开 + 部分公开）÷ 办理结果总计19.0%62.1%');
    expect(row('行政复议纠错率')).toHaveTextContent(/9\.1%—$/);
  });

  it('draws the three charts of both years', () => {
    renderEditor(<ComparePage />, { report: startedFromLastYear() });
    const images = within(section('图解')).getAllByRole('img');
    expect(images.map((i) => i.getAttribute('alt'))).toEqual([
      '本年新收政府信息公开申请（按申请人）（2023年、2024年）',
      '政府信息公开申请办理结果（2023年、2024年）',
      '行政复议、行政诉讼（按结果）（2023年、2024年）',
    ]);
    expect(decodeURIComponent(images[1]!.getAttribute('src')!)).toContain('>予以公开</text>');
  });

  it('compares with a last-year file the clerk adds through the import front door', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      importLastYear: vi.fn(async () => ({
        ok: true as const,
        value: { name: '2023年报.docx', report: last, importReport: {} as never },
      })),
    });
    renderEditor(<ComparePage />, { report: current, api });
    expect(screen.getByText(/没有保存上年数据/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '添加上年报告…' }));
    expect(api.importLastYear).toHaveBeenCalledOnce();
    expect(screen.getByText(/对比的是“2023年报.docx”/)).toBeInTheDocument();
    expect(shown('requests.new.natural')).toEqual(['95', '21', '+74']);
    await user.click(screen.getByRole('button', { name: '不再对比' }));
    expect(document.querySelector('.compare-cell[data-cell]')).toBeNull();
  });

  it('adds an earlier year of the same organ to the charts as a third series, and refuses another organ’s file', async () => {
    const user = userEvent.setup();
    // 洪泽区's 2022: its 2023 report a year earlier, with figures of its own.
    const earlier: Report = {
      ...last,
      year: 2022,
      organ: '洪泽区政府',
      cells: { ...last.cells, 'requests.new.natural': { raw: '13', source: 'typed' } },
    };
    const files = [
      { name: '2022年报.txt', report: earlier },
      { name: '淮安市2024年报.txt', report: sample('2024_huaian-city.txt') },
    ];
    const api = fakeApi({
      importLastYear: vi.fn(async () => ({ ok: true as const, value: { ...files.shift()!, importReport: {} as never } })),
    });
    const { editor } = renderEditor(<ComparePage />, { report: startedFromLastYear(), api });
    await user.click(screen.getByRole('button', { name: '添加更多年度…' }));
    const images = within(section('图解')).getAllByRole('img');
    expect(images[0]!.getAttribute('alt')).toBe('本年新收政府信息公开申请（按申请人）（2022年、2023年、2024年）');
    const svg = decodeURIComponent(images[0]!.getAttribute('src')!);
    // One legend entry and one bar label per year on the 自然人 bars: 13, 21, 95 oldest first.
    expect([...svg.matchAll(/>(\d{4})年</g)].map((m) => m[1])).toEqual(['2022', '2023', '2024']);
    expect([...svg.matchAll(/font-size="11" fill="#646a73">(\d+|未填)</g)].slice(0, 3).map((m) => m[1])).toEqual(['13', '21', '95']);
    // The cell-by-cell comparison is still 2023 against 2024.
    expect(shown('requests.new.natural')).toEqual(['95', '21', '+74']);

    await user.click(screen.getByRole('button', { name: '添加更多年度…' }));
    expect(editor.store.getState().notice?.text).toMatch(/^“淮安市2024年报.txt”是.+的报告，不是.+的，未加入图解。$/);
    expect(within(section('图解')).getAllByRole('img')[0]!.getAttribute('alt')).toContain('（2022年、2023年、2024年）');
    await user.click(screen.getByRole('button', { name: '只看两年' }));
    expect(within(section('图解')).getAllByRole('img')[0]!.getAttribute('alt')).toContain('（2023年、2024年）');
  });

  it('lets the clerk choose the 图解 for 打印 under the charts, the one choice the print view follows', async () => {
    const user = userEvent.setup();
    const report = startedFromLastYear();
    renderEditor(
      <>
        <ComparePage />
        <PrintView report={report} />
      </>,
      { report },
    );
    const captions = () => [...document.querySelectorAll('.print-view figcaption')].map((c) => c.textContent);
    expect(captions()).toEqual([]);
    await user.click(screen.getByRole('checkbox', { name: '打印、导出 PDF 和导出 Word 时附“图解”' }));
    expect(captions()).toEqual([
      '图1\u3000本年新收政府信息公开申请（按申请人）（2023年、2024年）',
      '图2\u3000政府信息公开申请办理结果（2023年、2024年）',
      '图3\u3000行政复议、行政诉讼（按结果）（2023年、2024年）',
    ]);
    expect(document.querySelectorAll('.print-view .charts-appendix svg')).toHaveLength(3);
  });

  it('follows the report as it changes', () => {
    const { editor } = renderEditor(<ComparePage />, { report: startedFromLastYear() });
    act(() => editor.actions.typeCell('requests.new.business', '7'));
    expect(shown('requests.new.business')).toEqual(['7', '0', '+7']);
  });
});

describe('根据表格生成说明', () => {
  it('drafts 三 from its table with the change against last year, marked as a draft, and saves it', async () => {
    const user = userEvent.setup();
    const report = startedFromLastYear();
    report.sections.三 = { text: '', source: 'typed' };
    const { editor } = renderEditor(<SectionPage section="三" />, { report });
    await user.click(screen.getByRole('button', { name: '根据表格生成说明' }));
    const text = editor.store.getState().report!.sections.三;
    expect(text.source).toBe('drafted');
    expect(text.text).toContain('本年度共新收政府信息公开申请95件，较上年增加74件（352.4%），上年结转申请0件。办理结果中，予以公开50件');
    expect(screen.getByRole('textbox', { name: /^文字说明/ })).toHaveValue(text.text);
    expect(screen.getByRole('note')).toHaveTextContent('根据表格生成的说明草稿');
    expect(checkReport(editor.store.getState().report!).filter((f) => f.section === '三' && f.rule.startsWith('prose.'))).toEqual([]);
    // The file keeps the mark.
    expect(parseReportFile(serializeReport(editor.store.getState().report!)).sections.三.source).toBe('drafted');
    // An edit makes it the clerk's own text.
    await user.type(screen.getByRole('textbox', { name: /^文字说明/ }), '。');
    expect(editor.store.getState().report!.sections.三.source).toBe('typed');
  });

  it('keeps what the clerk wrote and puts the draft after it', async () => {
    const user = userEvent.setup();
    const report = startedFromLastYear();
    report.sections.四 = { text: '本年度无新情况', source: 'typed' };
    const { editor } = renderEditor(<SectionPage section="四" />, { report });
    await user.click(screen.getByRole('button', { name: '根据表格生成说明' }));
    expect(editor.store.getState().report!.sections.四.text).toMatch(/^本年度无新情况\n本年度因政府信息公开工作被申请行政复议2件/);
    expect(editor.store.getState().report!.sections.四.source).toBe('drafted');
  });

  it('leaves last year’s carried text marked as carried', async () => {
    const user = userEvent.setup();
    const report = startedFromLastYear();
    report.sections.三 = { text: '2023年共收到申请21件。', source: 'carried' };
    const { editor } = renderEditor(<SectionPage section="三" />, { report });
    await user.click(screen.getByRole('button', { name: '根据表格生成说明' }));
    const after = editor.store.getState().report!.sections.三;
    expect(after.source).toBe('carried');
    expect(after.text.startsWith(report.sections.三.text.trimEnd())).toBe(true);
    expect(after.text).toContain('较上年增加74件（352.4%）');
  });

  it('is offered for 二, 三 and 四 only', () => {
    renderEditor(<SectionPage section="五" />, { report: startedFromLastYear() });
    expect(screen.queryByRole('button', { name: '根据表格生成说明' })).toBeNull();
  });
});
