/**
 * The `nianbao` command of the installed app: the launchers the packages
 * carry, where the config puts them, and the install scripts that put them on
 * the PATH. The Linux launcher runs here against a stand-in binary; the
 * Windows files are checked as text (RELEASE.md has the checks on Windows).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_SWITCH, cliArgsFromArgv } from '../../../electron/main/argv.ts';
import { BUILD_RESOURCES, readPackageJson, ROOT } from './buildConfig.ts';

const run = promisify(execFile);
const pkg = readPackageJson();
const config = pkg.build;
const exe = config.executableName;
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('packages carry the command', () => {
  it('in resources/cli: the shell launcher on Linux, the batch launcher and its PATH script on Windows', () => {
    expect(config.linux.extraResources).toEqual([{ from: 'build/cli/nianbao', to: 'cli/nianbao' }]);
    expect(config.win.extraResources).toEqual([
      { from: 'build/cli/nianbao.cmd', to: 'cli/nianbao.cmd' },
      { from: 'build/cli/user-path.ps1', to: 'cli/user-path.ps1' },
    ]);
    for (const { from } of [...config.linux.extraResources, ...config.win.extraResources]) expect(statSync(join(ROOT, from)).isFile(), from).toBe(true);
    expect(statSync(join(ROOT, 'build/cli/nianbao')).mode & 0o111).toBe(0o111);
  });

  it('the Windows launcher starts the app binary two folders up with the switch, and passes the exit code on', () => {
    const text = read('build/cli/nianbao.cmd');
    // cmd.exe misreads labels and long lines in a batch file with bare LF endings.
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
    expect(text).toContain(`"%~dp0..\\..\\${exe}.exe" ${CLI_SWITCH} %*\r\n`);
    expect(text.trimEnd().split('\r\n').at(-1)).toBe('exit /b %ERRORLEVEL%');
  });

  it('the Windows installer adds resources\\cli to the user PATH and the uninstaller removes it', () => {
    expect(config.nsis.include).toBe('build/installer.nsh');
    const nsh = read(config.nsis.include);
    const body = (name: string) => new RegExp(`!macro ${name}\\n([\\s\\S]*?)!macroend`).exec(nsh)?.[1] ?? '';
    expect(body('customInstall')).toContain('nianbaoUserPath add');
    expect(body('customUnInstall')).toContain('nianbaoUserPath remove');
    expect(body('nianbaoUserPath ACTION')).toContain('-File "$INSTDIR\\resources\\cli\\user-path.ps1" ${ACTION} "$INSTDIR\\resources\\cli"');
    // HKCU only: the installer runs without admin rights.
    const ps1 = read('build/cli/user-path.ps1');
    expect(ps1).toContain("CurrentUser.CreateSubKey('Environment')");
    expect(ps1).not.toMatch(/LocalMachine|HKLM/);
    expect(ps1).toContain('DoNotExpandEnvironmentNames');
  });
});

describe('the .deb install scripts', () => {
  // As electron-builder's fpm target fills them in; any other ${name} would fail the package build.
  const MACROS: Record<string, string> = { executable: exe, sanitizedProductName: config.productName };
  const render = (path: string) =>
    read(path).replace(/\$\{([a-zA-Z]+)\}/g, (_match, name: string) => {
      if (!(name in MACROS)) throw new Error(`${path}: macro \${${name}} is not defined`);
      return MACROS[name]!;
    });

  it.each([['afterInstall'], ['afterRemove']] as const)('%s is valid sh with only the macros electron-builder defines', async (key) => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-deb-'));
    try {
      const script = join(dir, 'script.sh');
      writeFileSync(script, render(config.deb[key]));
      await expect(run('sh', ['-n', script])).resolves.toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('link /usr/bin/nianbao to the launcher, not to the editor, and unlink only that', () => {
    const install = render(config.deb.afterInstall);
    expect(install).toContain(`ln -sf "$app/resources/cli/nianbao" '/usr/bin/${exe}'`);
    expect(install).toContain(`app='/opt/${config.productName}'`);
    // What electron-builder's default script did and the app still needs.
    expect(install).toMatch(/chmod 4755 "\$app\/chrome-sandbox"/);
    expect(install).toContain('update-desktop-database');
    expect(install).toContain('apparmor_parser --replace');
    const remove = render(config.deb.afterRemove);
    expect(remove).toContain(`if [ "$(readlink '/usr/bin/${exe}')" = "$app/resources/cli/nianbao" ]; then`);
  });
});

describe('the Linux launcher', () => {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-launcher-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // The installed layout: /opt/年报/{nianbao, resources/cli/nianbao}, reached through a link as /usr/bin/nianbao is.
  const app = join(root, 'opt', config.productName);
  mkdirSync(join(app, 'resources', 'cli'), { recursive: true });
  copyFileSync(join(BUILD_RESOURCES, 'cli', 'nianbao'), join(app, 'resources', 'cli', 'nianbao'));
  // Stands in for the app binary: records its arguments NUL-separated and exits with a chosen code.
  writeFileSync(join(app, exe), `#!/bin/sh\nprintf '%s\\0' "$0" "$@" > "$ARGS_FILE"\nexit "$STUB_CODE"\n`, { mode: 0o755 });
  mkdirSync(join(root, 'usr', 'bin'), { recursive: true });
  symlinkSync(join(app, 'resources', 'cli', 'nianbao'), join(root, 'usr', 'bin', 'nianbao'));
  const argsFile = join(root, 'args');

  async function launch(args: string[], env: Record<string, string>): Promise<{ code: number; argv: string[] }> {
    const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...rest } = process.env;
    const options = { env: { ...rest, ...env, ARGS_FILE: argsFile } };
    const code = await run(join(root, 'usr', 'bin', 'nianbao'), args, options).then(
      () => 0,
      (error: { code: number }) => error.code,
    );
    return { code, argv: readFileSync(argsFile, 'utf8').split('\0').slice(0, -1) };
  }

  const ARGS = ['show', '报告 2024.nianbao', '', '--json', '$HOME', '*'];

  it('runs the app binary with the switch and every argument as given, and returns its exit code', async () => {
    const { code, argv } = await launch(ARGS, { STUB_CODE: '1', DISPLAY: ':0' });
    expect(code).toBe(1);
    expect(argv[0]).toBe(join(app, exe));
    expect(argv.slice(1)).toEqual([CLI_SWITCH, ...ARGS]);
    // What the main process then hands to the command line.
    expect(cliArgsFromArgv(argv)).toEqual(ARGS);
  });

  it('asks for no display where there is none (SSH, cron)', async () => {
    const { code, argv } = await launch(['--version'], { STUB_CODE: '0' });
    expect(code).toBe(0);
    expect(argv.slice(1)).toEqual(['--ozone-platform=headless', CLI_SWITCH, '--version']);
    expect(cliArgsFromArgv(argv)).toEqual(['--version']);
  });

  it('leaves the display choice to the app on a desktop', async () => {
    const { argv } = await launch([], { STUB_CODE: '2', WAYLAND_DISPLAY: 'wayland-0' });
    expect(argv.slice(1)).toEqual([CLI_SWITCH]);
  });
});
