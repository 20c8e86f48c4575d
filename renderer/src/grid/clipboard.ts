/**
 * Clipboard text as a block of cells, the way Excel and WPS put a copied
 * range on the clipboard: rows end with a line break, cells are separated by
 * tabs, a cell holding a tab, quote or line break is quoted with "".
 */

/** More than any official grid has; the rest of a pasted novel is not read. */
export const MAX_BLOCK_ROWS = 200;
export const MAX_BLOCK_COLUMNS = 60;

export interface ClipboardBlock {
  rows: string[][];
  /** Cells beyond the caps, not read. */
  dropped: number;
}

/** null when the text is a single value (the input pastes it as text). */
export function parseClipboardBlock(text: string): ClipboardBlock | null {
  if (!/[\t\r\n]/.test(text.replace(/(\r\n|\r|\n)$/, ''))) return null;
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    rows[rows.length - 1]!.push(cell);
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === '\t') {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      endCell();
      rows.push([]);
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      cell += ch;
    }
    i++;
  }
  endCell();
  // The line break after the last row leaves one empty row behind.
  const last = rows.at(-1);
  if (rows.length > 1 && last?.length === 1 && last[0] === '') rows.pop();

  let dropped = 0;
  const kept = rows.slice(0, MAX_BLOCK_ROWS).map((row) => {
    dropped += Math.max(0, row.length - MAX_BLOCK_COLUMNS);
    return row.slice(0, MAX_BLOCK_COLUMNS);
  });
  for (const row of rows.slice(MAX_BLOCK_ROWS)) dropped += row.length;
  return { rows: kept, dropped };
}
