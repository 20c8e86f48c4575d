/**
 * Every published sample imported from its text, compared cell by cell with
 * the values transcribed by hand (test/fixtures/samples), never with what an
 * importer produced.
 */
import { describe, expect, it } from 'vitest';
import { formatIndex } from '../../../shared/formats/index.ts';
import { importText } from '../../../shared/import/text.ts';
import { parseCellValue } from '../../../shared/model/parseCellValue.ts';
import { SAMPLES, sampleText, sectionText, type SampleFixture } from '../../fixtures/samples/index.ts';

function firstAndLastLine(text: string): [string, string] {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);
  return [lines[0] ?? '', lines.at(-1) ?? ''];
}

describe.each(SAMPLES.map((fx) => [fx.file, fx] as [string, SampleFixture]))('importText(%s)', (_file, fx) => {
  const { report, importReport } = importText(sampleText(fx));
  const unknown = new Set(fx.unknown ?? []);

  it('finds the format, year and organ', () => {
    expect(report.format).toBe(fx.format);
    expect(report.year).toBe(fx.year);
    expect(report.organ.normalize('NFKC')).toBe(fx.organ.normalize('NFKC'));
    expect(importReport.tablesMissing).toEqual([]);
  });

  it('reads every number of 二, 三 and 四 as published', () => {
    let compared = 0;
    for (const info of formatIndex(fx.format).cells) {
      if (unknown.has(info.id)) continue;
      const expected = parseCellValue(fx.cells[info.id] ?? '', info.column.kind);
      const got = parseCellValue(report.cells[info.id]?.raw ?? '', info.column.kind);
      expect({ cell: info.id, value: got }).toEqual({ cell: info.id, value: expected });
      compared++;
    }
    expect(compared).toBe(formatIndex(fx.format).cells.length - unknown.size);
  });

  it('does not invent the cells the published text leaves undetermined', () => {
    for (const id of unknown) expect({ id, raw: report.cells[id]?.raw ?? '' }).toEqual({ id, raw: '' });
    if (unknown.size > 0) expect(importReport.warnings.length + importReport.blankCells.length).toBeGreaterThan(0);
  });

  it('recovers the narrative of each section', () => {
    for (const key of ['一', '二', '三', '四', '五', '六'] as const) {
      const expected = sectionText(fx, key);
      if (!expected) continue;
      expect({ key, ends: firstAndLastLine(report.sections[key].text) }).toEqual({ key, ends: firstAndLastLine(expected) });
    }
  });
});
