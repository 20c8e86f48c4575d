/**
 * Where two versions of a report differ, as a place to take the clerk: the
 * first changed cell (format order), else the first changed paragraph, else
 * 基本信息. Undo and redo go there, so an undone edit on another page is seen.
 */
import { formatIndex } from '../../../shared/formats/index.ts';
import { SECTION_KEYS } from '../../../shared/formats/types.ts';
import type { Report } from '../../../shared/model/report.ts';
import type { FocusRequest } from './editor.ts';

export type Place = Omit<FocusRequest, 'seq'>;

export function changedPlace(before: Report | null, after: Report | null): Place | undefined {
  if (!before || !after || before === after || before.format !== after.format) return undefined;
  if (before.cells !== after.cells) {
    for (const cell of formatIndex(after.format).cells) {
      if (before.cells[cell.id] !== after.cells[cell.id]) return { page: cell.table.section, cell: cell.id };
    }
  }
  if (before.preface !== after.preface) return { page: 'info', narrative: 'preface' };
  for (const key of SECTION_KEYS) {
    if (before.sections[key] !== after.sections[key]) return { page: key, narrative: key };
  }
  if (before.organ !== after.organ || before.dateLine !== after.dateLine) return { page: 'info' };
  return undefined;
}
