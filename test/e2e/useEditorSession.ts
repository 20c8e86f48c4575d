import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { startSession, type Session } from './harness.ts';

/**
 * A fresh workspace, host, browser and editor page for each test of the
 * calling file; after each test, no page may have logged an error.
 */
export function useEditorSession(): { session: () => Session; page: () => Page } {
  let session: Session | undefined;
  let page: Page | undefined;
  beforeEach(async () => {
    session = await startSession();
    page = await session.openEditor();
  });
  afterEach(async () => {
    const problems = [...(session?.problems ?? [])];
    await session?.close();
    expect(problems).toEqual([]);
  });
  const need = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error('no editor session outside a test');
    return value;
  };
  return { session: () => need(session), page: () => need(page) };
}
