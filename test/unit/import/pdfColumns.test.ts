/**
 * Tables without ruling lines, by column alignment (pdfColumns.ts): which
 * groups of lines are a table, and what their cells hold.
 */
import { describe, expect, it } from 'vitest';
import { alignedLinesOf, findAlignedTables } from '../../../shared/import/pdfColumns.ts';
import { pagesToBlocks } from '../../../shared/import/pdfLayout.ts';
import type { GlyphRun } from '../../../shared/import/pdfText.ts';

const SIZE = 10;
/** One line: each cell's text at its x, all on baseline y. */
const line = (y: number, cells: [number, string][]): GlyphRun[] =>
  cells.map(([x, text]) => ({ text, x, y, width: text.length * (/^[\d.]+$/.test(text) ? SIZE / 2 : SIZE), size: SIZE }));
/** Lines 17 points apart (a table row's pitch) from the top. */
const rows = (cells: [number, string][][], top = 700, pitch = 17): GlyphRun[] => cells.flatMap((c, i) => line(top - i * pitch, c));
/** Prose: a line cut into runs of a few characters, with the small gaps justification leaves. */
const prose = (y: number, text: string): GlyphRun[] =>
  (text.match(/.{1,4}/gu) ?? []).map((chunk, i) => ({ text: chunk, x: 80 + i * (4 * SIZE + 3), y, width: chunk.length * SIZE, size: SIZE }));

const cellTexts = (runs: GlyphRun[]) => findAlignedTables(alignedLinesOf(runs)).tables.map((t) => t.rows.map((r) => r.map((c) => c.text)));

describe('tables by column alignment', () => {
  it.each<[string, GlyphRun[], number]>([
    ['justified prose is not a table', [0, 1, 2, 3].flatMap((i) => prose(700 - i * 15, '政府信息公开工作年度报告全面推进政务公开工作')), 0],
    ['a two-part head line is not a table', line(800, [[80, '新习镇人民政府'], [400, '2021年1月']]), 0],
    ['two-part lines without numbers are not a table', rows([[[80, '联系人'], [300, '张三']], [[80, '电话'], [300, '李四']], [[80, '地址'], [300, '王五']]]), 0],
    ['two rows of numbers are too few', rows([[[80, '规章'], [300, '1'], [400, '2']], [[80, '规范性文件'], [300, '3'], [400, '4']]]), 0],
    ['a label column with numbers right of it is a table', rows([[[80, '信息内容'], [280, '本年新制作数量'], [380, '对外公开总数量']], [[80, '规章'], [300, '1'], [400, '2']], [[80, '规范性文件'], [300, '3'], [400, '4']]]), 1],
  ])('%s', (_what, runs, tables) => {
    expect(cellTexts(runs)).toHaveLength(tables);
  });

  it('reads the cells of a numeric grid, its header row on the count columns', () => {
    const runs = rows([
      [[80, '信息内容'], [280, '本年新制作数量'], [380, '对外公开总数量']],
      [[80, '规章'], [300, '1'], [400, '12']],
      [[80, '规范性文件'], [300, '3'], [400, '4']],
    ]);
    expect(cellTexts(runs)).toEqual([[['信息内容', '本年新制作数量', '对外公开总数量'], ['规章', '1', '12'], ['规范性文件', '3', '4']]]);
  });

  it('joins a label wrapped onto two lines, its numbers between them, into one row', () => {
    const runs = [
      ...line(700, [[80, '一、本年新收申请数量'], [300, '5'], [400, '6']]),
      ...line(683, [[80, '（二）部分公开（区分处理的'], ]),
      ...line(677, [[300, '7'], [400, '8']]),
      ...line(670, [[80, '，只计这一情形）']]),
      ...line(653, [[80, '四、结转下年度继续办理'], [300, '9'], [400, '10']]),
    ];
    expect(cellTexts(runs)).toEqual([
      [
        ['一、本年新收申请数量', '5', '6'],
        ['（二）部分公开（区分处理的，只计这一情形）', '7', '8'],
        ['四、结转下年度继续办理', '9', '10'],
      ],
    ]);
  });

  it('keeps two labels a row apart as two rows', () => {
    const runs = rows([
      [[80, '（一）予以公开'], [300, '1'], [400, '2']],
      [[80, '（二）部分公开']],
      [[80, '（三）不予公开'], [300, '3'], [400, '4']],
    ]);
    expect(cellTexts(runs)[0]!.map((r) => r[0])).toEqual(['（一）予以公开', '（二）部分公开', '（三）不予公开']);
  });

  it('reads one row of many counts under its header lines (四) as a table', () => {
    const xs = [100, 140, 180, 220, 260, 300];
    const runs = rows([
      [[100, '行政复议'], [260, '行政诉讼']],
      xs.map((x): [number, string] => [x, '结果']),
      xs.map((x, k): [number, string] => [x + 5, String(k + 1)]),
    ]);
    expect(cellTexts(runs)).toEqual([
      [
        ['行政复议', '', '', '', '行政诉讼', ''],
        ['结果', '结果', '结果', '结果', '结果', '结果'],
        ['1', '2', '3', '4', '5', '6'],
      ],
    ]);
  });

  it('starts another table where the rows stand on other count columns', () => {
    const runs = rows([
      [[80, '规章'], [300, '1'], [400, '2']],
      [[80, '规范性文件'], [300, '3'], [400, '4']],
      [[80, '行政许可'], [300, '5'], [400, '6']],
      [[80, '一、本年新收'], [240, '7'], [280, '8'], [320, '9'], [360, '10'], [440, '11']],
      [[80, '二、上年结转'], [240, '1'], [280, '2'], [320, '3'], [360, '4'], [440, '5']],
      [[80, '四、结转下年'], [240, '6'], [280, '7'], [320, '8'], [360, '9'], [440, '0']],
    ]);
    expect(cellTexts(runs).map((t) => [t.length, t[0]!.length])).toEqual([
      [3, 3],
      [3, 6],
    ]);
  });

  it('gives the page a table block with the prose around it as paragraphs', () => {
    const runs = [
      ...prose(760, '二、主动公开政府信息情况'),
      ...rows([[[80, '规章'], [300, '1'], [400, '2']], [[80, '规范性文件'], [300, '3'], [400, '4']], [[80, '行政许可'], [300, '5'], [400, '6']]]),
      ...prose(600, '三、收到和处理政府信息公开申请情况'),
    ];
    const { blocks } = pagesToBlocks([{ width: 595, height: 842, runs, rules: [] }], { maxColumns: 200 });
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(blocks[1]).toEqual({ kind: 'table', rows: [['规章', '1', '2'], ['规范性文件', '3', '4'], ['行政许可', '5', '6']].map((r) => r.map((text) => ({ text }))) });
  });
});
