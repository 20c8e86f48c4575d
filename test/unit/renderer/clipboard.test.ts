import { describe, expect, it } from 'vitest';
import { MAX_BLOCK_COLUMNS, MAX_BLOCK_ROWS, parseClipboardBlock } from '../../../renderer/src/grid/clipboard.ts';

describe('parseClipboardBlock', () => {
  it.each([
    ['a single value', '12', null],
    ['a single value with the line break Excel adds', '12\r\n', null],
    ['one row from Excel', '1\t2\t3\r\n', [['1', '2', '3']]],
    ['two rows, LF', '1\t2\n3\t4\n', [['1', '2'], ['3', '4']]],
    ['old Mac line ends', '1\t2\r3\t4', [['1', '2'], ['3', '4']]],
    ['a column', '1\n2\n3', [['1'], ['2'], ['3']]],
    ['blank cells kept in place', '1\t\t3\n\t5\t', [['1', '', '3'], ['', '5', '']]],
    ['a quoted cell holding a line break and quotes', '"a\nb"\t"say ""hi"""\n', [['a\nb', 'say "hi"']]],
    ['full-width digits and units untouched', '１２\t9项\n', [['１２', '9项']]],
  ])('%s', (_name, text, expected) => {
    const block = parseClipboardBlock(text);
    if (expected === null) expect(block).toBeNull();
    else expect(block).toEqual({ rows: expected, dropped: 0 });
  });

  it('reads no more than the caps of a huge paste and counts the rest', () => {
    const row = Array.from({ length: MAX_BLOCK_COLUMNS + 5 }, () => '1').join('\t');
    const text = Array.from({ length: MAX_BLOCK_ROWS + 10 }, () => row).join('\n');
    const block = parseClipboardBlock(text)!;
    expect(block.rows).toHaveLength(MAX_BLOCK_ROWS);
    expect(block.rows[0]).toHaveLength(MAX_BLOCK_COLUMNS);
    expect(block.dropped).toBe(MAX_BLOCK_ROWS * 5 + 10 * (MAX_BLOCK_COLUMNS + 5));
  });
});
