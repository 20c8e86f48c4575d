/**
 * Keeping browser mode inside its workspace folder. A name is checked twice:
 * by its letters (no `..`, no absolute path) and by where it really leads on
 * disk, so that a symbolic link (or Windows junction) inside the workspace
 * cannot be used to read or write a file outside it.
 */
import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `path` is `folder` itself or lies below it (both already resolved). */
function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** `name` resolved inside `folder`, or null if its letters would leave it (or name the folder itself). */
export function insideFolder(folder: string, name: string): string | null {
  if (name.includes('\0')) return null;
  const base = resolve(folder);
  const full = resolve(base, name);
  return full !== base && isWithin(base, full) ? full : null;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Where `path` really leads: its real path if it exists, else the real path
 * of its nearest existing ancestor. Null for a dangling link, which a write
 * could follow to a place nobody checked.
 */
async function realDestination(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  try {
    await lstat(path);
    return null;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const parent = dirname(path);
  return parent === path ? null : realDestination(parent);
}

/**
 * `name` (relative to the workspace, or an absolute path handed out before)
 * as a path inside the workspace, or null if it leads outside, by its letters
 * or through a link. `workspaceReal` is the workspace's own real path.
 */
export async function confinedPath(workspaceReal: string, name: string): Promise<string | null> {
  const path = insideFolder(workspaceReal, name);
  if (path === null) return null;
  const destination = await realDestination(path);
  return destination !== null && isWithin(workspaceReal, destination) ? path : null;
}
