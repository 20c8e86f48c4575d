/**
 * Scrolling a focused cell into view past the sticky parts of its grid. The
 * page is the one scroll container; the grid's header rows stick to its top
 * and its row labels to its left, so "in view" means below the header and
 * right of the labels, not merely inside the page.
 */

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * How far to scroll (in the boxes' units, positive = down / right) so that
 * `target` lies inside `visible` less the bands covered at its top and left.
 * A target larger than the room left shows its top or left edge.
 */
export function revealDelta(target: Box, visible: Box, cover: { top: number; left: number }): { x: number; y: number } {
  const axis = (start: number, end: number, roomStart: number, roomEnd: number) => {
    if (start < roomStart) return start - roomStart;
    if (end > roomEnd) return Math.min(end - roomEnd, start - roomStart);
    return 0;
  };
  return {
    y: axis(target.top, target.bottom, visible.top + cover.top, visible.bottom),
    x: axis(target.left, target.right, visible.left + cover.left, visible.right),
  };
}

/** Marks the element that scrolls the page (App's main column). */
export const SCROLL_ROOT_ATTRIBUTE = 'data-scroll-root';
/** On a grid's table: the width of its sticky row-label columns, in CSS pixels. */
export const STICKY_LEFT_ATTRIBUTE = 'data-sticky-left';

/** Scrolls the page so that the cell holding `element` is fully visible and uncovered. */
export function revealCell(element: HTMLElement): void {
  const scroller = element.closest<HTMLElement>(`[${SCROLL_ROOT_ATTRIBUTE}]`);
  const cell = element.closest('td') ?? element;
  const table = element.closest('table');
  if (!scroller || scroller.offsetWidth === 0) return;
  const frame = scroller.getBoundingClientRect();
  // Rectangles are in screen pixels, scroll offsets in the page's CSS pixels; they differ when zoomed.
  const scale = frame.width / scroller.offsetWidth;
  const top = frame.top + scroller.clientTop * scale;
  const left = frame.left + scroller.clientLeft * scale;
  const visible = { top, left, bottom: top + scroller.clientHeight * scale, right: left + scroller.clientWidth * scale };
  // A value cell always lies below the header rows and right of the row labels;
  // once they stick, they cover exactly their own height and width.
  const cover = {
    top: table?.tHead?.getBoundingClientRect().height ?? 0,
    left: Number(table?.getAttribute(STICKY_LEFT_ATTRIBUTE) ?? 0) * scale,
  };
  const { x, y } = revealDelta(cell.getBoundingClientRect(), visible, cover);
  if (x !== 0) scroller.scrollLeft += x / scale;
  if (y !== 0) scroller.scrollTop += y / scale;
}
