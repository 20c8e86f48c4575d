import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FindingsPanel } from '../../renderer/src/components/FindingsPanel.tsx';
import { Nav } from '../../renderer/src/components/Nav.tsx';
import { SectionPage } from '../../renderer/src/components/SectionPage.tsx';
import { useEditor } from '../../renderer/src/store/context.tsx';
import { cellInput, renderEditor, report2021 } from './editorHarness.tsx';

function CurrentPage() {
  const page = useEditor((s) => s.page);
  return page === 'info' || page === 'compare' ? null : <SectionPage key={page} section={page} />;
}

function Workspace() {
  return (
    <>
      <Nav />
      <CurrentPage />
      <FindingsPanel />
    </>
  );
}

const panel = () => screen.getByRole('complementary', { name: '检查结果' });
const navButton = (name: RegExp) => within(screen.getByRole('navigation', { name: '报告章节' })).getByRole('button', { name });

describe('navigation and the findings panel', () => {
  it('counts open findings per section and updates as the clerk types', async () => {
    const user = userEvent.setup();
    renderEditor(<Workspace />);
    expect(navButton(/^三、收到和处理政府信息公开申请情况/)).toHaveAccessibleName('三、收到和处理政府信息公开申请情况（1 个提示）');
    await user.click(navButton(/^三、/));
    expect(screen.getByRole('heading', { level: 2, name: '三、收到和处理政府信息公开申请情况' })).toBeInTheDocument();
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('5');
    // Only one side of the balance is entered yet: nothing to shout about.
    expect(navButton(/^三、/)).toHaveAccessibleName('三、收到和处理政府信息公开申请情况（1 个提示）');
    await user.click(cellInput('requests.granted.natural'));
    await user.keyboard('3');
    expect(navButton(/^三、/)).toHaveAccessibleName('三、收到和处理政府信息公开申请情况（2 个错误，1 个提示）');
    // "3x" is no number: the balance cannot be reckoned, the cell itself is the error.
    await user.keyboard('x');
    expect(navButton(/^三、/)).toHaveAccessibleName('三、收到和处理政府信息公开申请情况（1 个错误，1 个提示）');
    expect(within(panel()).getByRole('button', { name: /予以公开·自然人/ })).toHaveTextContent('错误');
  });

  it('takes the clerk to the cell of a finding, on another page', async () => {
    const user = userEvent.setup();
    const report = report2021();
    report.cells['appeals.count.review_upheld'] = { raw: '-2', source: 'typed' };
    renderEditor(<Workspace />, { report });
    const item = within(panel()).getByRole('button', { name: /行政复议·结果维持/ });
    await user.click(item);
    expect(screen.getByRole('heading', { level: 2, name: '四、政府信息公开行政复议、行政诉讼情况' })).toBeInTheDocument();
    expect(document.activeElement).toBe(cellInput('appeals.count.review_upheld'));
  });

  it('keeps the rows of findings an edit did not add or remove, when new ones appear before them', async () => {
    const user = userEvent.setup();
    renderEditor(<Workspace />);
    await user.click(navButton(/^三、/));
    const section = () => within(panel()).getByRole('region', { name: '三、收到和处理政府信息公开申请情况' });
    const blankRow = () => section().querySelector('li[data-rule="value.blank"]');
    const before = blankRow();
    expect(before).toHaveTextContent('有 144 个单元格未填写');
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('5');
    await user.click(cellInput('requests.granted.natural'));
    await user.keyboard('3');
    // Two balance errors now come first in 三; the blank-cell row is updated in place.
    expect(section().querySelectorAll('li')[0]).toHaveAttribute('data-rule', 'requests.balance');
    expect(blankRow()).toBe(before);
    expect(before).toHaveTextContent('有 142 个单元格未填写');
  });

  it('fills blanks with 0 in one click, and the click can be undone', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<Workspace />);
    const fix = within(panel()).getByRole('button', { name: '空格全部填 0（12 格）' });
    await user.click(fix);
    const cells = editor.store.getState().report!.cells;
    expect(cells['appeals.count.review_upheld']).toEqual({ raw: '0', source: 'typed' });
    expect(Object.keys(cells).filter((id) => id.startsWith('appeals.'))).toHaveLength(12);
    act(() => editor.actions.undo());
    expect(Object.keys(editor.store.getState().report!.cells)).toHaveLength(0);
  });

  it('offers the normalized value for a unit typed into a cell', async () => {
    const user = userEvent.setup();
    const report = report2021();
    report.cells['art20_5.licensing.decisions'] = { raw: '9项', source: 'typed' };
    const { editor } = renderEditor(<Workspace />, { report });
    await user.click(within(panel()).getByRole('button', { name: '改为“9”' }));
    expect(editor.store.getState().report!.cells['art20_5.licensing.decisions']).toEqual({ raw: '9', source: 'typed' });
  });

  it('saves an explanation with the report and stops counting the warning', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<Workspace />);
    const section = within(panel()).getByRole('region', { name: '四、政府信息公开行政复议、行政诉讼情况' });
    await user.click(within(section).getByRole('button', { name: '说明原因' }));
    await user.type(within(section).getByLabelText(/情况说明/), '本年度未发生行政复议和诉讼，按模板留空');
    await user.click(within(section).getByRole('button', { name: '保存说明' }));
    const report = editor.store.getState().report!;
    expect(report.acknowledgements['value.blank:appeals']?.explanation).toBe('本年度未发生行政复议和诉讼，按模板留空');
    expect(navButton(/^四、/)).toHaveAccessibleName('四、政府信息公开行政复议、行政诉讼情况');
    expect(within(panel()).queryByRole('region', { name: '四、政府信息公开行政复议、行政诉讼情况' })).toBeNull();
    await user.click(within(panel()).getByRole('checkbox', { name: /显示已说明的提示/ }));
    await user.click(within(panel()).getByRole('button', { name: '撤销说明' }));
    expect(editor.store.getState().report!.acknowledgements).toEqual({});
  });

  it('keeps a carried value the clerk confirms and stops asking', async () => {
    const user = userEvent.setup();
    const report = report2021();
    report.cells['art20_1.regulations.in_force'] = { raw: '12', source: 'carried', confirm: '口径不同，请核实' };
    const { editor } = renderEditor(<Workspace />, { report });
    await user.click(within(panel()).getByRole('button', { name: '核实无误' }));
    expect(editor.store.getState().report!.cells['art20_1.regulations.in_force']).toEqual({ raw: '12', source: 'carried' });
    expect(within(panel()).queryByRole('button', { name: '核实无误' })).toBeNull();
  });

  it('says all clear when nothing is open', () => {
    const report = report2021();
    renderEditor(<FindingsPanel />, { report: null });
    expect(screen.queryByRole('complementary')).toBeNull();
    renderEditor(<FindingsPanel />, { report });
    expect(panel()).not.toHaveTextContent('全部通过');
  });
});
