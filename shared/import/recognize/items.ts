/** The recognizer's view of the blocks: paragraphs and table rows in one flat sequence. */
import { parseCellValue } from '../../model/parseCellValue.ts';
import type { Block, BlockCell } from '../types.ts';

export type Item = { kind: 'paragraph'; text: string } | { kind: 'row'; cells: BlockCell[] };

/** What a phase found, and what it has to tell the clerk (import-report lines, in Chinese). */
export interface Phase<T> {
  value: T;
  notes: string[];
}

export function flatten(blocks: Block[]): Item[] {
  const items: Item[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') items.push({ kind: 'paragraph', text: block.text });
    else for (const cells of block.rows) items.push({ kind: 'row', cells });
  }
  return items;
}

/** A cell that holds a number, a zero word or a not-applicable mark, possibly malformed. */
export function isValueText(text: string): boolean {
  const parsed = parseCellValue(text, 'amount');
  return parsed.status === 'number' || parsed.status === 'na' || (parsed.status === 'invalid' && parsed.reason !== 'notANumber');
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}
