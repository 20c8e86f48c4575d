import { describe, expect, it } from 'vitest';
import { createReport, type CellEntry } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';

describe('evaluateReport', () => {
  const base = createReport({ format: 'gov2021', year: 2025, organ: '测试镇人民政府' });

  it('reads one entry object by the kind of each cell that holds it', () => {
    // Entries are parsed once and remembered; the same text is a count in one cell and an amount in another.
    const shared: CellEntry = { raw: '1.5', source: 'typed' };
    const values = evaluateReport({ ...base, cells: { 'requests.new.natural': shared, 'art20_8.fees.amount': shared } });
    expect(values.cells.get('art20_8.fees.amount')?.value).toBe(1.5);
    expect(values.cells.get('requests.new.natural')?.parsed.status).toBe('invalid');
    expect(evaluateReport({ ...base, cells: { 'art20_8.fees.amount': shared } }).cells.get('art20_8.fees.amount')?.value).toBe(1.5);
  });

  it('follows an edit: a new entry object is read anew', () => {
    const first = evaluateReport({ ...base, cells: { 'requests.new.natural': { raw: '3', source: 'typed' } } });
    const second = evaluateReport({ ...base, cells: { 'requests.new.natural': { raw: '4', source: 'typed' } } });
    expect(first.cells.get('requests.new.total')?.computed).toBe(3);
    expect(second.cells.get('requests.new.total')?.computed).toBe(4);
  });
});
