import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatIndex } from '../../shared/formats/index.ts';
import { SectionPage } from '../../renderer/src/components/SectionPage.tsx';
import { cellInput, renderEditor, report2021 } from './editorHarness.tsx';

const requestCells = formatIndex('gov2021').cells.filter((c) => c.table.id === 'requests');

describe('the 三 grid', () => {
  it('has an input for every cell of the format, each named by its row and column', () => {
    renderEditor(<SectionPage section="三" />);
    const table = screen.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    const inputs = within(table).getAllByRole('textbox');
    expect(inputs).toHaveLength(requestCells.length);
    expect(requestCells.length).toBe(25 * 7);
    for (const info of requestCells) expect(cellInput(info.id)).toHaveAccessibleName(info.label);
    expect(screen.getByRole('textbox', { name: '（七）总计·自然人' })).toBe(cellInput('requests.results_total.natural'));
  });

  it('gives every cell a form of its own that never submits, even on Enter', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    for (const info of requestCells) expect([...(cellInput(info.id).form?.elements ?? [])]).toEqual([cellInput(info.id)]);
    const submits: Event[] = [];
    document.addEventListener('submit', (event) => submits.push(event));
    fireEvent.submit(cellInput('requests.new.natural').form!);
    await user.click(cellInput('requests.new.business'));
    await user.keyboard('5{Enter}');
    expect(submits.map((event) => event.defaultPrevented)).toEqual([true]);
    expect(document.activeElement).toBe(cellInput('requests.carried_in.business'));
  });

  it('draws the official merged headers and row groups from the format', () => {
    renderEditor(<SectionPage section="三" />);
    const table = screen.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    const header = (text: string) => within(table).getByRole('columnheader', { name: text });
    expect(header('申请人情况')).toHaveAttribute('colspan', '7');
    expect(header('法人或其他组织')).toHaveAttribute('colspan', '5');
    expect(within(table).getByRole('rowheader', { name: '三、本年度办理结果' })).toHaveAttribute('rowspan', '22');
    expect(within(table).getByRole('rowheader', { name: '（三）不予公开' })).toHaveAttribute('rowspan', '8');
    expect(table).toHaveTextContent('本列数据的勾稽关系为');
  });

  it('computes totals as the clerk types and keeps them read-only', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    const total = cellInput('requests.new.total');
    expect(total).toHaveAttribute('readonly');
    expect(total.dataset.provenance).toBe('computed');
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('12');
    await user.click(cellInput('requests.new.business'));
    await user.keyboard('3');
    expect(total).toHaveValue('15');
    await user.click(cellInput('requests.granted.natural'));
    await user.keyboard('7');
    expect(cellInput('requests.results_total.natural')).toHaveValue('7');
    expect(cellInput('requests.results_total.total')).toHaveValue('7');
    await user.click(total);
    await user.keyboard('99');
    expect(total).toHaveValue('15');
  });

  it('flags the 勾稽 balance at the cell until the columns balance', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('5');
    const natural = cellInput('requests.new.natural');
    // One side entered: the balance waits for the results.
    expect(natural).not.toHaveAttribute('aria-invalid');
    await user.click(cellInput('requests.granted.natural'));
    await user.keyboard('3');
    expect(natural).toHaveAttribute('aria-invalid', 'true');
    expect(natural).toHaveAccessibleDescription(/勾稽关系不平衡（自然人）/);
    await user.click(cellInput('requests.carried_out.natural'));
    await user.keyboard('2');
    expect(natural).not.toHaveAttribute('aria-invalid');
  });

  it('keeps what was typed: full-width digits count, a letter is an error at its cell', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('１２');
    expect(cellInput('requests.new.total')).toHaveValue('12');
    await user.click(cellInput('requests.new.business'));
    await user.keyboard('3a');
    const business = cellInput('requests.new.business');
    expect(business).toHaveValue('3a');
    expect(editor.store.getState().report?.cells['requests.new.business']).toEqual({ raw: '3a', source: 'typed' });
    expect(business).toHaveAttribute('aria-invalid', 'true');
  });

  it('lets a total be overridden with F2, flags the disagreement, and Delete gives it back to the computation', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('4');
    const total = cellInput('requests.new.total');
    await user.click(total);
    await user.keyboard('{F2}');
    expect(total).not.toHaveAttribute('readonly');
    await user.keyboard('{Control>}a{/Control}9');
    expect(total).toHaveValue('9');
    expect(total.dataset.provenance).toBe('override');
    expect(total).toHaveAttribute('aria-invalid', 'true');
    await user.keyboard('{Enter}');
    await user.click(total);
    await user.keyboard('{Delete}');
    expect(editor.store.getState().report?.cells['requests.new.total']).toBeUndefined();
    expect(total).toHaveValue('4');
    expect(total.dataset.provenance).toBe('computed');
  });

  it('shows where a value came from', () => {
    const report = report2021();
    report.cells['requests.carried_in.natural'] = { raw: '2', source: 'carried' };
    report.cells['requests.new.natural'] = { raw: '3', source: 'imported' };
    renderEditor(<SectionPage section="三" />, { report });
    expect(cellInput('requests.carried_in.natural').dataset.provenance).toBe('carried');
    expect(cellInput('requests.new.natural').dataset.provenance).toBe('imported');
    expect(cellInput('requests.new.business').dataset.provenance).toBe('typed');
    expect(cellInput('requests.results_total.total').dataset.provenance).toBe('computed');
  });

  it('draws the tables of 二 in one grid with their captions', () => {
    renderEditor(<SectionPage section="二" />);
    const table = screen.getByRole('table');
    for (const caption of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']) {
      expect(within(table).getByRole('columnheader', { name: caption })).toBeInTheDocument();
    }
    expect(cellInput('art20_8.fees.amount')).toHaveAccessibleName(/万元|收费金额/);
  });

  it('applies a focus request from elsewhere to the right cell', () => {
    const { editor } = renderEditor(<SectionPage section="三" />);
    act(() => editor.actions.goTo({ page: '三', cell: 'requests.denied_query.legal' }));
    expect(document.activeElement).toBe(cellInput('requests.denied_query.legal'));
    fireEvent.blur(cellInput('requests.denied_query.legal'));
  });
});
