/**
 * Saved web pages (.html/.htm in any charset; .mht/.mhtml archives are
 * unwrapped in mht.ts) into the same blocks the docx reader gives.
 *
 * A government CMS page is a page of site chrome around the report, laid out
 * with tables in tables. Only a table that holds no other table and has at
 * least two rows and two columns is read as a data table; any other table is
 * layout, and its cells are read as the flow of blocks they show. Scripts,
 * styles, the head and navigation are skipped. The recognizer after finds the
 * official tables by their labels, so the chrome left in costs nothing.
 */
import { Parser } from 'htmlparser2';
import { formatSize, tooLargeText } from '../file/size.ts';
import { tryDecode } from '../platform.ts';
import { ImportError, type Block, type BlockCell } from './types.ts';
import { STOPPED_NOT_A_REPORT } from '../file/messages.ts';

/**
 * A saved report page is 50–500 KB; CMS pages with inline styles and scripts
 * reach a few MB. The caps are far above that and keep a hostile page from
 * costing more than a second and ~10× its size in memory.
 */
export const HTML_LIMITS = {
  maxFileBytes: 20 * 1024 * 1024,
  /** Elements in the page. */
  maxElements: 500_000,
  /** Open elements at once; real pages stay under 40. */
  maxDepth: 400,
  /** Tables inside tables; CMS layouts nest 3–6 deep. */
  maxTableDepth: 40,
  maxColumns: 200,
  /** Cells of all data tables, merged cells counted in each slot they cover. */
  maxGridCells: 250_000,
} as const;


export const HTML_MESSAGES = {
  tooManyElements: `网页结构过于复杂（元素超过 ${HTML_LIMITS.maxElements} 个），${STOPPED_NOT_A_REPORT}`,
  tooDeep: `网页结构嵌套过深（超过 ${HTML_LIMITS.maxDepth} 层），${STOPPED_NOT_A_REPORT}`,
  tooManyNestedTables: `网页中的表格层层嵌套（超过 ${HTML_LIMITS.maxTableDepth} 层），${STOPPED_NOT_A_REPORT}`,
  tooWide: `网页中有一个表格的列数过多（超过 ${HTML_LIMITS.maxColumns} 列），${STOPPED_NOT_A_REPORT}`,
  tooManyCells: `网页中表格单元格数量异常多，${STOPPED_NOT_A_REPORT}`,
  notText: '无法读取该网页：它使用了无法识别的文字编码。请在浏览器中打开该网页，复制报告全文后按文本导入',
  noContent: '网页中没有可导入的文字',
} as const;

/** The refusal of a page larger than the cap, naming both sizes. */
export function htmlTooLargeMessage(bytes: number): string {
  return `${tooLargeText(bytes, HTML_LIMITS.maxFileBytes)}，无法导入该网页。保存的年度报告网页通常不到 ${formatSize(1024 * 1024)}，请确认选择的文件是否正确`;
}

// ---------------------------------------------------------------- decoding

/** Charset names pages declare, to the decoder that reads them; GBK pages are GB18030 subsets. */
function decoderLabel(charset: string): string {
  const name = charset.trim().toLowerCase();
  return /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(name) ? 'gb18030' : name;
}

/** The charset a page declares in its first bytes (`<meta charset>` or `http-equiv` content type). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i]!);
  const meta = /<meta\b[^>]*>/gi;
  for (let m = meta.exec(head); m; m = meta.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return undefined;
}

/**
 * The page's text: a BOM first, then the declared charset (or the one the
 * MIME part names), then UTF-8, then GB18030 — what Chinese Windows wrote.
 */
export function decodeHtml(bytes: Uint8Array, charset?: string): string {
  const starts = (...prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);
  let text: string | undefined;
  if (starts(0xef, 0xbb, 0xbf)) text = tryDecode(bytes.subarray(3), 'utf-8');
  else if (starts(0xff, 0xfe)) text = tryDecode(bytes.subarray(2), 'utf-16le');
  else if (starts(0xfe, 0xff)) text = tryDecode(bytes.subarray(2), 'utf-16be');
  else {
    const declared = charset ?? declaredCharset(bytes);
    if (declared) text = tryDecode(bytes, decoderLabel(declared));
    text ??= tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'gb18030');
  }
  if (text === undefined) throw new ImportError(HTML_MESSAGES.notText);
  return text;
}

// ------------------------------------------------------------------ parsing

interface Element {
  tag: string;
  rowspan: number;
  colspan: number;
  children: Node[];
  /** Whether a table is somewhere below (for telling layout tables from data tables). */
  hasTable: boolean;
}
type Node = Element | string;

/** Elements whose content is never shown, or is site chrome. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'select', 'option', 'button', 'iframe', 'object', 'svg', 'math', 'textarea']);
/** Elements that start and end a line of their own. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'center', 'pre', 'address',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'form', 'fieldset', 'figure', 'figcaption',
  'hr', 'body', 'html', 'caption',
]);
/** Elements without content (htmlparser2 closes them itself; listed so they are not counted as open). */
const VOID = new Set(['br', 'img', 'input', 'meta', 'link', 'hr', 'col', 'area', 'base', 'wbr', 'source', 'embed', 'param', 'track']);

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** Whether the inline style hides the element (Word's HTML hides comments and bookmarks so). */
function hidden(attributes: Record<string, string>): boolean {
  return /display\s*:\s*none/i.test(attributes.style ?? '') || 'hidden' in attributes;
}

/** The page as a light tree of the elements that matter, within HTML_LIMITS. */
function parseTree(html: string): Element {
  const root: Element = { tag: '#root', rowspan: 1, colspan: 1, children: [], hasTable: false };
  const stack: Element[] = [root];
  let elements = 0;
  // While > 0, everything is inside a skipped element; counts its own nesting.
  let skipping = 0;
  let tableDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (++elements > HTML_LIMITS.maxElements) throw new ImportError(HTML_MESSAGES.tooManyElements);
        if (VOID.has(name)) {
          if (skipping === 0 && (name === 'br' || name === 'hr')) stack.at(-1)!.children.push({ tag: name, rowspan: 1, colspan: 1, children: [], hasTable: false });
          return;
        }
        if (skipping > 0 || SKIPPED.has(name) || hidden(attributes)) {
          skipping++;
          return;
        }
        if (stack.length > HTML_LIMITS.maxDepth) throw new ImportError(HTML_MESSAGES.tooDeep);
        if (name === 'table') {
          if (++tableDepth > HTML_LIMITS.maxTableDepth) throw new ImportError(HTML_MESSAGES.tooManyNestedTables);
          for (const open of stack) open.hasTable = true;
        }
        const element: Element = {
          tag: name,
          rowspan: span(attributes.rowspan, 65_534),
          colspan: span(attributes.colspan, 1_000),
          children: [],
          hasTable: false,
        };
        stack.at(-1)!.children.push(element);
        stack.push(element);
      },
      ontext(text) {
        if (skipping === 0) stack.at(-1)!.children.push(text);
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        if (skipping > 0) {
          skipping--;
          return;
        }
        const closed = stack.pop();
        if (closed?.tag === 'table') tableDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

// ------------------------------------------------------------------- blocks

const CJK = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f';
/** A line break in the source between two Chinese characters shows as nothing (CSS Text segment breaks). */
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t\\f]*[\\r\\n][\\s]*(?=[${CJK}])`, 'g');

/** Text as a browser shows it: whitespace runs collapse; no-break spaces stay spaces. */
function collapse(text: string): string {
  return text.replace(CJK_BREAK, '$1').replace(/[ \t\r\n\f]+/g, ' ').replace(/\u00a0/g, ' ');
}

/** Collects the flow of lines of some content: text runs join, block elements and <br> break lines. */
class Flow {
  readonly lines: string[] = [];
  private line = '';

  text(text: string): void {
    this.line += text;
  }

  breakLine(): void {
    const done = this.line.trim();
    if (done !== '') this.lines.push(done);
    this.line = '';
  }
}

class PageReader {
  private gridCells = 0;
  readonly blocks: Block[] = [];
  private flow = new Flow();

  /** Emits the lines collected so far as paragraphs. */
  private flush(): void {
    this.flow.breakLine();
    for (const text of this.flow.lines) this.blocks.push({ kind: 'paragraph', text });
    this.flow = new Flow();
  }

  read(node: Element): void {
    for (const child of node.children) {
      if (typeof child === 'string') {
        this.flow.text(collapse(child));
        continue;
      }
      if (child.tag === 'br' || child.tag === 'hr') {
        this.flow.breakLine();
      } else if (child.tag === 'table') {
        this.flush();
        this.table(child);
      } else if (BLOCK.has(child.tag) || child.tag === 'tr' || child.tag === 'td' || child.tag === 'th') {
        this.flow.breakLine();
        this.read(child);
        this.flow.breakLine();
      } else {
        this.read(child);
      }
    }
  }

  end(): Block[] {
    this.flush();
    return this.blocks;
  }

  private table(table: Element): void {
    const rows = tableRows(table);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (table.hasTable || rows.length < 2 || width < 2) {
      // Layout: the cells are a page's regions, read in order.
      this.read(table);
      this.flush();
      return;
    }
    const grid = this.expand(rows);
    if (grid.length > 0) this.blocks.push({ kind: 'table', rows: grid });
  }

  /** Lays rows of cells with rowspan/colspan on one grid, as the HTML table model does. */
  private expand(rows: Element[][]): BlockCell[][] {
    const grid: BlockCell[][] = [];
    // Per column: the cell above still covering it, and how many more rows it covers.
    const down: ({ text: string; left: number } | undefined)[] = [];
    const guard = (cells: number): void => {
      this.gridCells += cells;
      if (this.gridCells > HTML_LIMITS.maxGridCells) throw new ImportError(HTML_MESSAGES.tooManyCells);
    };
    for (const row of rows) {
      const out: BlockCell[] = [];
      let col = 0;
      const skipCovered = (): void => {
        while (down[col]) {
          const above = down[col]!;
          out.push({ text: above.text, continuation: 'above' });
          if (--above.left === 0) down[col] = undefined;
          col++;
        }
      };
      for (const cell of row) {
        skipCovered();
        const text = cellText(cell);
        if (col + cell.colspan > HTML_LIMITS.maxColumns) throw new ImportError(HTML_MESSAGES.tooWide);
        // A rowspan never reaches past the table's last row.
        const rowspan = Math.min(cell.rowspan, rows.length - grid.length);
        guard(cell.colspan * rowspan);
        for (let c = 0; c < cell.colspan; c++) {
          out.push(c === 0 ? { text } : { text, continuation: 'left' });
          if (rowspan > 1) down[col] = { text, left: rowspan - 1 };
          col++;
        }
      }
      skipCovered();
      // Cells still covered further right (a short row under a rowspan).
      for (let c = col; c < down.length; c++) {
        const above = down[c];
        while (out.length < c) out.push({ text: '' });
        if (above) {
          out.push({ text: above.text, continuation: 'above' });
          if (--above.left === 0) down[c] = undefined;
        }
      }
      grid.push(out);
    }
    const width = Math.max(0, ...grid.map((r) => r.length));
    for (const row of grid) while (row.length < width) row.push({ text: '' });
    return grid;
  }
}

/** The rows of a table (through thead/tbody/tfoot), each the list of its td/th. */
function tableRows(table: Element): Element[][] {
  const rows: Element[][] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.tag === 'tr') {
        const cells = child.children.filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'));
        if (cells.length > 0) rows.push(cells);
      } else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') walk(child);
    }
  };
  walk(table);
  return rows;
}

/** A cell's lines joined by line breaks, as the docx reader gives a cell's paragraphs. */
function cellText(cell: Element): string {
  const reader = new PageReader();
  reader.read(cell);
  return reader
    .end()
    .map((b) => (b.kind === 'paragraph' ? b.text : ''))
    .filter((t) => t !== '')
    .join('\n');
}

/** The paragraphs and data tables of a page, in reading order. Throws ImportError. */
export function htmlToBlocks(html: string): Block[] {
  const reader = new PageReader();
  reader.read(parseTree(html));
  return reader.end();
}
