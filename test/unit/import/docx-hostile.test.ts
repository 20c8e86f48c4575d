import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_LIMITS, DOCX_MESSAGES, docxToBlocks } from '../../../shared/import/ooxml.ts';
import { ImportError } from '../../../shared/import/types.ts';
import {
  declareSize,
  docxFromBody,
  docxFromXml,
  documentXml,
  packageParts,
  para,
  table,
} from '../../fixtures/docx/package.ts';

/** Runs the reader and returns the refusal, failing if it imported or threw something else. */
function refusal(bytes: Uint8Array): { message: string; ms: number } {
  const start = performance.now();
  try {
    docxToBlocks(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return { message: (error as ImportError).message, ms: performance.now() - start };
  }
  throw new Error('the file was imported instead of refused');
}

function expectRefused(bytes: Uint8Array, message: string, maxMs = 3000): void {
  const result = refusal(bytes);
  expect(result.message).toBe(message);
  expect(result.ms).toBeLessThan(maxMs);
}

/** Paragraphs of ordinary report prose adding up to about `bytes` of XML. */
function proseBody(bytes: number): string {
  const p = para('本机关严格按照《中华人民共和国政府信息公开条例》要求，认真做好政府信息公开工作。');
  return p.repeat(Math.ceil(bytes / p.length));
}

describe('docxToBlocks refuses what is not a .docx, saying what to do', () => {
  // Other kinds never reach this reader (see read.test.ts); called directly it just says "not a .docx".
  it('bytes that are not a zip', () => {
    expectRefused(strToU8('一、总体情况\n本年度……'), DOCX_MESSAGES.notDocx);
    expectRefused(new Uint8Array(0), DOCX_MESSAGES.empty);
  });

  it('a zip without word/document.xml, naming Excel and OFD files for what they are', () => {
    expectRefused(zipSync({ 'readme.txt': strToU8('hello') }), DOCX_MESSAGES.noDocument);
    expectRefused(zipSync({}), DOCX_MESSAGES.noDocument);
    expectRefused(packageParts({ 'xl/workbook.xml': '<workbook/>' }), DOCX_MESSAGES.excel);
    expectRefused(zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>') }), DOCX_MESSAGES.ofd);
  });

  it('a truncated or corrupted archive', () => {
    const docx = docxFromBody(proseBody(200_000));
    expectRefused(docx.subarray(0, docx.length - 200), DOCX_MESSAGES.damaged);
    const corrupted = docx.slice();
    // Overwrite the middle of the compressed document part.
    corrupted.fill(0xff, 2000, 4000);
    expect(refusal(corrupted).message).toMatch(/损坏|不是有效的 XML/);
  });

  it('XML that does not parse, a DOCTYPE with entities, and XML that is not WordprocessingML', () => {
    expectRefused(docxFromXml(documentXml('<w:p><w:r><w:t>未闭合</w:r></w:p>')), DOCX_MESSAGES.badXml);
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>';
    expectRefused(docxFromXml(laughs), DOCX_MESSAGES.doctype);
    expectRefused(docxFromXml('<html><body/></html>'), DOCX_MESSAGES.notWordXml);
  });
});

describe('docxToBlocks stops resource exhaustion before it happens', () => {
  it('a zip bomb: a highly compressible entry declaring a huge size is refused before inflating', () => {
    const bomb = packageParts({ 'word/document.xml': documentXml(para('正文')), 'word/media/image1.png': new Uint8Array(8 * 1024 * 1024) }, 9);
    expect(bomb.length).toBeLessThan(100_000);
    expectRefused(declareSize(bomb, 'word/media/image1.png', 0xfffffff0), DOCX_MESSAGES.tooLargeTotal, 500);
  });

  it('a zip bomb whose document part lies about its size stops inflating at the cap', () => {
    const xml = documentXml(proseBody(DOCX_LIMITS.maxDocumentBytes + 5 * 1024 * 1024));
    const bomb = declareSize(docxFromXml(xml), 'word/document.xml', 1000);
    expectRefused(bomb, DOCX_MESSAGES.tooLargeDocument);
  });

  it('a 50 MB document is refused from its declared size without being inflated', () => {
    const docx = packageParts({ 'word/document.xml': documentXml(proseBody(50 * 1024 * 1024)) }, 1);
    expectRefused(docx, DOCX_MESSAGES.tooLargeDocument, 500);
  });

  it('a file over the size cap is refused without reading it', () => {
    const big = new Uint8Array(DOCX_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expectRefused(big, DOCX_MESSAGES.tooLargeFile, 500);
  });

  it('an archive listing too many entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= DOCX_LIMITS.maxEntries; i++) files[`word/media/${i}.bin`] = new Uint8Array(0);
    expectRefused(packageParts(files), DOCX_MESSAGES.tooManyEntries);
  });

  it('a document under the byte cap with an absurd number of elements', () => {
    const body = '<w:p><w:r><w:t>1</w:t></w:r></w:p>'.repeat(DOCX_LIMITS.maxTags / 6 + 1000);
    expectRefused(docxFromXml(documentXml(body)), DOCX_MESSAGES.tooManyElements);
  });

  it('tables nested absurdly deep', () => {
    let nested = para('最里层');
    for (let i = 0; i < 200; i++) nested = table([[{ xml: nested }]], 1);
    expectRefused(docxFromBody(nested), DOCX_MESSAGES.tooDeep);
  });

  it('a cell spanning an absurd number of columns', () => {
    expectRefused(docxFromBody(table([[{ text: 'x', span: 1_000_000_000 }]], 1)), DOCX_MESSAGES.tooWide);
  });

  it('tables that would expand into too many cells', () => {
    const rows = Array.from({ length: 2_000 }, () => ({ cells: ['x'], gridBefore: 150 }));
    expectRefused(docxFromBody(table(rows, 151)), DOCX_MESSAGES.tooManyCells);
  });
});

describe('docxToBlocks reads what is unusual but legitimate', () => {
  it('a docx with no tables gives its paragraphs', () => {
    const blocks = docxToBlocks(docxFromBody(para('某镇2022年政府信息公开工作年度报告') + para('一、总体情况')));
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '某镇2022年政府信息公开工作年度报告' },
      { kind: 'paragraph', text: '一、总体情况' },
    ]);
  });

  it('tables nested a few levels deep are flattened into the cell', () => {
    let nested = para('7');
    for (let i = 0; i < 5; i++) nested = table([[{ xml: nested }]], 1);
    const blocks = docxToBlocks(docxFromBody(table([['商业企业', { xml: nested }]], 2)));
    expect(blocks).toEqual([{ kind: 'table', rows: [[{ text: '商业企业' }, { text: '7' }]] }]);
  });

  it('a stored (uncompressed) document part', () => {
    const docx = packageParts({ 'word/document.xml': documentXml(para('总体情况')) }, 0);
    expect(docxToBlocks(docx)).toEqual([{ kind: 'paragraph', text: '总体情况' }]);
  });

  it('part names in another case', () => {
    const docx = zipSync({ 'Word/Document.xml': strToU8(documentXml(para('总体情况'))) });
    expect(docxToBlocks(docx)).toEqual([{ kind: 'paragraph', text: '总体情况' }]);
  });
});
