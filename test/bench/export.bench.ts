/** exportDocx on a complete report (every cell filled, prose in every section), both looks, both formats. */
import { exportDocx, type DocxLayoutName } from '../../shared/export/docx.ts';
import type { FormatId } from '../../shared/formats/types.ts';
import { builtReport } from '../unit/export/expected.ts';
import { percentiles, type Benchmark } from './types.ts';

const WARMUP = 5;
const RUNS = 40;
const BUDGET_MS = 200;

function timeExport(format: FormatId, layout: DocxLayoutName): Benchmark {
  return {
    name: `exportDocx · ${format} 完整报告 · ${layout === 'official' ? '公文' : '紧凑'}`,
    budget: `p95 < ${BUDGET_MS} ms`,
    measure: async () => {
      const report = builtReport(format);
      // Prose as long as a real 总体情况, so paragraph handling is measured too.
      for (const narrative of Object.values(report.sections)) narrative.text = narrative.text.repeat(12);
      let bytes = 0;
      for (let i = 0; i < WARMUP; i++) bytes = (await exportDocx(report, { layout })).length;
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await exportDocx(report, { layout });
        samples.push(performance.now() - start);
      }
      const { median, p95 } = percentiles(samples);
      return {
        value: median,
        unit: 'ms median',
        pass: p95 < BUDGET_MS,
        detail: `p95 ${p95.toFixed(1)} ms, ${RUNS} runs, ${Math.round(bytes / 1024)} KiB`,
      };
    },
  };
}

export const benchmarks: Benchmark[] = [timeExport('gov2021', 'official'), timeExport('gov2021', 'compact'), timeExport('gov2019', 'official')];
