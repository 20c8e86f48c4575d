/**
 * The keystroke path: typing in one cell re-renders that cell and the cells
 * whose shown value or mark changed, not the grid.
 */
import userEvent from '@testing-library/user-event';
import { memo, type ComponentProps, type FunctionComponent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { cellInput, renderEditor } from './editorHarness.tsx';

const renders: string[] = [];

vi.mock('../../renderer/src/grid/GridCell.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../renderer/src/grid/GridCell.tsx')>();
  // memo() keeps the component it wraps in `type`; count each call of it.
  const inner = (actual.GridCell as unknown as { type: FunctionComponent<ComponentProps<typeof actual.GridCell>> }).type;
  const Counted = memo(function CountedGridCell(props: ComponentProps<typeof actual.GridCell>) {
    renders.push(props.id);
    return inner(props);
  });
  return { ...actual, GridCell: Counted };
});

const { SectionPage } = await import('../../renderer/src/components/SectionPage.tsx');

function count(id: string): number {
  return renders.filter((r) => r === id).length;
}

describe('per-cell subscriptions', () => {
  it('a keystroke re-renders the cell, its totals and the cells whose mark changed — not the other 170', async () => {
    const user = userEvent.setup();
    renderEditor(<SectionPage section="三" />);
    expect(new Set(renders).size).toBe(175);
    await user.click(cellInput('requests.granted.natural'));
    renders.length = 0;
    await user.keyboard('7');
    const rendered = new Set(renders);
    expect(count('requests.granted.natural')).toBeGreaterThanOrEqual(1);
    // Its row total, its column total (（七）总计) and the grand total.
    for (const total of ['requests.granted.total', 'requests.results_total.natural', 'requests.results_total.total']) {
      expect(rendered.has(total)).toBe(true);
    }
    expect(rendered.has('requests.granted.business')).toBe(false);
    expect(rendered.has('requests.carried_out.legal')).toBe(false);
    expect(rendered.size).toBeLessThanOrEqual(8);
  });
});
