/**
 * The browser-mode host as a process of its own, so a test can kill it with
 * SIGKILL as a crash or power cut would. Arguments: workspace, userData,
 * port (0 for a free one). Prints one JSON line with the address when ready.
 */
import { resolve } from 'node:path';
import { startWebHost } from '../../electron/webhost/server.ts';

const [workspace, userData, port] = process.argv.slice(2);
if (!workspace || !userData) throw new Error('usage: hostProcess.ts WORKSPACE USERDATA [PORT]');
const host = await startWebHost({ port: Number(port ?? 0), workspace, userData, rendererDir: resolve('out/renderer') });
process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
