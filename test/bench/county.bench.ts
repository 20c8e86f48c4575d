/**
 * A county office's folder of 100 reports, a third each as text, Word and
 * .nianbao built from the published samples: read by the app's folder
 * service through two import workers and summed, as the 汇总与审核 page does;
 * and `nianbao check DIR --json` and `nianbao summarize DIR --year 2024
 * --json` as the bundled command runs the same service.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../../electron/cli/buildCli.ts';
import { readCountyFolder } from '../../electron/services/countyFolder.ts';
import { createWorkerFormats } from '../../electron/services/workerFormats.ts';
import { summarize, type CountyUnit } from '../../shared/county/index.ts';
import { formatForYear } from '../../shared/formats/index.ts';
import { exportDocx } from '../../shared/export/docx.ts';
import { serializeReport } from '../../shared/file/document.ts';
import { sampleReport } from '../fixtures/countyFolder.ts';
import type { Benchmark } from './types.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLES = new URL('../../../shared/samples/', import.meta.url);
const REPORTS = 100;

async function buildFolder(dir: string): Promise<void> {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  for (let i = 0; i < REPORTS; i++) {
    const sample = files[i % files.length]!;
    const sub = join(dir, `第${Math.floor(i / 20) + 1}批`);
    mkdirSync(sub, { recursive: true });
    // Each unit its own name, all of one year, so the sum has many units to add.
    const report = { ...sampleReport(sample), organ: `第${i + 1}单位`, year: 2024 };
    const kind = i % 3;
    if (kind === 0) writeFileSync(join(sub, `${i}.txt`), readFileSync(new URL(sample, SAMPLES)));
    else if (kind === 1) writeFileSync(join(sub, `${i}.docx`), await exportDocx(report, { layout: 'official', blankAsZero: false }));
    else writeFileSync(join(sub, `${i}.nianbao`), serializeReport(report));
  }
}

/** Makes the child say its peak resident memory and CPU time on stderr as it exits: figures the machine's load does not inflate. */
const REPORT_USAGE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('maxRSS='+u.maxRSS+' cpu='+(u.userCPUTime+u.systemCPUTime))})`;

function timed(args: string[]): { ms: number; stdout: string; rssMb: number; cpuMs: number } {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', REPORT_USAGE, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  // check exits 1 when some report has errors, as some samples do.
  if (child.status !== 0 && child.status !== 1) throw new Error(`nianbao ${args.slice(1).join(' ')} exited ${child.status}: ${child.stderr}`);
  const rssKb = Number(/maxRSS=(\d+)/.exec(child.stderr)?.[1]);
  const cpuUs = Number(/cpu=(\d+)/.exec(child.stderr)?.[1]);
  return { ms, stdout: child.stdout, rssMb: rssKb / 1024, cpuMs: cpuUs / 1000 };
}

export const benchmarks: Benchmark[] = [
  {
    name: "汇总与审核 page's folder service: 100 reports (txt, docx, .nianbao) read in 2 import workers, checked and summed",
    budget: '< 5 s',
    measure: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-county-app-'));
      const workers = [createWorkerFormats(), createWorkerFormats()];
      try {
        await buildFolder(dir);
        // Started before the clock: the app starts its workers once, not per folder.
        await Promise.all(workers.map(async (w) => w.importers.read(new TextEncoder().encode('x'), 'x.txt')).map((p) => p.catch(() => undefined)));
        const units: CountyUnit[] = [];
        const start = performance.now();
        const cpuBefore = process.cpuUsage();
        const { unreadable } = await readCountyFolder(dir, (r) => units.push(r.unit), { readers: workers.map((w) => w.importers.read) });
        const summary = summarize(units, { year: 2024, format: formatForYear(2024) });
        const seconds = (performance.now() - start) / 1000;
        // This process's CPU, workers included: a figure the machine's load does not inflate.
        const cpu = process.cpuUsage(cpuBefore);
        if (units.length !== REPORTS) throw new Error(`read ${units.length} of ${REPORTS} reports (${unreadable.length} unreadable)`);
        return { value: seconds, unit: 's', pass: seconds < 5, detail: `${units.length} read, ${summary.units.length} of 2024 summed; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s` };
      } finally {
        await Promise.all(workers.map((w) => w.close()));
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'nianbao check DIR + summarize DIR of 100 reports (txt, docx, .nianbao)',
    budget: '< 5 s',
    measure: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-county-'));
      try {
        const bin = join(dir, 'nianbao.mjs');
        await buildCli(ROOT, bin);
        const folder = join(dir, '各单位');
        await buildFolder(folder);
        const check = timed([bin, 'check', folder, '--json']);
        const summary = timed([bin, 'summarize', folder, '--year', '2024', '--json']);
        const read = (JSON.parse(check.stdout) as { reports: unknown[] }).reports.length;
        const counted = (JSON.parse(summary.stdout) as { units: unknown[] }).units.length;
        if (read !== REPORTS) throw new Error(`check read ${read} of ${REPORTS} reports`);
        const seconds = (check.ms + summary.ms) / 1000;
        return {
          value: seconds,
          unit: 's',
          pass: seconds < 5,
          detail: `check ${check.ms.toFixed(0)} ms, summarize ${summary.ms.toFixed(0)} ms (${counted} units of 2024 summed); CPU ${((check.cpuMs + summary.cpuMs) / 1000).toFixed(1)} s; peak RSS ${check.rssMb.toFixed(0)} / ${summary.rssMb.toFixed(0)} MB`,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
