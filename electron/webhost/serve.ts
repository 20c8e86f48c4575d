/**
 * Running browser mode as a program: start the host, say where it is, open
 * the browser, and stop cleanly on Ctrl+C (or when the terminal closes).
 * Shared by `npm run web` and by `npm start` when Electron cannot run.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { openInBrowser, shouldOpenBrowser } from './openBrowser.ts';
import { PortInUseError, startWebHost } from './server.ts';

/** The port browser mode prefers; the next free one is taken when it is busy. */
export const DEFAULT_PORT = 5199;

export interface BrowserModeOptions {
  workspace: string;
  rendererDir: string;
  port: number;
  /** False when the port was asked for by name: a busy port is then an error, not a reason to move. */
  nextFreePort: boolean;
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Where browser mode keeps reports unless told otherwise: 文档/年报, like the desktop app's dialogs. */
export function defaultWorkspace(home: string = homedir()): string {
  return join(home, 'Documents', '年报');
}

/**
 * An entry point's last resort: a bug is one line, not a stack trace
 * (NIANBAO_DEBUG=1 prints the stack), and exit code 1.
 */
export function exitOnUnexpected(error: unknown, output: Output = consoleOutput): number {
  output.err(`错误：发生内部错误（${error instanceof Error ? error.message : String(error)}）`);
  if (process.env['NIANBAO_DEBUG'] && error instanceof Error) output.err(String(error.stack));
  return 1;
}

/** node:util parseArgs' English error, in the Chinese the rest of the output uses. */
export function argsErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' =<]+)/.exec(message)?.[1] ?? '';
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `没有选项“${option}”`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项“${option}”的值不对`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数“${/'([^']+)'/.exec(message)?.[1] ?? ''}”`;
    default:
      return message;
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Serves until a stop signal; resolves with the process exit code. Problems are one line on stderr. */
export async function runBrowserMode(options: BrowserModeOptions, output: Output = consoleOutput): Promise<number> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    output.err(`错误：编辑器尚未构建，请先运行 npm run build（${join(options.rendererDir, 'index.html')} is missing）`);
    return 1;
  }
  try {
    await mkdir(options.workspace, { recursive: true });
  } catch (error) {
    output.err(`错误：无法创建工作区文件夹“${options.workspace}”（${(error as Error).message}）`);
    return 1;
  }
  let host;
  try {
    host = await startWebHost({ port: options.port, nextFreePort: options.nextFreePort, workspace: options.workspace, rendererDir: options.rendererDir });
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    output.err(`错误：${error.message}`);
    return 1;
  }
  output.out(`年报（浏览器模式）：${host.url}`);
  output.out(`工作区文件夹：${options.workspace}`);
  output.out('按 Ctrl+C 停止。');
  if (shouldOpenBrowser(process.platform, process.env, process.stdout.isTTY === true)) openInBrowser(host.url);

  const running = host;
  return new Promise<number>((resolveExit) => {
    const stop = () => {
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      void running.close().then(
        () => resolveExit(0),
        () => resolveExit(0),
      );
    };
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
  });
}
