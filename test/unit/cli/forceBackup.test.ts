import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCli } from '../../../electron/cli/buildCli.ts';
import { parseReportFile, serializeReport } from '../../../shared/file/document.ts';
import { createReport } from '../../../shared/model/report.ts';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
// The command as `npm run build` bundles it, built from the current sources.
let binDir: string;
let BIN: string;
beforeAll(async () => {
  binDir = await mkdtemp(join(tmpdir(), 'nianbao-cli-bin-'));
  BIN = join(binDir, 'nianbao.mjs');
  await buildCli(ROOT, BIN);
}, 60_000);
afterAll(async () => {
  await rm(binDir, { recursive: true, force: true });
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-cli-force-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--force keeps one backup of the file it overwrites', () => {
  it('next-year', async () => {
    const input = join(dir, '2024.nianbao');
    await writeFile(input, serializeReport(createReport({ format: 'gov2021', year: 2024, organ: '某镇人民政府' })));
    const output = join(dir, '2025.nianbao');
    await writeFile(output, 'the clerk’s own 2025 draft');
    await run(process.execPath, [BIN, 'next-year', input, output, '--force']);
    expect(parseReportFile(await readFile(output, 'utf8')).year).toBe(2025);
    expect(await readFile(`${output}.bak`, 'utf8')).toBe('the clerk’s own 2025 draft');
    await run(process.execPath, [BIN, 'next-year', input, output, '--force']);
    expect(parseReportFile(await readFile(`${output}.bak`, 'utf8')).year).toBe(2025);
    expect((await readdir(dir)).sort()).toEqual(['2024.nianbao', '2025.nianbao', '2025.nianbao.bak']);
  });

  it('export', async () => {
    const input = join(dir, '2024.nianbao');
    await writeFile(input, serializeReport(createReport({ format: 'gov2021', year: 2024, organ: '某镇人民政府' })));
    const output = join(dir, '报告.txt');
    await writeFile(output, 'edited by hand');
    await run(process.execPath, [BIN, 'export', input, '--txt', output, '--force']);
    expect(await readFile(output, 'utf8')).toContain('某镇人民政府');
    expect(await readFile(`${output}.bak`, 'utf8')).toBe('edited by hand');
  });
});
