import { describe, expect, it } from 'vitest';
import { chooseImporter, type ImporterKind } from '../../../shared/import/choose.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('chooseImporter', () => {
  it.each<[string, Uint8Array, string, ImporterKind]>([
    ['a .docx', bytes(0x50, 0x4b, 0x03, 0x04, 0x14), '上年.docx', 'docx'],
    ['random bytes named .docx', bytes(0x13, 0x37, 0xff), '上年.docx', 'docx'],
    ['a name in capitals', ascii('hello'), '上年.DOCX', 'docx'],
    ['a .wps', ascii('anything'), '上年.wps', 'docx'],
    ['a zip named .txt', bytes(0x50, 0x4b, 0x03, 0x04), '上年.txt', 'docx'],
    ['an OLE file without extension', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), '上年', 'docx'],
    ['RTF named .txt', ascii('{\\rtf1\\ansi'), '上年.txt', 'docx'],
    ['a PDF named .txt', ascii('%PDF-1.7'), '上年.txt', 'docx'],
    ['plain text', ascii('一、总体情况'), '上年.txt', 'text'],
    ['text without extension', ascii('PK is just text here'), '上年', 'text'],
    ['an empty file', bytes(), '上年.txt', 'text'],
  ])('%s goes to the %s reader', (_what, data, name, kind) => {
    expect(chooseImporter(data, name)).toBe(kind);
  });
});
