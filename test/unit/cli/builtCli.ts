/**
 * The command as `npm run build` bundles it, built from the current sources
 * into a temporary folder for one test file (so it is never stale), and a
 * way to run it in a new Node process there.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { buildCli } from '../../../electron/cli/buildCli.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function builtCli(prefix: string): { dir: string; nianbao: (...args: string[]) => Promise<CliRun> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const bin = join(dir, 'nianbao.mjs');
  beforeAll(() => buildCli(ROOT, bin), 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  async function nianbao(...args: string[]): Promise<CliRun> {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: dir });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as CliRun;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  return { dir, nianbao };
}
