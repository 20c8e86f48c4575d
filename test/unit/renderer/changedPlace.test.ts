/** Where an undo or redo step changed the report: the place the editor takes the clerk to. */
import { describe, expect, it } from 'vitest';
import { createReport, type Report } from '../../../shared/model/report.ts';
import { changedPlace, type Place } from '../../../renderer/src/store/changedPlace.ts';

const base = createReport({ format: 'gov2021', year: 2025, organ: '某镇人民政府' });

const withCell = (report: Report, id: string, raw: string): Report => ({ ...report, cells: { ...report.cells, [id]: { raw, source: 'typed' } } });

describe('changedPlace', () => {
  it.each<[string, Report, Place | undefined]>([
    ['a cell of 三', withCell(base, 'requests.new.legal', '4'), { page: '三', cell: 'requests.new.legal' }],
    ['the first of several cells, in format order', withCell(withCell(base, 'appeals.count.review_upheld', '1'), 'art20_1.regulations.issued', '2'), { page: '二', cell: 'art20_1.regulations.issued' }],
    ['the prose of 五', { ...base, sections: { ...base.sections, 五: { text: '问题', source: 'typed' } } }, { page: '五', narrative: '五' }],
    ['the opening paragraph', { ...base, preface: { text: '本报告', source: 'typed' } }, { page: 'info', narrative: 'preface' }],
    ['the organ', { ...base, organ: '另一镇' }, { page: 'info' }],
    ['only an explanation', { ...base, acknowledgements: { k: { explanation: '无', at: '2025-01-01T00:00:00Z' } } }, undefined],
  ])('%s', (_name, after, place) => {
    expect(changedPlace(base, after)).toEqual(place);
    // Redo goes to the same place as the undo.
    expect(changedPlace(after, base)).toEqual(place);
  });

  it('has nowhere to go when nothing changed or a report is missing', () => {
    expect(changedPlace(base, base)).toBeUndefined();
    expect(changedPlace(null, base)).toBeUndefined();
  });
});
