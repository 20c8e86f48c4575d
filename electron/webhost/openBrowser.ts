/**
 * Opening the browser-mode address in the default browser, where there is
 * one to open: never in CI or when nobody watches the terminal, and on Linux
 * only with a graphical session (xdg-open would otherwise start a text
 * browser nobody can see).
 */
import { spawn } from 'node:child_process';

export interface Opener {
  command: string;
  args: string[];
}

export function shouldOpenBrowser(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, interactive: boolean): boolean {
  if (!interactive || (env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false')) return false;
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

/** The platform's own "open this address" command. */
export function browserOpener(platform: NodeJS.Platform, url: string): Opener {
  switch (platform) {
    case 'win32':
      // `start` is built into cmd; its first quoted argument is a window title. cmd treats & specially.
      return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
    case 'darwin':
      return { command: 'open', args: [url] };
    default:
      return { command: 'xdg-open', args: [url] };
  }
}

/** Starts the opener and forgets it; a missing opener only means the clerk opens the address by hand. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const { command, args } = browserOpener(platform, url);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: platform === 'win32' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // spawn itself can throw on an invalid environment; opening is a convenience.
  }
}
