/**
 * `npm run web [-- WORKSPACE] [--port N]`: the built editor in the default
 * browser, with a workspace folder in place of file dialogs (default
 * 文档/年报). Without --port it prefers 5199 and takes the next free port.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, argsErrorMessage, consoleOutput, defaultWorkspace, exitOnUnexpected, runBrowserMode } from './serve.ts';

const USAGE = `用法：npm run web [-- 工作区文件夹] [--port 端口]
  工作区文件夹  打开和保存文件的文件夹（默认：${defaultWorkspace()}）
  --port N      使用端口 N（默认 ${DEFAULT_PORT}，被占用时依次换用下一个）`;

function parse(argv: string[]): { workspace: string; port: number | null } | string {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return argsErrorMessage(error);
  }
  if (parsed.values.help) return '';
  if (parsed.positionals.length > 1) return `只能指定一个工作区文件夹，收到 ${parsed.positionals.length} 个`;
  const portText = parsed.values.port;
  const port = portText === undefined ? null : Number(portText);
  if (port !== null && !(Number.isInteger(port) && port > 0 && port < 65_536)) return `端口“${portText}”不是 1–65535 之间的整数`;
  return { workspace: resolve(parsed.positionals[0] ?? defaultWorkspace()), port };
}

const options = parse(process.argv.slice(2));
if (typeof options === 'string') {
  if (options !== '') consoleOutput.err(`错误：${options}`);
  (options === '' ? consoleOutput.out : consoleOutput.err)(USAGE);
  process.exitCode = options === '' ? 0 : 2;
} else {
  process.exitCode = await runBrowserMode({
    workspace: options.workspace,
    rendererDir: resolve(import.meta.dirname, '../../out/renderer'),
    port: options.port ?? DEFAULT_PORT,
    nextFreePort: options.port === null,
  }).catch((error: unknown) => exitOnUnexpected(error));
}
