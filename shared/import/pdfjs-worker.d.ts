/** pdf.js's worker code, run in this thread as its "fake worker" (pdf.ts); it ships no types. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
