/**
 * Arriving on a page (a section chosen in the list, a new or opened report)
 * puts the clerk at its first field with the page scrolled to its top, the
 * way a form opens. A finding or fix that asked for a particular cell,
 * sentence or field, or a dialog over the page, keeps the focus where it sends it.
 */
import { useEffect, type RefObject } from 'react';
import { SCROLL_ROOT_ATTRIBUTE } from '../grid/reveal.ts';
import { useEditorContext } from '../store/context.tsx';

/** The first field a clerk can type in on a page. */
export function firstField(page: Element): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null {
  return page.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input:not([readonly]):not([type="hidden"]), textarea, select');
}

export function useArrivalFocus(page: RefObject<HTMLElement | null>): void {
  const editor = useEditorContext();
  useEffect(() => {
    const { focus, dialog } = editor.store.getState();
    const root = page.current;
    if (!root || focus?.cell || focus?.narrative || focus?.field || dialog) return;
    const scroller = root.closest<HTMLElement>(`[${SCROLL_ROOT_ATTRIBUTE}]`);
    scroller?.scrollTo({ top: 0, left: 0 });
    const first = firstField(root);
    first?.focus({ preventScroll: true });
    if (first instanceof HTMLInputElement) first.select();
    else if (first instanceof HTMLTextAreaElement) first.setSelectionRange(0, 0);
  }, [editor, page]);
}
