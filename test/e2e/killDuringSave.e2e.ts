/**
 * A save cut off by SIGKILL at any moment leaves the old or the new complete
 * file, keeps its permissions, and the next save clears what it left behind.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_TEMP_MS, isTempName, writeFileAtomic } from '../../electron/services/files.ts';

const LOOP_SCRIPT = new URL('./saveLoop.ts', import.meta.url).pathname;
const KILLS = 20;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-killsave-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the save loop, lets it run `ms` after it is ready, then kills it. */
async function saveAndKill(path: string, ms: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP_SCRIPT, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => createInterface({ input: child.stdout }).once('line', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, ms));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

function sequenceIn(text: string): number {
  const parsed = JSON.parse(text) as { seq: unknown };
  if (typeof parsed.seq !== 'number') throw new Error('not a saved version');
  return parsed.seq;
}

describe('killed while saving', () => {
  it(`leaves a complete file every time (${KILLS} kills) and the next save cleans up`, { timeout: 120_000 }, async () => {
    const path = join(dir, '本镇.nianbao');
    await writeFile(path, JSON.stringify({ seq: 0 }));
    await chmod(path, 0o600);
    let survived = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // Spread the moments of the kill over the write, the backup and the rename.
      await saveAndKill(path, 5 + ((kill * 37) % 200));
      expect(sequenceIn(await readFile(path, 'utf8'))).toBeGreaterThanOrEqual(0);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const names = await readdir(dir);
      if (names.includes('本镇.nianbao.bak')) sequenceIn(await readFile(join(dir, '本镇.nianbao.bak'), 'utf8'));
      survived++;
    }
    expect(survived).toBe(KILLS);
    // What interrupted saves left, made old enough to be clearly abandoned.
    const leftovers = (await readdir(dir)).filter((n) => isTempName(n, '本镇.nianbao'));
    const longAgo = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    for (const name of leftovers) await utimes(join(dir, name), longAgo, longAgo);
    await writeFileAtomic(path, JSON.stringify({ seq: -1 }), { backup: true });
    expect((await readdir(dir)).sort()).toEqual(['本镇.nianbao', '本镇.nianbao.bak']);
    console.log(`kill during save: ${survived} of ${KILLS} kills left a complete file; ${leftovers.length} temporaries cleaned by the next save`);
  });
});
