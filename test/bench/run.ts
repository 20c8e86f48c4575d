/**
 * Runs every test/bench/*.bench.ts and prints one table. A missed budget is
 * reported, not fatal (machines differ); a benchmark that breaks is.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Benchmark } from './types.ts';

const BenchmarkSchema = z.object({
  name: z.string(),
  budget: z.string(),
  measure: z.custom<Benchmark['measure']>((v) => typeof v === 'function'),
});
const ModuleSchema = z.object({ benchmarks: z.array(BenchmarkSchema) });
const ResultSchema = z.object({ value: z.number(), unit: z.string(), pass: z.boolean(), reference: z.boolean().optional(), detail: z.string().optional() });

interface Row {
  name: string;
  figure: string;
  budget: string;
  verdict: string;
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

function formatFigure(value: number, unit: string, detail?: string): string {
  const figure = `${Number(value.toPrecision(3))} ${unit}`;
  return detail ? `${figure} (${detail})` : figure;
}

async function main(): Promise<void> {
  const dir = dirname(fileURLToPath(import.meta.url));
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
  const rows: Row[] = [];
  let broken = false;
  for (const file of files) {
    const loaded = ModuleSchema.safeParse(await import(pathToFileURL(join(dir, file)).href));
    if (!loaded.success) {
      rows.push({ name: file, figure: '—', budget: '—', verdict: 'BROKEN: no valid `benchmarks` export' });
      broken = true;
      continue;
    }
    for (const bench of loaded.data.benchmarks) {
      try {
        const result = ResultSchema.parse(await bench.measure());
        rows.push({
          name: bench.name,
          figure: formatFigure(result.value, result.unit, result.detail),
          budget: bench.budget,
          verdict: result.reference ? 'reference' : result.pass ? 'pass' : 'FAIL',
        });
      } catch (error) {
        rows.push({ name: bench.name, figure: '—', budget: bench.budget, verdict: `BROKEN: ${String(error)}` });
        broken = true;
      }
    }
  }
  const header: Row = { name: 'benchmark', figure: 'figure', budget: 'budget', verdict: 'result' };
  const all = [header, ...rows];
  const cols = (['name', 'figure', 'budget'] as const).map((k) => Math.max(...all.map((r) => width(r[k]))));
  const line = (r: Row) => [pad(r.name, cols[0] ?? 0), pad(r.figure, cols[1] ?? 0), pad(r.budget, cols[2] ?? 0), r.verdict].join('  ');
  console.log(line(header));
  console.log('-'.repeat(cols.reduce((a, b) => a + b + 2, 0) + 6));
  for (const r of rows) console.log(line(r));
  if (broken) process.exitCode = 1;
}

await main();
