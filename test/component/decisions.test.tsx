/** 四 by decision type: the panel drawn from the declared data, rolled up into the blank columns, never over a typed one. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SectionPage } from '../../renderer/src/components/SectionPage.tsx';
import { APPEAL_DECISIONS } from '../../shared/formats/appealDecisions.ts';
import { cellInput, renderEditor } from './editorHarness.tsx';

describe('the decision-type panel under 四', () => {
  it('lists every declared decision type of every group, with its default column', () => {
    renderEditor(<SectionPage section="四" />);
    for (const group of APPEAL_DECISIONS.groups) {
      const table = screen.getByRole('table', { name: `${group.label}·按决定类型` });
      expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(group.decisions.map((d) => d.label));
    }
    expect(screen.getByRole('combobox', { name: '行政复议·驳回·计入' })).toHaveValue('other');
  });

  it('rolls counts up into the blank columns, keeps a typed column, and saves a changed mapping', async () => {
    const user = userEvent.setup();
    const { editor } = renderEditor(<SectionPage section="四" />);
    await user.click(screen.getByText('按决定类型填写（可选）'));
    await user.type(screen.getByRole('textbox', { name: '行政复议·变更·件数' }), '1');
    await user.type(screen.getByRole('textbox', { name: '行政复议·撤销/部分撤销·件数' }), '2');
    await user.type(screen.getByRole('textbox', { name: '行政复议·驳回·件数' }), '1');
    expect(cellInput('appeals.count.review_corrected')).toHaveValue('3');
    expect(cellInput('appeals.count.review_corrected').dataset.provenance).toBe('decisions');
    expect(cellInput('appeals.count.review_other')).toHaveValue('1');
    expect(cellInput('appeals.count.review_total')).toHaveValue('4');

    await user.selectOptions(screen.getByRole('combobox', { name: '行政复议·驳回·计入' }), 'upheld');
    expect(cellInput('appeals.count.review_upheld')).toHaveValue('1');
    expect(cellInput('appeals.count.review_other')).toHaveValue('0');
    expect(editor.store.getState().report?.appealDecisions).toEqual({
      counts: { review: { changed: 1, revoked: 2, dismissed: 1 } },
      mapping: { 'review.dismissed': 'upheld' },
    });
    expect(screen.getByText(/^结果维持 = 维持 \+ 驳回；/)).toBeInTheDocument();

    await user.click(cellInput('appeals.count.review_corrected'));
    await user.keyboard('2');
    expect(cellInput('appeals.count.review_corrected')).toHaveValue('2');
    expect(editor.store.getState().report?.cells['appeals.count.review_corrected']?.raw).toBe('2');
  });
});
