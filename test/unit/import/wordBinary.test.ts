/**
 * The Word 97 structures the .doc reader relies on, built byte by byte as
 * [MS-DOC] lays them out — in particular the merge flags Word itself writes
 * (TC80 fFirstMerged/fMerged, fVertMerge/fVertRestart, sprmTVertMerge,
 * sprmTMerge), which LibreOffice's .doc files do not use.
 */
import { describe, expect, it } from 'vitest';
import { readSprms, rowCells, tableProps } from '../../../shared/import/wordBinary.ts';

const u16 = (v: number): number[] => [v & 0xff, (v >> 8) & 0xff];
const u32 = (v: number): number[] => [...u16(v & 0xffff), ...u16(v >>> 16)];

/** sprmTDefTable for cells with these right boundaries (from 0) and TC80 flags. */
function defTable(cells: { right: number; flags: number }[]): number[] {
  const body = [cells.length, ...u16(0), ...cells.flatMap((c) => u16(c.right))];
  for (const c of cells) body.push(...u16(c.flags), ...u16(0), ...new Array<number>(16).fill(0));
  // Its size counts itself less one (two bytes of size, then size − 1 bytes).
  return [...u16(0xd608), ...u16(body.length + 1), ...body];
}

describe('readSprms', () => {
  it('reads sprms of every operand size in order, sprmTDefTable with its two-byte size', () => {
    const grpprl = new Uint8Array([
      ...u16(0x2416), 1, // sprmPFInTable, 1 byte
      ...u16(0x6649), ...u32(1), // sprmPItap, 4 bytes
      ...defTable([{ right: 1000, flags: 0 }]),
      ...u16(0xd62b), 2, 0, 3, // sprmTVertMerge, variable: size byte then 2 bytes
      ...u16(0x5624), 0, 1, // sprmTMerge, 2 bytes
    ]);
    expect(readSprms(grpprl).map((s) => [s.op.toString(16), s.operand.length])).toEqual([
      ['2416', 1],
      ['6649', 4],
      ['d608', 1 + 2 * 2 + 20],
      ['d62b', 2],
      ['5624', 2],
    ]);
  });

  it('drops a sprm cut short instead of reading past the grpprl', () => {
    expect(readSprms(new Uint8Array([...u16(0x6649), 1, 0]))).toEqual([]);
    expect(readSprms(new Uint8Array([...u16(0xd608), ...u16(500), 1, 2, 3]))).toEqual([]);
  });
});

describe('rowCells', () => {
  it('gives boundaries and Word’s merge flags from TC80', () => {
    const sprms = readSprms(
      new Uint8Array(
        defTable([
          { right: 1000, flags: 0x0001 }, // fFirstMerged
          { right: 2000, flags: 0x0002 }, // fMerged
          { right: 3000, flags: 0x0060 }, // fVertMerge | fVertRestart
          { right: 4000, flags: 0x0020 }, // fVertMerge
        ]),
      ),
    );
    expect(rowCells(sprms)).toEqual([
      { left: 0, right: 1000, hMerge: 'restart', vMerge: undefined },
      { left: 1000, right: 2000, hMerge: 'continue', vMerge: undefined },
      { left: 2000, right: 3000, hMerge: undefined, vMerge: 'restart' },
      { left: 3000, right: 4000, hMerge: undefined, vMerge: 'continue' },
    ]);
  });

  it('applies sprmTVertMerge and sprmTMerge after the definition, in order', () => {
    const sprms = readSprms(
      new Uint8Array([
        ...defTable([1000, 2000, 3000].map((right) => ({ right, flags: 0 }))),
        ...[...u16(0xd62b), 2, 0, 3], // cell 0 starts a vertical merge
        ...[...u16(0xd62b), 2, 2, 1], // cell 2 continues one
        ...[...u16(0x5624), 0, 2], // cells 0–1 merged across
      ]),
    );
    expect(rowCells(sprms).map((c) => [c.hMerge, c.vMerge])).toEqual([
      ['restart', 'restart'],
      ['continue', undefined],
      [undefined, 'continue'],
    ]);
  });
});

describe('tableProps', () => {
  it('tells body text, a cell, a row end and a nested table’s row end apart', () => {
    const props = (bytes: number[]) => tableProps(readSprms(new Uint8Array(bytes)));
    expect(props([])).toMatchObject({ depth: 0, rowEnd: false });
    expect(props([...u16(0x2416), 1])).toMatchObject({ depth: 1, rowEnd: false });
    expect(props([...u16(0x2416), 1, ...u16(0x2417), 1])).toMatchObject({ depth: 1, rowEnd: true });
    expect(props([...u16(0x6649), ...u32(2), ...u16(0x244b), 1])).toMatchObject({ depth: 2, rowEnd: false, innerCellEnd: true });
    expect(props([...u16(0x6649), ...u32(2), ...u16(0x244c), 1])).toMatchObject({ depth: 2, rowEnd: true });
  });
});
