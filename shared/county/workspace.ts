/**
 * The county office's own notes on a folder of reports, kept in one small
 * file in that folder and never inside a unit's report: the roster it
 * expects and its verdict on findings (确认 / 不采纳 with a comment).
 *
 *   { "app": "nianbao-county", "fileVersion": 1, "roster": [...],
 *     "verdicts": { "<file>": { "<finding key>": { verdict, comment, at } } } }
 *
 * Files are named as the office's table names them (relative to the folder,
 * `/`-separated); finding keys are Finding.key, which survives edits
 * elsewhere in the report.
 */
import { z } from 'zod';
import { tryDecode } from '../platform.ts';
import { scanJson } from '../file/scan.ts';
import { FORBIDDEN_KEYS } from '../file/schema.ts';
import { tooLargeText } from '../file/size.ts';
import { WORKSPACE_FILE_NAME } from './workspaceName.ts';

export { WORKSPACE_FILE_NAME };
export const WORKSPACE_APP = 'nianbao-county';
export const WORKSPACE_FILE_VERSION = 1;
/** Thousands of units with dozens of verdicts each stay far below this. */
export const MAX_WORKSPACE_BYTES = 20 * 1024 * 1024;
/** Document, verdicts, file, key, verdict: 5 levels; more is not ours. */
const MAX_DEPTH = 12;

export const VERDICTS = ['确认', '不采纳'] as const;
export type VerdictKind = (typeof VERDICTS)[number];

export interface Verdict {
  verdict: VerdictKind;
  comment: string;
  /** ISO time the office set it. */
  at: string;
}

export interface Workspace {
  app: typeof WORKSPACE_APP;
  fileVersion: typeof WORKSPACE_FILE_VERSION;
  roster?: string[];
  verdicts: Record<string, Record<string, Verdict>>;
}

const safeKey = z.string().min(1).max(1000).refine((k) => !FORBIDDEN_KEYS.has(k), { message: '非法键名' });

const VerdictSchema = z.strictObject({
  verdict: z.enum(VERDICTS),
  comment: z.string().max(10_000),
  at: z.string().max(100),
});

export const WorkspaceSchema = z.strictObject({
  app: z.literal(WORKSPACE_APP),
  fileVersion: z.literal(WORKSPACE_FILE_VERSION),
  roster: z.array(z.string().max(500)).max(100_000).optional(),
  verdicts: z.record(safeKey, z.record(safeKey, VerdictSchema)),
});

export function emptyWorkspace(): Workspace {
  return { app: WORKSPACE_APP, fileVersion: WORKSPACE_FILE_VERSION, verdicts: {} };
}

export type ParsedWorkspace = { ok: true; workspace: Workspace } | { ok: false; message: string };

const refuse = (why: string): ParsedWorkspace => ({ ok: false, message: `无法读取汇总审核记录（${WORKSPACE_FILE_NAME}）：${why}` });

export function parseWorkspace(bytes: Uint8Array): ParsedWorkspace {
  if (bytes.byteLength > MAX_WORKSPACE_BYTES) return refuse(tooLargeText(bytes.byteLength, MAX_WORKSPACE_BYTES));
  const text = tryDecode(bytes, 'utf-8')?.replace(/^\uFEFF/, '').trim();
  if (text === undefined || text.includes('\u0000')) return refuse('内容不是文本');
  if (text === '') return refuse('文件是空的');
  if (!text.startsWith('{')) return refuse('不是本软件保存的审核记录');
  const problem = scanJson(text, MAX_DEPTH, FORBIDDEN_KEYS);
  if (problem?.kind === 'tooDeep') return refuse('文件结构嵌套过深');
  if (problem?.kind === 'forbiddenKey') return refuse(`含有不允许的键名“${problem.key}”`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(text.endsWith('}') ? '文件内容已损坏' : '文件不完整（可能在保存时中断）');
  }
  const envelope = z.looseObject({ app: z.literal(WORKSPACE_APP), fileVersion: z.number().int() }).safeParse(parsed);
  if (!envelope.success) return refuse('不是本软件保存的审核记录');
  if (envelope.data.fileVersion > WORKSPACE_FILE_VERSION) {
    return refuse(`由更新版本的年报软件保存（文件版本 ${envelope.data.fileVersion}），请升级软件`);
  }
  const result = WorkspaceSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') : '';
    return refuse(`内容不符合审核记录格式${where ? `（${where}）` : ''}`);
  }
  const { roster, verdicts } = result.data;
  return { ok: true, workspace: { app: WORKSPACE_APP, fileVersion: WORKSPACE_FILE_VERSION, ...(roster ? { roster } : {}), verdicts } };
}

/** Keys sorted, so the file diffs and merges cleanly when two people keep it in a shared folder. */
function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]!]));
}

export function serializeWorkspace(workspace: Workspace): Uint8Array {
  const verdicts = sorted(Object.fromEntries(Object.entries(workspace.verdicts).map(([file, byKey]) => [file, sorted(byKey)])));
  const document = {
    app: WORKSPACE_APP,
    fileVersion: WORKSPACE_FILE_VERSION,
    ...(workspace.roster ? { roster: workspace.roster } : {}),
    verdicts,
  };
  return new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`);
}

/**
 * A new workspace with the verdict on one finding set, or removed (null).
 * A file left with no verdicts is dropped, so the file holds only what the office said.
 */
export function setVerdict(
  workspace: Workspace,
  file: string,
  findingKey: string,
  verdict: Omit<Verdict, 'at'> & { at?: string } | null,
  now: () => Date = () => new Date(),
): Workspace {
  const byKey = { ...(workspace.verdicts[file] ?? {}) };
  if (verdict === null) delete byKey[findingKey];
  else byKey[findingKey] = { verdict: verdict.verdict, comment: verdict.comment, at: verdict.at ?? now().toISOString() };
  const verdicts = { ...workspace.verdicts };
  if (Object.keys(byKey).length === 0) delete verdicts[file];
  else verdicts[file] = byKey;
  return { ...workspace, verdicts };
}

/** The roster kept with the workspace; an empty list is dropped. */
export function setRoster(workspace: Workspace, roster: readonly string[] | null): Workspace {
  const rest: Workspace = { app: workspace.app, fileVersion: workspace.fileVersion, verdicts: workspace.verdicts };
  return roster && roster.length > 0 ? { ...rest, roster: [...roster] } : rest;
}

