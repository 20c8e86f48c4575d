import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../shared/commands.ts';
import { parseZoom, steppedZoom, ZOOM_LEVELS } from '../../../renderer/src/view/zoom.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = { ctrlKey: true }) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the editor zoom', () => {
  it.each([
    [1, 'in', 1.1],
    [1.1, 'in', 1.25],
    [2, 'in', 2],
    [1, 'out', 0.9],
    [0.8, 'out', 0.8],
    [1.75, 'reset', 1],
    // A level between steps (none is stored, but a rounded one could be) goes to the next step.
    [1.2, 'in', 1.25],
    [1.2, 'out', 1.1],
  ] as const)('%d zoomed %s is %d', (from, step, to) => {
    expect(steppedZoom(from, step)).toBe(to);
  });

  it('steps through every level up, and back down', () => {
    const up = [0.8];
    while (steppedZoom(up.at(-1)!, 'in') !== up.at(-1)) up.push(steppedZoom(up.at(-1)!, 'in'));
    const down = [2];
    while (steppedZoom(down.at(-1)!, 'out') !== down.at(-1)) down.push(steppedZoom(down.at(-1)!, 'out'));
    expect(up).toEqual([...ZOOM_LEVELS]);
    expect(down).toEqual([...ZOOM_LEVELS].reverse());
  });

  it.each([
    [key('='), 'zoomIn'],
    [key('+'), 'zoomIn'],
    [key('+', { ctrlKey: true, shiftKey: true }), 'zoomIn'],
    [key('-'), 'zoomOut'],
    [key('_', { ctrlKey: true, shiftKey: true }), 'zoomOut'],
    [key('0'), 'resetZoom'],
    [key('=', { metaKey: true }), 'zoomIn'],
    [key('=', {}), undefined],
    [key('=', { ctrlKey: true, altKey: true }), undefined],
    [key('1'), 'section1'],
  ])('the registry gives %o the command %s', (press, command) => {
    expect(commandForKey(press)).toBe(command);
  });

  it.each([
    ['1.25', 1.25],
    ['0.8', 0.8],
    [null, 1],
    ['7', 1],
    ['abc', 1],
    ['', 1],
  ])('reads the stored level %o as %d', (stored, level) => {
    expect(parseZoom(stored)).toBe(level);
  });
});
