import { describe, expect, it } from 'vitest';
import { revealDelta, type Box } from '../../../renderer/src/grid/reveal.ts';

const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
/** The page's visible area, with a 100 px header band and 200 px of labels stuck to it. */
const VIEW = box(0, 0, 800, 500);
const COVER = { top: 100, left: 200 };

describe('revealDelta', () => {
  it.each([
    ['a cell in the clear stays', box(300, 200, 360, 230), { x: 0, y: 0 }],
    ['a cell under the header comes down below it', box(300, 80, 360, 110), { x: 0, y: -20 }],
    ['a cell above the page comes down below the header', box(300, -50, 360, -20), { x: 0, y: -150 }],
    ['a cell below the page comes up to its bottom edge', box(300, 520, 360, 550), { x: 0, y: 50 }],
    ['a cell under the labels comes right of them', box(150, 200, 210, 230), { x: -50, y: 0 }],
    ['a cell past the right edge comes in to it', box(790, 200, 850, 230), { x: 50, y: 0 }],
    ['a cell off two edges moves on both axes', box(900, 600, 960, 630), { x: 160, y: 130 }],
    ['a cell taller than the room shows its top', box(300, 300, 360, 800), { x: 0, y: 200 }],
  ])('%s', (_, target, expected) => {
    expect(revealDelta(target, VIEW, COVER)).toEqual(expected);
  });

  it('without sticky parts, the page edges are the limits', () => {
    expect(revealDelta(box(-10, -10, 50, 20), VIEW, { top: 0, left: 0 })).toEqual({ x: -10, y: -10 });
  });
});
