/**
 * 保存 in the browser as a clerk meets it: another program saved the report
 * meanwhile, or it is read-only. The page asks, and acts on the answer.
 */
import { chmod, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile, serializeReport } from '../../shared/file/document.ts';
import { answerNextDialog, createReport, noticeText, showSection, typeInto } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

async function savedOnce(name: string): Promise<string> {
  const page = editor.page();
  await createReport(page, 2025, '保存测试镇人民政府');
  await showSection(page, '三');
  await typeInto(page, 'requests.new.natural', '5');
  await answerNextDialog(page, name);
  await page.keyboard.press('Control+s');
  await expect.poll(() => noticeText(page)).toContain(`已保存：${name}`);
  return join(editor.session().workspace, name);
}

describe('保存 that respects the file', () => {
  it('asks before overwriting a file another program saved, and 另存为 keeps both', async () => {
    const page = editor.page();
    const path = await savedOnce('本镇.nianbao');
    const theirs = parseReportFile(await readFile(path, 'utf8'));
    theirs.organ = '同事改过的';
    await writeFile(path, serializeReport(theirs));
    await typeInto(page, 'requests.new.business', '6');
    await answerNextDialog(page, 'saveAs');
    await answerNextDialog(page, '本镇（我的）.nianbao');
    await page.keyboard.press('Control+s');
    await expect.poll(() => noticeText(page)).toContain('已保存：本镇（我的）.nianbao');
    expect(parseReportFile(await readFile(path, 'utf8')).organ).toBe('同事改过的');
    const mine = parseReportFile(await readFile(join(editor.session().workspace, '本镇（我的）.nianbao'), 'utf8'));
    expect(mine.cells['requests.new.business']).toEqual({ raw: '6', source: 'typed' });
    expect(await page.title()).toMatch(/^本镇（我的）\.nianbao/);
  });

  it('refuses a read-only file, saving nothing when the clerk cancels', async () => {
    const page = editor.page();
    const path = await savedOnce('只读.nianbao');
    await chmod(path, 0o444);
    const before = await readFile(path, 'utf8');
    await typeInto(page, 'requests.new.business', '6');
    await answerNextDialog(page, 'cancel');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __dialogAnswers: unknown[] }).__dialogAnswers.length)).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await page.title()).toMatch(/^● /);
    expect((await readdir(editor.session().workspace)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await chmod(path, 0o644);
  });
});
