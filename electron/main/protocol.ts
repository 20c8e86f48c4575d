/**
 * The app:// protocol: the renderer is served from out/renderer only, with
 * the CSP as a response header. Loading from a custom scheme instead of
 * file:// lets the grantFileProtocolExtraPrivileges fuse stay off.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../services/content.ts';
import { APP_HOST, APP_SCHEME } from './security.ts';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/**
 * The file a request names inside `root`, or null for anything outside it
 * (another host, `..`, encoded separators, absolute paths).
 */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const full = resolve(root, wanted);
  const inside = relative(resolve(root), full);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return full;
}

export async function serveAppRequest(url: string, root: string): Promise<Response> {
  const path = resolveAppPath(url, root);
  if (path === null) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(path);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(path),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, root));
}
