/**
 * Runs the real electron-builder over a throwaway project made of the real
 * package.json, the real build/ resources and node_modules, a fake out/ and
 * decoy sources, against a stub Electron distribution (no download). This
 * exercises the config loader, its schema check, the file globs and the asar
 * writer. The fuses are left out of this run: flipping them needs the fuse
 * wire of a real Electron binary (see RELEASE.md for checking them there).
 */
import { listPackage } from '@electron/asar';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_RESOURCES, readPackageJson, ROOT } from './buildConfig.ts';

const run = promisify(execFile);
const pkg = readPackageJson();

// The worker thread of imports and exports is a second main entry with a shared chunk;
// the command line is a chunk main loads only when started as the command.
const BUILT = [
  'out/main/index.js',
  'out/main/formatsWorker.js',
  'out/main/chunks/workerProtocol-abc.js',
  'out/main/chunks/main-abc.js',
  'out/main/chunks/commands-abc.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/renderer/assets/index-abc.js',
];
/** Built for Node (package.json bin), not for the app. */
const NOT_SHIPPED = ['out/cli/nianbao.mjs'];
const DECOYS = [
  'test/unit/a.test.ts',
  'shared/model/report.ts',
  'renderer/index.html',
  'renderer/src/main.tsx',
  'electron/main/index.ts',
  'electron/preload/index.ts',
  'assets/icon.svg',
  'README.md',
  'tsconfig.base.json',
  '.ci/run',
];

let project = '';
let unpacked = '';

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'nianbao-pack-'));
  for (const file of [...BUILT, ...NOT_SHIPPED, ...DECOYS]) write(join(project, file), `// ${file}\n`);
  write(join(project, 'package.json'), JSON.stringify(pkg, null, 2));
  symlinkSync(BUILD_RESOURCES, join(project, 'build'));
  // Present so that a files pattern letting dependencies in would show up in the asar.
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));

  const stub = join(project, 'stub-electron');
  write(join(stub, 'electron'), '#!/bin/sh\n');
  chmodSync(join(stub, 'electron'), 0o755);
  for (const locale of ['en-US', 'zh-CN', 'fr', 'de', 'ja']) write(join(stub, 'locales', `${locale}.pak`), locale);

  const { electronFuses: _fuses, ...withoutFuses } = pkg.build;
  const config = { ...withoutFuses, electronDist: stub, electronVersion: pkg.devDependencies['electron'] };
  write(join(project, 'builder.json'), JSON.stringify(config));

  const cli = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  await run(process.execPath, [cli, '--linux', 'dir', '--publish', 'never', '--projectDir', project, '--config', 'builder.json'], {
    cwd: project,
    timeout: 60_000,
    env: { ...process.env, CI: 'true' },
  });
  unpacked = join(project, 'dist', 'linux-unpacked');
}, 90_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('packaged app (stub Electron, linux dir)', () => {
  it('has an app.asar with only the built app and package.json', () => {
    const entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((e) => e.replaceAll('\\', '/'));
    const files = entries.filter((e) => e === '/package.json' || BUILT.some((b) => `/${b}` === e));
    expect(files.sort()).toEqual(['/package.json', ...BUILT.map((b) => `/${b}`)].sort());
    const stray = entries.filter((e) => e !== '/package.json' && e !== '/out' && !e.startsWith('/out/'));
    expect(stray).toEqual([]);
    expect(entries.filter((e) => e === '/out/cli' || NOT_SHIPPED.some((n) => e === `/${n}`))).toEqual([]);
  });

  it('carries the command launcher, executable, in resources/cli', () => {
    expect(readdirSync(join(unpacked, 'resources', 'cli'))).toEqual(['nianbao']);
    const launcher = statSync(join(unpacked, 'resources', 'cli', 'nianbao'));
    expect(launcher.mode & 0o111).toBe(0o111);
    expect(readFileSync(join(unpacked, 'resources', 'cli', 'nianbao'), 'utf8')).toBe(readFileSync(join(BUILD_RESOURCES, 'cli', 'nianbao'), 'utf8'));
  });

  it('keeps only the Chinese and en-US Chromium locales', () => {
    expect(readdirSync(join(unpacked, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('names the executable in ASCII', () => {
    expect(existsSync(join(unpacked, pkg.build.executableName))).toBe(true);
  });
});
