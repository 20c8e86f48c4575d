import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/checks/index.ts';
import { createReport, type CellEntry, type Report } from '../../../shared/model/report.ts';
import { cellView, listKeys } from '../../../renderer/src/store/derive.ts';

const finding = (key: string): Finding => ({ key, severity: 'warning', rule: 'test', cells: [], section: '三', message: key });

describe('listKeys', () => {
  it.each([
    ['distinct keys stay as they are', ['a', 'b', 'c'], ['a', 'b', 'c']],
    ['a repeated key is numbered from its second time', ['a', 'b', 'a', 'a'], ['a', 'b', 'a#2', 'a#3']],
    ['nothing', [], []],
  ])('%s', (_name, keys, expected) => {
    expect(listKeys(keys.map(finding))).toEqual(expected);
  });

  it('gives a finding the same key whatever comes before it', () => {
    const before = listKeys([finding('blank'), finding('sum')]);
    const after = listKeys([finding('balance'), finding('blank'), finding('sum')]);
    expect(after.slice(1)).toEqual(before);
  });
});

describe('cellView', () => {
  const typed = (raw: string): CellEntry => ({ raw, source: 'typed' });
  // As the store does: a new report object holding the same entries but the edited one.
  const edit = (report: Report, id: string, raw: string): Report => ({ ...report, cells: { ...report.cells, [id]: typed(raw) } });
  const base = createReport({ format: 'gov2021', year: 2025, organ: '测试镇人民政府' });

  it('keeps the same object for a cell the edit did not change', () => {
    const first = edit(base, 'requests.new.natural', '5');
    const ids = ['requests.new.business', 'requests.granted.legal', 'requests.carried_out.total'];
    const before = ids.map((id) => cellView(first, id));
    const second = edit(first, 'requests.granted.natural', '2');
    expect(ids.map((id) => cellView(second, id))).toEqual(before);
    ids.forEach((id, i) => expect(cellView(second, id)).toBe(before[i]));
  });

  it.each([
    ['the cell typed into', 'requests.granted.natural', { entry: typed('2') }],
    ['its row total', 'requests.granted.total', { computed: 2 }],
    ['its column total', 'requests.results_total.natural', { computed: 2 }],
  ])('gives a new view to %s', (_name, id, expected) => {
    const first = edit(base, 'requests.new.natural', '5');
    const before = cellView(first, id);
    const second = edit(first, 'requests.granted.natural', '2');
    const after = cellView(second, id);
    expect(after).not.toBe(before);
    expect(after).toMatchObject(expected);
  });

  it('gives a new view when only the mark changes', () => {
    const first = edit(edit(base, 'requests.new.natural', '5'), 'requests.granted.natural', '3');
    const marked = cellView(first, 'requests.new.natural');
    expect(marked.mark?.severity).toBe('error');
    const balanced = edit(first, 'requests.carried_out.natural', '2');
    const view = cellView(balanced, 'requests.new.natural');
    expect(view).not.toBe(marked);
    expect(view.entry).toBe(marked.entry);
    expect(view.mark).toBeUndefined();
  });
});
