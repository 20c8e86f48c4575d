import { describe, expect, it } from 'vitest';
import { displayProblem, errorLine } from '../../../electron/launcher/electron.ts';

describe('displayProblem', () => {
  it.each<[NodeJS.Platform, NodeJS.ProcessEnv, boolean]>([
    ['linux', {}, true],
    ['linux', { DISPLAY: '' }, true],
    ['linux', { DISPLAY: ':0' }, false],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, false],
    ['win32', {}, false],
    ['darwin', {}, false],
  ])('%s with %j: no display = %s', (platform, env, expected) => {
    expect(displayProblem(platform, env) !== null).toBe(expected);
  });
});

describe('errorLine', () => {
  it.each([
    ['TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (x.js:46:30)\n', 'TypeError: fetch failed'],
    ['\nHTTPError: Response code 404 (Not Found) for http://mirror/v45.4.1/electron.zip\n    at y.js:1:1', 'HTTPError: Response code 404 (Not Found) for http://mirror/v45.4.1/electron.zip'],
    ['', ''],
    [`Error: ${'x'.repeat(300)}`, `Error: ${'x'.repeat(192)}…`],
  ])('%j → %j', (stderr, expected) => {
    expect(errorLine(stderr)).toBe(expected);
  });
});
