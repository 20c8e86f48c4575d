import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS, TEXT_MESSAGES, decodeText, importText, textToBlocks } from '../../../shared/import/text.ts';
import { ImportError, type Block } from '../../../shared/import/types.ts';

function tableOf(blocks: Block[]): string[][] {
  const table = blocks.find((b) => b.kind === 'table');
  if (!table || table.kind !== 'table') throw new Error('no table');
  return table.rows.map((row) => row.map((cell) => cell.text));
}

/** A GBK encoder built from the platform's GBK decoder over every two-byte code. */
function gbkEncoder(): (text: string) => Uint8Array {
  const decoder = new TextDecoder('gbk');
  const codes = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !codes.has(ch)) codes.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const bytes: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) bytes.push(code);
      else {
        const pair = codes.get(ch);
        if (!pair) throw new Error(`not in GBK: ${ch}`);
        bytes.push(...pair);
      }
    }
    return new Uint8Array(bytes);
  };
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (bigEndian) bytes.push(unit >> 8, unit & 0xff);
    else bytes.push(unit & 0xff, unit >> 8);
  }
  return new Uint8Array(bytes);
}

const SNIPPET = [
  '通元镇2019年政府信息公开工作年度报告',
  '一、总体情况',
  '2019年，通元镇认真贯彻《条例》。',
  '\t政府集中采购',
  '\t548',
  '\t387.951万元',
  '',
].join('\n');

describe('textToBlocks', () => {
  it('reads one cell per TAB line, ends rows at empty lines and joins continuation lines into the cell', () => {
    const blocks = textToBlocks(
      ['二、主动公开政府信息情况', '\t信息内容', '\t本年新', '制作数量', '\t对外公开总数量', '', '\t规章', '\t0', '\t', '', '五、存在的主要问题'].join(
        '\n',
      ),
    );
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '二、主动公开政府信息情况' });
    expect(tableOf(blocks)).toEqual([
      ['信息内容', '本年新\n制作数量', '对外公开总数量'],
      ['规章', '0', ''],
    ]);
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: '五、存在的主要问题' });
  });

  it('reads tab-separated rows, including rows starting with an empty cell', () => {
    const blocks = textToBlocks('标题\n第二十条第（一）项\t\t\t\n规章\t0\t0\t0\n\t自然人\t总计\n');
    expect(tableOf(blocks)).toEqual([
      ['第二十条第（一）项', '', '', ''],
      ['规章', '0', '0', '0'],
      ['', '自然人', '总计'],
    ]);
  });

  it('keeps no-break and full-width spaces inside cells, handles CRLF and a BOM', () => {
    const blocks = textToBlocks('\uFEFF标题\r\n\t\u00a01\r\n\t\u3000\r\n\r\n');
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '标题' });
    expect(tableOf(blocks)).toEqual([['\u00a01', '\u3000']]);
  });

  it('does not swallow a section heading written right after the last cell', () => {
    const blocks = textToBlocks('\t0\n\t0\n五、存在的主要问题及改进情况\n');
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: '五、存在的主要问题及改进情况' });
  });
});

describe('decodeText', () => {
  const utf8 = new TextEncoder().encode(SNIPPET);

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(utf8)).toBe(SNIPPET);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(SNIPPET);
  });

  it('reads UTF-16 with a BOM, both byte orders', () => {
    expect(decodeText(utf16(SNIPPET, false))).toBe(SNIPPET);
    expect(decodeText(utf16(SNIPPET, true))).toBe(SNIPPET);
  });

  it('reads GBK (what Chinese Windows saves) and imports it', () => {
    const bytes = gbkEncoder()(SNIPPET);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = decodeText(bytes);
    expect(text).toBe(SNIPPET);
    const { importReport } = importText(text);
    expect(importReport.organ).toBe('通元镇');
    expect(importReport.year).toBe(2019);
  });

  it('refuses binary garbage with a message in Chinese', () => {
    let seed = 7;
    const garbage = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 23;
    });
    for (const bytes of [garbage, garbage.map((b) => b | 0x80)]) {
      expect(() => decodeText(bytes)).toThrow(ImportError);
      expect(() => decodeText(bytes)).toThrow(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses binary bytes as not text (Word files never get here: see read.test.ts)', () => {
    expect(() => decodeText(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toThrow(/不是文本文件/);
  });
});

describe('importText', () => {
  it('refuses an empty text', () => {
    expect(() => importText('')).toThrow(ImportError);
    expect(() => importText(' \n\t\n')).toThrow(/空/);
  });

  it('refuses a text that is not a report', () => {
    const news = '今天天气很好。\n\n市民在公园里散步，孩子们放风筝。\n\t价格\n\t12\n';
    expect(() => importText(news)).toThrow(ImportError);
    expect(() => importText(news)).toThrow(/年度报告/);
  });
});

describe('text caps', () => {
  const L = TEXT_LIMITS;
  /** A table of `cells` one-per-line cells, four to a row. */
  const table = (cells: number): string => Array.from({ length: cells }, (_, i) => `\t${i}\n${i % 4 === 3 ? '\n' : ''}`).join('');
  const tables = (count: number): string => Array.from({ length: count }, (_, i) => `表${i}\n\t1\n\n`).join('');
  const lines = (count: number): string => '说明\n'.repeat(count - 1) + '说明';
  const wideRow = (columns: number): string => `${Array.from({ length: columns }, () => '1').join('\t')}\n`;

  it.each<[string, string, string, string]>([
    ['lines', lines(L.maxLines), lines(L.maxLines + 1), TEXT_MESSAGES.tooManyLines],
    ['tables', tables(L.maxTables), tables(L.maxTables + 1), TEXT_MESSAGES.tooManyTables],
    ['cells of one table', table(L.maxCellsPerTable), table(L.maxCellsPerTable + 1), TEXT_MESSAGES.tooLargeTable],
    [
      'cells of all tables',
      Array.from({ length: L.maxCells / L.maxCellsPerTable }, () => `${table(L.maxCellsPerTable)}说明\n`).join(''),
      Array.from({ length: L.maxCells / L.maxCellsPerTable + 1 }, () => `${table(L.maxCellsPerTable)}说明\n`).join(''),
      TEXT_MESSAGES.tooManyCells,
    ],
    ['columns of a row', wideRow(L.maxColumns), wideRow(L.maxColumns + 1), TEXT_MESSAGES.tooWide],
  ])('reads up to the cap of %s and refuses one more', (_what, atCap, overCap, message) => {
    expect(textToBlocks(atCap).length).toBeGreaterThan(0);
    expect(() => textToBlocks(overCap)).toThrow(new ImportError(message));
  });

  it('counts a CRLF as one line break', () => {
    expect(textToBlocks('说明\r\n'.repeat(L.maxLines - 1) + '说明').length).toBe(L.maxLines);
  });

  it('refuses a file over the byte cap before decoding it, naming both sizes', () => {
    const bytes = new Uint8Array(L.maxFileBytes + 2 * 1024 * 1024).fill(0x31);
    expect(() => decodeText(bytes)).toThrow(/^文件太大（12\.0 MB，上限 10\.0 MB），无法按文本导入/);
    expect(() => decodeText(new Uint8Array(L.maxFileBytes + 1).fill(0x31))).toThrow(/（10485761 字节，上限 10485760 字节）/);
    expect(decodeText(new Uint8Array(L.maxFileBytes).fill(0x31))).toHaveLength(L.maxFileBytes);
  });
});
