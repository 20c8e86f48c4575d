/**
 * Oversized and pathological inputs (issue 13): how long each takes to be
 * read or refused, and its peak memory per MB of input. Each runs in its own
 * process (hostileInput.ts), since peak RSS cannot be reset. Then how well
 * this thread keeps ticking while the largest accepted text is imported in
 * the worker.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { createWorkerFormats } from '../../electron/services/workerFormats.ts';
import { bigReportText } from '../fixtures/bigText.ts';
import type { Benchmark } from './types.ts';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./hostileInput.ts', import.meta.url));
const MB = 1024 * 1024;
/** Peak resident memory above the input's own, per MB of input (issue 13 asks for ≤ 10). */
const MEMORY_BUDGET_PER_MB = 10;
const REFUSAL_BUDGET_MS = 500;
const ACCEPT_BUDGET_MS = 5_000;
/** The longest pause of a 5 ms interval on the main thread while the worker imports. */
const GAP_BUDGET_MS = 100;

const MeasuredSchema = z.strictObject({ ms: z.number(), bytes: z.number(), rssBefore: z.number(), rssPeak: z.number(), outcome: z.string() });

function hostile(caseName: string, label: string, expect: 'accepted' | 'refused'): Benchmark {
  const timeBudget = expect === 'accepted' ? ACCEPT_BUDGET_MS : REFUSAL_BUDGET_MS;
  return {
    name: label,
    budget: `< ${timeBudget} ms, ≤ ${MEMORY_BUDGET_PER_MB} MB/MB`,
    async measure() {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', SCRIPT, caseName], { maxBuffer: MB });
      const m = MeasuredSchema.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
      const perMb = Math.max(0, m.rssPeak - m.rssBefore) / m.bytes;
      const asExpected = m.outcome.startsWith(expect);
      return {
        value: m.ms,
        unit: 'ms',
        pass: asExpected && m.ms < timeBudget && perMb <= MEMORY_BUDGET_PER_MB,
        detail: `${(m.bytes / MB).toFixed(1)} MB, peak RSS +${((m.rssPeak - m.rssBefore) / MB).toFixed(0)} MB = ${perMb.toFixed(1)} MB/MB; ${m.outcome}`,
      };
    },
  };
}

export const benchmarks: Benchmark[] = [
  hostile('text-20mb-cells', 'importText · 20 MB 每格一行的文本（超上限）', 'refused'),
  hostile('text-9mb-cells', 'importText · 9.5 MB 每格一行的文本（表格超上限）', 'refused'),
  hostile('text-largest-accepted', 'importText · 上限内最大的文本', 'accepted'),
  hostile('nianbao-deep-19mb', '打开 .nianbao · 19 MB 深层嵌套 JSON', 'refused'),
  hostile('pdf-million-objects', '导入 PDF · 交叉引用表一百万个对象（47 MB）', 'refused'),
  hostile('pdf-million-pages', '导入 PDF · 页面树一百万页（6 MB）', 'refused'),
  hostile('pdf-deep-10mb', '导入 PDF · 500 万层嵌套数组（20 MB）', 'refused'),
  {
    name: '导入在工作线程 · 主线程最长停顿',
    budget: `< ${GAP_BUDGET_MS} ms`,
    async measure() {
      const formats = createWorkerFormats();
      try {
        const big = bigReportText();
        await Promise.resolve(formats.importers.read(big.subarray(0, 1024), 'big.txt')).catch(() => undefined); // start the worker
        let last = performance.now();
        let gap = 0;
        let ticks = 0;
        const timer = setInterval(() => {
          const now = performance.now();
          gap = Math.max(gap, now - last);
          last = now;
          ticks++;
        }, 5);
        const start = performance.now();
        await formats.importers.read(big, 'big.txt');
        const took = performance.now() - start;
        clearInterval(timer);
        return { value: gap, unit: 'ms', pass: gap < GAP_BUDGET_MS, detail: `${ticks} ticks during a ${took.toFixed(0)} ms import of ${(big.length / MB).toFixed(1)} MB` };
      } finally {
        await formats.close();
      }
    },
  },
];
