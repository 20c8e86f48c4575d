import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, staleBuildReason } from '../../../electron/launcher/build.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-build-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes `path` under the root with its modification time `age` seconds in the past. */
function file(path: string, age: number): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '');
  const time = new Date(Date.now() - age * 1000);
  utimesSync(join(root, path), time, time);
}

const SOURCES = ['renderer/src/App.tsx', 'shared/model/report.ts', 'electron/main/index.ts', 'package.json'];

describe('staleBuildReason', () => {
  it.each<[string, () => void, string | null]>([
    ['nothing built', () => SOURCES.forEach((s) => file(s, 100)), 'out/main/index.js is missing'],
    [
      'one bundle missing',
      () => {
        SOURCES.forEach((s) => file(s, 100));
        BUILD_OUTPUTS.filter((o) => !o.includes('preload')).forEach((o) => file(o, 10));
      },
      'out/preload/index.cjs is missing',
    ],
    [
      'built after every source',
      () => {
        SOURCES.forEach((s) => file(s, 100));
        BUILD_OUTPUTS.forEach((o) => file(o, 10));
      },
      null,
    ],
    [
      'a renderer source edited after the build',
      () => {
        SOURCES.forEach((s) => file(s, 100));
        BUILD_OUTPUTS.forEach((o) => file(o, 10));
        file('renderer/src/grid/Grid.tsx', 1);
      },
      join('renderer', 'src', 'grid', 'Grid.tsx') + ' changed since the last build',
    ],
    [
      'one bundle older than a source, the others newer',
      () => {
        SOURCES.forEach((s) => file(s, 50));
        BUILD_OUTPUTS.forEach((o) => file(o, 10));
        file('out/renderer/index.html', 100);
      },
      expect.stringContaining('changed since the last build') as unknown as string,
    ],
    [
      'a change in the command line, which main and out/cli bundle',
      () => {
        SOURCES.forEach((s) => file(s, 100));
        BUILD_OUTPUTS.forEach((o) => file(o, 10));
        file('electron/cli/main.ts', 1);
      },
      join('electron', 'cli', 'main.ts') + ' changed since the last build',
    ],
    [
      'a change in the tests, which nothing bundles',
      () => {
        SOURCES.forEach((s) => file(s, 100));
        BUILD_OUTPUTS.forEach((o) => file(o, 10));
        file('test/unit/x.test.ts', 1);
      },
      null,
    ],
  ])('%s', async (_name, setup, expected) => {
    setup();
    expect(await staleBuildReason(root)).toEqual(expected);
  });
});
