/**
 * Start-up of the `nianbao` command, as a script over hundreds of files pays
 * it: the bundled command (built as `npm run build` does) against a bare
 * `node -e ''` on the same machine, runs interleaved so both see the same load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../../electron/cli/buildCli.ts';
import { serializeReport } from '../../shared/file/document.ts';
import { decodeText, importText } from '../../shared/import/text.ts';
import { percentiles, type Benchmark } from './types.ts';

const RUNS = 15;
const ROOT = new URL('../../', import.meta.url).pathname;
/** A large 2021-format report: 3119 applications, long prose. */
const SAMPLE = new URL('../../../shared/samples/2024_huaian-city.txt', import.meta.url);

function wallMs(args: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr.toString()}`);
  return elapsed;
}

/** Median extra start-up of the command over bare Node, in seconds. */
async function overBareNode(budgetS: number, args: (dir: string) => string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-cli-'));
  try {
    const bin = join(dir, 'nianbao.mjs');
    await buildCli(ROOT, bin);
    const commandArgs = [bin, ...args(dir)];
    wallMs(commandArgs); // first run: the file into the page cache
    const bare: number[] = [];
    const command: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(wallMs(['-e', '']));
      command.push(wallMs(commandArgs));
    }
    const b = percentiles(bare).median;
    const c = percentiles(command).median;
    const extra = (c - b) / 1000;
    return { value: extra, unit: 's', pass: extra <= budgetS, detail: `nianbao ${c.toFixed(0)} ms, node -e '' ${b.toFixed(0)} ms; medians of ${RUNS}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'nianbao --version over bare node',
    budget: '≤ 0.1 s',
    measure: () => overBareNode(0.1, () => ['--version']),
  },
  {
    name: 'nianbao show --json of a full report (2024 淮安市 .nianbao) over bare node',
    budget: '≤ 0.2 s',
    measure: () =>
      overBareNode(0.2, (dir) => {
        const report = importText(decodeText(new Uint8Array(readFileSync(SAMPLE)))).report;
        const file = join(dir, 'huaian-2024.nianbao');
        writeFileSync(file, serializeReport(report));
        return ['show', file, '--json'];
      }),
  },
];
