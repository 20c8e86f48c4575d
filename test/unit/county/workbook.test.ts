/**
 * The county workbook read back twice: from its XML (types and merges, cell
 * by cell) and as LibreOffice Calc opens it (one CSV per sheet).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copiedProseShare, digestUnit, summarize, type CountyUnit, type Summary } from '../../../shared/county/index.ts';
import { countyWorkbook, SIDE_BY_SIDE_SHEET, UNITS_HEADER, UNITS_SHEET } from '../../../shared/county/workbook.ts';
import { layoutReport } from '../../../shared/export/layout.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import type { Report } from '../../../shared/model/report.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { sampleReport } from '../../fixtures/countyFolder.ts';
import { libreOfficeCsv, readXlsx, ref, type XlsxSheet } from '../../fixtures/xlsx.ts';

const REPORTS: Record<string, Report> = {
  '乡镇/洪泽区2024.txt': sampleReport('2024_hongze-district.txt'),
  '淮安市2024.docx': sampleReport('2024_huaian-city.txt'),
  '平潭.nianbao': { ...sampleReport('2022_pingtan-zone.txt'), year: 2024, organ: '平潭综合实验区管理委员会' },
  '2023/洪泽区2023.txt': sampleReport('2023_hongze-district.txt'),
};
const COUNTED = ['乡镇/洪泽区2024.txt', '平潭.nianbao', '淮安市2024.docx'];
const UNREADABLE = { file: '损坏.docx', message: '文件已损坏，无法读取' };

let units: CountyUnit[];
let summary: Summary;
let sheets: XlsxSheet[];
let bytes: Uint8Array;

beforeAll(async () => {
  units = Object.entries(REPORTS).map(([file, report]) => digestUnit(file, report).unit);
  summary = summarize(units, { year: 2024, format: 'gov2021' });
  bytes = await countyWorkbook({ summary, units, reports: new Map(Object.entries(REPORTS)), unreadable: [UNREADABLE] });
  sheets = readXlsx(bytes);
});

const sheet = (name: string) => sheets.find((s) => s.name === name)!;

/** What the units state in an input cell, added up here by hand: blank and not-applicable as 0. */
function statedSum(id: string): number {
  let sum = 0;
  for (const file of COUNTED) {
    const parsed = evaluateReport(REPORTS[file]!).cells.get(id)!.parsed;
    if (parsed.status === 'number') sum += parsed.value;
  }
  return Math.round(sum * 1e4) / 1e4;
}

/** Where each value cell of each official grid sits in its sheet: after the heading row, and the note row where there is one. */
function gridCells() {
  const layout = layoutReport(summary.report);
  return layout.sections.flatMap((section) =>
    section.tables.flatMap((table) => {
      const top = 1 + (table.note ? 1 : 0);
      return table.rows.flatMap((row, r) => row.cells.map((cell) => ({ sheet: section.heading, at: ref(top + r, cell.col), cell })));
    }),
  );
}

describe('countyWorkbook', () => {
  it('has one sheet per official table, then the units and the side-by-side cells', () => {
    const grids = layoutReport(summary.report).sections.filter((s) => s.tables.length > 0).map((s) => s.heading);
    expect(grids).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    expect(sheets.map((s) => s.name)).toEqual([...grids, UNITS_SHEET, SIDE_BY_SIDE_SHEET]);
  });

  it('states every input cell as the number the counted units add up to, and every total as the sum of its summed parts', () => {
    const index = formatIndex('gov2021');
    const values = gridCells().filter((g) => g.cell.role === 'value');
    expect(values).toHaveLength(index.cells.length);
    const at = new Map(values.map((g) => [g.cell.cellId!, sheet(g.sheet).cells.get(g.at)]));
    for (const info of index.cells) {
      const found = at.get(info.id);
      expect(found?.type, info.id).toBe('number');
      if (info.computedBy) {
        const parts = info.partIds!.reduce((sum, part) => sum + Number(at.get(part)!.value), 0);
        expect(found?.value, info.id).toBeCloseTo(parts, 4);
      } else expect(found?.value, info.id).toBe(statedSum(info.id));
    }
    // Not a sample's typed total: 三's grand total of new requests is the sum over the three units' parts.
    expect(at.get('requests.new.total')?.value).toBe(['natural', 'business', 'research', 'nonprofit', 'legal', 'other_org'].reduce((s, c) => s + statedSum(`requests.new.${c}`), 0));
  });

  it('writes the labels and headers as text in their merged cells, as the Word export draws them', () => {
    for (const g of gridCells().filter((x) => x.cell.role !== 'value' && x.cell.role !== 'filler' && x.cell.text)) {
      expect(sheet(g.sheet).cells.get(g.at), `${g.sheet} ${g.at}`).toEqual({ type: 'text', value: g.cell.text });
    }
    const three = layoutReport(summary.report).sections.find((s) => s.key === '三')!.tables[0]!;
    const spans = three.rows.flatMap((r) => r.cells).filter((c) => c.colSpan > 1 || c.rowSpan > 1).length;
    // Plus the heading row and the 勾稽 note's row where the grid has no corner for it.
    expect(sheet('三、收到和处理政府信息公开申请情况').merges).toHaveLength(spans + 1 + (three.note ? 1 : 0));
  });

  it('lists every unit with its status, counted ones first, then the files left out and the unreadable one', () => {
    const rows = new Map<string, Map<string, unknown>>();
    const units = sheet(UNITS_SHEET);
    for (let r = 1; units.cells.has(ref(r, 1)); r++) {
      rows.set(String(units.cells.get(ref(r, 1))!.value), new Map(UNITS_HEADER.map((h, c) => [h, units.cells.get(ref(r, c))?.value])));
    }
    expect([...rows.keys()]).toEqual([...COUNTED, '2023/洪泽区2023.txt', UNREADABLE.file]);
    for (const unit of summary.units) {
      const row = rows.get(unit.file)!;
      expect([row.get('机关名称'), row.get('报告年度'), row.get('错误'), row.get('警告'), row.get('状态'), row.get('汇总')]).toEqual([unit.organ, 2024, unit.errors, unit.warnings, unit.verdict, '计入']);
    }
    expect(units.cells.get(ref(1, 4))?.type).toBe('number');
    const left = rows.get('2023/洪泽区2023.txt')!;
    expect(left.get('汇总')).toBe('未计入');
    expect(left.get('说明')).toContain('2023年');
    expect(rows.get(UNREADABLE.file)!.get('说明')).toBe(UNREADABLE.message);
    // The copied share where the unit's previous year is in the folder, and only there.
    const share = copiedProseShare(REPORTS['乡镇/洪泽区2024.txt']!, REPORTS['2023/洪泽区2023.txt']!)!;
    expect(share).toBeGreaterThan(0);
    expect(rows.get('乡镇/洪泽区2024.txt')!.get('与上年重复文字比例')).toBe(share);
    expect(rows.get('淮安市2024.docx')!.get('与上年重复文字比例')).toBeUndefined();
  });

  it('sets every counted unit’s stated cells side by side with the 汇总', () => {
    const side = sheet(SIDE_BY_SIDE_SHEET);
    expect([0, 1, 2, 3, 4, 5].map((c) => side.cells.get(ref(0, c))?.value)).toEqual(['单元格编号', '项目', ...summary.units.map((u) => u.organ), '汇总']);
    expect(summary.units.map((_, i) => side.cells.get(ref(1, 2 + i))?.value)).toEqual(COUNTED);
    const index = formatIndex('gov2021');
    index.cells.forEach((info, i) => {
      const r = 2 + i;
      expect(side.cells.get(ref(r, 0))?.value).toBe(info.id);
      summary.units.forEach((unit, u) => {
        const stated = evaluateReport(REPORTS[unit.file]!).cells.get(info.id)!.value;
        expect(side.cells.get(ref(r, 2 + u))?.value, `${info.id} ${unit.file}`).toBe(stated ?? undefined);
      });
      expect(side.cells.get(ref(r, 2 + summary.units.length))?.value).toBe(summary.cells[info.id]);
    });
  });

  it('lays out the 2019 format’s grids alike, every value cell a number', async () => {
    const old = { '通元镇.txt': sampleReport('2019_tongyuan-town.txt'), '海工园.txt': sampleReport('2019_haigongyuan-yinyang-town.txt') };
    const oldUnits = Object.entries(old).map(([file, report]) => digestUnit(file, report).unit);
    const oldSummary = summarize(oldUnits, { year: 2019, format: 'gov2019' });
    expect(oldSummary.units).toHaveLength(2);
    const book = readXlsx(await countyWorkbook({ summary: oldSummary, units: oldUnits, reports: new Map(Object.entries(old)) }));
    const layout = layoutReport(oldSummary.report);
    const grids = layout.sections.flatMap((s) => s.tables.map((t) => ({ heading: s.heading, table: t })));
    // One sheet per grid (a section with two grids has two), then the units and the side-by-side cells.
    expect(book).toHaveLength(grids.length + 2);
    let numbers = 0;
    grids.forEach(({ table }, i) => {
      const top = 1 + (table.note ? 1 : 0);
      table.rows.forEach((row, r) =>
        row.cells
          .filter((c) => c.role === 'value')
          .forEach((c) => {
            expect(book[i]!.cells.get(ref(top + r, c.col))).toEqual({ type: 'number', value: oldSummary.cells[c.cellId!] });
            numbers++;
          }),
      );
    });
    expect(numbers).toBe(formatIndex('gov2019').cells.length);
  });

  it('opens in LibreOffice Calc with the same numbers in every sheet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-workbook-'));
    try {
      const csv = libreOfficeCsv(bytes, dir);
      expect([...csv.keys()].sort()).toEqual(sheets.map((s) => s.name).sort());
      for (const s of sheets) {
        const rows = csv.get(s.name)!;
        for (const [at, cell] of s.cells) {
          const m = /^([A-Z]+)(\d+)$/.exec(at)!;
          const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          const text = rows[Number(m[2]) - 1]?.[col];
          // Calc writes the copied share as it shows it, a percentage.
          const number = text?.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
          if (cell.type === 'number') expect(number, `${s.name} ${at}`).toBeCloseTo(Number(cell.value), 6);
          else expect(text, `${s.name} ${at}`).toBe(cell.value);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
