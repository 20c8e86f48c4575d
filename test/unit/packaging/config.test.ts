import { Ajv } from 'ajv';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_OUTFILE } from '../../../electron/cli/buildCli.ts';
import { BUILD_RESOURCES, readPackageJson, ROOT } from './buildConfig.ts';
import type { TargetConfig } from './buildConfig.ts';

const pkg = readPackageJson();
const config = pkg.build;

function schemaValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
  // As electron-builder validates (non-strict, so its custom "typeof" keyword is ignored),
  // but without type coercion, so a number where a string belongs is caught.
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), path).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Widths of the images in an .ico directory (a 0 byte means 256). */
function icoSizes(path: string): number[] {
  const bytes = readFileSync(path);
  expect(bytes.readUInt16LE(2), 'ICO type').toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => bytes[6 + i * 16] || 256);
}

function targets(list: TargetConfig[]): Record<string, string[]> {
  return Object.fromEntries(list.map((t) => [t.target, [...t.arch].sort()]));
}

const hasChinese = /[\u4e00-\u9fff]/;
const asciiOnly = /^[\x20-\x7e]+$/;

describe('electron-builder config', () => {
  it('is valid against electron-builder 26 scheme.json', () => {
    const validate = schemaValidator();
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('would reject a misspelt or mistyped option', () => {
    const validate = schemaValidator();
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: false } })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, language: 2052 } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
  });

  it('names the app in Chinese and never publishes', () => {
    expect(config.productName).toBe('年报');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.executableName).toMatch(asciiOnly);
    expect(config.publish).toBeNull();
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.directories.buildResources).toBe('build');
  });

  it('says the asar integrity fuse protects nothing on Linux, rather than implying it does', () => {
    // Electron validates the embedded asar hash on Windows and macOS only; the fuse is on for Windows.
    expect(config.electronFuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    const release = readFileSync(join(ROOT, 'RELEASE.md'), 'utf8');
    expect(release).toMatch(/EnableEmbeddedAsarIntegrityValidation has \*\*no effect on Linux packages\*\*/);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/asar integrity checked \(Windows only/);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs per user on Windows, in Chinese, without admin rights', () => {
    expect(targets(config.win.target)).toEqual({ nsis: ['x64'], portable: ['x64'] });
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      unicode: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    expect(config.nsis['shortcutName']).toMatch(hasChinese);
    expect(config.nsis['uninstallDisplayName']).toMatch(hasChinese);
    expect(config.portable['requestExecutionLevel']).toBe('user');
  });

  it('builds deb and AppImage for x64 and arm64 Linux desktops', () => {
    expect(targets(config.linux.target)).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(config.linux.category).toBe('Office');
    expect(config.linux.synopsis).toMatch(hasChinese);
    expect(config.linux.description).toMatch(hasChinese);
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  });

  it('gives every artifact an ASCII file name that differs per target', () => {
    // The .deb keeps Debian's default name_version_arch, which uses the ASCII package name.
    expect(pkg.name).toMatch(/^[a-z0-9-]+$/);
    const names = [config.nsis.artifactName, config.portable.artifactName, config.appImage.artifactName];
    for (const name of names) {
      expect(name).toMatch(asciiOnly);
      expect(name).toContain('${version}');
      expect(name).toContain('${arch}');
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('opens .nianbao files', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'nianbao', name: '政府信息公开年报', mimeType: 'application/x-nianbao' }),
    ]);
  });

  it('ships only the built app and package.json', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['out/**', 'package.json']);
    // The Node bundle of the command line: the app runs the command from its own main bundle.
    expect(config.files).toContain('!out/cli/**');
    // main and preload bundle their dependencies; without this, electron-builder adds production node_modules.
    expect(config.files).toContain('!**/node_modules/**');
    expect(pkg.main.startsWith('out/')).toBe(true);
  });

  it('names the built command as the bin, and needs no TypeScript loader to run', () => {
    expect(pkg.bin).toEqual({ nianbao: CLI_OUTFILE });
    expect(CLI_OUTFILE.startsWith('out/')).toBe(true);
    // Loaders and bundlers are for the checkout; what ships was built with them.
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.dependencies)).not.toContain('esbuild');
    expect(pkg.devDependencies).toHaveProperty('tsx');
  });

  it('keeps Chinese and the en-US fallback among Chromium locales', () => {
    expect([...config.electronLanguages].sort()).toEqual(['en-US', 'zh-CN']);
  });

  it('has scripts for the host platform, Windows and Linux that never publish', () => {
    for (const [name, flag] of [['dist', ''], ['dist:win', '--win'], ['dist:linux', '--linux']] as const) {
      const script = pkg.scripts[name] ?? '';
      expect(script, name).toMatch(/^electron-vite build && electron-builder /);
      expect(script, name).toContain(flag);
      expect(script, name).toContain('--publish never');
    }
  });
});

describe('packaging resources', () => {
  it('exist wherever the config points', () => {
    const resources = [config.win.icon, config.linux.icon, ...config.fileAssociations.map((a) => a.icon ?? '')];
    for (const resource of resources) expect(existsSync(join(BUILD_RESOURCES, resource)), resource).toBe(true);
  });

  it('include a square icon.png of at least 512 px', () => {
    const [width, height] = pngSize(join(BUILD_RESOURCES, 'icon.png'));
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('include Linux icons named after their real size, 16 to 512', () => {
    const dir = join(BUILD_RESOURCES, config.linux.icon);
    const files = readdirSync(dir).sort();
    const sizes = files.map((file) => {
      const [width, height] = pngSize(join(dir, file));
      expect(file).toBe(`${width}x${height}.png`);
      return width;
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
  });

  it('include a Windows icon with every shell size up to 256', () => {
    const sizes = icoSizes(join(BUILD_RESOURCES, config.win.icon));
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]));
  });

  it('come from the committed SVG mark', () => {
    const svg = readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
    // Outlines only: the mark must not depend on fonts installed where it is rendered.
    expect(svg).not.toMatch(/<text\b/);
  });
});
