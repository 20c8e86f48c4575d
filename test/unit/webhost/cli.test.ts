/**
 * `npm run web` as a program: the command package.json names (after its
 * build step), with a port taken by another process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { web: string } }).scripts.web;
// The part after the build: `node --import tsx electron/webhost/cli.ts`.
const WEB = script.split(' && ').at(-1)!.split(' ');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-web-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let blocker: Server;
let taken: number;
beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  taken = (blocker.address() as { port: number }).port;
});
afterAll(() => new Promise((r) => blocker.close(r)));

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function web(...args: string[]) {
  expect(WEB[0]).toBe('node');
  const child = spawn(process.execPath, [...WEB.slice(1), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  children.push(child);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exit = new Promise<number | null>((r) => child.on('close', r));
  return { child, exit, output: () => output };
}

describe('npm run web', () => {
  it('says in one line that a port asked for by name is taken, and exits 1', async () => {
    const run = web(join(dir, 'ws'), '--port', String(taken));
    expect(await run.exit).toBe(1);
    expect(run.output().trim().split('\n')).toEqual([`错误：端口 ${taken} 已被占用（可能年报已在运行），请关闭占用它的程序或换一个端口（port ${taken} is already in use）`]);
  }, 30_000);

  it.each([
    [['--prot', '6000'], '错误：没有选项“--prot”'],
    [['--port'], '错误：选项“--port”的值不对'],
    [['--port', 'abc'], '端口“abc”不是 1–65535 之间的整数'],
    [['a', 'b'], '只能指定一个工作区文件夹'],
  ])('refuses %j with the usage text and exit code 2', async (args, message) => {
    const run = web(...args);
    expect(await run.exit).toBe(2);
    expect(run.output()).toContain(message);
    expect(run.output()).toContain('用法：npm run web');
  }, 30_000);

  it('serves the workspace it is given and stops on Ctrl+C', async () => {
    const run = web(join(dir, 'ws'));
    await expect.poll(() => run.output(), { timeout: 20_000 }).toContain('按 Ctrl+C 停止。');
    expect(run.output()).toContain(`工作区文件夹：${join(dir, 'ws')}`);
    const origin = /(http:\/\/127\.0\.0\.1:\d+\/)#token=/.exec(run.output())![1]!;
    expect((await fetch(origin)).status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  }, 30_000);
});
