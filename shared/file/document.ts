/**
 * Our own file format (.nianbao): versioned JSON around a Report.
 *
 *   { "app": "nianbao", "fileVersion": 1, "savedAt": "…", "report": { … } }
 *
 * Opening validates the whole document with the schema and migrates older
 * versions forward one explicit step at a time. Anything else — a newer
 * version, a truncated file, a foreign file — is refused with a message a
 * clerk can act on.
 */
import { z } from 'zod';
import type { Report } from '../model/report.ts';
import { decodeUtf8Lenient, tryDecode } from '../platform.ts';
import { NOT_A_REPORT_FILE } from './messages.ts';
import { scanJson } from './scan.ts';
import { FORBIDDEN_KEYS, ReportSchema } from './schema.ts';
import { tooLargeText } from './size.ts';

export const FILE_EXTENSION = '.nianbao';
export const FILE_VERSION = 2;
/** Far above any real report (a few hundred KB); refuse before parsing. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Our files nest 5 levels deep (document, report, cells, cell, entry); more is not ours. */
export const MAX_JSON_DEPTH = 16;

export type ReportFileErrorReason =
  | 'tooLarge'
  | 'tooDeep'
  | 'binary'
  | 'empty'
  | 'truncated'
  | 'notJson'
  | 'foreign'
  | 'newerVersion'
  | 'invalid';

export class ReportFileError extends Error {
  readonly reason: ReportFileErrorReason;
  constructor(reason: ReportFileErrorReason, message: string) {
    super(message);
    this.name = 'ReportFileError';
    this.reason = reason;
  }
}

/** One step forward: a document of version `from` becomes one of version `from + 1`. */
export interface Migration {
  from: number;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Version 2 marks last year's prose per paragraph against the baseline, which
 * now keeps last year's preface too: a version-1 preface still marked carried
 * is last year's, so it becomes the baseline's.
 */
export const carriedPrefaceToBaseline: Migration = {
  from: 1,
  migrate(document) {
    const report = record(document['report']);
    const lastYear = record(report?.['lastYear']);
    const preface = record(report?.['preface']);
    if (!report || !lastYear || preface?.['source'] !== 'carried' || typeof preface['text'] !== 'string') return document;
    if (preface['text'].trim() === '' || 'preface' in lastYear) return document;
    return { ...document, report: { ...report, lastYear: { ...lastYear, preface: preface['text'] } } };
  },
};

/** The steps of this app, one per version ever written before the current one. */
export const MIGRATIONS: readonly Migration[] = [carriedPrefaceToBaseline];

const EnvelopeSchema = z.looseObject({
  app: z.literal('nianbao'),
  fileVersion: z.number().int().min(1),
});

const DocumentSchema = z.strictObject({
  app: z.literal('nianbao'),
  fileVersion: z.literal(FILE_VERSION),
  savedAt: z.string().max(100),
  report: ReportSchema,
});

/** Key order for stable, diff-friendly files. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

export function serializeReport(report: Report, savedAt: Date = new Date()): string {
  const document = { app: 'nianbao', fileVersion: FILE_VERSION, savedAt: savedAt.toISOString(), report: sortKeys(report) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const where = issue.path.map(String).join('.');
  return where ? `（${where}：${issue.message}）` : `（${issue.message}）`;
}

/** Applies the steps from the document's version up to FILE_VERSION. */
export function migrateDocument(
  document: Record<string, unknown>,
  migrations: readonly Migration[],
  target: number,
): Record<string, unknown> {
  let current = document;
  let version = Number(current['fileVersion']);
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new ReportFileError('invalid', `无法升级文件版本 ${version}，缺少升级步骤`);
    current = { ...step.migrate(current), fileVersion: version + 1 };
    version += 1;
  }
  return current;
}

export function parseReportFile(
  text: string,
  options: { migrations?: readonly Migration[]; version?: number } = {},
): Report {
  const migrations = options.migrations ?? MIGRATIONS;
  const version = options.version ?? FILE_VERSION;
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new ReportFileError('empty', '文件是空的，不是年报文件');
  if (!trimmed.startsWith('{')) throw new ReportFileError('foreign', NOT_A_REPORT_FILE);
  // UTF-8 never has fewer bytes than UTF-16 code units, so this only catches text that did not come through parseReportBytes.
  if (trimmed.length > MAX_FILE_BYTES) {
    throw new ReportFileError('tooLarge', `文件过大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB），不是年报文件`);
  }
  const problem = scanJson(trimmed, MAX_JSON_DEPTH, FORBIDDEN_KEYS);
  if (problem?.kind === 'tooDeep') throw new ReportFileError('tooDeep', '文件结构嵌套过深，不是年报软件保存的文件');
  if (problem?.kind === 'forbiddenKey') {
    throw new ReportFileError('invalid', `文件内容不符合年报文件格式，无法打开（含有不允许的键名“${problem.key}”）`);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    // A JSON object cut off mid-way is the typical result of a copy or save that broke off.
    throw trimmed.endsWith('}')
      ? new ReportFileError('notJson', '文件内容已损坏，无法读取')
      : new ReportFileError('truncated', '文件不完整（可能在保存或复制时中断），无法读取；请使用同目录下的 .bak 备份文件');
  }

  const envelope = EnvelopeSchema.safeParse(parsed);
  if (!envelope.success) throw new ReportFileError('foreign', NOT_A_REPORT_FILE);
  const fileVersion = envelope.data.fileVersion;
  if (fileVersion > version) {
    throw new ReportFileError('newerVersion', `此文件由更新版本的年报软件保存（文件版本 ${fileVersion}），请升级软件后再打开`);
  }

  const migrated = migrateDocument(envelope.data, migrations, version);
  const schema = version === FILE_VERSION ? DocumentSchema : DocumentSchema.extend({ fileVersion: z.literal(version) });
  const result = schema.safeParse(migrated);
  if (!result.success) {
    throw new ReportFileError('invalid', `文件内容不符合年报文件格式，无法打开${describeIssue(result.error)}`);
  }
  return result.data.report;
}

/** Bytes from disk: refuse what is too large or not text before parsing. */
export function parseReportBytes(bytes: Uint8Array): Report {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ReportFileError('tooLarge', `${tooLargeText(bytes.byteLength, MAX_FILE_BYTES)}，不是年报文件`);
  }
  const text = tryDecode(bytes, 'utf-8');
  if (text === undefined || text.includes('\u0000')) throw new ReportFileError('binary', `${NOT_A_REPORT_FILE}（内容不是文本）`);
  return parseReportFile(text);
}

/** Whether bytes look like one of our files (for dispatching an opened file by content). */
export function looksLikeReportFile(bytes: Uint8Array): boolean {
  const head = decodeUtf8Lenient(bytes.subarray(0, 200));
  return /^\uFEFF?\s*\{[\s\S]*"app"\s*:\s*"nianbao"/.test(head);
}
