/**
 * PDF files with a text layer, as Word, WPS, LibreOffice and the government
 * websites export them: read with pdf.js's legacy build, in this thread (its
 * "fake worker": the app already reads files in a worker thread of its own,
 * the CLI in its process). pdf.js is loaded only when a PDF is read. The
 * glyph runs and ruling lines of each page become blocks (pdfLayout.ts).
 *
 * The one thing pdf.js needs from outside is its CMaps (the character maps
 * of Chinese fonts that are not embedded); shared/ reads no files, so the
 * host hands them in (PdfResources).
 */
import { pagesToBlocks, type PdfLayout, type PdfPageContent } from './pdfLayout.ts';
import { preparePdfJsGlobals, quietly } from './pdfjsEnv.ts';
import { rulesOf, type PathOps } from './pdfRules.ts';
import type { GlyphRun } from './pdfText.ts';
import { ImportError, type Block } from './types.ts';

/** What the host provides for pdf.js. */
export interface PdfResources {
  /** The packed CMap of this name (pdfjs-dist/cmaps/<name>.bcmap). */
  readCMap(name: string): Promise<Uint8Array>;
}

export const PDF_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  /** A report is 5–10 pages; with annexes, tens. */
  maxPages: 200,
  /** Text runs and drawing operators in all, well above a report's (about 1,500 and 6,000). */
  maxTextRuns: 200_000,
  maxOperators: 1_000_000,
  maxColumns: 200,
  /** Objects the cross-reference table declares; a report has hundreds to a few thousand. */
  maxObjects: 200_000,
  /** Fewer characters than this in the whole file: there is no text layer to read. */
  minCharacters: 10,
} as const;

const WORD_ORIGINAL = '请找到报告的 Word 原件（.docx），或复制报告全文后按文本导入';

export const PDF_MESSAGES = {
  tooLarge: `PDF 文件过大（超过 ${PDF_LIMITS.maxFileBytes / 1024 / 1024} MB），无法导入。${WORD_ORIGINAL}`,
  tooManyPages: `PDF 页数过多（超过 ${PDF_LIMITS.maxPages} 页），不像是年度报告，已停止读取。请确认选择的文件是否正确`,
  tooManyObjects: `PDF 内部对象数量异常（超过 ${PDF_LIMITS.maxObjects} 个），文件可能已损坏或是恶意构造的，已停止读取`,
  tooMuchContent: 'PDF 页面内容异常繁多（文字或绘图过多），文件可能已损坏或是恶意构造的，已停止读取',
  scanned: `这个 PDF 是扫描件或图片，没有可读取的文字，无法导入（本软件不做文字识别）。${WORD_ORIGINAL}`,
  encrypted: 'PDF 文件设置了打开密码，无法读取。请用报告的 Word 原件，或在 PDF 阅读器中输入密码后另存为无密码的 PDF 再导入',
  damaged: `PDF 文件已损坏或不完整，无法读取。${WORD_ORIGINAL}`,
} as const;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js and its worker code, loaded once; the worker code runs here, in the fake worker. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= quietly(async () => {
    preparePdfJsGlobals();
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    // pdf.js looks for its worker code here before it would fetch a worker script.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  });
  return pdfjs;
}

/** A CMap reader for pdf.js that asks the host. */
function cMapReader(resources: PdfResources | undefined) {
  return class {
    async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
      if (!resources) throw new Error(`no CMap reader for ${name}`);
      return { cMapData: await resources.readCMap(name), isCompressed: true };
    }
  };
}

function refusalOf(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ImportError(PDF_MESSAGES.encrypted);
  return new ImportError(PDF_MESSAGES.damaged);
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

/** Horizontal runs in page space; rotated text (a stamp, a margin note) is left out and counted. */
function runsOf(items: readonly unknown[]): { runs: GlyphRun[]; rotated: number } {
  const runs: GlyphRun[] = [];
  let rotated = 0;
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item)) continue;
    const { str, transform, width } = item as TextItemLike;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = transform;
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0 || d <= 0) {
      if (str.trim() !== '') rotated++;
      continue;
    }
    runs.push({ text: str, x, y, width, size: d });
  }
  return { runs, rotated };
}

const characters = (runs: GlyphRun[]) => runs.reduce((n, r) => n + r.text.replace(/\s/g, '').length, 0);

/** How far from the end the last trailer (or cross-reference stream dictionary) is looked for. */
const TAIL_BYTES = 4096;
const latin1 = new TextDecoder('latin1');

/** The object count the last trailer declares (its /Size), or 0 when none is found. */
export function declaredObjects(bytes: Uint8Array): number {
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)));
  const sizes = [...tail.matchAll(/\/Size\s+(\d{1,12})/g)];
  return sizes.length ? Number(sizes.at(-1)![1]) : 0;
}

/** How far around a /Count its page tree node's /Kids is looked for (characters). */
const NODE_REACH = 200;

/**
 * The largest page count a page tree node in the file's plain (uncompressed)
 * dictionaries declares: pdf.js would walk every page of it before a page is
 * read, so a million are refused before it starts.
 */
export function declaredPages(text: string): number {
  let most = 0;
  for (const m of text.matchAll(/\/Count\s+(\d{1,12})/g)) {
    const before = text.slice(Math.max(0, m.index - NODE_REACH), m.index);
    const near = before + text.slice(m.index, m.index + NODE_REACH);
    // Its node names /Kids nearby, or the /Kids array of references ends right before it.
    if (near.includes('/Kids') || /R\s*\]\s*$/.test(before)) most = Math.max(most, Number(m[1]));
  }
  return most;
}

/** Brackets opened in a row (whitespace between) past this are no report's: pdf.js's parser recurses on each. */
const MAX_OPEN_RUN = 1000;

/** Whether the file opens more arrays or dictionaries in a row than any real one (one pass, no backtracking). */
export function nestsTooDeep(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || (c === 0x3c && text.charCodeAt(i + 1) === 0x3c && ++i)) {
      if (++run > MAX_OPEN_RUN) return true;
    } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) run = 0;
  }
  return false;
}

export interface PdfContent {
  blocks: Block[];
  /** What the clerk should know about how the pages were read, in Chinese (the import report's lines). */
  notes: string[];
}

function notesOf(pageCount: number, layout: PdfLayout, rotated: number): string[] {
  const notes = [`按版面从 ${pageCount} 页 PDF 重建正文和表格：段落按缩进、行尾和行距划分，请核对正文的分段`];
  if (layout.continuedTables > 0) {
    const headers = layout.repeatedHeaderRows > 0 ? `，去掉了续页上重复的表头 ${layout.repeatedHeaderRows} 行` : '';
    notes.push(`${layout.continuedTables} 处表格跨页，已接续为同一张表${headers}`);
  }
  if (rotated > 0) notes.push(`PDF 中有 ${rotated} 处旋转或竖排的文字（如印章、页边批注）未读取`);
  return notes;
}

/** The blocks of a PDF. Throws ImportError: no text layer, a password, damage, a cap passed. */
export async function readPdf(bytes: Uint8Array, resources?: PdfResources): Promise<PdfContent> {
  if (bytes.length > PDF_LIMITS.maxFileBytes) throw new ImportError(PDF_MESSAGES.tooLarge);
  // pdf.js would set up a table for every declared object before any page is read.
  if (declaredObjects(bytes) > PDF_LIMITS.maxObjects) throw new ImportError(PDF_MESSAGES.tooManyObjects);
  const text = latin1.decode(bytes);
  if (declaredPages(text) > PDF_LIMITS.maxPages) throw new ImportError(PDF_MESSAGES.tooManyPages);
  if (nestsTooDeep(text)) throw new ImportError(PDF_MESSAGES.damaged);
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js takes the buffer over; the caller keeps its bytes.
    data: bytes.slice(),
    CMapReaderFactory: cMapReader(resources),
    // Images are not read: skipping them spares decoding a scanned page or a seal.
    maxImageSize: 1,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWasm: false,
    disableNormalization: true,
    verbosity: 0,
  } as Parameters<PdfJs['getDocument']>[0]);
  try {
    const doc = await task.promise;
    if (doc.numPages > PDF_LIMITS.maxPages) throw new ImportError(PDF_MESSAGES.tooManyPages);
    const pages: PdfPageContent[] = [];
    let runCount = 0;
    let rotated = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { items } = await page.getTextContent({ disableNormalization: true });
      runCount += items.length;
      if (runCount > PDF_LIMITS.maxTextRuns) throw new ImportError(PDF_MESSAGES.tooMuchContent);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const read = runsOf(items);
      rotated += read.rotated;
      pages.push({ width: x1 - x0, height: y1 - y0, runs: read.runs, rules: [] });
    }
    if (characters(pages.flatMap((p) => p.runs)) < PDF_LIMITS.minCharacters) throw new ImportError(PDF_MESSAGES.scanned);
    let operators = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const list = await page.getOperatorList();
      operators += list.fnArray.length;
      if (operators > PDF_LIMITS.maxOperators) throw new ImportError(PDF_MESSAGES.tooMuchContent);
      pages[n - 1]!.rules = rulesOf(list.fnArray, list.argsArray, lib.OPS as PathOps);
      page.cleanup();
    }
    const layout = pagesToBlocks(pages, { maxColumns: PDF_LIMITS.maxColumns });
    return { blocks: layout.blocks, notes: notesOf(pages.length, layout, rotated) };
  } catch (error) {
    throw refusalOf(error);
  } finally {
    await task.destroy();
  }
}
