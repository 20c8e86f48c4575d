/** The registry at work: keys, toolbar, section switching, undo that shows where, notices, help. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportedReport } from '../../shared/bridge.ts';
import { buttonLabel, commandTitle, declaration, EDITOR_COMMAND_IDS, shortcutText, TOOLBAR, type Shortcut } from '../../shared/commands.ts';
import { describeCell } from '../../shared/formats/describe.ts';
import { App } from '../../renderer/src/App.tsx';
import { BINDINGS } from '../../renderer/src/commands/registry.ts';
import { FILL_LEGEND } from '../../renderer/src/help/legend.ts';
import { shortcutGroups } from '../../renderer/src/help/helpContent.ts';
import { cellInput, fakeApi, renderEditor, report2021 } from './editorHarness.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

function press(shortcut: Shortcut, target: Element = document.activeElement ?? document.body) {
  const key = shortcut.key.length === 1 && !shortcut.shift ? shortcut.key.toLowerCase() : shortcut.key;
  fireEvent.keyDown(target, { key, ctrlKey: Boolean(shortcut.ctrl), shiftKey: Boolean(shortcut.shift) });
}

const heading = () => screen.getAllByRole('heading', { level: 2 })[0]!;

describe('the one key handler', () => {
  const keyed = EDITOR_COMMAND_IDS.flatMap((id) => (declaration(id).shortcuts ?? []).map((s) => [id, shortcutText(s), s] as const));

  it('runs every editor command that has a shortcut from its shortcut', () => {
    expect(keyed.length).toBeGreaterThan(15);
    const { editor } = renderEditor(<App />);
    // Two undo steps, one undone: both 撤销 and 重做 are enabled.
    act(() => {
      editor.actions.typeCell('requests.new.natural', '1');
      editor.actions.typeCell('requests.new.legal', '2');
      editor.actions.undo();
    });
    const runs = new Map(EDITOR_COMMAND_IDS.map((id) => [id, vi.spyOn(BINDINGS[id], 'run').mockImplementation(() => undefined)]));
    const calls = () => [...runs].map(([id, spy]) => [id, spy.mock.calls.length] as const);
    for (const [id, text, shortcut] of keyed) {
      const before = new Map(calls());
      press(shortcut);
      // This command ran once, and no other.
      const ran = calls().filter(([other, n]) => n !== before.get(other));
      expect(ran, `${text}`).toEqual([[id, before.get(id)! + 1]]);
    }
  });

  it('leaves the keys to an open dialog, except 帮助', () => {
    const { editor } = renderEditor(<App />);
    act(() => editor.actions.openDialog({ kind: 'check' }));
    const save = vi.spyOn(BINDINGS.save, 'run');
    press(declaration('save').shortcuts![0]!);
    expect(save).not.toHaveBeenCalled();
    press(declaration('help').shortcuts![0]!);
    expect(screen.getByRole('dialog', { name: '帮助' })).toBeInTheDocument();
  });
});

describe('the toolbar', () => {
  it('is the registry’s: labels, tooltips with shortcuts, enablement', () => {
    renderEditor(<App />);
    const buttons = within(screen.getByRole('toolbar')).getAllByRole('button');
    const ids = TOOLBAR.filter((e) => e !== '-');
    expect(buttons.map((b) => b.textContent)).toEqual(ids.map(buttonLabel));
    expect(buttons.map((b) => b.getAttribute('title'))).toEqual(ids.map(commandTitle));
    expect(screen.getByRole('button', { name: '保存' })).toHaveAttribute('title', '保存 (Ctrl+S)');
    expect(screen.getByRole('button', { name: '撤销' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '保存' })).toBeEnabled();
  });
});

describe('switching sections', () => {
  it('Ctrl+1…6 go to a section with focus in its first field', () => {
    renderEditor(<App />);
    press({ key: '3', ctrl: true });
    expect(heading()).toHaveTextContent('三、收到和处理政府信息公开申请情况');
    expect(document.activeElement).toBe(cellInput('requests.new.natural'));
    press({ key: '1', ctrl: true });
    expect(heading()).toHaveTextContent('一、总体情况');
    expect(document.activeElement).toBe(document.getElementById('narrative-一'));
  });

  it('Ctrl+PageDown and Ctrl+PageUp walk 基本信息 and the sections in order', () => {
    renderEditor(<App />);
    press({ key: 'PageDown', ctrl: true });
    press({ key: 'PageDown', ctrl: true });
    expect(heading()).toHaveTextContent('二、主动公开政府信息情况');
    press({ key: 'PageUp', ctrl: true });
    press({ key: 'PageUp', ctrl: true });
    press({ key: 'PageUp', ctrl: true });
    expect(heading()).toHaveTextContent('基本信息');
    expect(document.activeElement).toBe(screen.getByLabelText('机关名称'));
  });

  it('after 新建 the first field has focus', async () => {
    const user = userEvent.setup();
    renderEditor(<App />, { report: null });
    expect(document.activeElement).toBe(screen.getByLabelText('报告年度'));
    await user.click(screen.getByRole('button', { name: '新建' }));
    expect(document.activeElement).toBe(screen.getByLabelText('机关名称'));
  });
});

describe('undo shows where', () => {
  it('takes the clerk to the section and cell an undone edit was in, and drops the notice about it', () => {
    const { editor } = renderEditor(<App />);
    act(() => {
      editor.actions.pasteCells(new Map([['requests.new.legal', '4']]));
      editor.actions.notify({ tone: 'success', text: '已粘贴 1 个单元格。' });
      editor.actions.showPage('四');
    });
    expect(screen.getByRole('status')).toHaveTextContent('已粘贴');
    press({ key: 'Z', ctrl: true });
    expect(heading()).toHaveTextContent('三、');
    expect(document.activeElement).toBe(cellInput('requests.new.legal'));
    expect(editor.store.getState().report!.cells['requests.new.legal']).toBeUndefined();
    expect(screen.queryByText(/已粘贴/)).not.toBeInTheDocument();
    act(() => editor.actions.showPage('info'));
    press({ key: 'Y', ctrl: true });
    expect(document.activeElement).toBe(cellInput('requests.new.legal'));
  });

  it('goes to a paragraph an undone edit was in', () => {
    const { editor } = renderEditor(<App />);
    act(() => {
      editor.actions.typeNarrative('五', '存在问题');
      editor.actions.endTyping();
    });
    press({ key: 'Z', ctrl: true });
    expect(heading()).toHaveTextContent('五、');
    expect(document.activeElement).toBe(document.getElementById('narrative-五'));
  });
});

describe('notices', () => {
  it('do not follow the clerk to the start page', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<App />);
    act(() => editor.actions.notify({ tone: 'success', text: '已打开：a.nianbao' }));
    await user.click(within(screen.getByRole('toolbar')).getByRole('button', { name: '新建' }));
    expect(screen.getByRole('heading', { name: '新建报告' })).toBeInTheDocument();
    expect(screen.queryByText(/已打开/)).not.toBeInTheDocument();
  });
});

describe('opening a Word file', () => {
  it('offers to start from it as last year’s report', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ openReport: vi.fn(async () => ({ ok: false as const, message: '这不是年报软件保存的文件' })) });
    renderEditor(<App />, { api, report: null });
    await user.click(screen.getByRole('button', { name: '打开' }));
    const dialog = await screen.findByRole('dialog', { name: '无法打开' });
    await user.click(within(dialog).getByRole('button', { name: '以上年报告为模板新建…' }));
    expect(api.importLastYear).toHaveBeenCalledTimes(1);
  });

  it('still says other failures as they are', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ openReport: vi.fn(async () => ({ ok: false as const, message: '文件内容已损坏，无法读取' })) });
    renderEditor(<App />, { api, report: null });
    await user.click(screen.getByRole('button', { name: '打开' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('文件内容已损坏');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

/** A blank provincial template as the importer reads it: no year anywhere, one value normalized. */
function blankTemplate(): ImportedReport {
  const report = report2021({ year: 2021, organ: '' });
  report.cells['art20_8.fees.amount'] = { raw: '0', source: 'imported' };
  return {
    name: '模板.docx',
    report,
    importReport: {
      source: 'docx',
      format: 'gov2021',
      formatReason: '未找到报告年度，按表格样式判定为2021年版格式',
      year: null,
      organ: null,
      tablesFound: [],
      tablesMissing: ['art20_1'],
      sectionsFound: [],
      sectionsMissing: [],
      cellsRead: 1,
      blankCells: [],
      normalized: [{ cell: 'art20_8.fees.amount', raw: '无', value: 0, note: '“无”按 0 计' }],
      invalidCells: [{ cell: 'requests.new.natural', raw: '若干', message: '不是数字' }],
      warnings: [],
    },
  };
}

describe('starting from a file without a year', () => {
  it('asks for the year instead of guessing, accepts full-width digits, and names cells by their labels', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ importLastYear: vi.fn(async () => ({ ok: true as const, value: blankTemplate() })) });
    const { editor } = renderEditor(<App />, { api, report: null });
    await user.click(screen.getByRole('button', { name: '以上年报告为模板新建' }));
    const dialog = await screen.findByRole('dialog', { name: '以上年报告为模板新建' });
    expect(dialog).toHaveTextContent('年度未能识别');
    expect(dialog).not.toHaveTextContent(/2021 年度|art20|requests\./);
    expect(dialog).toHaveTextContent(`${describeCell('gov2021', 'art20_8.fees.amount')}“无”→ 0`);
    expect(dialog).toHaveTextContent('第三部分·一、本年新收申请数量·自然人“若干”');
    expect(dialog).toHaveTextContent('二、第二十条第（一）项的表格');
    const year = within(dialog).getByLabelText('本次报告年度');
    expect(year).toHaveValue('');
    const start = within(dialog).getByRole('button', { name: '新建本年度报告' });
    expect(start).toBeDisabled();
    await user.type(year, '２０２５');
    expect(start).toBeEnabled();
    await user.click(start);
    const report = editor.store.getState().report!;
    expect(report.year).toBe(2025);
    expect(report.lastYear?.year).toBe(2024);
  });
});

describe('the carry-over summary', () => {
  it('lists the carried cells by label, each one click away', async () => {
    const user = userEvent.setup();
    const last = report2021({ year: 2024 });
    last.cells['requests.carried_out.natural'] = { raw: '3', source: 'typed' };
    last.cells['art20_1.regulations.in_force'] = { raw: '5', source: 'typed' };
    const imported: ImportedReport = { ...blankTemplate(), report: last };
    imported.importReport = { ...imported.importReport, year: 2024, normalized: [], invalidCells: [], tablesMissing: [] };
    const api = fakeApi({ importLastYear: vi.fn(async () => ({ ok: true as const, value: imported })) });
    renderEditor(<App />, { api, report: null });
    await user.click(screen.getByRole('button', { name: '以上年报告为模板新建' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '新建本年度报告' }));
    const notes = await screen.findByRole('dialog', { name: '上年数据结转说明' });
    expect(notes).toHaveTextContent('结转 2 项数据');
    expect(notes).toHaveTextContent('第二十条第（一）项·规章·现行有效件数：5');
    await user.click(within(notes).getByRole('button', { name: '第三部分·二、上年结转申请数量·自然人：3' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(heading()).toHaveTextContent('三、');
    expect(document.activeElement).toBe(cellInput('requests.carried_in.natural'));
  });
});

describe('the export dialog', () => {
  it('says an export with errors is for checking, not for sending', async () => {
    const user = userEvent.setup();
    const report = report2021();
    report.cells['requests.new.natural'] = { raw: '5', source: 'typed' };
    report.cells['requests.granted.natural'] = { raw: '3', source: 'typed' };
    renderEditor(<App />, { report });
    await user.click(screen.getByRole('button', { name: '导出 Word' }));
    const dialog = screen.getByRole('dialog', { name: '导出 Word' });
    expect(dialog).toHaveTextContent('报送前应当修改');
    expect(dialog).toHaveTextContent('不宜报送或公开');
    expect(within(dialog).getByRole('button', { name: '仍然导出（供核对）' })).toBeInTheDocument();
  });
});

describe('help', () => {
  it('F1 opens it on the start page; it lists every shortcut and colour from their declarations', () => {
    renderEditor(<App />, { report: null });
    press({ key: 'F1' });
    const dialog = screen.getByRole('dialog', { name: '帮助' });
    for (const group of shortcutGroups()) {
      for (const row of group.rows) {
        for (const key of row.keys) expect(dialog).toHaveTextContent(key);
        expect(dialog).toHaveTextContent(row.label);
      }
    }
    for (const entry of FILL_LEGEND) expect(dialog).toHaveTextContent(`${entry.label}${entry.meaning}`);
  });

  it('shows the colour legend above a section’s tables', () => {
    renderEditor(<App />);
    press({ key: '3', ctrl: true });
    const legend = screen.getByRole('list', { name: '单元格颜色说明' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(FILL_LEGEND.map((e) => e.label));
  });
});
