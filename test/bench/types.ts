/** What a `*.bench.ts` module exports for test/bench/run.ts. */
export interface BenchResult {
  value: number;
  unit: string;
  pass: boolean;
  /** A figure to read others against, with no budget of its own. */
  reference?: boolean;
  detail?: string;
}

export interface Benchmark {
  name: string;
  /** The budget as people read it, e.g. "p95 < 1 ms". */
  budget: string;
  measure(): Promise<BenchResult>;
}

/** Median and 95th percentile of samples, in the samples' unit. */
export function percentiles(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}
