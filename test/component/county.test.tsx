/**
 * The 汇总与审核 table as a clerk uses it: reached from the start page,
 * rows from the folder read, sorted by a click on a heading (again: the
 * other way round), filtered by status and by text; and the pure order
 * and filter behind it, table-driven.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App.tsx';
import { filterRows, sortRows, type SortState } from '../../renderer/src/county/columns.ts';
import { DROP_NEEDS_DESKTOP, type CountyRead, type CountyRow } from '../../shared/countyBridge.ts';
import { fakeApi, renderEditor } from './editorHarness.tsx';

afterEach(cleanup);

function row(file: string, organ: string, init: Partial<CountyRow> = {}): CountyRow {
  return {
    file,
    organ,
    year: 2024,
    format: 'gov2021',
    errors: 0,
    warnings: 0,
    unexplained: 0,
    dateLine: '2025年1月20日',
    late: false,
    verdict: '通过',
    blankCells: 0,
    notApplicableCells: 0,
    invalidCells: [],
    copiedShare: null,
    previousFile: null,
    ...init,
  };
}

const ROWS: CountyRow[] = [
  row('a.txt', '甲镇人民政府', { errors: 2, verdict: '错误' }),
  row('b.docx', '乙镇人民政府', { warnings: 3, unexplained: 3, verdict: '待说明', copiedShare: 0.8, previousFile: '2023/b.docx' }),
  row('c.nianbao', '丙县教育局', { year: 2023, format: 'gov2021' }),
  row('d.txt', '丁县财政局', { errors: 5, verdict: '错误', dateLine: null, late: null }),
];

const READ: CountyRead = {
  folder: { path: '/各单位', name: '各单位' },
  rows: ROWS,
  unreadable: [{ file: '损坏.docx', message: '不是 Word 文件' }],
  notes: [],
  cancelled: false,
  verdicts: {},
  roster: [],
};

describe('sortRows and filterRows', () => {
  const organs = (rows: CountyRow[]) => rows.map((r) => r.organ);
  it.each<[SortState, string[]]>([
    [{ column: 'errors', descending: false }, ['乙镇人民政府', '丙县教育局', '甲镇人民政府', '丁县财政局']],
    [{ column: 'errors', descending: true }, ['丁县财政局', '甲镇人民政府', '乙镇人民政府', '丙县教育局']],
    [{ column: 'status', descending: false }, ['甲镇人民政府', '丁县财政局', '乙镇人民政府', '丙县教育局']],
    // Blanks last in either direction.
    [{ column: 'copied', descending: true }, ['乙镇人民政府', '甲镇人民政府', '丙县教育局', '丁县财政局']],
    [{ column: 'date', descending: false }, ['甲镇人民政府', '乙镇人民政府', '丙县教育局', '丁县财政局']],
    [{ column: 'year', descending: false }, ['丙县教育局', '甲镇人民政府', '乙镇人民政府', '丁县财政局']],
  ])('sorts by %j', (sort, expected) => {
    expect(organs(sortRows(ROWS, sort))).toEqual(expected);
  });

  it.each<[{ status: CountyRow['verdict'] | null; text: string }, string[]]>([
    [{ status: null, text: '' }, ['a.txt', 'b.docx', 'c.nianbao', 'd.txt']],
    [{ status: '错误', text: '' }, ['a.txt', 'd.txt']],
    [{ status: null, text: '县' }, ['c.nianbao', 'd.txt']],
    [{ status: '错误', text: '镇' }, ['a.txt']],
    [{ status: null, text: '.docx' }, ['b.docx']],
  ])('filters by %j', (filter, expected) => {
    expect(filterRows(ROWS, filter).map((r) => r.file)).toEqual(expected);
  });
});

describe('汇总与审核 page', () => {
  async function openPage() {
    const api = fakeApi({
      countyChooseFolder: async () => ({ ok: true, value: READ.folder }),
      countyRead: async () => ({ ok: true, value: READ }),
    });
    const user = userEvent.setup();
    renderEditor(<App />, { report: null, api });
    await user.click(screen.getByRole('button', { name: '汇总与审核各单位年报' }));
    await user.click(screen.getByRole('button', { name: '选择文件夹…' }));
    await screen.findByRole('table');
    return user;
  }

  const bodyOrgans = () =>
    within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getByRole('rowheader').textContent);

  it('lists the rows, most urgent first, and the unreadable file with its reason', async () => {
    await openPage();
    expect(bodyOrgans()).toEqual(['甲镇人民政府', '丁县财政局', '乙镇人民政府', '丙县教育局']);
    expect(screen.getByText('损坏.docx')).toBeTruthy();
    expect(screen.getByText(/不是 Word 文件/)).toBeTruthy();
    expect(screen.getByText('80%')).toBeTruthy();
  });

  it('sorts by a clicked heading, and the other way round on a second click', async () => {
    const user = await openPage();
    await user.click(screen.getByRole('button', { name: '错误' }));
    expect(bodyOrgans()).toEqual(['乙镇人民政府', '丙县教育局', '甲镇人民政府', '丁县财政局']);
    expect(screen.getByRole('columnheader', { name: /错误/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: /^错误/ }));
    expect(bodyOrgans()).toEqual(['丁县财政局', '甲镇人民政府', '乙镇人民政府', '丙县教育局']);
    expect(screen.getByRole('columnheader', { name: /错误/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by status and by text', async () => {
    const user = await openPage();
    await user.selectOptions(screen.getByRole('combobox', { name: '按状态筛选' }), '错误');
    expect(bodyOrgans()).toEqual(['甲镇人民政府', '丁县财政局']);
    await user.type(screen.getByRole('searchbox', { name: '按单位名称或文件名筛选' }), '财政');
    expect(bodyOrgans()).toEqual(['丁县财政局']);
    expect(screen.getByText('显示 1 / 4 份')).toBeTruthy();
  });
});

describe('dropping on the 汇总与审核 page', () => {
  async function openEmptyPage(overrides: Parameters<typeof fakeApi>[0]) {
    const api = fakeApi(overrides);
    const user = userEvent.setup();
    renderEditor(<App />, { report: null, api });
    await user.click(screen.getByRole('button', { name: '汇总与审核各单位年报' }));
    return { api, page: screen.getByRole('main', { name: '汇总与审核各单位年报' }) };
  }
  const dropped = [new File(['x'], 'a.txt'), new File(['yy'], 'b.docx')];
  const claims = [
    { path: '/县/各单位/a.txt', size: 1, lastModified: 1 },
    { path: '/县/各单位/b.docx', size: 2, lastModified: 2 },
  ];

  it('reads the dropped files through the bridge with their paths, and shows the rows', async () => {
    const { api, page } = await openEmptyPage({
      claimDropped: vi.fn(() => claims),
      countyReadDropped: vi.fn(async () => ({ ok: true as const, value: READ })),
    });
    fireEvent.drop(page, { dataTransfer: { files: dropped } });
    await screen.findByRole('table');
    expect(api.claimDropped).toHaveBeenCalledWith(dropped);
    expect(api.countyReadDropped).toHaveBeenCalledWith(claims);
    expect(api.countyRead).not.toHaveBeenCalled();
  });

  it('says in one line to use 选择文件夹 where a drop gives no paths (the browser)', async () => {
    const { api, page } = await openEmptyPage({});
    fireEvent.drop(page, { dataTransfer: { files: dropped } });
    expect((await screen.findByRole('alert')).textContent).toBe(DROP_NEEDS_DESKTOP);
    expect(DROP_NEEDS_DESKTOP).toContain('选择文件夹');
    expect(api.countyReadDropped).not.toHaveBeenCalled();
  });

  it('shows the file side\'s refusal of a drop it cannot confirm', async () => {
    const { page } = await openEmptyPage({
      claimDropped: () => claims,
      countyReadDropped: async () => ({ ok: false as const, message: '拖入的文件无法确认' }),
    });
    fireEvent.drop(page, { dataTransfer: { files: dropped } });
    expect((await screen.findByRole('alert')).textContent).toBe('拖入的文件无法确认');
  });
});
