/**
 * Getting the Electron binary the way Electron itself does, and running it.
 *
 * Electron 45 downloads its binary lazily (node_modules/electron/install.js,
 * which honours ELECTRON_MIRROR, electron_config_cache and the other
 * @electron/get variables); ELECTRON_OVERRIDE_DIST_PATH names a binary
 * already on disk. A failure is reported as a reason, never as a stack.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Why Electron cannot be used: a Chinese clause for the clerk and the English detail. */
export interface Unavailable {
  chinese: string;
  english: string;
}

export type Obtained = { ok: true; path: string } | ({ ok: false } & Unavailable);

/** A crash within this long after start means the window never opened: fall back instead. */
export const EARLY_EXIT_MS = 10_000;

/** Linux needs an X11 or Wayland session to show a window. */
export function displayProblem(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Unavailable | null {
  if (platform !== 'linux' || env['DISPLAY'] || env['WAYLAND_DISPLAY']) return null;
  return { chinese: '没有图形界面', english: 'no display: DISPLAY and WAYLAND_DISPLAY are not set' };
}

/** The error line of a Node stack trace printed on stderr (its first line that is not an `at` frame). */
export function errorLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim());
  const line = lines.find((l) => l !== '' && !l.startsWith('at ')) ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function runInstaller(installScript: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [installScript], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk;
    });
    child.on('error', (error) => resolveRun({ code: 1, stderr: error.message }));
    child.on('close', (code) => resolveRun({ code: code ?? 1, stderr }));
  });
}

/** The binary's path, downloading it first if needed. `notify` is told before a download starts. */
export async function obtainElectron(root: string, env: NodeJS.ProcessEnv, notify: (line: string) => void): Promise<Obtained> {
  const require = createRequire(join(root, 'package.json'));
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, chinese: '没有安装 Electron', english: 'the electron package is not installed: run npm ci' };
  }
  if (!env['ELECTRON_OVERRIDE_DIST_PATH']) {
    if (!existsSync(join(packageDir, 'path.txt'))) notify('正在下载 Electron 程序（仅首次启动需要，约 100 MB）……');
    const { code, stderr } = await runInstaller(join(packageDir, 'install.js'));
    if (code !== 0) {
      return { ok: false, chinese: '无法下载 Electron 程序', english: `Electron download failed: ${errorLine(stderr) || `exit code ${code}`}` };
    }
  }
  let path: string;
  try {
    // Electron's own resolution (path.txt, ELECTRON_OVERRIDE_DIST_PATH); the binary is in place, so it downloads nothing.
    path = require('electron') as string;
  } catch (error) {
    return { ok: false, chinese: '找不到 Electron 程序', english: (error as Error).message };
  }
  if (!existsSync(path)) return { ok: false, chinese: '找不到 Electron 程序', english: `no Electron binary at ${path}` };
  return { ok: true, path };
}

export type ElectronRun = { kind: 'exited'; code: number } | ({ kind: 'failed' } & Unavailable);

/**
 * Runs the app in Electron until it quits. Its stderr is held back for the
 * first EARLY_EXIT_MS: if it fails in that time, the caller gets the reason
 * and the terminal stays clean; after that it is passed through.
 */
export function runElectron(binary: string, root: string, stop: AbortSignal): Promise<ElectronRun> {
  const env = { ...process.env };
  // Set by some tools; it would make Electron act as plain Node.
  delete env['ELECTRON_RUN_AS_NODE'];
  return new Promise((resolveRun) => {
    const child = spawn(binary, [root], { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
    let held: string | null = '';
    const release = setTimeout(() => {
      if (held) process.stderr.write(held);
      held = null;
    }, EARLY_EXIT_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (held === null) process.stderr.write(chunk);
      else held += chunk;
    });
    const onStop = () => child.kill('SIGTERM');
    stop.addEventListener('abort', onStop, { once: true });
    child.on('error', (error) => {
      clearTimeout(release);
      resolveRun({ kind: 'failed', chinese: '无法启动 Electron 程序', english: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(release);
      stop.removeEventListener('abort', onStop);
      const early = held !== null;
      if (stop.aborted) return resolveRun({ kind: 'exited', code: 0 });
      if (early && code !== 0) {
        const detail = lastLine(held ?? '');
        const how = code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`;
        return resolveRun({ kind: 'failed', chinese: '桌面窗口未能打开', english: `Electron ${how}${detail ? `: ${detail}` : ''}` });
      }
      resolveRun({ kind: 'exited', code: code ?? 1 });
    });
  });
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const line = lines.at(-1) ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
