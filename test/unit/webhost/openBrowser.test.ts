import { describe, expect, it } from 'vitest';
import { browserOpener, shouldOpenBrowser } from '../../../electron/webhost/openBrowser.ts';

describe('shouldOpenBrowser', () => {
  it.each<[NodeJS.Platform, NodeJS.ProcessEnv, boolean, boolean]>([
    ['win32', {}, true, true],
    ['darwin', {}, true, true],
    ['linux', { DISPLAY: ':0' }, true, true],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, true, true],
    ['linux', {}, true, false],
    ['win32', {}, false, false],
    ['win32', { CI: 'true' }, true, false],
    ['linux', { DISPLAY: ':0', CI: '1' }, true, false],
    ['win32', { CI: 'false' }, true, true],
  ])('%s %j interactive=%s → %s', (platform, env, interactive, expected) => {
    expect(shouldOpenBrowser(platform, env, interactive)).toBe(expected);
  });
});

describe('browserOpener', () => {
  const url = 'http://127.0.0.1:5199/#token=ab12';
  it.each<[NodeJS.Platform, string, string[]]>([
    ['win32', 'cmd', ['/c', 'start', '""', url]],
    ['darwin', 'open', [url]],
    ['linux', 'xdg-open', [url]],
    ['freebsd', 'xdg-open', [url]],
  ])('%s → %s %j', (platform, command, args) => {
    expect(browserOpener(platform, url)).toEqual({ command, args });
  });

  it('escapes & for cmd', () => {
    expect(browserOpener('win32', 'http://h/?a=1&b=2').args.at(-1)).toBe('http://h/?a=1^&b=2');
  });
});
