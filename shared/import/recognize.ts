/**
 * Turns the blocks of any source (docx, doc, plain text, web page) into a report.
 *
 * Everything is found by the labels the format definitions declare — title,
 * section headings, table captions, header labels, row labels — never by
 * position, because published copies lose numerals, split and merge tables,
 * misspell labels and mix the 2019 and 2021 wordings. What cannot be read
 * without guessing is left out and said in the import report.
 *
 * The work is done in phases (recognize/*.ts), each returning its value and
 * its notes for the import report, composed here in order: headings, title,
 * year, format, tables, narratives, signature (落款), sections the formats
 * do not have, sections found.
 */
import { getFormat } from '../formats/index.ts';
import { SECTION_KEYS } from '../formats/types.ts';
import { createReport, type Narrative } from '../model/report.ts';
import { findHeadings } from './recognize/headings.ts';
import { flatten } from './recognize/items.ts';
import { recognizeFormat } from './recognize/format.ts';
import { placeExtraSections, recognizeNarratives, recognizeSections, recognizeSignature } from './recognize/narrative.ts';
import { recognizeTables } from './recognize/tables.ts';
import { recognizeTitle, recognizeYear } from './recognize/title.ts';
import { ImportError, type Block, type ImportReport, type ImportResult } from './types.ts';

function imported(text: string): Narrative {
  return { text, source: 'imported' };
}

export function recognizeReport(blocks: Block[], source: Exclude<ImportReport['source'], 'nianbao'>): ImportResult {
  const items = flatten(blocks);
  const headings = findHeadings(items);
  const title = recognizeTitle(items, headings.value.at);
  const year = recognizeYear(items, title.value);
  const format = recognizeFormat(items, year.value);
  const formatId = format.value.id;
  const tables = recognizeTables(items, headings.value, formatId);
  const narratives = recognizeNarratives(items, title.value, headings.value, formatId);
  const signature = recognizeSignature(narratives.value.closing, title.value?.organ ?? '');
  const extras = placeExtraSections(narratives.value.texts, narratives.value.extras, formatId);
  const organ = title.value?.organ || signature.value.organ || '';
  const sections = recognizeSections(headings.value.at, formatId);
  const organNotes = !title.value && !organ && year.value !== null ? ['未找到报告标题中的机关名称，请补填'] : [];

  const { cells, ...tableReport } = tables.value;
  const report = createReport({ format: formatId, year: year.value ?? getFormat(formatId).firstYear, organ });
  if (signature.value.dateLine !== undefined) report.dateLine = signature.value.dateLine;
  const texts = narratives.value.texts;
  report.preface = imported((texts.get('preface') ?? []).join('\n'));
  for (const key of SECTION_KEYS) report.sections[key] = imported((texts.get(key) ?? []).join('\n'));
  report.cells = cells;

  const importReport: ImportReport = {
    source,
    format: formatId,
    formatReason: format.value.reason,
    year: year.value,
    organ: organ || null,
    ...tableReport,
    sectionsFound: sections.value.found,
    sectionsMissing: sections.value.missing,
    warnings: [headings, title, year, format, tables, narratives, signature, extras, sections].flatMap((p) => p.notes).concat(organNotes),
  };
  if (!title.value && new Set(headings.value.at.values()).size < 2 && importReport.tablesFound.length === 0) {
    throw new ImportError(
      '没有找到政府信息公开工作年度报告的内容（报告标题、“一、总体情况”等章节标题或法定表格），请确认选择的是年度报告文件',
    );
  }
  return { report, importReport };
}
