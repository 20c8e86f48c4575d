/**
 * A large import in browser mode shows 正在读取 while the host works, never
 * while the clerk is still choosing the file, and goes when the result comes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigReportText } from '../fixtures/bigText.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

/** How long the clerk takes to pick the file: time the indicator must not count. */
const CHOOSING_MS = 1_500;
const NAME = '上年报告.txt';

interface Watched {
  /** Every change of the indicator: its text, or null when it went; page time in ms. */
  __busySeen: { label: string | null; at: number }[];
  __dialogAnsweredAt: number;
  __nianbaoDialog: (request: unknown) => Promise<string | null>;
}

describe('busy indicator in browser mode', () => {
  it('shows 正在读取 a second after the file was chosen, until the import is back', async () => {
    const page = editor.page();
    await writeFile(join(editor.session().workspace, NAME), bigReportText());
    await page.evaluate(
      ({ name, choosingMs }) => {
        const w = window as unknown as Watched;
        w.__busySeen = [];
        new MutationObserver(() => {
          const label = document.querySelector('[role="status"][aria-busy="true"]')?.textContent ?? null;
          if (label !== (w.__busySeen.at(-1)?.label ?? null)) w.__busySeen.push({ label, at: performance.now() });
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
        w.__nianbaoDialog = async () => {
          await new Promise((resolve) => setTimeout(resolve, choosingMs));
          w.__dialogAnsweredAt = performance.now();
          return name;
        };
      },
      { name: NAME, choosingMs: CHOOSING_MS },
    );
    const indicator = page.locator('[role="status"][aria-busy="true"]');
    // The host's real work on the real file; its answer is handed on once the
    // indicator has been seen (or given up on: the assertions below then fail),
    // so a fast machine cannot finish inside the second.
    await page.route('**/__nianbao/api/importLastYear', async (route) => {
      const response = await route.fetch();
      await indicator.waitFor({ timeout: 5_000 }).catch(() => undefined);
      await route.fulfill({ response });
    });

    await page.getByRole('button', { name: /以上年报告为模板新建/ }).click();
    const dialog = page.getByRole('dialog', { name: '以上年报告为模板新建' });
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toContain(NAME);
    expect(await indicator.count()).toBe(0);

    const { seen, answeredAt } = await page.evaluate(() => {
      const w = window as unknown as Watched;
      return { seen: w.__busySeen, answeredAt: w.__dialogAnsweredAt };
    });
    expect(seen.map((change) => change.label)).toEqual([`正在读取“${NAME}”……`, null]);
    expect(seen[0]!.at - answeredAt).toBeGreaterThanOrEqual(1_000);
  });
});
