/** Report files named on the command line (double-click, "Open with", a second instance). */
import { isAbsolute, resolve } from 'node:path';

export function reportPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  // Chromium switches (--foo) and the executable or script come first; only .nianbao arguments matter.
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.nianbao'))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

/**
 * The switch the installed `nianbao` launchers (build/cli/) put before the
 * command's arguments. Nothing else starts the app with it, so a double-click
 * or "Open with" always opens the editor, and bare `nianbao` prints the usage.
 */
export const CLI_SWITCH = '--nianbao-cli';

/** The command-line arguments when started as the `nianbao` command; null to open the editor. */
export function cliArgsFromArgv(argv: readonly string[]): string[] | null {
  // Chromium switches a launcher adds (--ozone-platform=…) come before the marker, the command's own after it.
  const at = argv.indexOf(CLI_SWITCH);
  return at === -1 ? null : argv.slice(at + 1);
}
