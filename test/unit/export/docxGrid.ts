/**
 * A small, independent reader of what our tests need from a .docx: the body's
 * paragraphs and tables in order, each table as a grid with the gridSpan and
 * vMerge of the cell covering each position. Written apart from the app's
 * importer so the exporter is not checked by code that shares its mistakes.
 */
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface GridCell {
  text: string;
  /** Grid column and row where the merged cell starts. */
  row: number;
  col: number;
  gridSpan: number;
  /** 'restart' | 'continue' | undefined, as written on the cell at this row. */
  vMerge?: string;
  /** The w:tc element at this row (the continue cell for merged rows). */
  tc: Element;
}

export interface DocxTable {
  element: Element;
  gridCols: number[];
  /** rows[r][c]: the cell covering row r, grid column c. */
  rows: GridCell[][];
}

export interface DocxBody {
  xml: XmlDocument;
  parts: Record<string, string>;
  /** Body children in order: paragraph text or a table. */
  blocks: ({ kind: 'p'; text: string; element: Element } | { kind: 'tbl'; table: DocxTable })[];
  tables: DocxTable[];
}

export function children(el: Element, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === local) out.push(n as Element);
  }
  return out;
}

export function child(el: Element, local: string): Element | undefined {
  return children(el, local)[0];
}

export function wAttr(el: Element | undefined, name: string): string | null {
  return el ? el.getAttributeNS(W, name) : null;
}

export function textOf(el: Element): string {
  return Array.from(el.getElementsByTagNameNS(W, 't'))
    .map((t) => t.textContent ?? '')
    .join('');
}

function readTable(tbl: Element): DocxTable {
  const grid = child(tbl, 'tblGrid');
  const gridCols = grid ? children(grid, 'gridCol').map((g) => Number(wAttr(g, 'w'))) : [];
  const rows: GridCell[][] = [];
  children(tbl, 'tr').forEach((tr, r) => {
    const line: GridCell[] = [];
    let col = 0;
    for (const tc of children(tr, 'tc')) {
      const pr = child(tc, 'tcPr');
      const gridSpan = Number(wAttr(pr && child(pr, 'gridSpan'), 'val') ?? 1);
      const vm = pr && child(pr, 'vMerge');
      const vMerge = vm ? (wAttr(vm, 'val') ?? 'continue') : undefined;
      const above = rows[r - 1]?.[col];
      const anchor =
        vMerge === 'continue' && above ? { row: above.row, col: above.col, text: above.text } : { row: r, col, text: textOf(tc) };
      const cell: GridCell = { ...anchor, gridSpan, tc, ...(vMerge ? { vMerge } : {}) };
      for (let i = 0; i < gridSpan; i++) line[col + i] = cell;
      col += gridSpan;
    }
    rows.push(line);
  });
  return { element: tbl, gridCols, rows };
}

export function readDocx(bytes: Uint8Array): DocxBody {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = strFromU8(data);
  const source = parts['word/document.xml'];
  if (!source) throw new Error('no word/document.xml');
  const xml = new DOMParser().parseFromString(source, 'application/xml');
  const body = xml.getElementsByTagNameNS(W, 'body')[0];
  if (!body) throw new Error('no w:body');
  const blocks: DocxBody['blocks'] = [];
  const tables: DocxTable[] = [];
  for (let n = body.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName === 'p') blocks.push({ kind: 'p', text: textOf(el), element: el });
    if (el.localName === 'tbl') {
      const table = readTable(el);
      tables.push(table);
      blocks.push({ kind: 'tbl', table });
    }
  }
  return { xml, parts, blocks, tables };
}

/** The row of a table whose cells (before column `before`) include exactly this label. */
export function rowWithLabel(table: DocxTable, label: string, before: number): GridCell[] {
  const found = table.rows.filter((line) => line.slice(0, before).some((c) => c.row === table.rows.indexOf(line) && c.text === label));
  if (found.length !== 1) throw new Error(`${found.length} rows labelled “${label}”`);
  return found[0]!;
}

/** Whether a w:tr repeats as a header row. */
function isHeaderRow(tr: Element): boolean {
  const trPr = child(tr, 'trPr');
  const header = trPr && child(trPr, 'tblHeader');
  return header !== undefined && !['0', 'false', 'off'].includes(wAttr(header, 'val') ?? 'true');
}

/**
 * The body with each table cut in two by the exporter (the second half after
 * an empty paragraph, repeating the first's header rows) read as one table:
 * the halves' data rows in order, the second half's rows renumbered.
 */
export function joinCutTables(body: DocxBody): DocxBody {
  const blocks: DocxBody['blocks'] = [];
  for (const block of body.blocks) {
    const previous = blocks.at(-1);
    const before = blocks.at(-2);
    if (block.kind === 'tbl' && previous?.kind === 'p' && previous.text === '' && before?.kind === 'tbl') {
      const first = before.table;
      const headers = children(block.table.element, 'tr').filter(isHeaderRow).length;
      const same = (r: number) => block.table.rows[r]!.map((c) => c.text).join('|') === first.rows[r]!.map((c) => c.text).join('|');
      if (headers > 0 && Array.from({ length: headers }, (_, r) => r).every(same)) {
        const offset = first.rows.length - headers;
        const renumbered = new Map<GridCell, GridCell>();
        const rows = block.table.rows.slice(headers).map((line) =>
          line.map((cell) => {
            if (!renumbered.has(cell)) renumbered.set(cell, { ...cell, row: cell.row + offset });
            return renumbered.get(cell)!;
          }),
        );
        blocks.pop();
        blocks[blocks.length - 1] = { kind: 'tbl', table: { ...first, rows: [...first.rows, ...rows] } };
        continue;
      }
    }
    blocks.push(block);
  }
  return { ...body, blocks, tables: blocks.flatMap((b) => (b.kind === 'tbl' ? [b.table] : [])) };
}
