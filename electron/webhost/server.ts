/**
 * Browser mode: the built editor served over HTTP on 127.0.0.1, with the same
 * bridge implemented over the same file services as the desktop app. Only the
 * dialogs differ: they name files inside one workspace folder. Used by the
 * end-to-end tests (real renderer in Chromium, no Electron binary) and by
 * `npm run web`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { BRIDGE, fail, isInvokeMethod } from '../../shared/bridge.ts';
import { ConflictChoiceSchema } from '../../shared/bridge.ts';
import type { BridgeResult, ConflictChoice, SaveConflict, UnsavedChoice } from '../../shared/bridge.ts';
import type { DialogPort } from '../services/dialogs.ts';
import { createFileSide } from '../services/fileSide.ts';
import type { FileSide } from '../services/fileSide.ts';
import type { ReportFormats } from '../services/handlers.ts';
import { API_PREFIX, CLIENT_SCRIPT_PATH, clientScript } from './client.ts';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../services/content.ts';
import { FileError } from '../services/errors.ts';

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** The folder the dialogs choose in. */
  workspace: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Autosave and recent files; defaults to `<workspace>/.nianbao-userdata`. */
  userData?: string;
  /** Defaults to the real file format, exporters and importers. */
  formats?: ReportFormats;
}

export interface WebHost {
  url: string;
  fileSide: FileSide;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

const requestSchema = z.strictObject({
  args: z.array(z.unknown()).max(4),
  /** A file name inside the workspace, null for a cancelled dialog, or an UnsavedChoice. */
  dialog: z.string().max(255).nullable().optional(),
  /** The answer to a save conflict the file side raised on an earlier try of this call. */
  conflict: ConflictChoiceSchema.optional(),
});

/**
 * The answers a call came with. A dialog the file side raises mid-call with
 * no answer yet (a save conflict, then 另存为's file name) is noted in
 * `needed`: the call is answered with it instead of a result, and the page
 * asks and sends the call again with the answer.
 */
interface DialogAnswers {
  dialog: string | null | undefined;
  conflict: ConflictChoice | undefined;
  needed?: { kind: 'save' } | { kind: 'conflict'; name: string; conflict: SaveConflict };
}

/** `name` resolved inside `folder`, or null if it would leave it. */
export function insideFolder(folder: string, name: string): string | null {
  if (name.includes('\0')) return null;
  const full = resolve(folder, name);
  const rel = relative(resolve(folder), full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}

class WorkspaceDialogs implements DialogPort {
  constructor(
    private readonly workspace: string,
    private readonly answers: AsyncLocalStorage<DialogAnswers>,
  ) {}

  private chosenPath(): string | null {
    const name = this.answers.getStore()?.dialog;
    if (name === undefined || name === null || name.trim() === '') return null;
    const path = insideFolder(this.workspace, name.trim());
    if (path === null) throw new FileError('文件名必须位于工作区文件夹之内。');
    return path;
  }

  async chooseOpen(): Promise<string | null> {
    return this.chosenPath();
  }

  async chooseSave(): Promise<string | null> {
    const answers = this.answers.getStore();
    if (answers && answers.dialog === undefined) {
      answers.needed = { kind: 'save' };
      return null;
    }
    return this.chosenPath();
  }

  async askUnsavedChanges(): Promise<UnsavedChoice> {
    const answer = this.answers.getStore()?.dialog;
    return answer === 'save' || answer === 'discard' ? answer : 'cancel';
  }

  async askSaveConflict(name: string, conflict: SaveConflict): Promise<ConflictChoice> {
    const answers = this.answers.getStore();
    if (answers?.conflict !== undefined) return answers.conflict;
    if (answers) answers.needed = { kind: 'conflict', name, conflict };
    return 'cancel';
  }
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: BridgeResult<unknown> | { needDialog: NonNullable<DialogAnswers['needed']> }): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const workspace = resolve(options.workspace);
  const rendererDir = resolve(options.rendererDir);
  const answers = new AsyncLocalStorage<DialogAnswers>();
  // Loaded on demand so that a test passing its own formats needs none of the real ones.
  const formats = options.formats ?? (await import('../services/formats.ts')).REPORT_FORMATS;
  const fileSide = createFileSide({
    formats,
    userData: options.userData ?? join(workspace, '.nianbao-userdata'),
    dialogs: new WorkspaceDialogs(workspace, answers),
    // The page prints and titles itself; there is no window to close.
    window: { print: async () => undefined, printToPdf: async () => null, showDocumentState: () => undefined, confirmClose: () => undefined },
    log: (error) => console.error(error),
  });
  let expectedHost = '';

  async function api(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only our own page may call: a foreign site in the same browser (CSRF)
    // or a rebound DNS name fails these checks.
    const origin = request.headers.origin;
    if (request.headers.host !== expectedHost || (origin !== undefined && origin !== `http://${expectedHost}`)) {
      return sendJson(response, 403, fail('请求来源不可信，已拒绝。'));
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, fail('请求的数据格式不正确，已拒绝。'));
    }
    if (!isInvokeMethod(method)) return sendJson(response, 404, fail('没有这个功能。'));
    const text = await readBody(request);
    if (text === null) return sendJson(response, 413, fail('请求的数据太大，已拒绝。'));
    let body: z.infer<typeof requestSchema>;
    try {
      body = requestSchema.parse(JSON.parse(text));
    } catch {
      return sendJson(response, 400, fail('请求的数据格式不正确，已拒绝。'));
    }
    const args = BRIDGE[method].args.safeParse(body.args);
    if (!args.success) return sendJson(response, 400, fail('请求的数据格式不正确，已拒绝。'));
    const handler = fileSide.handlers[method] as (...a: unknown[]) => Promise<BridgeResult<unknown>>;
    const given: DialogAnswers = { dialog: body.dialog, conflict: body.conflict };
    const result = await answers.run(given, () => handler(...(args.data as unknown[])));
    if (given.needed) return sendJson(response, 200, { needDialog: given.needed });
    sendJson(response, 200, result);
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    if (pathname === CLIENT_SCRIPT_PATH) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
      return void response.end(clientScript());
    }
    const name = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = insideFolder(rendererDir, name);
    if (file === null) {
      response.writeHead(404, headers);
      return void response.end('Not found');
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404, headers);
      return void response.end('Not found');
    }
    if (file === join(rendererDir, 'index.html')) {
      // The bridge must exist before the editor's module script runs.
      const html = body.toString('utf8').replace(/<head([^>]*)>/i, `<head$1><script src="${CLIENT_SCRIPT_PATH}"></script>`);
      body = Buffer.from(html, 'utf8');
    }
    response.writeHead(200, { ...headers, 'Content-Type': contentTypeFor(file) });
    response.end(body);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400);
      return void response.end();
    }
    const run =
      request.method === 'POST' && pathname.startsWith(API_PREFIX)
        ? api(pathname.slice(API_PREFIX.length), request, response)
        : request.method === 'GET' || request.method === 'HEAD'
          ? serveStatic(pathname, response)
          : Promise.resolve(void response.writeHead(405).end());
    run.catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendJson(response, 500, fail('发生意外错误，请重试。'));
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web host has no TCP address');
  expectedHost = `127.0.0.1:${address.port}`;

  return {
    url: `http://${expectedHost}/`,
    fileSide,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}
