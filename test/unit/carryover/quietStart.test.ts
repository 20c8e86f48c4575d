/**
 * A report just started from a real published report opens without errors:
 * nothing has been typed yet, so nothing can be wrong, except an organ the
 * file never named. Reads the files in
 * shared/samples as a clerk's 以上年报告为模板新建 does (import, then carry over).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startNextYear } from '../../../shared/carryover/startNextYear.ts';
import { checkReport } from '../../../shared/checks/index.ts';
import { importDocx } from '../../../shared/import/docx.ts';
import { decodeText, importText } from '../../../shared/import/text.ts';
import { SAMPLES_DIR } from '../../fixtures/samples/index.ts';

const files = readdirSync(SAMPLES_DIR).filter((name) => /\.(txt|docx)$/.test(name));

describe('a report started from a sample', () => {
  it('finds the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files)('%s: no error before anything is typed', (name) => {
    const bytes = new Uint8Array(readFileSync(join(SAMPLES_DIR, name)));
    const { report: lastYear } = name.endsWith('.docx') ? importDocx(bytes) : importText(decodeText(bytes));
    const { report } = startNextYear(lastYear, lastYear.year + 1);
    const errors = checkReport(report).filter((f) => f.severity === 'error');
    // A file that names no organ (the blank provincial template) leaves one thing the clerk must still say: who reports.
    const expected = lastYear.organ.trim() === '' ? ['info.organ'] : [];
    expect(errors.map((f) => f.rule)).toEqual(expected);
  });
});
