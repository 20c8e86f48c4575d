import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NoticeBar } from '../../renderer/src/components/NoticeBar.tsx';
import { SectionPage } from '../../renderer/src/components/SectionPage.tsx';
import { cellInput, renderEditor } from './editorHarness.tsx';

function paste(target: HTMLElement, text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
  fireEvent(target, event);
}

describe('spreadsheet keys in a grid', () => {
  it.each([
    ['{ArrowDown}', 'requests.carried_in.business'],
    ['{Enter}', 'requests.carried_in.business'],
    ['{ArrowRight}', 'requests.new.research'],
    ['{ArrowLeft}', 'requests.new.natural'],
    ['{Tab}', 'requests.new.research'],
    ['{Shift>}{Tab}{/Shift}', 'requests.new.natural'],
    ['{ArrowUp}', 'requests.new.business'],
  ])('%s moves from 一·商业企业 to %s', async (keys, expected) => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.business'));
    await user.keyboard(keys);
    expect(document.activeElement).toBe(cellInput(expected));
  });

  it('Tab at the end of a row goes on to the next row; arrows cross a merged label', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.other_org'));
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(cellInput('requests.new.total'));
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(cellInput('requests.carried_in.natural'));
    await user.click(cellInput('requests.partly_granted.legal'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cellInput('requests.denied_state_secret.legal'));
  });

  it('typing replaces the content the cell arrived with', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('8{Enter}{ArrowUp}');
    expect(document.activeElement).toBe(cellInput('requests.new.natural'));
    await user.keyboard('6');
    expect(cellInput('requests.new.natural')).toHaveValue('6');
  });

  it('Escape puts back what the cell held and leaves nothing to undo', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('3{Enter}{ArrowUp}');
    await user.keyboard('45');
    expect(cellInput('requests.new.total')).toHaveValue('45');
    await user.keyboard('{Escape}');
    expect(cellInput('requests.new.natural')).toHaveValue('3');
    expect(cellInput('requests.new.total')).toHaveValue('3');
    expect(editor.store.temporal.getState().futureStates).toHaveLength(0);
    editor.actions.undo();
    expect(editor.store.getState().report?.cells['requests.new.natural']).toBeUndefined();
  });

  it('Delete clears a typed cell', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('3{Enter}{ArrowUp}{Delete}');
    expect(cellInput('requests.new.natural')).toHaveValue('');
    expect(editor.store.getState().report?.cells['requests.new.natural']).toBeUndefined();
  });

  it('pastes a block copied from Excel from the focused cell, in one undo step', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(
      <>
        <NoticeBar />
        <SectionPage section="三" />
      </>,
    );
    await user.click(cellInput('requests.new.natural'));
    paste(cellInput('requests.new.natural'), '1\t2\t3\r\n4\t5\t6\r\n');
    expect(cellInput('requests.new.research')).toHaveValue('3');
    expect(cellInput('requests.carried_in.natural')).toHaveValue('4');
    expect(cellInput('requests.new.total')).toHaveValue('6');
    expect(cellInput('requests.carried_in.total')).toHaveValue('15');
    expect(screen.getByText('已粘贴 6 个单元格。')).toBeInTheDocument();
    act(() => editor.actions.undo());
    expect(cellInput('requests.new.total')).toHaveValue('');
    expect(cellInput('requests.carried_in.natural')).toHaveValue('');
    act(() => editor.actions.redo());
    expect(cellInput('requests.carried_in.total')).toHaveValue('15');
  });

  it('says how much of a pasted block fell outside the table', () => {
    renderEditor(
      <>
        <NoticeBar />
        <SectionPage section="三" />
      </>,
    );
    const start = cellInput('requests.carried_out.other_org');
    paste(start, '1\t2\t3\n4\t5\t6');
    expect(start).toHaveValue('1');
    expect(screen.getByRole('alert')).toHaveTextContent('已粘贴 2 个单元格；超出表格的 4 个数值未粘贴。');
  });

  it('stores a pasted total only where it disagrees with its pasted parts', () => {
    const { editor } = renderEditor(<SectionPage section="三" />);
    paste(cellInput('requests.new.natural'), '1\t1\t0\t0\t0\t0\t2\n1\t0\t0\t0\t0\t0\t5');
    const cells = editor.store.getState().report!.cells;
    expect(cells['requests.new.total']).toBeUndefined();
    expect(cells['requests.carried_in.total']).toEqual({ raw: '5', source: 'override' });
    expect(cellInput('requests.carried_in.total')).toHaveAttribute('aria-invalid', 'true');
  });

  it('reads garbage pasted into a cell as text to be fixed, losing nothing', () => {
    const { editor } = renderEditor(<SectionPage section="三" />);
    paste(cellInput('requests.new.natural'), '共计\t十二\n<script>\t-3');
    const cells = editor.store.getState().report!.cells;
    expect(cells['requests.new.natural']?.raw).toBe('共计');
    expect(cells['requests.carried_in.business']?.raw).toBe('-3');
    expect(cellInput('requests.carried_in.business')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('a cell has two modes, as in a spreadsheet', () => {
  it.each([
    ['三', 'requests.carried_out.natural'],
    ['四', 'appeals.count.review_upheld'],
  ] as const)('Enter on the last row of %s ends the edit: 5, Enter, 6 leaves 6', async (section, id) => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<SectionPage section={section} />);
    await user.click(cellInput(id));
    await user.keyboard('5{Enter}6');
    expect(document.activeElement).toBe(cellInput(id));
    expect(cellInput(id)).toHaveValue('6');
    // Two edits, two undo steps.
    act(() => editor.actions.undo());
    expect(cellInput(id)).toHaveValue('5');
  });

  it('an arrow at the grid’s edge ends the edit too', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.total'));
    await user.click(cellInput('requests.new.natural'));
    await user.keyboard('5{ArrowLeft}7{ArrowUp}8');
    expect(cellInput('requests.new.natural')).toHaveValue('8');
  });

  it('after typing, ← and → move to the next cell, not inside the text', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.business'));
    await user.keyboard('12{ArrowLeft}');
    expect(document.activeElement).toBe(cellInput('requests.new.natural'));
    await user.keyboard('3{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toBe(cellInput('requests.new.research'));
    expect(cellInput('requests.new.business')).toHaveValue('12');
    expect(cellInput('requests.new.natural')).toHaveValue('3');
  });

  it('F2 edits in place: ← → move the caret, ↓ still moves on, F2 again moves as before', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.business'));
    await user.keyboard('12{ArrowUp}');
    await user.keyboard('{F2}{ArrowLeft}3');
    expect(document.activeElement).toBe(cellInput('requests.new.business'));
    expect(cellInput('requests.new.business')).toHaveValue('132');
    await user.keyboard('{ArrowRight}{ArrowRight}4');
    expect(cellInput('requests.new.business')).toHaveValue('1324');
    await user.keyboard('{F2}{ArrowLeft}');
    expect(document.activeElement).toBe(cellInput('requests.new.natural'));
    await user.keyboard('{ArrowRight}{F2}{ArrowLeft}{ArrowDown}');
    expect(document.activeElement).toBe(cellInput('requests.carried_in.business'));
  });

  it('a double-click edits in place; arriving again replaces', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.business'));
    await user.keyboard('45{Enter}');
    await user.dblClick(cellInput('requests.new.business'));
    await user.keyboard('{ArrowLeft}6');
    expect(cellInput('requests.new.business')).toHaveValue('465');
    await user.keyboard('{Enter}{ArrowUp}7');
    expect(cellInput('requests.new.business')).toHaveValue('7');
  });

  it('Escape ends editing in place as well as the edit', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    await user.click(cellInput('requests.new.business'));
    await user.keyboard('{F2}9{Escape}{ArrowLeft}');
    expect(cellInput('requests.new.business')).toHaveValue('');
    expect(document.activeElement).toBe(cellInput('requests.new.natural'));
  });

  it('typing on a computed total says how to override it, and F2 does', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    const total = cellInput('requests.new.total');
    await user.click(total);
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.keyboard('9');
    expect(total).toHaveValue('');
    expect(screen.getByRole('tooltip')).toHaveTextContent('合计由系统计算；按 F2 可改写');
    expect(total).toHaveAccessibleDescription('合计由系统计算；按 F2 可改写');
    await user.keyboard('{F2}9');
    expect(total).toHaveValue('9');
    expect(screen.queryByText('合计由系统计算；按 F2 可改写')).toBeNull();
    expect(total.dataset.provenance).toBe('override');
  });
});
