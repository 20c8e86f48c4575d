/**
 * The PDF reader's geometry on pages drawn by hand: lines from glyph runs,
 * paragraphs, grids from ruling lines with merged cells as the docx reader
 * lays them out, and tables continued on the next page.
 */
import { describe, expect, it } from 'vitest';
import { pagesToBlocks, type PdfPageContent } from '../../../shared/import/pdfLayout.ts';
import type { Rule } from '../../../shared/import/pdfTables.ts';
import { joinLines, linesOf, tidySpaces, type GlyphRun } from '../../../shared/import/pdfText.ts';
import { AffineMatrix } from '../../../shared/import/pdfjsEnv.ts';
import { rulesOf, type PathOps } from '../../../shared/import/pdfRules.ts';
import type { Block } from '../../../shared/import/types.ts';

const run = (text: string, x: number, y: number, size = 10): GlyphRun => ({ text, x, y, width: text.length * size, size });

describe('lines from glyph runs', () => {
  it.each<[string, string, string]>([
    ['no space between Chinese characters', '政府 信息', '政府信息'],
    ['none between Chinese and digits', '2024 年 12 月', '2024年12月'],
    ['none beside full-width punctuation', '申请 （ 含 ） 。', '申请（含）。'],
    ['one between Latin words', 'hazwgkc @ 163.com  Tel', 'hazwgkc @ 163.com Tel'],
  ])('%s', (_what, text, tidy) => {
    expect(tidySpaces(text)).toBe(tidy);
  });

  it.each<[string, string, string, string]>([
    ['Chinese lines join without a space', '全面推进政务', '公开工作', '全面推进政务公开工作'],
    ['a number broken after its hyphen joins as written', '电话：0517-', '87290606', '电话：0517-87290606'],
    ['Latin words join with a space', 'see the', 'website', 'see the website'],
  ])('%s', (_what, first, next, joined) => {
    expect(joinLines(first, next)).toBe(joined);
  });

  it('groups runs by baseline and reads each line left to right, with a space for a gap between words', () => {
    const lines = linesOf([run('world', 80, 700.3), run('二行', 10, 680), run('hello', 10, 700)]);
    expect(lines.map((l) => l.text)).toEqual(['hello world', '二行']);
  });
});

/** The edges of a grid's cells as rules (ys from the top down), less the edges listed: those cells are merged. */
function grid(xs: number[], ys: number[], omit: Rule[] = []): Rule[] {
  const rules: Rule[] = [];
  for (const y of ys) for (let i = 0; i + 1 < xs.length; i++) rules.push({ x1: xs[i]!, y1: y, x2: xs[i + 1]!, y2: y });
  for (const x of xs) for (let i = 0; i + 1 < ys.length; i++) rules.push({ x1: x, y1: ys[i + 1]!, x2: x, y2: ys[i]! });
  return rules.filter((r) => !omit.some((o) => o.x1 === r.x1 && o.y1 === r.y1 && o.x2 === r.x2 && o.y2 === r.y2));
}

const page = (runs: GlyphRun[], rules: Rule[] = []): PdfPageContent => ({ width: 600, height: 800, runs, rules });
const shown = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => (c.continuation ? `${c.continuation[0]}:${c.text}` : c.text)))));

describe('tables from ruling lines', () => {
  it('lays merged cells on the grid as the docx reader does: continuations repeat the anchor', () => {
    // Three columns, three rows; the top-left cell spans two rows, the top-right two columns.
    const xs = [100, 200, 300, 400];
    const ys = [700, 680, 660, 640];
    const rules = grid(xs, ys, [
      { x1: 100, y1: 680, x2: 200, y2: 680 },
      { x1: 300, y1: 680, x2: 300, y2: 700 },
    ]);
    const runs = [run('维度', 110, 675), run('申请人', 210, 685), run('自然人', 210, 665), run('法人', 310, 665), run('合计', 110, 645), run('3', 210, 645), run('4', 310, 645)];
    const { blocks } = pagesToBlocks([page(runs, rules)], { maxColumns: 200 });
    expect(shown(blocks)).toEqual([
      [
        ['维度', '申请人', 'l:申请人'],
        ['a:维度', '自然人', '法人'],
        ['合计', '3', '4'],
      ],
    ]);
  });

  it('joins a table that goes on at the top of the next page, without its repeated header, and carries a cut merged cell on', () => {
    const xs = [100, 200, 300];
    // The merged 结果 cell: no rule between its rows on page 1; its rest on page 2 is blank.
    const first = page(
      [run('项目', 110, 705), run('数量', 210, 705), run('结果', 110, 685), run('1.维持', 210, 685), run('2.纠正', 210, 665)],
      grid(xs, [720, 700, 680, 660], [{ x1: 100, y1: 680, x2: 200, y2: 680 }]),
    );
    const second = page([run('项目', 110, 705), run('数量', 210, 705), run('3.其他', 210, 685), run('—1—', 280, 40)], grid(xs, [720, 700, 680]));
    const { blocks, continuedTables, repeatedHeaderRows } = pagesToBlocks([first, second], { maxColumns: 200 });
    expect(shown(blocks)).toEqual([
      [
        ['项目', '数量'],
        ['结果', '1.维持'],
        ['a:结果', '2.纠正'],
        ['a:结果', '3.其他'],
      ],
    ]);
    expect({ continuedTables, repeatedHeaderRows }).toEqual({ continuedTables: 1, repeatedHeaderRows: 1 });
  });

  it('keeps a framed single cell as text, not a table', () => {
    const { blocks } = pagesToBlocks([page([run('注：本表数据', 110, 705)], grid([100, 500], [720, 690]))], { maxColumns: 200 });
    expect(shown(blocks)).toEqual(['注：本表数据']);
  });
});

describe('paragraphs', () => {
  it('breaks at an indent and after a short line, joins full lines, and drops the page number', () => {
    const body = [
      run('一、总体情况', 100, 700),
      run('本年度全面推进政务公开', 80, 680),
      run('工作取得成效全面推进政', 80, 660),
      run('务公开。', 80, 640),
      run('—2—', 280, 40),
    ];
    const { blocks } = pagesToBlocks([page(body)], { maxColumns: 200 });
    expect(shown(blocks)).toEqual(['一、总体情况', '本年度全面推进政务公开工作取得成效全面推进政务公开。']);
  });
});

describe('ruling lines from an operator list', () => {
  const OPS: PathOps = { save: 10, restore: 11, transform: 12, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, constructPath: 91, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27 };
  const path = (paint: number, ...data: number[]) => [paint, [new Float32Array(data)], null];

  it('takes stroked segments through the current transform, and thin filled rectangles as lines', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath];
    const args = [
      null,
      [1, 0, 0, 1, 50, 0],
      path(OPS.stroke, 0, 0, 10, 1, 100, 10),
      null,
      // A thin bar (a Word cell border) and a big white page background.
      path(OPS.fill, 0, 200, 300, 1, 400, 300, 1, 400, 300.5, 1, 200, 300.5, 4),
      path(OPS.fill, 0, 0, 0, 1, 595, 0, 1, 595, 842, 1, 0, 842, 4),
    ];
    expect(rulesOf(fn, args, OPS)).toEqual([
      { x1: 50, y1: 10, x2: 150, y2: 10 },
      { x1: 200, y1: 300.25, x2: 400, y2: 300.25 },
    ]);
  });
});

describe('the DOMMatrix given to pdf.js', () => {
  const parts = (m: AffineMatrix) => [m.a, m.b, m.c, m.d, m.e, m.f];

  it.each<[string, () => AffineMatrix, number[]]>([
    ['identity by default', () => new AffineMatrix(), [1, 0, 0, 1, 0, 0]],
    ['scale then translate, as pdf.js chains them', () => new AffineMatrix().scaleSelf(2, -4).translateSelf(0, -10), [2, 0, 0, -4, 0, 40]],
    ['multiply applies the argument first', () => new AffineMatrix([1, 0, 0, 1, 5, 0]).multiply(new AffineMatrix([2, 0, 0, 2, 0, 0])), [2, 0, 0, 2, 5, 0]],
    ['pre-multiply applies the argument last', () => new AffineMatrix([2, 0, 0, 2, 0, 0]).preMultiplySelf(new AffineMatrix([1, 0, 0, 1, 5, 0])), [2, 0, 0, 2, 5, 0]],
    ['inverse undoes it', () => new AffineMatrix([2, 0, 0, 4, 6, 8]).inverse().multiply(new AffineMatrix([2, 0, 0, 4, 6, 8])), [1, 0, 0, 1, 0, 0]],
  ])('%s', (_what, make, expected) => {
    expect(parts(make())).toEqual(expected);
  });
});
