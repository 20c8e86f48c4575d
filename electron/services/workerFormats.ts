/**
 * ReportFormats whose imports and exports run in a worker thread
 * (formatsWorker.ts), so the Electron main process and the web host keep
 * answering while a big file is read or a long report is written. Our own
 * file format (the codec) stays here: saving must not wait behind an import.
 *
 * One worker, started on first use and kept; jobs queue in its message port.
 * A worker that dies (out of memory on a hostile file) fails the jobs it had
 * with one Chinese line and is replaced on the next job.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseReportFile, serializeReport } from '../../shared/file/document.ts';
import { ReportFileError, type ReportFileErrorReason } from '../../shared/file/document.ts';
import { ImportError, type ImportResult } from '../../shared/import/types.ts';
import type { ReportFormats } from './handlers.ts';
import { WorkerReplySchema, type WorkerRequest } from './workerProtocol.ts';

/** A request without its id (distributed over the union). */
type Job = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export interface WorkerFormats extends ReportFormats {
  /** Stops the worker; later jobs start a new one. */
  close(): Promise<void>;
}

export interface WorkerFormatsOptions {
  /**
   * The worker's file. Defaults to formatsWorker.ts next to this module,
   * loaded through tsx (tests, the web host); the built app passes the
   * bundled formatsWorker.js.
   */
  workerFile?: string;
  /** Heap cap of the worker: a hostile file exhausts the worker, not the app. */
  maxHeapMb?: number;
  /** Why a worker died (the clerk sees only WORKER_FAILED). */
  log?: (error: unknown) => void;
}

export const WORKER_FAILED = '读取或生成文件时内存不足或发生意外错误，已停止。文件可能过大或已损坏，请确认选择的文件是否正确';

// Sources run through tsx in the worker too: register its loader, then load the entry.
const TSX_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.entry); });
`;

function rebuildError(error: { name: string; message: string; reason?: string | undefined }): Error {
  if (error.name === 'ImportError') return new ImportError(error.message);
  if (error.name === 'ReportFileError') return new ReportFileError((error.reason ?? 'invalid') as ReportFileErrorReason, error.message);
  const other = new Error(error.message);
  other.name = error.name;
  return other;
}

export function createWorkerFormats(options: WorkerFormatsOptions = {}): WorkerFormats {
  const here = dirname(fileURLToPath(import.meta.url));
  const workerFile = options.workerFile ?? join(here, 'formatsWorker.ts');
  const maxHeapMb = options.maxHeapMb ?? 1536;
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  }

  function start(): Worker {
    const fromSource = workerFile.endsWith('.ts');
    const created = fromSource
      ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData: { entry: pathToFileURL(workerFile).href }, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } })
      : new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    created.on('message', (message: unknown) => {
      const reply = WorkerReplySchema.safeParse(message);
      if (!reply.success) return;
      const job = pending.get(reply.data.id);
      if (!job) return;
      pending.delete(reply.data.id);
      if (reply.data.error) job.reject(rebuildError(reply.data.error));
      else job.resolve(reply.data.value);
    });
    const lost = (): void => {
      if (worker === created) worker = undefined;
      failAll(new ImportError(WORKER_FAILED));
    };
    created.on('error', (error) => {
      options.log?.(error);
      lost();
    });
    created.on('exit', lost);
    // An idle worker must not keep the CLI, a test or the web host alive.
    created.unref();
    return created;
  }

  function send<T>(job: Job): Promise<T> {
    worker ??= start();
    const id = nextId++;
    const result = new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
    worker.ref();
    worker.postMessage({ ...job, id });
    return result.finally(() => {
      if (pending.size === 0) worker?.unref();
    });
  }

  return {
    codec: { serialize: serializeReport, parse: parseReportFile },
    importers: { read: (bytes, fileName) => send<ImportResult>({ op: 'import', bytes, fileName }) },
    exporters: {
      docx: (report, options) => send<Uint8Array>({ op: 'exportDocx', report, options }),
      text: (report, options) => send<string>({ op: 'exportText', report, options }),
      html: (report, options) => send<string>({ op: 'exportHtml', report, options }),
    },
    async close() {
      const stopping = worker;
      worker = undefined;
      if (stopping) await stopping.terminate();
    },
  };
}
