/**
 * The installed app as the `nianbao` command: which starts run the command
 * line, and that such a start prints, exits with the command's code and
 * never opens a window or takes the editor's single-instance lock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { CLI_SWITCH, cliArgsFromArgv } from '../../../electron/main/argv.ts';

const electron = vi.hoisted(() => ({
  app: { isPackaged: true, exit: vi.fn(), quit: vi.fn(), requestSingleInstanceLock: vi.fn(() => true) },
  BrowserWindow: vi.fn(),
}));
vi.mock('electron', () => electron);

describe('cliArgsFromArgv', () => {
  it.each<[string, string[], string[] | null]>([
    ['a double-clicked report', ['C:\\年报\\nianbao.exe', 'D:\\报告.nianbao'], null],
    ['the editor started bare', ['/opt/年报/nianbao'], null],
    ['a Chromium switch and a report', ['/opt/年报/nianbao', '--disable-gpu', '报告.nianbao'], null],
    ['a command word without the launcher', ['/opt/年报/nianbao', 'show', 'a.nianbao', '--json'], null],
    ['the launcher with a command', ['/opt/年报/nianbao', CLI_SWITCH, 'show', 'a.nianbao', '--json'], ['show', 'a.nianbao', '--json']],
    ['the launcher alone (usage, exit 2)', ['C:\\年报\\nianbao.exe', CLI_SWITCH], []],
    ['a switch the launcher adds first', ['/opt/年报/nianbao', '--ozone-platform=headless', CLI_SWITCH, '--version'], ['--version']],
    ['the development app path', ['/x/electron', '.', CLI_SWITCH, 'check', 'b.txt'], ['check', 'b.txt']],
    ['the switch repeated as an argument', ['/opt/年报/nianbao', CLI_SWITCH, 'show', CLI_SWITCH], ['show', CLI_SWITCH]],
  ])('%s', (_name, argv, expected) => {
    expect(cliArgsFromArgv(argv)).toEqual(expected);
  });
});

describe('main process started as the command', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    vi.restoreAllMocks();
  });

  async function startMain(args: string[]): Promise<{ code: unknown; out: string; err: string }> {
    vi.resetModules();
    electron.app.exit.mockClear();
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      out += String(chunk);
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      err += String(chunk);
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    });
    process.argv = ['/opt/年报/nianbao', CLI_SWITCH, ...args];
    await import('../../../electron/main/index.ts');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalled(), { timeout: 10_000 });
    return { code: electron.app.exit.mock.calls[0]?.[0], out, err };
  }

  it('prints the version and exits 0 without a window or the instance lock', async () => {
    const { code, out } = await startMain(['--version']);
    expect(code).toBe(0);
    expect(out).toBe(`${packageJson.version}\n`);
    expect(electron.BrowserWindow).not.toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });

  it('exits 2 with the Chinese usage for an unknown command, as the Node command does', async () => {
    const { code, out, err } = await startMain(['frobnicate']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('错误：未知命令“frobnicate”');
    expect(err).toContain('用法：');
  });

  it('exits 2 for a missing report file with the file message', async () => {
    const { code, err } = await startMain(['check', '/nonexistent/报告.nianbao']);
    expect(code).toBe(2);
    expect(err).toContain('找不到该文件');
    expect(electron.BrowserWindow).not.toHaveBeenCalled();
  });
});
