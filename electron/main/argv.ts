/** Report files named on the command line (double-click, "Open with", a second instance). */
import { isAbsolute, resolve } from 'node:path';

export function reportPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  // Chromium switches (--foo) and the executable or script come first; only .nianbao arguments matter.
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.nianbao'))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}
