/** The editor draws a format it was never told about from its data: the synthetic gov2027's 二 grid. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SectionPage } from '../../renderer/src/components/SectionPage.tsx';
import { registerFormat } from '../../shared/formats/index.ts';
import { createReport } from '../../shared/model/report.ts';
import { ADDED, GOV2027, RENAMED } from '../fixtures/thirdFormat.ts';
import { cellInput, renderEditor } from './editorHarness.tsx';

registerFormat(GOV2027);

describe('a registered third format in the editor', () => {
  it('renders its renamed row and added column, and takes typing in the new cell', async () => {
    const user = userEvent.setup();
    const report = createReport({ format: 'gov2027', year: 2027, organ: '某县人民政府办公室' });
    const { editor } = renderEditor(<SectionPage section="二" />, { report });
    const table = screen.getByRole('table', { name: '二、主动公开政府信息情况' });
    expect(within(table).getByRole('columnheader', { name: ADDED })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: RENAMED })).toBeInTheDocument();
    const added = cellInput('art20_1.normative_docs.reviewed');
    expect(added).toHaveAccessibleName(`第二十条第（一）项·${RENAMED}·${ADDED}`);
    await user.click(added);
    await user.keyboard('3');
    expect(editor.store.getState().report?.cells['art20_1.normative_docs.reviewed']?.raw).toBe('3');
  });
});
