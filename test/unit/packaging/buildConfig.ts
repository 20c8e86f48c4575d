/**
 * The electron-builder configuration as the packaging tests see it: the
 * `build` key of the real package.json, read fresh for every test file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const BUILD_RESOURCES = join(ROOT, 'build');

export interface TargetConfig {
  target: string;
  arch: string[];
}

export interface FileAssociation {
  ext: string;
  name: string;
  description?: string;
  mimeType?: string;
  icon?: string;
}

export interface ExtraResource {
  from: string;
  to: string;
}

export interface BuildConfig {
  appId: string;
  productName: string;
  executableName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  asar: boolean;
  npmRebuild: boolean;
  publish: null;
  electronLanguages: string[];
  fileAssociations: FileAssociation[];
  win: { icon: string; target: TargetConfig[]; extraResources: ExtraResource[] };
  nsis: Record<string, unknown> & { artifactName: string; include: string };
  portable: Record<string, unknown> & { artifactName: string };
  linux: {
    icon: string;
    target: TargetConfig[];
    category: string;
    synopsis: string;
    description: string;
    maintainer: string;
    extraResources: ExtraResource[];
  };
  deb: { afterInstall: string; afterRemove: string };
  appImage: { artifactName: string };
  electronFuses: Record<string, boolean>;
}

export interface PackageJson {
  name: string;
  version: string;
  main: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: BuildConfig;
}

export function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
}
