/**
 * Browser mode: the built editor served over HTTP on 127.0.0.1, with the same
 * bridge implemented over the same file services as the desktop app. Only the
 * dialogs differ: they name files inside one workspace folder. Used by the
 * end-to-end tests (real renderer in Chromium, no Electron binary), by
 * `npm run web`, and by `npm start` where Electron cannot run.
 *
 * Other local users and processes can reach 127.0.0.1 too, so every bridge
 * call must carry this run's secret token, which only the address printed at
 * start contains (in its #fragment, which browsers never send to a server).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { BRIDGE, fail, isInvokeMethod } from '../../shared/bridge.ts';
import { DROP_NEEDS_DESKTOP } from '../../shared/countyBridge.ts';
import { ConflictChoiceSchema } from '../../shared/bridge.ts';
import type { BridgeResult, ConflictChoice, InvokeMethod, SaveConflict, UnsavedChoice } from '../../shared/bridge.ts';
import { SAVE_FILTERS } from '../services/dialogs.ts';
import type { DialogPort, FolderDialogPort, SaveKind } from '../services/dialogs.ts';
import { createFileSide } from '../services/fileSide.ts';
import type { FileSide } from '../services/fileSide.ts';
import type { ReportFormats } from '../services/handlers.ts';
import { API_PREFIX, CLIENT_SCRIPT_PATH, TOKEN_HEADER, clientScript } from './client.ts';
import { confinedPath, insideFolder } from './confine.ts';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../services/content.ts';
import { FileError } from '../services/errors.ts';

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** When `port` is taken, take the next free one (up to PORT_TRIES) instead of failing. */
  nextFreePort?: boolean;
  /** The folder the dialogs choose in. */
  workspace: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Autosave and recent files; defaults to `<workspace>/.nianbao-userdata`. */
  userData?: string;
  /** Defaults to the real file format, with imports and exports in a worker thread. */
  formats?: ReportFormats;
}

export interface WebHost {
  /** The address to open: the page, with this run's token in its fragment. */
  url: string;
  /** http://127.0.0.1:PORT, without the token. */
  origin: string;
  /** This run's secret; every bridge call sends it in the X-Nianbao-Token header. */
  token: string;
  fileSide: FileSide;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** How many ports from the preferred one nextFreePort tries. */
export const PORT_TRIES = 20;

/** The port (or every port tried) is taken; the message is for the person who started it. */
export class PortInUseError extends Error {
  constructor(readonly first: number, readonly last: number) {
    super(
      first === last
        ? `端口 ${first} 已被占用（可能年报已在运行），请关闭占用它的程序或换一个端口（port ${first} is already in use）`
        : `端口 ${first}–${last} 都已被占用，请关闭占用它们的程序或换一个端口（ports ${first}-${last} are all in use）`,
    );
    this.name = 'PortInUseError';
  }
}

// The arguments that name a file on disk, checked against the workspace again at use.
const PATH_ARGUMENTS: Partial<Record<InvokeMethod, number>> = { openRecent: 0, saveReport: 1, countyRead: 0, countyUnit: 0, countySummary: 0, countySetVerdict: 0, countySetRoster: 0, countyExport: 0 };

const OUTSIDE_WORKSPACE = '文件必须位于工作区文件夹之内（不能经链接指向其外），已拒绝访问。';
const BAD_TOKEN = '访问口令不正确或已过期（服务可能已重新启动）：请打开启动时显示的完整地址。';

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

class WorkspaceDialogs implements DialogPort, FolderDialogPort {
  constructor(
    private readonly workspace: string,
    private readonly answers: AsyncLocalStorage<DialogAnswers>,
  ) {}

  private async chosenPath(extension?: string): Promise<string | null> {
    const answer = this.answers.getStore()?.dialog;
    if (answer === undefined || answer === null || answer.trim() === '') return null;
    let name = answer.trim();
    // The file side adds a missing extension; check the name that will be written.
    if (extension !== undefined && !name.toLowerCase().endsWith(`.${extension}`)) name = `${name}.${extension}`;
    const path = await confinedPath(this.workspace, name);
    if (path === null) throw new FileError(OUTSIDE_WORKSPACE);
    return path;
  }

  async chooseOpen(): Promise<string | null> {
    return this.chosenPath();
  }

  /** A folder inside the workspace, named like a file. */
  async chooseFolder(): Promise<string | null> {
    return this.chosenPath();
  }

  async chooseSave(kind: SaveKind): Promise<string | null> {
    const answers = this.answers.getStore();
    if (answers && answers.dialog === undefined) {
      answers.needed = { kind: 'save' };
      return null;
    }
    return this.chosenPath(SAVE_FILTERS[kind].extensions[0]);
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

function sameToken(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const bytes = Buffer.from(given, 'utf8');
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolveListen, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolveListen();
    });
  });
}

async function listenOnFreePort(server: Server, port: number, tries: number): Promise<void> {
  for (let offset = 0; ; offset++) {
    try {
      return await listen(server, port + offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      if (port === 0 || offset + 1 >= tries || port + offset >= 65_535) throw new PortInUseError(port, port + offset);
    }
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // Real path: confinement compares where names really lead with where the workspace really is.
  const workspace = await realpath(resolve(options.workspace));
  const rendererDir = resolve(options.rendererDir);
  const answers = new AsyncLocalStorage<DialogAnswers>();
  // Loaded on demand so that a test passing its own formats needs none of the real ones.
  // In a worker: a big import must not stall this event loop (and with it GET /).
  const workers = options.formats ? undefined : await import('../services/workerFormats.ts');
  const workerFormats = workers?.createWorkerFormats({ log: (error) => console.error(error) });
  // 汇总与审核 reads a folder in two workers, one per core; the second starts on first use.
  const countyFormats = workers?.createWorkerFormats({ log: (error) => console.error(error) });
  const formats = options.formats ?? workerFormats!;
  const dialogs = new WorkspaceDialogs(workspace, answers);
  const fileSide = createFileSide({
    formats,
    userData: options.userData ?? join(workspace, '.nianbao-userdata'),
    dialogs,
    folderDialog: dialogs,
    ...(countyFormats ? { countyImporters: [countyFormats.importers] } : {}),
    // The page prints and titles itself; there is no window to close.
    window: { print: async () => undefined, printToPdf: async () => null, showDocumentState: () => undefined, confirmClose: () => undefined },
    log: (error) => console.error(error),
  });
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token, 'utf8');
  let expectedHost = '';

  async function api(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only our own page may call: a foreign site in the same browser (CSRF)
    // or a rebound DNS name fails these checks.
    const origin = request.headers.origin;
    if (request.headers.host !== expectedHost || (origin !== undefined && origin !== `http://${expectedHost}`)) {
      return sendJson(response, 403, fail('请求来源不可信，已拒绝。'));
    }
    if (!sameToken(tokenBytes, request.headers[TOKEN_HEADER])) return sendJson(response, 403, fail(BAD_TOKEN));
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
    // A browser gives no paths of dropped files, so a drop claim here is not the page's: it could name files outside the workspace.
    if (method === 'countyReadDropped') return sendJson(response, 200, fail(DROP_NEEDS_DESKTOP));
    const pathIndex = PATH_ARGUMENTS[method];
    const path = pathIndex === undefined ? undefined : (args.data as unknown[])[pathIndex];
    if (typeof path === 'string' && (await confinedPath(workspace, path)) === null) {
      return sendJson(response, 200, fail(OUTSIDE_WORKSPACE));
    }
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

  if (options.nextFreePort) await listenOnFreePort(server, options.port, PORT_TRIES);
  else await listenOnFreePort(server, options.port, 1);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web host has no TCP address');
  expectedHost = `127.0.0.1:${address.port}`;

  return {
    url: `http://${expectedHost}/#token=${token}`,
    origin: `http://${expectedHost}`,
    token,
    fileSide,
    close: async () => {
      await new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      });
      await workerFormats?.close();
      await countyFormats?.close();
    },
  };
}
