/**
 * The worker thread that imports and exports reports, so that reading a big
 * file never stalls the Electron main process or the web host's event loop.
 * It runs the same REPORT_FORMATS as everything else; see workerFormats.ts
 * for the side that sends it work.
 */
import { parentPort } from 'node:worker_threads';
import { REPORT_FORMATS } from './formats.ts';
import type { WorkerReply, WorkerRequest } from './workerProtocol.ts';
import { WorkerRequestSchema } from './workerProtocol.ts';

function run(request: WorkerRequest): Promise<unknown> | unknown {
  const { exporters, importers } = REPORT_FORMATS;
  switch (request.op) {
    case 'import':
      return importers.read(request.bytes, request.fileName);
    case 'exportDocx':
      return exporters.docx(request.report, request.options);
    case 'exportText':
      return exporters.text(request.report, request.options);
    case 'exportHtml':
      return exporters.html(request.report, request.options);
  }
}

function describe(error: unknown): WorkerReply['error'] {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const reason = (error as { reason?: unknown }).reason;
  return { name: error.name, message: error.message, ...(typeof reason === 'string' ? { reason } : {}) };
}

const port = parentPort;
if (!port) throw new Error('formatsWorker.ts runs only as a worker thread');
port.on('message', async (message: unknown) => {
  const request = WorkerRequestSchema.safeParse(message);
  if (!request.success) return;
  const { id } = request.data;
  try {
    const value = await run(request.data);
    port.postMessage({ id, value } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ id, error: describe(error) } satisfies WorkerReply);
  }
});
