/** The shared table layout: complete grids, the type-area width, merges read from the format, printed values. */
import { cellText, cutPoints, cutTable, gridOf, layoutReport, paragraphs } from '../../../shared/export/layout.ts';
import { FORMAT_IDS, formatIndex } from '../../../shared/formats/index.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { builtReport } from './expected.ts';

describe('layoutReport', () => {
  for (const format of FORMAT_IDS) {
    it(`${format}: every table a complete grid in the 156 mm type area, every format cell printed once`, () => {
      const layout = layoutReport(builtReport(format));
      const tables = layout.sections.flatMap((s) => s.tables);
      expect(layout.sections.map((s) => s.tables.length)).toEqual([0, 1, 1, 1, 0, 0]);
      for (const table of tables) {
        expect(table.columnWidthsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(156, 6);
        expect(() => gridOf(table)).not.toThrow();
      }
      const printed = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => (c.cellId ? [c.cellId] : []))));
      expect(printed).toEqual(formatIndex(format).cells.map((c) => c.id));
    });
  }

  it('merges each label group of 三 over exactly the rows the format gives it', () => {
    const layout = layoutReport(builtReport('gov2021'));
    const requests = layout.sections[2]!.tables[0]!;
    const rows = formatIndex('gov2021').tables.get('requests')!.rows;
    const groups = requests.rows.flatMap((r) => r.cells.filter((c) => c.role === 'group'));
    for (const group of groups) {
      expect([group.text, group.rowSpan]).toEqual([group.text, rows.filter((r) => r.groups?.includes(group.text)).length]);
    }
    expect(groups.map((g) => g.text)).toEqual(['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
  });

  it('cuts 三 only where no inner group runs on, redrawing the outer label and the header on the second half', () => {
    const requests = layoutReport(builtReport('gov2021')).sections[2]!.tables[0]!;
    const labelAt = (r: number) => requests.rows[r]!.cells.find((c) => c.role === 'label')!.text;
    // Before 二、, （一）, （二）, （三）, （四）, （五）, （六）, （七）总计 and 四、.
    expect(cutPoints(requests).map((r) => labelAt(r).slice(0, 4))).toEqual(['二、上年', '（一）予', '（二）部', '1.属于', '1.本机', '1.信访', '1.申请', '（七）总', '四、结转']);
    const at = cutPoints(requests)[4]!;
    const [first, second] = cutTable(requests, at);
    expect(() => [gridOf(first), gridOf(second)]).not.toThrow();
    expect(second.rows.slice(0, 3)).toEqual(requests.rows.slice(0, 3));
    expect(first.rows.length + second.rows.length - 3).toBe(requests.rows.length);
    const groupsOf = (t: typeof requests) => t.rows.flatMap((r) => r.cells.filter((c) => c.role === 'group').map((c) => `${c.text}×${c.rowSpan}`));
    expect(groupsOf(first)).toEqual(['三、本年度办理结果×10', '（三）不予公开×8']);
    expect(groupsOf(second)).toEqual(['三、本年度办理结果×12', '（四）无法提供×3', '（五）不予处理×5', '（六）其他处理×3']);
    const values = (t: typeof requests) => t.rows.flatMap((r) => r.cells.flatMap((c) => (c.cellId ? [c.cellId] : [])));
    expect([...values(first), ...values(second)]).toEqual(values(requests));
  });

  it('prints stated numbers, untyped totals as computed, 不适用 and unreadable text as typed, blanks as asked', () => {
    const report = builtReport('gov2021');
    report.cells['requests.new.natural'] = { raw: '１２项', source: 'typed' };
    report.cells['requests.new.business'] = { raw: '/', source: 'typed' };
    report.cells['requests.new.research'] = { raw: '约5', source: 'typed' };
    report.cells['requests.new.nonprofit'] = { raw: '', source: 'typed' };
    const values = evaluateReport(report).cells;
    const text = (id: string, zero = false) => cellText(values.get(id)!, zero);
    expect(text('requests.new.natural')).toBe('12');
    expect(text('requests.new.business')).toBe('/');
    expect(text('requests.new.research')).toBe('约5');
    expect(text('requests.new.nonprofit')).toBe('');
    expect(text('requests.new.nonprofit', true)).toBe('0');
    expect(values.get('requests.new.total')!.provenance).toBe('computed');
    expect(text('requests.new.total')).toBe(String(values.get('requests.new.total')!.computed));
  });

  it('splits prose into paragraphs, drops typed indentation, marks short （一） lines as subheadings', () => {
    expect(paragraphs('\u3000\u3000第一段。\n\n（一）主动公开情况\n（二）依申请公开情况。本年收到申请3件。\n  ')).toEqual([
      { kind: 'body', text: '第一段。' },
      { kind: 'subheading', text: '（一）主动公开情况' },
      { kind: 'body', text: '（二）依申请公开情况。本年收到申请3件。', runInLength: 11 },
    ]);
  });

  it('marks a run-in （一） heading only when it ends in 。 and text follows', () => {
    const cases: [string, number | undefined][] = [
      ['（一）主动公开情况。主要通过政府网站公开。', 10],
      ['(三)收费情况。未收取费用。', 8],
      ['（一）主动公开情况，主要通过政府网站公开。', undefined],
      ['（二）本年度共收到申请3件，均已办结。', undefined],
      ['主动公开情况。主要通过政府网站公开。', undefined],
    ];
    for (const [line, length] of cases) expect({ line, length: paragraphs(line)[0]!.runInLength }).toEqual({ line, length });
  });

  it('breaks a long title after the organ and keeps a short one whole', () => {
    expect(layoutReport(builtReport('gov2021')).titleLines).toEqual(['某某县某某镇人民政府', '2024年政府信息公开工作年度报告']);
    const short = builtReport('gov2021');
    short.organ = '某镇';
    expect(layoutReport(short).titleLines).toEqual(['某镇2024年政府信息公开工作年度报告']);
  });
});
