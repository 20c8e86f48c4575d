/**
 * `npm start`: the editor on any machine.
 *
 * 1. Builds out/ when it is missing or older than the sources.
 * 2. Gets the Electron binary through Electron's own installer and opens the
 *    desktop window.
 * 3. Where that cannot be done (no binary and no network, no display, or
 *    Electron dying at start), says why in one line and serves the same
 *    editor in browser mode instead.
 * Exit codes: 0 closed or stopped with Ctrl+C, 1 could not start, 2 bad usage;
 * otherwise Electron's own.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, argsErrorMessage, consoleOutput, defaultWorkspace, exitOnUnexpected, runBrowserMode } from '../webhost/serve.ts';
import { runBuild, staleBuildReason } from './build.ts';
import { displayProblem, obtainElectron, runElectron } from './electron.ts';
import type { Unavailable } from './electron.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const USAGE = `用法：npm start
  构建（如需要）并打开年报桌面程序；无法打开桌面窗口时改用浏览器模式（工作区：${defaultWorkspace()}）。`;

async function electronOrReason(): Promise<Unavailable | number> {
  const noDisplay = displayProblem(process.platform, process.env);
  if (noDisplay !== null) return noDisplay;
  const electron = await obtainElectron(ROOT, process.env, consoleOutput.out);
  if (!electron.ok) return electron;
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, onSignal);
  const run = await runElectron(electron.path, ROOT, stop.signal);
  for (const signal of signals) process.off(signal, onSignal);
  return run.kind === 'exited' ? run.code : run;
}

async function main(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, strict: true, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      consoleOutput.out(USAGE);
      return 0;
    }
  } catch (error) {
    consoleOutput.err(`错误：${argsErrorMessage(error)}`);
    consoleOutput.err(USAGE);
    return 2;
  }

  const stale = await staleBuildReason(ROOT);
  if (stale !== null) {
    consoleOutput.out(`正在构建编辑器（${stale}）……`);
    const code = await runBuild(ROOT);
    if (code !== 0) {
      consoleOutput.err(`错误：构建失败，请查看上面的输出（electron-vite build exited with code ${code}）`);
      return 1;
    }
  }

  const outcome = await electronOrReason();
  if (typeof outcome === 'number') return outcome;
  consoleOutput.out(`${outcome.chinese}，改用浏览器模式（${outcome.english}）`);
  return runBrowserMode({ workspace: defaultWorkspace(), rendererDir: resolve(ROOT, 'out/renderer'), port: DEFAULT_PORT, nextFreePort: true });
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => exitOnUnexpected(error));
