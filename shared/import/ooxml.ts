/**
 * Reads the body of a .docx made in Word, WPS or LibreOffice into blocks.
 *
 * Only word/document.xml is read: no macros, no external relationships,
 * nothing else is even inflated. Merged table cells are expanded into a
 * rectangular grid (gridBefore/gridAfter, gridSpan, vMerge, legacy hMerge),
 * which is exactly where generic converters go wrong on the official tables.
 * Everything a hostile or broken file could use to exhaust memory or time is
 * capped, and every refusal is an ImportError the clerk can act on.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { strFromU8 } from 'fflate';
import { gridWidth, layGrid, type GridCell, type GridRow } from './grid.ts';
import { ImportError, type Block, type BlockCell } from './types.ts';
import { listZip, readZipEntry, type ZipLimits, type ZipMessages } from './zip.ts';

export const DOCX_LIMITS = {
  /** A report with photos stays far below this. */
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 5_000,
  maxTotalUncompressed: 500 * 1024 * 1024,
  /** word/document.xml of a long report is a few MB; the blank provincial template is 250 KB. */
  maxDocumentBytes: 20 * 1024 * 1024,
  /** Tags ("<") in document.xml: parsing time grows with them (≈ 6 µs each), the template has 10 000. */
  maxTags: 400_000,
  /** Element depth the walker follows; a table nested in a cell adds 4. */
  maxDepth: 120,
  /** Columns of one table; the official tables have at most 15. */
  maxColumns: 200,
  /** Cells of all tables after expanding merges. */
  maxGridCells: 250_000,
} as const;

const RESAVE = '请在 Word 或 WPS 中打开该文件，“另存为”.docx 后再导入';

export const DOCX_MESSAGES = {
  empty: '文件是空的（0 字节），请重新选择上一年度报告的 .docx 文件',
  encrypted: '文件设置了打开密码，无法读取。请在 Word 或 WPS 中取消文档密码后另存为 .docx 再导入',
  notDocx: '无法识别该文件：它不是 Word 文档（.docx）。请确认选择的是上一年度报告；其他格式请先在 Word 或 WPS 中“另存为”.docx',
  tooLargeFile: `文件过大（超过 ${DOCX_LIMITS.maxFileBytes / 1024 / 1024} MB），无法导入。若报告中插入了大量图片，可删除图片后另存为 .docx 再导入`,
  noDocument: '这个压缩文件不是 Word 文档：其中没有正文（word/document.xml）。请改选上一年度报告的 .docx 文件',
  excel: '这是 Excel 文件，不是 Word 文档。请改选上一年度报告的 .docx 文件',
  powerpoint: '这是 PowerPoint 文件，不是 Word 文档。请改选上一年度报告的 .docx 文件',
  ofd: '这是 OFD 版式文件，无法从中读取表格。请找到报告的 Word 原件（.docx）',
  odt: `这是 OpenDocument/UOF 格式的文件，${RESAVE}`,
  damaged: '文件不完整或已损坏，无法读取。请重新获取该文件；如果它能在 Word 或 WPS 中打开，请“另存为”.docx 后再导入',
  tooManyEntries: `文件内部条目过多（超过 ${DOCX_LIMITS.maxEntries} 个），不像是正常的 Word 文档，已停止读取`,
  tooLargeTotal: '文件解压后的内容异常巨大，可能已损坏或是恶意构造的文件，已停止读取',
  tooLargeDocument: `文档正文过大（解压后超过 ${DOCX_LIMITS.maxDocumentBytes / 1024 / 1024} MB），不像是年度报告，已停止读取。请确认选择的文件是否正确`,
  unsupported: `文件使用了不支持的压缩方式或已加密，${RESAVE}`,
  badXml: `文档正文不是有效的 XML，文件可能已损坏。${RESAVE}`,
  doctype: '文档正文含有 Word 和 WPS 不会写入的内容（DOCTYPE 声明），可能是恶意构造的文件，已停止读取',
  tooManyElements: '文档结构过于复杂（元素数量异常多），不像是年度报告，已停止读取',
  notWordXml: '文件中的正文不是 Word 文档格式（缺少 w:document/w:body），请确认选择的文件是否正确',
  tooDeep: '文档结构嵌套过深（例如表格中层层嵌套表格），无法读取。请在 Word 或 WPS 中将嵌套的表格拆开，“另存为”.docx 后再导入',
  tooWide: `表格列数异常（超过 ${DOCX_LIMITS.maxColumns} 列），文件可能已损坏。${RESAVE}`,
  tooManyCells: '文档中表格单元格数量异常多，不像是年度报告，已停止读取',
} as const;

const ZIP_LIMITS: ZipLimits = {
  maxEntries: DOCX_LIMITS.maxEntries,
  maxTotalUncompressed: DOCX_LIMITS.maxTotalUncompressed,
  maxEntryBytes: DOCX_LIMITS.maxDocumentBytes,
};

const ZIP_MESSAGES: ZipMessages = {
  damaged: DOCX_MESSAGES.damaged,
  tooManyEntries: DOCX_MESSAGES.tooManyEntries,
  tooLargeTotal: DOCX_MESSAGES.tooLargeTotal,
  tooLargeEntry: DOCX_MESSAGES.tooLargeDocument,
  unsupported: DOCX_MESSAGES.unsupported,
};

/** Transitional and Strict OOXML (Word can save either). */
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

const DOCUMENT_PART = 'word/document.xml';

/** Zips that are some other office file, recognised by a part only they have. */
const OTHER_PACKAGES: { part: string; message: string }[] = [
  { part: 'xl/workbook.xml', message: DOCX_MESSAGES.excel },
  { part: 'ppt/presentation.xml', message: DOCX_MESSAGES.powerpoint },
  { part: 'ofd.xml', message: DOCX_MESSAGES.ofd },
  { part: 'content.xml', message: DOCX_MESSAGES.odt },
];

/** Finds and inflates word/document.xml, refusing anything that is not a plausible docx. */
function readDocumentPart(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw new ImportError(DOCX_MESSAGES.empty);
  if (bytes.length > DOCX_LIMITS.maxFileBytes) throw new ImportError(DOCX_MESSAGES.tooLargeFile);
  // "PK": a local header, or the end record of an empty archive.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ImportError(DOCX_MESSAGES.notDocx);
  const entries = listZip(bytes, ZIP_LIMITS, ZIP_MESSAGES);
  // Part names in a package compare case-insensitively (OPC).
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, '').toLowerCase(), e]));
  const entry = byName.get(DOCUMENT_PART);
  if (!entry) {
    const other = OTHER_PACKAGES.find((p) => byName.has(p.part));
    throw new ImportError(other ? other.message : DOCX_MESSAGES.noDocument);
  }
  return readZipEntry(bytes, entry, ZIP_LIMITS, ZIP_MESSAGES);
}

function decodeXml(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return decodeUtf16(data.subarray(2), true);
  if (data[0] === 0xfe && data[1] === 0xff) return decodeUtf16(data.subarray(2), false);
  const text = strFromU8(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeUtf16(data: Uint8Array, littleEndian: boolean): string {
  const parts: string[] = [];
  const units: number[] = [];
  for (let i = 0; i + 1 < data.length; i += 2) {
    units.push(littleEndian ? data[i]! | (data[i + 1]! << 8) : (data[i]! << 8) | data[i + 1]!);
    if (units.length === 8192) parts.push(String.fromCharCode(...units.splice(0)));
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}

function parseXml(xml: string): Document {
  try {
    return new DOMParser({
      locator: false,
      onError(level, message) {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch {
    throw new ImportError(DOCX_MESSAGES.badXml);
  }
}

/**
 * Self-closing formatting elements the reader never looks at. They are about
 * two thirds of the elements in a Word or WPS table and most of xmldom's
 * parsing time (the template parses in 16 ms instead of 70 ms without them).
 * Dropping a self-closing element cannot change the text or the structure.
 */
const FORMATTING_LEAVES = [
  'rFonts', 'sz', 'szCs', 'kern', 'lang', 'color', 'highlight', 'b', 'bCs', 'i', 'iCs', 'u', 'strike', 'caps',
  'w', 'position', 'vertAlign', 'noProof', 'snapToGrid', 'eastAsianLayout', 'em', 'rStyle',
  'pStyle', 'keepNext', 'keepLines', 'widowControl', 'suppressLineNumbers', 'suppressAutoHyphens', 'spacing', 'ind',
  'jc', 'adjustRightInd', 'textAlignment', 'autoSpaceDE', 'autoSpaceDN', 'wordWrap', 'overflowPunct',
  'topLinePunct', 'kinsoku', 'outlineLvl',
  'top', 'left', 'bottom', 'right', 'start', 'end', 'insideH', 'insideV', 'tl2br', 'tr2bl', 'shd',
  'tcW', 'vAlign', 'noWrap', 'hideMark', 'tblW', 'tblInd', 'tblLayout', 'tblLook', 'tblStyle', 'tblCellSpacing',
  'trHeight', 'cantSplit', 'tblHeader', 'gridCol',
  'proofErr', 'bookmarkStart', 'bookmarkEnd', 'lastRenderedPageBreak',
];
const FORMATTING_LEAF = new RegExp(
  `<w:(?:${FORMATTING_LEAVES.join('|')})(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*/>`,
  'g',
);

function parseDocumentXml(xml: string): Element {
  // Word and WPS never write a DOCTYPE; refusing it rules out entity tricks.
  const root = xml.search(/<[A-Za-z_]/);
  if (xml.lastIndexOf('<!DOCTYPE', root < 0 ? xml.length : root) >= 0) throw new ImportError(DOCX_MESSAGES.doctype);
  let tags = 0;
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at + 1)) {
    if (++tags > DOCX_LIMITS.maxTags) throw new ImportError(DOCX_MESSAGES.tooManyElements);
  }
  const documentElement = parseXml(xml.replace(FORMATTING_LEAF, '')).documentElement;
  const body = documentElement && wName(documentElement) === 'document' ? firstW(documentElement, 'body') : undefined;
  if (!body) throw new ImportError(DOCX_MESSAGES.notWordXml);
  return body;
}

/** The local name of a WordprocessingML element; undefined for anything else. */
function wName(node: Node): string | undefined {
  if (node.nodeType !== 1) return undefined;
  const el = node as Element;
  return el.namespaceURI !== null && W_NAMESPACES.has(el.namespaceURI) ? (el.localName ?? undefined) : undefined;
}

function* wChildren(el: Element): Generator<[string, Element]> {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    const name = wName(child);
    if (name !== undefined) yield [name, child as Element];
  }
}

function firstW(el: Element, name: string): Element | undefined {
  for (const [n, child] of wChildren(el)) if (n === name) return child;
  return undefined;
}

/** Attributes are w:-qualified in OOXML; some generators write them bare. */
function wAttr(el: Element, name: string): string | null {
  return el.getAttributeNS(el.namespaceURI, name) ?? el.getAttributeNS(null, name);
}

/** On/off properties (w:vanish, w:del…): present means on unless val says otherwise. */
function isOn(el: Element | undefined): boolean {
  if (!el) return false;
  const val = wAttr(el, 'val');
  return val === null || !['false', '0', 'off'].includes(val);
}

function intAttr(el: Element | undefined, fallback: number): number {
  const n = el ? Number.parseInt(wAttr(el, 'val') ?? '', 10) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The content of a content control, unless it only shows its placeholder prompt. */
function sdtContent(sdt: Element): Element | undefined {
  const pr = firstW(sdt, 'sdtPr');
  if (pr && firstW(pr, 'showingPlcHdr')) return undefined;
  return firstW(sdt, 'sdtContent');
}

/** Inline wrappers whose runs are part of the visible text (insertions count, deletions do not). */
const INLINE_WRAPPERS = new Set(['hyperlink', 'smartTag', 'customXml', 'ins', 'moveTo', 'fldSimple', 'dir', 'bdo']);
/** Block wrappers that may hold paragraphs, tables, rows or cells. */
const BLOCK_WRAPPERS = new Set(['customXml', 'ins', 'moveTo']);

class BodyReader {
  private gridCells = 0;

  private enter(depth: number): number {
    if (depth > DOCX_LIMITS.maxDepth) throw new ImportError(DOCX_MESSAGES.tooDeep);
    return depth + 1;
  }

  blocks(container: Element, depth: number, out: Block[]): Block[] {
    const inner = this.enter(depth);
    for (const [name, child] of wChildren(container)) {
      if (name === 'p') {
        const text = this.paragraph(child, inner).trim();
        if (text !== '') out.push({ kind: 'paragraph', text });
      } else if (name === 'tbl') {
        const rows = this.table(child, inner);
        if (rows.length > 0) out.push({ kind: 'table', rows });
      } else if (name === 'sdt') {
        const content = sdtContent(child);
        if (content) this.blocks(content, inner, out);
      } else if (BLOCK_WRAPPERS.has(name)) {
        this.blocks(child, inner, out);
      }
    }
    return out;
  }

  private paragraph(p: Element, depth: number): string {
    const parts: string[] = [];
    this.runs(p, depth, parts);
    return parts.join('');
  }

  private runs(container: Element, depth: number, parts: string[]): void {
    const inner = this.enter(depth);
    for (const [name, child] of wChildren(container)) {
      if (name === 'r') this.run(child, parts);
      else if (name === 'sdt') {
        const content = sdtContent(child);
        if (content) this.runs(content, inner, parts);
      } else if (INLINE_WRAPPERS.has(name)) this.runs(child, inner, parts);
    }
  }

  private run(r: Element, parts: string[]): void {
    const rPr = firstW(r, 'rPr');
    // Hidden text is not part of what the report shows.
    if (rPr && isOn(firstW(rPr, 'vanish'))) return;
    for (const [name, child] of wChildren(r)) {
      if (name === 't') parts.push(child.textContent ?? '');
      else if (name === 'tab' || name === 'ptab') parts.push('\t');
      else if (name === 'br' || name === 'cr') parts.push('\n');
      else if (name === 'noBreakHyphen') parts.push('-');
    }
  }

  private table(tbl: Element, depth: number): BlockCell[][] {
    const inner = this.enter(depth);
    const rows: GridRow[] = [];
    this.rows(tbl, inner, rows);
    const width = gridWidth(rows);
    if (width > DOCX_LIMITS.maxColumns) throw new ImportError(DOCX_MESSAGES.tooWide);
    this.gridCells += width * rows.length;
    if (this.gridCells > DOCX_LIMITS.maxGridCells) throw new ImportError(DOCX_MESSAGES.tooManyCells);
    return layGrid(rows, width);
  }

  private rows(container: Element, depth: number, out: GridRow[]): void {
    const inner = this.enter(depth);
    for (const [name, child] of wChildren(container)) {
      if (name === 'tr') {
        const trPr = firstW(child, 'trPr');
        // A row deleted with tracked changes on is not in the report.
        if (trPr && firstW(trPr, 'del')) continue;
        const cells: GridCell[] = [];
        this.cells(child, inner, cells);
        if (cells.length === 0) continue;
        out.push({
          before: intAttr(trPr && firstW(trPr, 'gridBefore'), 0),
          after: intAttr(trPr && firstW(trPr, 'gridAfter'), 0),
          cells,
        });
      } else if (name === 'sdt') {
        const content = sdtContent(child);
        if (content) this.rows(content, inner, out);
      } else if (BLOCK_WRAPPERS.has(name)) this.rows(child, inner, out);
    }
  }

  private cells(container: Element, depth: number, out: GridCell[]): void {
    const inner = this.enter(depth);
    for (const [name, child] of wChildren(container)) {
      if (name === 'tc') {
        const tcPr = firstW(child, 'tcPr');
        out.push({
          text: this.cellText(child, inner),
          span: Math.max(1, intAttr(tcPr && firstW(tcPr, 'gridSpan'), 1)),
          vMerge: mergeOf(tcPr && firstW(tcPr, 'vMerge')),
          hMerge: mergeOf(tcPr && firstW(tcPr, 'hMerge')),
        });
      } else if (name === 'sdt') {
        const content = sdtContent(child);
        if (content) this.cells(content, inner, out);
      } else if (BLOCK_WRAPPERS.has(name)) this.cells(child, inner, out);
    }
  }

  private cellText(tc: Element, depth: number): string {
    const lines: string[] = [];
    for (const block of this.blocks(tc, depth, [])) {
      if (block.kind === 'paragraph') lines.push(block.text);
      else lines.push(...flattenTable(block.rows));
    }
    return lines.join('\n').trim();
  }
}

function mergeOf(el: Element | undefined): 'restart' | 'continue' | undefined {
  if (!el) return undefined;
  return wAttr(el, 'val') === 'restart' ? 'restart' : 'continue';
}

/** A table nested in a cell becomes lines of tab-separated text; merged copies are left out. */
function flattenTable(rows: BlockCell[][]): string[] {
  return rows
    .map((row) =>
      row
        .filter((cell) => !cell.continuation)
        .map((cell) => cell.text)
        .join('\t')
        .trim(),
    )
    .filter((line) => line !== '');
}

/** The paragraphs and tables of a .docx body, in document order. Throws ImportError. */
export function docxToBlocks(bytes: Uint8Array): Block[] {
  const body = parseDocumentXml(decodeXml(readDocumentPart(bytes)));
  return new BodyReader().blocks(body, 0, []);
}
