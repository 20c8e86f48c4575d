/**
 * The front door: each kind of file is told by its content, whatever its
 * name, and goes to its one reader or gets its one refusal.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../shared/export/docx.ts';
import { exportHtml } from '../../../shared/export/html.ts';
import { exportText } from '../../../shared/export/text.ts';
import { serializeReport } from '../../../shared/file/document.ts';
import { PDF_MESSAGES } from '../../../shared/import/pdf.ts';
import { READ_MESSAGES, readReportBytes } from '../../../shared/import/read.ts';
import { sniffKind, type FileKind } from '../../../shared/import/sniff.ts';
import { importText } from '../../../shared/import/text.ts';
import { ImportError } from '../../../shared/import/types.ts';
import type { Report } from '../../../shared/model/report.ts';
import { HUAIAN_2024, samplePath } from '../../fixtures/samples/index.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file whose directory names `stream` (UTF-16LE, as in a real one). */
function ole(stream: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(OLE_HEADER);
  for (let i = 0; i < stream.length; i++) bytes[1024 + i * 2] = stream.charCodeAt(i);
  return bytes;
}

const SAMPLE_TEXT = readFileSync(samplePath(HUAIAN_2024));
let report: Report;
let docx: Uint8Array;

beforeAll(async () => {
  report = importText(new TextDecoder().decode(SAMPLE_TEXT)).report;
  docx = await exportDocx(report, { layout: 'official', blankAsZero: false });
});

describe('sniffKind tells the kind by content', () => {
  it.each<[string, () => Uint8Array, FileKind]>([
    ['nothing', () => new Uint8Array(0), 'empty'],
    ['a .docx', () => docx, 'zip'],
    ['an empty zip (end record only)', () => new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]), 'zip'],
    ['a password-protected .docx', () => ole('EncryptedPackage'), 'encryptedOoxml'],
    ['a Word 97 .doc or WPS .wps', () => ole('WordDocument'), 'word97'],
    ['RTF', () => utf8('{\\rtf1\\ansi 政府信息公开}'), 'rtf'],
    ['a PDF', () => utf8('%PDF-1.7\n%âãÏÓ'), 'pdf'],
    ['our own file', () => utf8(serializeReport(report)), 'nianbao'],
    ['our own file with a BOM', () => utf8(`\ufeff${serializeReport(report)}`), 'nianbao'],
    ['a web page', () => utf8('<!DOCTYPE html>\n<html><body>年度报告</body></html>'), 'html'],
    ['a web page with a BOM and a comment first', () => utf8('\ufeff<!-- saved from url -->\n<HTML><HEAD>'), 'html'],
    ['a UTF-16 web page', () => new Uint8Array([0xff, 0xfe, ...[...'<html>'].flatMap((c) => [c.charCodeAt(0), 0])]), 'html'],
    ['a Word "web page" .doc', () => utf8('<html xmlns:o="urn:schemas-microsoft-com:office:office">'), 'html'],
    ['a web archive', () => utf8('From: <Saved by Blink>\r\nSubject: 年报\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n'), 'mht'],
    ['plain text', () => SAMPLE_TEXT, 'text'],
    ['text that starts with PK-like letters', () => utf8('Pk 不是压缩文件'), 'text'],
    ['text that mentions <html> later', () => utf8('一、总体情况\n<html>'), 'text'],
  ])('%s → %s', (_what, bytes, kind) => {
    expect(sniffKind(bytes())).toBe(kind);
  });
});

/** The refusal `readReportBytes` gives, or undefined when it read the file. */
async function refusal(bytes: Uint8Array, name: string): Promise<string | undefined> {
  try {
    await readReportBytes(bytes, name);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
}

describe('readReportBytes reads each kind with its reader, whatever the name', () => {
  it.each<[string, () => Uint8Array, string, 'docx' | 'text' | 'nianbao' | 'html']>([
    ['a .docx', () => docx, '上年.docx', 'docx'],
    ['a .docx named .txt', () => docx, '上年.txt', 'docx'],
    ['a .docx without extension', () => docx, '上年', 'docx'],
    ['text named .docx', () => SAMPLE_TEXT, '上年.docx', 'text'],
    ['text named .doc', () => SAMPLE_TEXT, '上年.doc', 'text'],
    ['text saved by our text export', () => utf8(exportText(report, { tables: 'tsv', blankAsZero: false })), '上年.txt', 'text'],
    ['our own file', () => utf8(serializeReport(report)), '上年.nianbao', 'nianbao'],
    ['our own file named .txt', () => utf8(serializeReport(report)), '上年.txt', 'nianbao'],
    ['a saved page', () => utf8(exportHtml(report, {})), '上年.html', 'html'],
    ['a saved page named .doc (Word’s “web page”)', () => utf8(exportHtml(report, {})), '上年.doc', 'html'],
  ])('%s', async (_what, bytes, name, source) => {
    const result = await readReportBytes(bytes(), name);
    expect(result.importReport.source).toBe(source);
    expect(result.report.cells).toEqual(report.cells);
    expect(result.report.year).toBe(report.year);
  });

  it.each<[string, () => Uint8Array, string, string]>([
    ['an empty file', () => new Uint8Array(0), '上年.txt', READ_MESSAGES.empty],
    ['an empty file named .docx', () => new Uint8Array(0), '上年.docx', READ_MESSAGES.empty],
    ['a password-protected .docx', () => ole('EncryptedPackage'), '上年.docx', READ_MESSAGES.encrypted],
    ['a Word 97 .doc', () => ole('WordDocument'), '上年.doc', READ_MESSAGES.word97],
    ['a WPS .wps named .txt', () => ole('WordDocument'), '上年.txt', READ_MESSAGES.word97],
    ['RTF named .doc', () => utf8('{\\rtf1\\ansi x}'), '上年.doc', READ_MESSAGES.rtf],
    ['a PDF that is only a header, named .txt', () => utf8('%PDF-1.7\n'), '上年.txt', PDF_MESSAGES.damaged],
    ['random bytes named .docx', () => new Uint8Array([0x13, 0x37, 0xc3, 0x28, 0xff, 0x00, 0x9a, 0x41]), '上年.docx', READ_MESSAGES.notWord],
  ])('refuses %s in one line', async (_what, bytes, name, message) => {
    expect(await refusal(bytes(), name)).toBe(message);
  });

  it('says a password-protected .docx has a password, not that it is an old .doc', () => {
    expect(READ_MESSAGES.encrypted).toContain('文件设置了打开密码');
    expect(READ_MESSAGES.word97).toBe('暂不支持 Word 97-2003 (.doc) 文件，请用 Word 或 WPS 另存为 .docx 后再试');
  });

  it('refuses random bytes without a Word name as text it cannot decode', async () => {
    expect(await refusal(new Uint8Array([0x13, 0x37, 0xc3, 0x28, 0xff, 0x00, 0x9a, 0x41]), '上年.txt')).toMatch(/不是文本文件/);
  });
});
