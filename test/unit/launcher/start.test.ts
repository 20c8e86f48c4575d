/**
 * `npm start` run for real (the command package.json names), without a
 * network: Electron's own installer pointed at a closed port, or a stub
 * binary named by ELECTRON_OVERRIDE_DIST_PATH in place of Electron.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const START = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
const ELECTRON_INSTALLED = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));
const ADDRESS = /年报（浏览器模式）：(http:\/\/127\.0\.0\.1:\d+\/)#token=([0-9a-f]{64})/;

let dir: string;
let running: ChildProcess | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-start-'));
});
afterEach(() => {
  running?.kill('SIGKILL');
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

interface Started {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the start script with a clean environment: no display, no Electron override, a home of its own. */
function start(env: Record<string, string>): Started {
  expect(START[0]).toBe('node');
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_MIRROR', 'CI']) delete clean[name];
  const child = spawn(process.execPath, START.slice(1), {
    cwd: ROOT,
    env: { ...clean, HOME: dir, USERPROFILE: dir, electron_config_cache: join(dir, 'cache'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child;
  let text = '';
  const waiting: { pattern: RegExp; found: (m: RegExpExecArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const w of [...waiting]) {
      const match = w.pattern.exec(text);
      if (match) {
        waiting.splice(waiting.indexOf(w), 1);
        w.found(match);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('close', (code, signal) => r({ code, signal })));
  return {
    child,
    output: () => text,
    exit,
    waitFor: (pattern) =>
      new Promise((found, fail) => {
        const match = pattern.exec(text);
        if (match) return found(match);
        waiting.push({ pattern, found });
        void exit.then(() => fail(new Error(`exited before printing ${pattern}:\n${text}`)));
      }),
  };
}

/** Checks that the printed address serves the editor and that its token opens the bridge. */
async function expectEditorServed(started: Started): Promise<string> {
  const [, origin, token] = await started.waitFor(ADDRESS);
  const page = await fetch(origin!);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('/__nianbao_bridge.js');
  const call = (headers: Record<string, string>) =>
    fetch(new URL('/__nianbao/api/listRecent', origin), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{"args":[]}' });
  expect(await (await call({ 'X-Nianbao-Token': token! })).json()).toEqual({ ok: true, value: [] });
  expect((await call({})).status).toBe(403);
  expect(existsSync(join(dir, 'Documents', '年报'))).toBe(true);
  return origin!;
}

async function expectStopsOnCtrlC(started: Started, origin: string): Promise<void> {
  started.child.kill('SIGINT');
  expect(await started.exit).toEqual({ code: 0, signal: null });
  await expect(fetch(origin)).rejects.toThrow();
}

function reasonLines(output: string): string[] {
  return output.split('\n').filter((line) => line.includes('改用浏览器模式'));
}

function writeStub(script: string): string {
  const stubDir = join(dir, 'electron-dist');
  rmSync(stubDir, { recursive: true, force: true });
  mkdirSync(stubDir);
  const path = join(stubDir, 'electron');
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, 'stub.log')}"\npwd >> "${join(dir, 'stub.log')}"\n${script}\n`);
  chmodSync(path, 0o755);
  return stubDir;
}

const stubLog = () => readFileSync(join(dir, 'stub.log'), 'utf8').trim().split('\n');

describe('npm start without a network', () => {
  it.skipIf(ELECTRON_INSTALLED)(
    'says in one line that Electron could not be downloaded, serves the editor in browser mode, and stops on Ctrl+C',
    async () => {
      const started = start({ ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`, DISPLAY: ':99' });
      const origin = await expectEditorServed(started);
      expect(reasonLines(started.output())).toEqual([expect.stringMatching(/^无法下载 Electron 程序，改用浏览器模式（Electron download failed: \S.*）$/)]);
      expect(started.output()).not.toMatch(/^\s+at /m);
      await expectStopsOnCtrlC(started, origin);
    },
    60_000,
  );
});

describe.skipIf(process.platform === 'win32')('npm start with a stand-in Electron binary', () => {
  it('starts Electron with the app folder, and exits 0 when it closes', async () => {
    const started = start({ ELECTRON_OVERRIDE_DIST_PATH: writeStub('exit 0'), DISPLAY: ':99' });
    expect(await started.exit).toEqual({ code: 0, signal: null });
    expect(stubLog()).toEqual([ROOT, ROOT]);
    expect(reasonLines(started.output())).toEqual([]);
  }, 60_000);

  it('falls back to browser mode with Electron’s own reason when it dies at start', async () => {
    const stub = writeStub(`echo '[1:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY' >&2\nexit 1`);
    const started = start({ ELECTRON_OVERRIDE_DIST_PATH: stub, DISPLAY: ':99' });
    const origin = await expectEditorServed(started);
    expect(stubLog()[0]).toBe(ROOT);
    expect(reasonLines(started.output())).toEqual([
      '桌面窗口未能打开，改用浏览器模式（Electron exited with code 1: [1:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY）',
    ]);
    await expectStopsOnCtrlC(started, origin);
  }, 60_000);

  it('does not start Electron without a display, and says so', async () => {
    const started = start({ ELECTRON_OVERRIDE_DIST_PATH: writeStub('exit 0') });
    const origin = await expectEditorServed(started);
    expect(existsSync(join(dir, 'stub.log'))).toBe(false);
    expect(reasonLines(started.output())).toEqual(['没有图形界面，改用浏览器模式（no display: DISPLAY and WAYLAND_DISPLAY are not set）']);
    await expectStopsOnCtrlC(started, origin);
  }, 60_000);

  it('stops Electron and exits 0 on Ctrl+C', async () => {
    const started = start({ ELECTRON_OVERRIDE_DIST_PATH: writeStub('exec sleep 30'), DISPLAY: ':99' });
    await expect.poll(() => existsSync(join(dir, 'stub.log')), { timeout: 20_000 }).toBe(true);
    started.child.kill('SIGINT');
    expect(await started.exit).toEqual({ code: 0, signal: null });
    expect(reasonLines(started.output())).toEqual([]);
  }, 60_000);
});

describe('npm start usage', () => {
  it.each([
    [['--bogus'], '错误：没有选项“--bogus”'],
    [['report.nianbao'], '错误：多余的参数“report.nianbao”'],
  ])('refuses %j with the usage text and exit code 2', async (args, message) => {
    const bad = spawn(process.execPath, [...START.slice(1), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    bad.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((r) => bad.on('close', r));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('用法：npm start');
  }, 60_000);
});
