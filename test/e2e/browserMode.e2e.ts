import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, createReport, showSection, typeInto } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

type Result = { ok: boolean; message?: string };
const listRecent = (page: Page) => page.evaluate(() => (window as unknown as { nianbao: { listRecent(): Promise<Result> } }).nianbao.listRecent());

describe('browser mode as a program', () => {
  it('takes the token out of the address bar and keeps reaching the files after a reload', async () => {
    const page = editor.page();
    expect(page.url()).not.toContain('token');
    expect(await listRecent(page)).toMatchObject({ ok: true });
    await page.reload();
    expect(await listRecent(page)).toMatchObject({ ok: true });
  });

  it('lets a page opened without the token reach nothing', async () => {
    const page = await editor.session().browser.newPage();
    try {
      await page.goto(editor.session().host.origin);
      expect(await listRecent(page)).toEqual({ ok: false, message: expect.stringContaining('访问口令') });
      const forged = await page.evaluate(async () => {
        const response = await fetch('/__nianbao/api/listRecent', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': 'a'.repeat(64) },
          body: '{"args":[]}',
        });
        return response.status;
      });
      expect(forged).toBe(403);
    } finally {
      await page.close();
    }
  });

  // Leaving the page runs the same beforeunload handler as closing the tab; the headless shell shows no dialog for close.
  it('asks before the page is left with unsaved changes, and not when there are none', async () => {
    const page = editor.page();
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.new.natural', '7');
    await expect.poll(() => page.title()).toMatch(/^● /);
    await expect(page.goto('about:blank')).rejects.toThrow();
    expect(asked).toEqual(['beforeunload']);
    expect(await cell(page, 'requests.new.natural').inputValue()).toBe('7');

    const clean = await editor.session().openEditor();
    const cleanAsked: string[] = [];
    clean.on('dialog', (dialog) => {
      cleanAsked.push(dialog.type());
      void dialog.dismiss();
    });
    await clean.getByLabel('机关名称').fill('某某镇人民政府');
    await clean.goto('about:blank');
    expect(clean.url()).toBe('about:blank');
    expect(cleanAsked).toEqual([]);
  });
});
