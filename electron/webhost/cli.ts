/**
 * `npm run web`: serves the built editor at http://127.0.0.1:5199 with a
 * workspace folder in place of file dialogs (first argument, default
 * test-output/workspace).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startWebHost } from './server.ts';

const workspace = resolve(process.argv[2] ?? 'test-output/workspace');
await mkdir(workspace, { recursive: true });
const host = await startWebHost({ port: 5199, workspace, rendererDir: resolve('out/renderer') });
console.log(`年报（浏览器模式）：${host.url}\n工作区文件夹：${workspace}\n按 Ctrl+C 停止。`);
process.on('SIGINT', () => void host.close().then(() => process.exit(0)));
