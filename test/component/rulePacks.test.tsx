/** 设置 → 规则包: a pack file loaded, shown, applied to the open report's findings, remembered, removed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App.tsx';
import { removePack, loadedPacks } from '../../renderer/src/rules/rulePacks.ts';
import { derive } from '../../renderer/src/store/derive.ts';
import { renderEditor, report2021 } from './editorHarness.tsx';

const PACK = readFileSync(join(process.cwd(), 'build/rule-packs/example-county.json'), 'utf8');
const NAME = (JSON.parse(PACK) as { name: string }).name;

afterEach(() => {
  for (const pack of loadedPacks()) removePack(pack.name);
  localStorage.clear();
});

async function openDialog() {
  const user = userEvent.setup();
  const report = report2021({ year: 2025, organ: '示例县甲镇人民政府' });
  report.cells['art20_1.normative_docs.issued'] = { raw: '5', source: 'typed' };
  report.cells['art20_1.normative_docs.in_force'] = { raw: '3', source: 'typed' };
  const rendered = renderEditor(<App />, { report });
  await act(async () => rendered.editor.actions.openDialog({ kind: 'rulePacks' }));
  return { user, ...rendered, dialog: screen.getByRole('dialog', { name: '规则包' }) };
}

function choose(dialog: HTMLElement, text: string) {
  const input = within(dialog).getByLabelText('载入规则包文件');
  fireEvent.change(input, { target: { files: [new File([text], 'pack.json', { type: 'application/json' })] } });
}

describe('the 规则包 dialog', () => {
  it('loads a pack, lists its rules, applies it to the open report and remembers it; 移除 takes it away', async () => {
    const { user, editor, dialog } = await openDialog();
    const packFindings = () => derive(editor.store.getState().report!).findings.filter((f) => f.rule.startsWith('pack.'));
    expect(packFindings()).toEqual([]);
    choose(dialog, PACK);
    const section = await within(dialog).findByRole('region', { name: NAME });
    expect(section).toHaveTextContent('发布单位：示例县人民政府办公室（县政务公开办）；适用年度：2024—2025');
    expect(section).toHaveTextContent('[错误] 行政规范性文件的现行有效件数不应少于本年制发件数');
    expect(section).toHaveTextContent('一：不超过 1000 字');
    expect(packFindings().map((f) => f.rule)).toEqual(['pack.requiredWords', 'pack.equation']);
    expect(JSON.parse(localStorage.getItem('nianbao.rulePacks') ?? '[]')).toEqual([PACK]);
    await user.click(within(section).getByRole('button', { name: '移除' }));
    await waitFor(() => expect(within(dialog).queryByRole('region', { name: NAME })).not.toBeInTheDocument());
    expect(packFindings()).toEqual([]);
    expect(localStorage.getItem('nianbao.rulePacks')).toBe('[]');
  });

  it('refuses a bad pack with its message and keeps what was loaded', async () => {
    const { dialog } = await openDialog();
    choose(dialog, PACK);
    await within(dialog).findByRole('region', { name: NAME });
    choose(dialog, JSON.stringify({ ...JSON.parse(PACK), rules: [{ kind: 'regex', pattern: '(a+)+$' }] }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/^规则包无法使用：rules\.0/);
    expect(within(dialog).getByRole('region', { name: NAME })).toBeInTheDocument();
  });
});
