import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportedReport } from '../../shared/bridge.ts';
import { App } from '../../renderer/src/App.tsx';
import { AUTOSAVE_IDLE_MS } from '../../renderer/src/autosave.ts';
import { defaultReportYear } from '../../renderer/src/components/StartPage.tsx';
import { fakeApi, renderEditor, report2021 } from './editorHarness.tsx';

afterEach(() => {
  vi.useRealTimers();
});

/** Last year's report as an importer would hand it over (the importers have their own tests). */
function lastYearReport(): ImportedReport['report'] {
  const report = report2021({ year: 2023, organ: '某某区人民政府' });
  report.cells['requests.new.natural'] = { raw: '10', source: 'imported' };
  report.cells['requests.granted.natural'] = { raw: '7', source: 'imported' };
  report.cells['requests.carried_out.natural'] = { raw: '3', source: 'imported' };
  report.cells['art20_5.licensing.decisions'] = { raw: '9', source: 'imported' };
  report.sections['一'] = { text: '2023年，我区政务公开工作稳步推进。', source: 'imported' };
  return report;
}

function importedFrom(report: ImportedReport['report']): ImportedReport {
  return {
    name: '2023年报告.docx',
    report,
    importReport: {
      source: 'docx',
      format: report.format,
      formatReason: '表格标题为 2021 年版',
      year: report.year,
      organ: report.organ,
      tablesFound: [{ table: 'requests', matchedBy: '申请人情况' }],
      tablesMissing: [],
      sectionsFound: ['一', '二', '三', '四', '五', '六'],
      sectionsMissing: [],
      cellsRead: Object.keys(report.cells).length,
      blankCells: [],
      normalized: [{ cell: 'art20_5.licensing.decisions', raw: '9项', value: 9, note: '去掉单位' }],
      invalidCells: [],
      warnings: [],
    },
  };
}

describe('the app', () => {
  it('starts a report for last calendar year by default; the year decides the format', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<App />, { report: null });
    expect(screen.getByLabelText('报告年度')).toHaveValue(String(defaultReportYear()));
    await user.selectOptions(screen.getByLabelText('报告年度'), '2020');
    expect(screen.getByText(/使用 2019 年版格式/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('机关名称'), '某某镇人民政府');
    await user.click(screen.getByRole('button', { name: '新建' }));
    const report = editor.store.getState().report!;
    expect(report).toMatchObject({ year: 2020, format: 'gov2019', organ: '某某镇人民政府' });
    expect(screen.getByText('某某镇人民政府2020年政府信息公开工作年度报告')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^二、主动公开政府信息情况/ }));
    expect(screen.getByRole('columnheader', { name: '本年新制作数量' })).toBeInTheDocument();
  });

  it('saves with 保存, marks the document clean, and tells the file side', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      saveReportAs: vi.fn(async () => ({ ok: true as const, value: { path: '/w/镇.nianbao', name: '镇.nianbao' } })),
    });
    const { editor } = renderEditor(<App />, { api, report: null });
    act(() => editor.actions.load(report2021()));
    act(() => editor.actions.typeCell('requests.new.natural', '3'));
    expect(api.setDocumentState).toHaveBeenLastCalledWith({ path: null, year: 2025, dirty: true, importedFrom: null });
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(api.saveReportAs).toHaveBeenCalledWith(editor.store.getState().report);
    expect(api.setDocumentState).toHaveBeenLastCalledWith({ path: '/w/镇.nianbao', year: 2025, dirty: false, importedFrom: null });
    expect(screen.getByRole('status')).toHaveTextContent('已保存：镇.nianbao');
    act(() => api.sendMenu({ kind: 'save' }));
    await vi.waitFor(() => expect(api.saveReport).toHaveBeenCalledWith(editor.store.getState().report, '/w/镇.nianbao'));
  });

  it('shows a failed save as a message and keeps the document dirty', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ saveReportAs: vi.fn(async () => ({ ok: false as const, message: '磁盘已满，保存失败。' })) });
    const { editor } = renderEditor(<App />, { api });
    act(() => editor.actions.typeCell('requests.new.natural', '3'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getByRole('alert')).toHaveTextContent('磁盘已满，保存失败。');
    expect(editor.store.getState().savedReport).not.toBe(editor.store.getState().report);
  });

  it('asks before closing with unsaved changes and keeps the window when the clerk cancels', async () => {
    const api = fakeApi();
    const { editor } = renderEditor(<App />, { api });
    act(() => api.sendMenu({ kind: 'closeRequested' }));
    await vi.waitFor(() => expect(api.confirmClose).toHaveBeenLastCalledWith(true));
    expect(api.askUnsavedChanges).not.toHaveBeenCalled();
    act(() => editor.actions.typeCell('requests.new.natural', '3'));
    act(() => api.sendMenu({ kind: 'closeRequested' }));
    await vi.waitFor(() => expect(api.confirmClose).toHaveBeenLastCalledWith(false));
    expect(api.askUnsavedChanges).toHaveBeenCalledWith(null);
  });

  it('offers to recover an autosaved working copy at start', async () => {
    const user = userEvent.setup();
    const recovered = report2021({ organ: '恢复镇人民政府' });
    recovered.cells['requests.new.natural'] = { raw: '11', source: 'typed' };
    const api = fakeApi({
      recoverAutosave: vi.fn(async () => ({
        ok: true as const,
        value: { id: 'untitled', report: recovered, savedAt: '2026-01-10T08:00:00.000Z', path: null, name: null, fileChanged: false },
      })),
    });
    const { editor } = renderEditor(<App />, { api, report: null });
    const dialog = await screen.findByRole('dialog', { name: '恢复未保存的内容' });
    await user.click(within(dialog).getByRole('button', { name: '恢复' }));
    expect(editor.store.getState().report).toBe(recovered);
    expect(api.setDocumentState).toHaveBeenLastCalledWith({ path: null, year: 2025, dirty: true, importedFrom: null });
  });

  it('discards exactly the copy offered when the clerk declines it, and keeps it when the dialog is only closed', async () => {
    const user = userEvent.setup();
    const offered = { id: 'a'.repeat(32), report: report2021(), savedAt: '2026-01-10T08:00:00.000Z', path: '/d/本镇.nianbao', name: '本镇.nianbao', fileChanged: true };
    const api = fakeApi({ recoverAutosave: vi.fn(async () => ({ ok: true as const, value: offered })) });
    renderEditor(<App />, { api, report: null });
    const dialog = await screen.findByRole('dialog', { name: '恢复未保存的内容' });
    expect(dialog.textContent).toContain('“本镇.nianbao”在这些修改之后已被另外保存过');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: '恢复未保存的内容' })).toBeNull();
    expect(api.discardAutosave).not.toHaveBeenCalled();
    cleanup();
    renderEditor(<App />, { api, report: null });
    await user.click(within(await screen.findByRole('dialog', { name: '恢复未保存的内容' })).getByRole('button', { name: '放弃这些内容' }));
    expect(api.discardAutosave).toHaveBeenCalledWith('a'.repeat(32));
  });

  it('autosaves the working copy after the clerk pauses', () => {
    vi.useFakeTimers();
    const api = fakeApi();
    const { editor } = renderEditor(<App />, { api });
    act(() => editor.actions.typeCell('requests.new.natural', '3'));
    act(() => vi.advanceTimersByTime(AUTOSAVE_IDLE_MS - 100));
    act(() => editor.actions.typeCell('requests.new.natural', '34'));
    act(() => vi.advanceTimersByTime(AUTOSAVE_IDLE_MS - 100));
    expect(api.autosave).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(200));
    expect(api.autosave).toHaveBeenCalledTimes(1);
    expect(api.autosave).toHaveBeenCalledWith(editor.store.getState().report);
  });

  it('starts this year from last year: summary first, then carried values', async () => {
    const user = userEvent.setup();
    const last = lastYearReport();
    const api = fakeApi({ importLastYear: vi.fn(async () => ({ ok: true as const, value: importedFrom(last) })) });
    const { editor } = renderEditor(<App />, { api, report: null });
    await user.click(screen.getByRole('button', { name: /以上年报告为模板新建/ }));
    const dialog = await screen.findByRole('dialog', { name: '以上年报告为模板新建' });
    expect(dialog).toHaveTextContent('2023年报告.docx');
    expect(dialog).toHaveTextContent('“9项”→ 9');
    expect(within(dialog).getByLabelText('本次报告年度')).toHaveValue('2024');
    await user.click(within(dialog).getByRole('button', { name: '新建本年度报告' }));
    const report = editor.store.getState().report!;
    expect(report.year).toBe(2024);
    expect(report.cells['requests.carried_in.natural']).toMatchObject({ raw: '3', source: 'carried' });
    expect(report.lastYear?.values['requests.carried_out.natural']).toBe(3);
    expect(report.sections['一'].source).toBe('carried');
  });

  it('refuses a nonsense year for the new report', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ importLastYear: vi.fn(async () => ({ ok: true as const, value: importedFrom(lastYearReport()) })) });
    renderEditor(<App />, { api, report: null });
    await user.click(screen.getByRole('button', { name: /以上年报告为模板新建/ }));
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText('本次报告年度'));
    await user.type(within(dialog).getByLabelText('本次报告年度'), '2019');
    expect(within(dialog).getByRole('button', { name: '新建本年度报告' })).toBeDisabled();
    expect(dialog).toHaveTextContent('请填写上年之后的年度');
  });

  it('exports with the options chosen, after showing what the checks found', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ exportDocx: vi.fn(async () => ({ ok: true as const, value: { path: '/w/a.docx', name: 'a.docx' } })) });
    renderEditor(<App />, { api });
    await user.click(screen.getByRole('button', { name: '导出 Word' }));
    const dialog = screen.getByRole('dialog', { name: '导出 Word' });
    expect(dialog).toHaveTextContent(/条提示，请修改或说明原因/);
    await user.click(within(dialog).getByLabelText(/紧凑版式/));
    await user.click(within(dialog).getByLabelText('空白单元格印为 0'));
    await user.click(within(dialog).getByRole('button', { name: '导出' }));
    expect(api.exportDocx).toHaveBeenCalledWith(expect.objectContaining({ year: 2025 }), {
      layout: 'compact',
      blankAsZero: true,
      findingsSheet: false,
      fourDecimalAmounts: false,
    });
    expect(await screen.findByRole('status')).toHaveTextContent('已导出：a.docx');
  });

  it('says the web page is the one for the website, and exports amounts to four decimals when asked', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ exportHtml: vi.fn(async () => ({ ok: true as const, value: { path: '/w/a.html', name: 'a.html' } })) });
    renderEditor(<App />, { api });
    await user.click(screen.getByRole('button', { name: '导出网页' }));
    const dialog = screen.getByRole('dialog', { name: '导出网页' });
    expect(dialog).toHaveTextContent('网站发布用');
    const fourDecimals = within(dialog).getByLabelText(/金额保留 4 位小数/);
    // Neither official format's header asks for four decimals, so the option starts off.
    expect(fourDecimals).not.toBeChecked();
    await user.click(fourDecimals);
    await user.click(within(dialog).getByRole('button', { name: '导出' }));
    expect(api.exportHtml).toHaveBeenCalledWith(expect.objectContaining({ year: 2025 }), {
      blankAsZero: false,
      findingsSheet: false,
      fourDecimalAmounts: true,
    });
  });

  it('undoes and redoes from the menu', () => {
    const api = fakeApi();
    const { editor } = renderEditor(<App />, { api });
    act(() => editor.actions.typeCell('requests.new.natural', '3'));
    act(() => api.sendMenu({ kind: 'undo' }));
    expect(editor.store.getState().report!.cells).toEqual({});
    act(() => api.sendMenu({ kind: 'redo' }));
    expect(editor.store.getState().report!.cells['requests.new.natural']?.raw).toBe('3');
  });
});
