/**
 * Whether out/ must be (re)built before starting: missing, or older than a
 * source it is built from. Comparing modification times keeps a second
 * `npm start` instant, and a `git pull` or an edit rebuilds.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/** What electron-vite builds from, relative to the project root. */
export const BUILD_INPUTS = ['electron/main', 'electron/preload', 'electron/services', 'electron/cli', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json'];
/** One file per bundle electron-vite writes. */
export const BUILD_OUTPUTS = ['out/main/index.js', 'out/cli/nianbao.mjs', 'out/preload/index.cjs', 'out/renderer/index.html'];

async function newestFile(path: string): Promise<{ path: string; mtimeMs: number } | null> {
  const info = await stat(path).catch(() => null);
  if (info === null) return null;
  if (!info.isDirectory()) return { path, mtimeMs: info.mtimeMs };
  let newest: { path: string; mtimeMs: number } | null = null;
  for (const entry of await readdir(path)) {
    const found = await newestFile(join(path, entry));
    if (found !== null && (newest === null || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Why the build is out of date (English, for the log line), or null when it is current. */
export async function staleBuildReason(root: string): Promise<string | null> {
  let oldestOutput = Infinity;
  for (const output of BUILD_OUTPUTS) {
    const info = await stat(join(root, output)).catch(() => null);
    if (info === null) return `${output} is missing`;
    oldestOutput = Math.min(oldestOutput, info.mtimeMs);
  }
  for (const input of BUILD_INPUTS) {
    const newest = await newestFile(join(root, input));
    if (newest !== null && newest.mtimeMs > oldestOutput) return `${relative(root, newest.path)} changed since the last build`;
  }
  return null;
}

/** Runs `electron-vite build` in `root` with its output shown; resolves with its exit code. */
export function runBuild(root: string): Promise<number> {
  const require = createRequire(join(root, 'package.json'));
  const pkgPath = require.resolve('electron-vite/package.json');
  const bin = (require(pkgPath) as { bin: Record<string, string> }).bin['electron-vite'];
  if (bin === undefined || !existsSync(join(dirname(pkgPath), bin))) return Promise.resolve(1);
  return new Promise((resolveCode) => {
    const child = spawn(process.execPath, [join(dirname(pkgPath), bin), 'build'], { cwd: root, stdio: 'inherit' });
    child.on('error', () => resolveCode(1));
    child.on('close', (code) => resolveCode(code ?? 1));
  });
}
