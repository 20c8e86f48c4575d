/** Amounts to four decimals: an export option, on by default only where a column's header asks for it. */
import { exportDocx } from '../../../shared/export/docx.ts';
import { exportHtml } from '../../../shared/export/html.ts';
import { printsFourDecimals } from '../../../shared/export/layout.ts';
import { exportText } from '../../../shared/export/text.ts';
import type { ColumnDef } from '../../../shared/formats/types.ts';
import { readDocx } from './docxGrid.ts';
import { builtReport } from './expected.ts';

const column = (kind: ColumnDef['kind'], unit?: string): ColumnDef => ({ id: 'c', label: '采购总金额', kind, widthMm: 30, ...(unit ? { unit } : {}) });

describe('printsFourDecimals', () => {
  it.each<[string, ColumnDef, boolean | undefined, boolean]>([
    ['an amount in 万元, unset', column('amount', '万元'), undefined, false],
    ['an amount whose header asks for 4 decimals, unset', column('amount', '万元，保留4位小数'), undefined, true],
    ['the same, switched off', column('amount', '万元，保留4位小数'), false, false],
    ['an amount, switched on', column('amount', '万元'), true, true],
    ['a count, switched on', column('count'), true, false],
  ])('%s', (_, def, asked, expected) => {
    expect(printsFourDecimals(def, asked)).toBe(expected);
  });
});

describe('the exports with amounts to four decimals', () => {
  // builtReport types every amount as i.25 and every count as a whole number.
  const report = builtReport('gov2019');
  const amounts = (text: string) => text.match(/\d+\.\d+/g) ?? [];

  it('prints every amount with four decimals in Word, text and HTML when asked, and as stated otherwise', async () => {
    const docxText = async (on: boolean) =>
      readDocx(await exportDocx(report, { layout: 'official', fourDecimalAmounts: on }))
        .tables.flatMap((t) => t.rows.flat().map((c) => c.text))
        .join(' ');
    const outputs: [string, (on: boolean) => Promise<string> | string][] = [
      ['docx', docxText],
      ['text', (on) => exportText(report, { fourDecimalAmounts: on })],
      // The cells' text only: the style sheet and widths have decimals of their own.
      ['html', (on) => (exportHtml(report, { fourDecimalAmounts: on }).match(/<table[\s\S]*?<\/table>/g) ?? []).join('').replace(/<[^>]*>/g, ' ')],
    ];
    for (const [name, output] of outputs) {
      const on = amounts(await output(true));
      const off = amounts(await output(false));
      expect({ name, count: on.length > 0 }).toEqual({ name, count: true });
      expect({ name, on: on.filter((a) => !/\.\d{4}$/.test(a)) }).toEqual({ name, on: [] });
      expect({ name, off: off.filter((a) => /\.\d{4}$/.test(a)) }).toEqual({ name, off: [] });
      expect({ name, same: off.map(Number) }).toEqual({ name, same: on.map(Number) });
    }
  });
});
