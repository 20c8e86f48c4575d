/**
 * The paths the renderer may name. A renderer (or a page that took it over)
 * must not be able to read or overwrite arbitrary files, so every path it
 * passes back must be one this process handed out: chosen in a dialog, listed
 * in the recent files, dropped or double-clicked by the clerk.
 */
import { resolve } from 'node:path';

export class PathGrants {
  private readonly paths = new Set<string>();
  private readonly caseInsensitive: boolean;

  constructor(options: { caseInsensitive?: boolean } = {}) {
    // Windows and macOS file systems ignore case by default.
    this.caseInsensitive = options.caseInsensitive ?? process.platform !== 'linux';
  }

  private key(path: string): string {
    const full = resolve(path);
    return this.caseInsensitive ? full.toLowerCase() : full;
  }

  grant(path: string): string {
    this.paths.add(this.key(path));
    return path;
  }

  has(path: string): boolean {
    return this.paths.has(this.key(path));
  }
}
