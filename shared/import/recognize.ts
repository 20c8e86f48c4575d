/**
 * Turns the blocks of any source (docx, plain text) into a report.
 *
 * Everything is found by the labels the format definitions declare — title,
 * section headings, table captions, header labels, row labels — never by
 * position, because published copies lose numerals, split and merge tables,
 * misspell labels and mix the 2019 and 2021 wordings. What cannot be read
 * without guessing is left out and said in the import report.
 */
import { FORMAT_IDS, currentFormat, formatForYear, formatIndex, getFormat } from '../formats/index.ts';
import type { FormatDefinition, FormatId, RowDef, SectionKey, TableDef } from '../formats/types.ts';
import { SECTION_KEYS } from '../formats/types.ts';
import { parseCellValue, type NormalizationNote } from '../model/parseCellValue.ts';
import { createReport, type Narrative, type Report } from '../model/report.ts';
import { bestMatch, normalizeLabel, tolerance, type LabelCandidate } from './labels.ts';
import { ImportError, type Block, type BlockCell, type ImportReport, type ImportResult } from './types.ts';

type Item = { kind: 'paragraph'; text: string } | { kind: 'row'; cells: BlockCell[] };

/** Where a printed row label leads: a row, or a group of rows printed as one row. */
interface RowTarget {
  table: TableDef;
  row?: RowDef;
  /** Set when the label names a group (e.g. （六）其他处理) instead of one of its rows. */
  group?: string;
}

interface FormatLookup {
  format: FormatDefinition;
  rows: LabelCandidate<RowTarget>[];
  captions: LabelCandidate<TableDef>[];
  /** Header labels that identify one table (groups, column labels, notes). */
  headers: LabelCandidate<TableDef>[];
  /** Notes printed above a table, which are not prose when they appear as paragraphs. */
  notes: LabelCandidate<TableDef>[];
  /**
   * Normalized labels only this format prints: the evidence that a table
   * follows it. Longer ones also count as the start of a header cell that
   * adds a unit (采购总金额（单位：万元）).
   */
  distinct: { has(label: string): boolean; prefixes: string[] };
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function tableLabels(table: TableDef): string[] {
  const labels = [table.caption, table.rowHeader, table.note].filter((l): l is string => !!l);
  for (const column of table.columns) labels.push(column.label, ...(column.groups ?? []));
  for (const row of table.rows) labels.push(row.label, ...(row.aliases ?? []), ...(row.groups ?? []));
  return labels.map(normalizeLabel).filter((l) => l !== '');
}

/** A group's catch-all row (the format marks it), where a group printed as a single row belongs. */
function catchAll(members: RowDef[]): RowDef | undefined {
  return members.find((row) => row.catchAll);
}

function buildLookup(format: FormatDefinition, others: FormatDefinition[]): FormatLookup {
  const rows: LabelCandidate<RowTarget>[] = [];
  const captions: LabelCandidate<TableDef>[] = [];
  const headers: LabelCandidate<TableDef>[] = [];
  const notes: LabelCandidate<TableDef>[] = [];
  for (const table of format.tables) {
    if (table.caption) captions.push({ key: normalizeLabel(table.caption), value: table });
    if (table.note) notes.push({ key: normalizeLabel(table.note), value: table });
    for (const column of table.columns) {
      for (const label of [column.label, ...(column.groups ?? [])]) headers.push({ key: normalizeLabel(label), value: table });
    }
    const rowKeys = new Set<string>();
    for (const row of table.rows) {
      if (!row.label) continue;
      const target: RowTarget = { table, row };
      const inner = row.groups?.at(-1);
      for (const label of [row.label, ...(row.aliases ?? [])]) {
        for (const text of inner ? [label, inner + label] : [label]) {
          const key = normalizeLabel(text);
          rowKeys.add(key);
          rows.push({ key, value: target });
        }
      }
    }
    const groups = new Map<string, RowDef[]>();
    for (const row of table.rows) {
      if ((row.groups?.length ?? 0) < 2) continue;
      const inner = row.groups!.at(-1)!;
      groups.set(inner, [...(groups.get(inner) ?? []), row]);
    }
    for (const [group, members] of groups) {
      const key = normalizeLabel(group);
      if (rowKeys.has(key)) continue;
      const row = catchAll(members);
      rows.push({ key, value: row ? { table, row, group } : { table, group } });
    }
  }
  const own = new Set(format.tables.flatMap(tableLabels));
  const foreign = new Set(others.flatMap((f) => f.tables.flatMap(tableLabels)));
  const distinct = new Set([...own].filter((l) => !foreign.has(l)));
  return {
    format,
    rows,
    captions,
    headers: [...headers, ...notes],
    notes,
    distinct: { has: (label) => distinct.has(label), prefixes: [...distinct].filter((l) => l.length >= 4) },
  };
}

const lookups = new Map<FormatId, FormatLookup>();

function lookupFor(id: FormatId): FormatLookup {
  let lookup = lookups.get(id);
  if (!lookup) {
    lookup = buildLookup(
      getFormat(id),
      FORMAT_IDS.filter((other) => other !== id).map((other) => getFormat(other)),
    );
    lookups.set(id, lookup);
  }
  return lookup;
}

function formatName(format: FormatDefinition): string {
  return `${format.firstYear}年版格式（${format.source}）`;
}

/** A cell that holds a number, a zero word or a not-applicable mark, possibly malformed. */
function isValueText(text: string): boolean {
  const parsed = parseCellValue(text, 'amount');
  return parsed.status === 'number' || parsed.status === 'na' || (parsed.status === 'invalid' && parsed.reason !== 'notANumber');
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

// ---------------------------------------------------------------- headings

interface Heading {
  key: SectionKey;
  /** Why the numeral was not the official one, or undefined when it was. */
  numeralProblem?: string;
}

const HEADING_PREFIX = /^(?:([一二三四五六七八九十])|([0-9]{1,2}))?\s*([、.,:：])?\s*/;

function sectionCandidates(): LabelCandidate<SectionKey>[] {
  const candidates: LabelCandidate<SectionKey>[] = [];
  for (const id of FORMAT_IDS) {
    for (const section of getFormat(id).sections) {
      for (const title of [section.title, ...(section.aliases ?? [])]) {
        candidates.push({ key: normalizeLabel(title), value: section.key });
      }
    }
  }
  return candidates;
}

const SECTION_CANDIDATES = sectionCandidates();

function matchHeading(text: string): Heading | undefined {
  const folded = text.normalize('NFKC').trim();
  // Parenthesized numerals mark sub-headings such as （一）总体情况.
  if (folded === '' || folded.startsWith('(') || folded.length > 40) return undefined;
  const prefix = HEADING_PREFIX.exec(folded);
  const rest = folded.slice(prefix?.[0].length ?? 0);
  const restKey = normalizeLabel(rest);
  const match = bestMatch(rest, SECTION_CANDIDATES);
  if (!match) return undefined;
  // Longer than the section's longest title allows: prose that starts like a heading.
  const longest = Math.max(...SECTION_CANDIDATES.filter((c) => c.value === match.value).map((c) => c.key.length));
  if (restKey.length > longest + tolerance(longest)) return undefined;
  const key = match.value;
  const position = SECTION_KEYS.indexOf(key) + 1;
  const chinese = prefix?.[1];
  const arabic = prefix?.[2];
  const separator = prefix?.[3];
  let numeralProblem: string | undefined;
  if (chinese) {
    if (CHINESE_NUMERALS.indexOf(chinese) + 1 !== position) numeralProblem = '序号有误';
    else if (separator !== '、') numeralProblem = '序号后应为顿号“、”';
  } else if (arabic) {
    numeralProblem = Number(arabic) === position ? '序号应使用汉字数字' : '序号有误';
  } else {
    numeralProblem = '缺少序号';
  }
  return numeralProblem ? { key, numeralProblem } : { key };
}

// ---------------------------------------------------------------- title

interface Title {
  index: number;
  year: number;
  organ: string;
  /** Index of a separate organ line above the title, if the organ came from there. */
  organIndex?: number;
}

/** Organ first: "甲镇人民政府2023年(度)政府信息公开工作年度报告"; or year first: "2019年甲镇人民政府政府信息公开工作年度报告". */
const TITLE = /^(.*?)((?:19|20)\d{2})年度?(.*公开.*报告)$/;
/** The year inside: "(甲镇)政府信息公开工作2019年度报告", the organ often on the line above. */
const TITLE_YEAR_INSIDE = /^(.*?)(?:政府)?信息公开(?:工作)?((?:19|20)\d{2})年度?(?:工作)?报告$/;
/** What precedes "政府信息公开" (or "信息公开" after an organ not ending in 政府) in the rest of a year-first title. */
const ORGAN_BEFORE_SUBJECT = /^(.+?)(?:政府信息公开|(?<!政府)信息公开)/;

/**
 * The title's text without spaces, folded (NFKC) character by character for
 * matching, with where each folded character came from, so the organ is
 * taken as written ("海工园（寅阳镇）" keeps its full-width brackets).
 */
function foldedWithOrigins(text: string): { folded: string; written: string; origin: number[] } {
  const written = text.replace(/\s+/g, '');
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of written) {
    const f = ch.normalize('NFKC');
    for (let k = 0; k < f.length; k++) origin.push(at);
    folded += f;
    at += ch.length;
  }
  origin.push(written.length);
  return { folded, written, origin };
}

function titleParts(text: string): { organ: string; year: number } | undefined {
  const { folded, written, origin } = foldedWithOrigins(text);
  if (folded.length > 80) return undefined;
  const asWritten = (start: number, end: number): string => written.slice(origin[start], origin[end]);
  const match = TITLE.exec(folded);
  if (match) {
    const year = Number(match[2]);
    if (match[1]) return { organ: asWritten(0, match[1].length), year };
    const rest = ORGAN_BEFORE_SUBJECT.exec(match[3]!);
    const start = folded.length - match[3]!.length;
    if (!rest) return { organ: '', year };
    // "甲县人民政府信息公开……": the organ is 人民政府, not 人民 + 政府信息公开.
    const length = rest[1]!.length + (rest[1]!.endsWith('人民') ? 2 : 0);
    return { organ: asWritten(start, start + length), year };
  }
  const inside = TITLE_YEAR_INSIDE.exec(folded);
  if (inside) return { organ: asWritten(0, inside[1]!.length), year: Number(inside[2]) };
  return undefined;
}

function findTitle(items: Item[], end: number): Title | undefined {
  for (let i = 0; i < end; i++) {
    const item = items[i]!;
    if (item.kind !== 'paragraph') continue;
    const parts = titleParts(item.text);
    if (!parts) continue;
    if (parts.organ) return { index: i, year: parts.year, organ: parts.organ };
    for (let j = i - 1; j >= 0; j--) {
      const above = items[j]!;
      if (above.kind !== 'paragraph') break;
      const text = above.text.trim();
      if (text === '') continue;
      if (text.length <= 40 && !/[。；;]/.test(text)) return { index: i, year: parts.year, organ: text, organIndex: j };
      break;
    }
    return { index: i, year: parts.year, organ: '' };
  }
  return undefined;
}

// ---------------------------------------------------------------- tables

interface RowRead {
  target: RowTarget;
  label: string;
  values: BlockCell[];
}

interface TableScan {
  reads: Map<TableDef, RowRead[]>;
  /** The label that first identified each table. */
  identified: Map<TableDef, string>;
  /** Amount columns whose printed header gives the unit as 元 instead of 万元. */
  yuanHeaders: Set<string>;
}

function labelRegion(cells: BlockCell[]): { textual: number[] } {
  const textual: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i]!.text;
    if (isBlank(text)) continue;
    if (isValueText(text)) break;
    textual.push(i);
  }
  return { textual };
}

/** The table a caption (第二十条第（一）项) names; captions are short, prose is not compared. */
function captionOf(text: string, lookup: FormatLookup): TableDef | undefined {
  return text.length <= 40 ? bestMatch(text, lookup.captions)?.value : undefined;
}

function scanTables(
  items: Item[],
  headings: ReadonlyMap<number, SectionKey>,
  lookup: FormatLookup,
  matchRow: (text: string) => RowTarget | undefined,
): TableScan {
  const reads = new Map<TableDef, RowRead[]>();
  const yuanHeaders = new Set<string>();
  const identified = new Map<TableDef, string>();
  let context: TableDef | undefined;
  const identify = (table: TableDef, label: string): void => {
    context = table;
    if (!identified.has(table)) identified.set(table, label.trim());
  };
  const add = (read: RowRead): void => {
    const list = reads.get(read.target.table) ?? [];
    list.push(read);
    reads.set(read.target.table, list);
  };

  items.forEach((item, i) => {
    if (item.kind === 'paragraph') {
      if (headings.has(i)) context = undefined;
      const caption = captionOf(item.text, lookup);
      if (caption) identify(caption, item.text);
      return;
    }
    const cells = item.cells;
    const { textual } = labelRegion(cells);
    let done = false;
    for (let k = textual.length - 1; k >= 0 && !done; k--) {
      const index = textual[k]!;
      const target = matchRow(cells[index]!.text);
      if (!target) continue;
      if (!identified.has(target.table)) identified.set(target.table, cells[index]!.text.trim());
      context = target.table;
      add({ target, label: cells[index]!.text.trim(), values: cells.slice(index + 1).filter((c) => c.continuation !== 'left') });
      done = true;
    }
    if (done) return;
    if (textual.length > 0) {
      for (const column of context?.columns ?? []) {
        if (column.kind !== 'amount') continue;
        const header = textual.map((i) => cells[i]!.text).find((t) => normalizeLabel(t).startsWith(normalizeLabel(column.label)));
        if (header && /(?<!万)元/.test(header)) yuanHeaders.add(`${context!.caption ?? context!.id}的“${column.label}”`);
      }
      for (const index of textual) {
        const text = cells[index]!.text;
        const caption = captionOf(text, lookup);
        if (caption) {
          identify(caption, text);
          break;
        }
        const header = bestMatch(text, lookup.headers);
        if (header && header.value !== context) {
          identify(header.value, text);
          break;
        }
      }
      return;
    }
    // A row of bare values belongs to a table whose only row has no label (四).
    const only = context?.rows.length === 1 && context.rows[0]!.label === '' ? context : undefined;
    const values = cells.filter((c) => c.continuation !== 'left');
    // An all-blank row is the data row only when it has a cell for every column (a blank form).
    if (only && !reads.has(only) && (values.some((c) => !isBlank(c.text)) || values.length >= only.columns.length)) {
      add({ target: { table: only, row: only.rows[0]! }, label: '', values });
    }
  });
  return { reads, identified, yuanHeaders };
}

function rowName(read: RowRead): string {
  const { table, row, group } = read.target;
  const what = group && row?.label !== read.label ? group : (row?.shortLabel ?? group ?? '');
  const prefix = `${table.section}、${table.caption ?? ''}`;
  return what ? `${prefix}“${what}”一行` : `${prefix}表格数据行`;
}

/**
 * The values a row prints, one per column, or a reason why they cannot be
 * assigned without guessing. A blank right after the label is a spacer when
 * some row of the same table needs it to be one (it prints more cells than
 * columns); trailing blanks beyond the columns are unused grid cells.
 */
function fitValues(values: string[], columns: number, spacer: boolean): string[] | { count: number } {
  let fitted = values;
  if (spacer && fitted.length > 0 && isBlank(fitted[0]!)) fitted = fitted.slice(1);
  while (fitted.length > columns && isBlank(fitted.at(-1)!)) fitted = fitted.slice(0, -1);
  while (fitted.length > columns && isBlank(fitted[0]!)) fitted = fitted.slice(1);
  if (fitted.length > columns && columns === 1 && fitted.every((v) => v.trim() === fitted[0]!.trim())) {
    fitted = fitted.slice(0, 1);
  }
  return fitted.length === columns ? fitted : { count: fitted.length };
}

// ---------------------------------------------------------------- format

interface Evidence {
  count: number;
  first?: string;
}

function collectEvidence(items: Item[]): Map<FormatId, Evidence> {
  const evidence = new Map<FormatId, Evidence>(FORMAT_IDS.map((id) => [id, { count: 0 }]));
  const look = (text: string): void => {
    const key = normalizeLabel(text);
    if (key.length < 2 || key.length > 60) return;
    for (const id of FORMAT_IDS) {
      const distinct = lookupFor(id).distinct;
      if (distinct.has(key) || distinct.prefixes.some((label) => key.startsWith(label))) {
        const e = evidence.get(id)!;
        e.count++;
        e.first ??= text.trim().replace(/\s+/g, '');
      }
    }
  };
  for (const item of items) {
    if (item.kind === 'paragraph') {
      if (item.text.length <= 40) look(item.text);
    } else {
      for (const cell of item.cells) if (!isBlank(cell.text) && !isValueText(cell.text)) look(cell.text);
    }
  }
  return evidence;
}

// ---------------------------------------------------------------- notes

const NOTE_TEXT: Record<NormalizationNote, (unit: string | undefined) => string> = {
  fullwidth: () => '全角字符已转为半角',
  separators: () => '去掉千位分隔符或空格',
  unit: (unit) => `去掉单位“${unit ?? ''}”`,
  yuanToWan: () => '由元换算为万元',
  zeroWord: () => '按0读取',
  rounded: () => '四舍五入保留4位小数',
  zeroDecimals: () => '小数点后均为0，按整数读取',
};

// ---------------------------------------------------------------- main

function flatten(blocks: Block[]): Item[] {
  const items: Item[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') items.push({ kind: 'paragraph', text: block.text });
    else for (const cells of block.rows) items.push({ kind: 'row', cells });
  }
  return items;
}

function imported(text: string): Narrative {
  return { text, source: 'imported' };
}

const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

export function recognizeReport(blocks: Block[], source: Exclude<ImportReport['source'], 'nianbao'>): ImportResult {
  const items = flatten(blocks);
  const warnings: string[] = [];

  // Headings, in order; a heading out of order is prose that happens to match.
  const headingAt = new Map<number, SectionKey>();
  let current = -1;
  let bodySince = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'paragraph') {
      bodySince = i;
      continue;
    }
    const heading = matchHeading(item.text);
    const position = heading ? SECTION_KEYS.indexOf(heading.key) : -1;
    const restart = heading && position === current && bodySince < 0;
    if (heading && (position > current || restart)) {
      headingAt.set(i, heading.key);
      if (heading.numeralProblem && !restart) {
        const title = currentFormat().sections[position]!.title;
        warnings.push(`章节标题“${item.text.trim()}”${heading.numeralProblem}，已按“${heading.key}、${title}”识别`);
      }
      current = position;
      bodySince = -1;
    } else if (item.text.trim() !== '' && !titleParts(item.text)) {
      bodySince = i;
    }
  }
  const firstHeading = Math.min(...headingAt.keys(), items.length);
  const firstRow = items.findIndex((item) => item.kind === 'row');
  const title = findTitle(items, Math.min(firstHeading, firstRow < 0 ? items.length : firstRow));

  // Year: the title's, else the statistics-period sentence; else unknown, to be asked.
  // Years merely mentioned in the text (a template's 〔2021〕 document number) are no guide.
  let year: number | null = title?.year ?? null;
  if (year === null) {
    const all = items.filter((i) => i.kind === 'paragraph').map((i) => i.text).join('\n');
    const period = /统计期限自\s*((?:19|20)\d{2})\s*年/.exec(all);
    year = period ? Number(period[1]) : null;
    warnings.push(year === null ? '未找到报告标题和报告年度，年度无法识别' : `未找到报告标题，报告年度按统计期限推定为${year}年，请核对`);
  }

  // Format: the year's, confirmed by what the tables print.
  const evidence = collectEvidence(items);
  const ranked = FORMAT_IDS.map((id) => ({ id, e: evidence.get(id)! })).sort((a, b) => b.e.count - a.e.count);
  const top = ranked[0]!;
  const tableFormat = top.e.count > 0 && top.e.count > (ranked[1]?.e.count ?? 0) ? top.id : undefined;
  const yearFormat = year === null ? undefined : formatForYear(year);
  let formatId: FormatId;
  let formatReason: string;
  if (yearFormat && tableFormat && yearFormat !== tableFormat) {
    formatId = tableFormat;
    const shown = getFormat(tableFormat);
    formatReason = `报告年度${year}年应使用${formatName(getFormat(yearFormat))}，但表格按${formatName(shown)}填写（如“${top.e.first ?? ''}”），已按表格实际样式导入`;
    warnings.push(
      `${year}年度报告应使用${formatName(getFormat(yearFormat))}，本报告的表格却是${formatName(shown)}，请改用规定的格式`,
    );
  } else if (yearFormat) {
    formatId = yearFormat;
    formatReason = `按报告年度${year}年判定为${formatName(getFormat(yearFormat))}`;
    formatReason += tableFormat ? `，表格样式与之相符（如“${top.e.first ?? ''}”）` : '';
  } else if (tableFormat) {
    formatId = tableFormat;
    formatReason = `未找到报告年度，按表格样式判定为${formatName(getFormat(tableFormat))}（如“${top.e.first ?? ''}”）`;
  } else {
    formatId = FORMAT_IDS.at(-1)!;
    formatReason = `未找到报告年度，表格也不足以判定格式，按现行的${formatName(getFormat(formatId))}导入`;
  }

  // Tables.
  const lookup = lookupFor(formatId);
  const rowCache = new Map<string, RowTarget | undefined>();
  const matchRow = (text: string): RowTarget | undefined => {
    const key = normalizeLabel(text);
    if (!rowCache.has(key)) rowCache.set(key, key.length > 80 ? undefined : bestMatch(text, lookup.rows)?.value);
    return rowCache.get(key);
  };
  const scan = scanTables(items, headingAt, lookup, matchRow);
  const index = formatIndex(formatId);
  const cells: Report['cells'] = {};
  const importReport: ImportReport = {
    source,
    format: formatId,
    formatReason,
    year,
    organ: title?.organ || null,
    tablesFound: [],
    tablesMissing: [],
    sectionsFound: [],
    sectionsMissing: [],
    cellsRead: 0,
    blankCells: [],
    normalized: [],
    invalidCells: [],
    warnings,
  };
  for (const table of lookup.format.tables) {
    const reads = scan.reads.get(table) ?? [];
    if (reads.length === 0) {
      importReport.tablesMissing.push(table.id);
      warnings.push(`未找到${table.section}、${table.caption ?? getFormat(formatId).sections.find((s) => s.key === table.section)!.title}的表格数据`);
      continue;
    }
    importReport.tablesFound.push({ table: table.id, matchedBy: scan.identified.get(table) ?? reads[0]!.label });
    const columns = table.columns.length;
    const spacer = reads.some((r) => r.values.length > columns && isBlank(r.values[0]!.text));
    const seen = new Set<string>();
    const attempted = new Set<string>();
    for (const read of reads) {
      const row = read.target.row;
      if (row) attempted.add(row.id);
      if (!row) {
        warnings.push(`${rowName(read)}没有分项，无法对应到表格中的具体行，未导入该行，请核对`);
        continue;
      }
      if (seen.has(row.id)) {
        warnings.push(`${rowName(read)}出现了不止一次，只导入了第一次出现的数值`);
        continue;
      }
      const fitted = fitValues(read.values.map((c) => c.text), columns, spacer);
      if (!Array.isArray(fitted)) {
        const how = fitted.count < columns ? '只有' : '有';
        warnings.push(`${rowName(read)}${how} ${fitted.count} 个数值（应为 ${columns} 个），未导入该行，请核对`);
        continue;
      }
      seen.add(row.id);
      if (read.target.group) {
        warnings.push(
          `${table.section}、表中“${read.target.group}”只有一行，这是2019年版格式的写法；其数值已导入“${row.shortLabel}”，请按${formatName(getFormat(formatId))}分项填写`,
        );
      }
      table.columns.forEach((column, c) => {
        const id = `${table.id}.${row.id}.${column.id}`;
        const raw = fitted[c]!.trim();
        cells[id] = { raw, source: 'imported' };
        const parsed = parseCellValue(raw, column.kind);
        if (parsed.status === 'blank') importReport.blankCells.push(id);
        else importReport.cellsRead++;
        if (parsed.status === 'invalid') importReport.invalidCells.push({ cell: id, raw, message: parsed.message });
        if (parsed.status === 'number' && parsed.notes.length > 0) {
          importReport.normalized.push({
            cell: id,
            raw,
            value: parsed.value,
            note: parsed.notes.map((n) => NOTE_TEXT[n](parsed.unit)).join('；'),
          });
        }
      });
    }
    for (const row of table.rows) {
      if (attempted.has(row.id)) continue;
      const info = index.cellById.get(`${table.id}.${row.id}.${table.columns[0]!.id}`)!;
      warnings.push(`${table.section}、表中未找到“${row.shortLabel || info.label}”一行的数值`);
    }
  }

  // Narrative: paragraphs between headings, without titles, captions and table notes.
  const report = createReport({ format: formatId, year: year ?? getFormat(formatId).firstYear, organ: title?.organ ?? '' });
  const texts = new Map<SectionKey | 'preface', string[]>();
  let section: SectionKey | 'preface' | undefined = title || headingAt.size === 0 ? undefined : 'preface';
  let skipped = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (title && i <= title.index) {
      if (item.kind === 'paragraph' && i !== title.organIndex && i !== title.index && item.text.trim() !== '') skipped++;
      if (i === title.index) section = 'preface';
      continue;
    }
    const key = headingAt.get(i);
    if (key) {
      section = key;
      continue;
    }
    if (item.kind !== 'paragraph' || section === undefined) continue;
    const text = item.text.trim();
    if (text === '') continue;
    if (section === 'preface' || section === '一') {
      // Repeated titles, also broken over two lines, are leftovers of copying.
      if (titleParts(text)) continue;
      const next = items[i + 1];
      if (next?.kind === 'paragraph' && text.length < 40 && titleParts(text + next.text)) {
        i++;
        continue;
      }
    }
    if (captionOf(text, lookup) || (text.length < 80 && bestMatch(text, lookup.notes))) continue;
    const list = texts.get(section);
    if (list) list.push(text);
    else texts.set(section, [text]);
  }
  for (const column of scan.yuanHeaders) warnings.push(`${column}表头注明单位为元，金额按原样导入、未换算为万元，请核对`);
  if (skipped > 0) warnings.push(`报告标题之前的 ${skipped} 段文字未导入`);
  const last = SECTION_KEYS.filter((k) => texts.has(k)).at(-1);
  const closing = last ? texts.get(last)! : [];
  if (closing.length > 0 && DATE_LINE.test(closing.at(-1)!)) {
    report.dateLine = closing.pop()!;
    const signature = normalizeLabel(closing.at(-1) ?? '');
    const organ = normalizeLabel(report.organ);
    const signed = signature.length <= 30 && !/[。；]/.test(closing.at(-1) ?? '');
    if (signed && organ && (signature.includes(organ) || organ.includes(signature))) closing.pop();
  }
  report.preface = imported((texts.get('preface') ?? []).join('\n'));
  for (const key of SECTION_KEYS) report.sections[key] = imported((texts.get(key) ?? []).join('\n'));
  report.cells = cells;

  const found = new Set(headingAt.values());
  for (const s of getFormat(formatId).sections) {
    if (found.has(s.key)) importReport.sectionsFound.push(s.key);
    else {
      importReport.sectionsMissing.push(s.key);
      warnings.push(`未找到“${s.key}、${s.title}”的标题`);
    }
  }
  if (!title) {
    if (year !== null) warnings.push('未找到报告标题中的机关名称，请补填');
  }

  if (!title && found.size < 2 && importReport.tablesFound.length === 0) {
    throw new ImportError(
      '没有找到政府信息公开工作年度报告的内容（报告标题、“一、总体情况”等章节标题或法定表格），请确认选择的是年度报告文件',
    );
  }
  return { report, importReport };
}
