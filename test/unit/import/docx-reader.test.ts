import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxToBlocks } from '../../../shared/import/ooxml.ts';
import type { Block, BlockCell } from '../../../shared/import/types.ts';
import {
  W_NS_STRICT,
  cell,
  docxFromBody,
  docxFromXml,
  packageParts,
  para,
  row,
  table,
} from '../../fixtures/docx/package.ts';

const TEMPLATE = new URL('../../../../shared/samples/template-2021-format-blank.docx', import.meta.url);

function paragraphs(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

function tables(blocks: Block[]): BlockCell[][][] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
}

/** A compact picture of a grid: text, ^text for continuation above, <text for continuation left. */
function picture(rows: BlockCell[][]): string[][] {
  return rows.map((r) =>
    r.map((c) => (c.continuation === 'above' ? '^' : c.continuation === 'left' ? '<' : '') + c.text),
  );
}

function onlyTable(body: string): string[][] {
  const found = tables(docxToBlocks(docxFromBody(body)));
  expect(found).toHaveLength(1);
  return picture(found[0]!);
}

describe('docxToBlocks: paragraphs', () => {
  it('reads runs, tabs and breaks, and drops empty paragraphs', () => {
    const body =
      '<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t>总体情况</w:t></w:r></w:p>' +
      '<w:p/>' +
      '<w:p><w:r><w:t>　　</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>';
    expect(paragraphs(docxToBlocks(docxFromBody(body)))).toEqual(['一、总体情况', '甲\t乙\n丙']);
  });

  it('descends into content controls, hyperlinks, smart tags, custom XML and simple fields', () => {
    const body =
      '<w:sdt><w:sdtPr/><w:sdtContent>' +
      '<w:p><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>' +
      '<w:smartTag><w:r><w:t>标记</w:t></w:r></w:smartTag>' +
      '<w:customXml><w:r><w:t>自定义</w:t></w:r></w:customXml>' +
      '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>' +
      '<w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>' +
      '</w:sdtContent></w:sdt>' +
      '<w:customXml><w:p><w:r><w:t>块级自定义</w:t></w:r></w:p></w:customXml>';
    expect(paragraphs(docxToBlocks(docxFromBody(body)))).toEqual(['链接标记自定义3控件', '块级自定义']);
  });

  it('keeps insertions and drops deletions, moved-from text, field codes, hidden text and placeholders', () => {
    const body =
      '<w:p>' +
      '<w:r><w:t>本年共受理申请</w:t></w:r>' +
      '<w:del w:id="1" w:author="a"><w:r><w:delText>17</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="a"><w:r><w:t>95</w:t></w:r></w:ins>' +
      '<w:r><w:t>件</w:t></w:r>' +
      '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>' +
      '<w:moveTo w:id="4" w:author="a"><w:r><w:t>，新位置</w:t></w:r></w:moveTo>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>。</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>' +
      '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r>' +
      '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击此处输入文字</w:t></w:r></w:sdtContent></w:sdt>' +
      '</w:p>';
    expect(paragraphs(docxToBlocks(docxFromBody(body)))).toEqual(['本年共受理申请95件，新位置。可见']);
  });

  it('finds the body by namespace, whatever the prefix, in Strict OOXML too', () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><document xmlns="${W_NS_STRICT}"><body>` +
      '<p><r><t>正文</t></r></p><tbl><tr><tc><p><r><t>甲</t></r></p></tc><tc><tcPr><gridSpan val="2"/></tcPr><p/></tc></tr></tbl>' +
      '</body></document>';
    const blocks = docxToBlocks(docxFromXml(xml));
    expect(paragraphs(blocks)).toEqual(['正文']);
    expect(picture(tables(blocks)[0]!)).toEqual([['甲', '', '<']]);
  });

  it('decodes UTF-16 document parts', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para('总体情况')}</w:body></w:document>`;
    const bytes = new Uint8Array(2 + xml.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      bytes[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    expect(paragraphs(docxToBlocks(packageParts({ 'word/document.xml': bytes })))).toEqual(['总体情况']);
  });
});

describe('docxToBlocks: grid recovery', () => {
  it('expands gridSpan to the left and vMerge from above, repeating the anchor text', () => {
    const grid = onlyTable(
      table(
        [
          [{ text: '说明', span: 2, vMerge: 'restart' }, { text: '申请人情况', span: 2 }],
          [{ span: 2, vMerge: 'continue' }, '自然人', '总计'],
          ['一、本年新收', { text: '', span: 1 }, '3', '　　'],
        ],
        4,
      ),
    );
    expect(grid).toEqual([
      ['说明', '<说明', '申请人情况', '<申请人情况'],
      ['^说明', '^说明', '自然人', '总计'],
      ['一、本年新收', '', '3', ''],
    ]);
  });

  it('shifts cells by gridBefore and pads gridAfter with blank cells', () => {
    const grid = onlyTable(
      table(
        [
          ['a', 'b', 'c', 'd'],
          { cells: ['x', 'y'], gridBefore: 1, gridAfter: 1 },
          { cells: ['z'], gridBefore: 3 },
        ],
        4,
      ),
    );
    expect(grid).toEqual([
      ['a', 'b', 'c', 'd'],
      ['', 'x', 'y', ''],
      ['', '', '', 'z'],
    ]);
  });

  it('takes the column count from the rows when w:tblGrid is wrong or missing (WPS)', () => {
    const rows = [[{ text: '第二十条第（一）项', span: 4 }], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '1', '0', '5']];
    const expected = [
      ['第二十条第（一）项', '<第二十条第（一）项', '<第二十条第（一）项', '<第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '0', '5'],
    ];
    expect(onlyTable(table(rows, 2))).toEqual(expected);
    expect(onlyTable(table(rows, 7))).toEqual(expected);
    expect(onlyTable(table(rows))).toEqual(expected);
  });

  it('pads short rows to a rectangle', () => {
    expect(onlyTable(table([['a', 'b', 'c'], ['d']], 3))).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
  });

  it('reads legacy hMerge as a merge to the left', () => {
    const grid = onlyTable(
      table([[{ text: '行政复议', hMerge: 'restart' }, { hMerge: 'continue' }, { text: '行政诉讼' }], ['1', '2', '3']], 3),
    );
    expect(grid).toEqual([
      ['行政复议', '<行政复议', '行政诉讼'],
      ['1', '2', '3'],
    ]);
  });

  it('ends a vertical merge at a cell without vMerge and treats an orphan continue as a new anchor', () => {
    const grid = onlyTable(
      table(
        [
          [{ text: 'A', vMerge: 'restart' }, 'x'],
          [{ vMerge: 'continue' }, 'y'],
          ['B', 'z'],
          [{ text: 'C', vMerge: 'continue' }, 'w'],
          [{ vMerge: 'continue' }, 'v'],
        ],
        2,
      ),
    );
    expect(grid).toEqual([
      ['A', 'x'],
      ['^A', 'y'],
      ['B', 'z'],
      ['C', 'w'],
      ['^C', 'v'],
    ]);
  });

  it('keeps a vertical merge spanning several columns aligned under gridBefore rows', () => {
    const grid = onlyTable(
      table(
        [
          ['h1', { text: '合并', span: 2, vMerge: 'restart' }],
          { cells: [{ span: 2, vMerge: 'continue' }], gridBefore: 1 },
        ],
        3,
      ),
    );
    expect(grid).toEqual([
      ['h1', '合并', '<合并'],
      ['', '^合并', '^合并'],
    ]);
  });

  it('skips rows deleted with tracked changes and keeps inserted rows', () => {
    const grid = onlyTable(
      table(
        [
          ['规章', '1'],
          { cells: ['旧行', '9'], trPr: '<w:del w:id="1" w:author="a"/>' },
          { cells: ['新行', '2'], trPr: '<w:ins w:id="2" w:author="a"/>' },
        ],
        2,
      ),
    );
    expect(grid).toEqual([
      ['规章', '1'],
      ['新行', '2'],
    ]);
  });

  it('reads a number corrected with tracked changes as the corrected number', () => {
    const corrected =
      '<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>17</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="a"><w:r><w:t>95</w:t></w:r></w:ins></w:p>';
    expect(onlyTable(table([['一、本年新收政府信息公开申请数量', { xml: corrected }]], 2))).toEqual([
      ['一、本年新收政府信息公开申请数量', '95'],
    ]);
  });

  it('reads rows and cells wrapped in content controls and custom XML', () => {
    const body =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:sdt><w:sdtContent>${row(['a', 'b'])}</w:sdtContent></w:sdt>` +
      `<w:customXml><w:tr>${cell('c')}<w:sdt><w:sdtContent>${cell('d')}</w:sdtContent></w:sdt></w:tr></w:customXml>` +
      '</w:tbl>';
    expect(onlyTable(body)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('joins the paragraphs of a cell and flattens a nested table into its text', () => {
    const nested = table([['商业企业', '2'], ['科研机构', '0']], 2);
    const grid = onlyTable(table([[{ xml: para('结果') + para('纠正') }, { xml: para('见下表') + nested }]], 2));
    expect(grid).toEqual([['结果\n纠正', '见下表\n商业企业\t2\n科研机构\t0']]);
  });

  it('keeps blocks in document order', () => {
    const blocks = docxToBlocks(docxFromBody(para('二、主动公开政府信息情况') + table([['a']], 1) + para('三、收到和处理政府信息公开申请情况')));
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
  });
});

describe('docxToBlocks: the real provincial template', () => {
  const blocks = docxToBlocks(new Uint8Array(readFileSync(TEMPLATE)));
  const [art20, requests, appeals] = tables(blocks);

  it('finds the headings and the three tables', () => {
    expect(paragraphs(blocks)).toEqual(
      expect.arrayContaining(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']),
    );
    expect(tables(blocks)).toHaveLength(3);
  });

  it('recovers the grid of section 二: 4 columns, captions and single value columns spanning', () => {
    const grid = picture(art20!);
    expect(grid.every((r) => r.length === 4)).toBe(true);
    expect(grid[0]).toEqual(['第二十条第（一）项', '<第二十条第（一）项', '<第二十条第（一）项', '<第二十条第（一）项']);
    expect(grid[2]).toEqual(['规章', '', '', '']);
    expect(grid[6]).toEqual(['行政许可', '', '<', '<']);
  });

  it('recovers the grid of section 三: 10 columns, vertical label merges, blank value cells', () => {
    const grid = picture(requests!);
    expect(grid).toHaveLength(28);
    expect(grid.every((r) => r.length === 10)).toBe(true);
    expect(grid[2]!.slice(3)).toEqual(['^自然人', '商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他', '^总计']);
    expect(grid[7]!.slice(0, 4)).toEqual(['^三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '']);
    expect(grid[8]!.slice(0, 3)).toEqual(['^三、本年度办理结果', '^（三）不予公开', '2.其他法律行政法规禁止公开']);
    expect(grid[27]!.slice(0, 3)).toEqual(['四、结转下年度继续办理', '<四、结转下年度继续办理', '<四、结转下年度继续办理']);
  });

  it('recovers the grid of section 四: 15 columns under a two-level header', () => {
    const grid = picture(appeals!);
    expect(grid.map((r) => r.length)).toEqual([15, 15, 15, 15]);
    expect(grid[2]!.slice(0, 6)).toEqual(['^结果维持', '^结果\n纠正', '^其他\n结果', '^尚未\n审结', '^总计', '结果\n维持']);
    expect(grid[3]).toEqual(new Array(15).fill(''));
  });
});
