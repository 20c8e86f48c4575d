/**
 * The keystroke path across the whole editor: a digit typed in 三 re-renders
 * the cell, the totals and marks it changed, the findings panel and the
 * counts that changed, and nothing else: not the toolbar, the section list,
 * the page, the grid or its rows, the legend or the prose editor.
 */
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App.tsx';
import { countRenders } from '../setup/renderCounter.ts';
import { cellInput, renderEditor } from './editorHarness.tsx';

/** What a keystroke in a grid cell may re-render. */
const ON_THE_PATH = new Set(['GridCell', 'CellTip', 'FindingsPanel', 'FindingItem', 'Totals', 'PanelToggle', 'NavItem']);

describe('a keystroke in 三', () => {
  it.each([
    // The count of blank cells in the panel changes.
    ['a blank cell', 'requests.granted.natural', '7', 1],
    // No finding changes: the panel is passed by.
    ['a cell already filled', 'requests.new.business', '5', 0],
  ])('in %s re-renders only the cells it changed, the findings and the counts', async (_name, id, digit, panel) => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<App />);
    act(() => editor.actions.typeCell('requests.new.business', '3'));
    act(() => editor.actions.showPage('三'));
    await user.click(cellInput(id));
    const renders = await countRenders(() => user.keyboard(digit));
    const names = [...renders.keys()];
    expect(names.filter((name) => !ON_THE_PATH.has(name))).toEqual([]);
    expect(renders.get('FindingsPanel') ?? 0).toBe(panel);
    expect(renders.get('GridCell')).toBeGreaterThanOrEqual(1);
    // The cell, its row total, its column's totals and a mark or two: not the other 170.
    expect(renders.get('GridCell')).toBeLessThanOrEqual(8);
    // Only 三's counts can have changed.
    expect(renders.get('NavItem') ?? 0).toBeLessThanOrEqual(1);
    expect(cellInput(id)).toHaveValue(digit);
    expect(screen.getByRole('complementary', { name: '检查结果' })).toBeInTheDocument();
  });

  it('a letter typed in the prose that changes no finding leaves the findings panel alone', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<App />);
    act(() => editor.actions.typeNarrative('一', '本年度，我镇政务公开工作稳步推进'));
    act(() => editor.actions.showPage('一'));
    const findings = () => screen.getByRole('complementary', { name: '检查结果' }).textContent;
    const before = findings();
    await user.click(screen.getByLabelText('正文'));
    const renders = await countRenders(() => user.keyboard('。'));
    expect(editor.store.getState().report?.sections.一.text).toBe('本年度，我镇政务公开工作稳步推进。');
    expect(findings()).toBe(before);
    expect(renders.has('FindingsPanel')).toBe(false);
    expect(renders.has('FindingItem')).toBe(false);
    expect(renders.has('Toolbar')).toBe(false);
    expect(renders.has('GridCell')).toBe(false);
  });

  it('counts what renders (the counter sees a component that does)', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<App />);
    act(() => editor.actions.showPage('三'));
    const renders = await countRenders(() => user.click(screen.getByRole('button', { name: /^一、/ })));
    // Changing the page renders the frame's page slot and the new section.
    expect(renders.get('SectionPage')).toBeGreaterThanOrEqual(1);
    expect(renders.get('NavItem')).toBeGreaterThanOrEqual(2);
  });
});
