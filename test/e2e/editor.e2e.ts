import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../../shared/file/document.ts';
import { answerNextDialog, cell, createReport, noticeText, showSection, typeInto, waitForFile } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

const navButton = (page: Page, numeral: string) =>
  page.getByRole('navigation', { name: '报告章节' }).getByRole('button', { name: new RegExp(`^${numeral}、`) });

describe('the editor in Chromium', () => {
  it('follows the year to the format', async () => {
    const page = editor.page();
    await createReport(page, 2020, '某某镇人民政府');
    await expect.poll(() => page.getByText('2020 年度（2019 年版格式').count()).toBe(1);
    await showSection(page, '二');
    await expect.poll(() => page.getByRole('columnheader', { name: '本年新制作数量' }).count()).toBe(1);
  });

  it('computes totals and shows the 勾稽 balance while typing; the nav counts follow', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    await expect.poll(() => navButton(page, '三').getAttribute('aria-label')).toBe('三、收到和处理政府信息公开申请情况（1 个提示）');
    await typeInto(page, 'requests.new.natural', '12');
    await typeInto(page, 'requests.new.business', '3');
    expect(await cell(page, 'requests.new.total').inputValue()).toBe('15');
    expect(await cell(page, 'requests.new.total').getAttribute('readonly')).not.toBeNull();
    // The results are not entered yet: the balance waits.
    expect(await cell(page, 'requests.new.natural').getAttribute('aria-invalid')).toBeNull();
    await typeInto(page, 'requests.granted.natural', '12');
    // 自然人 balances; 商业企业 still waits for its results; 总计 (15 against 12) does not balance.
    await expect.poll(() => cell(page, 'requests.new.total').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => navButton(page, '三').getAttribute('aria-label')).toMatch(/（1 个错误/);
    await typeInto(page, 'requests.partly_granted.business', '3');
    expect(await cell(page, 'requests.results_total.total').inputValue()).toBe('15');
    await expect.poll(() => cell(page, 'requests.new.natural').getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => navButton(page, '三').getAttribute('aria-label')).toBe('三、收到和处理政府信息公开申请情况（1 个提示）');
  });

  it('accepts full-width digits, flags a letter at its cell, and overrides a total only on purpose', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.new.natural', '１２');
    expect(await cell(page, 'requests.new.total').inputValue()).toBe('12');
    await typeInto(page, 'requests.new.research', '4a');
    await expect.poll(() => cell(page, 'requests.new.research').getAttribute('aria-invalid')).toBe('true');
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => panel.getByRole('button', { name: /本年新收申请数量·科研机构/ }).count()).toBeGreaterThan(0);
    await cell(page, 'requests.new.research').click();
    await page.keyboard.press('Delete');
    const total = cell(page, 'requests.new.total');
    await total.click();
    await page.keyboard.type('99');
    expect(await total.inputValue()).toBe('12');
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    expect(await total.getAttribute('data-provenance')).toBe('override');
    await expect.poll(() => total.getAttribute('aria-invalid')).toBe('true');
    await total.click();
    await page.keyboard.press('Delete');
    expect(await total.inputValue()).toBe('12');
    expect(await total.getAttribute('data-provenance')).toBe('computed');
  });

  it('moves like a spreadsheet: arrows, Tab, Enter; Escape cancels an edit', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    await cell(page, 'requests.new.natural').click();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('requests.new.business');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('requests.carried_in.business');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('requests.granted.business');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('45');
    expect(await cell(page, 'requests.carried_in.total').inputValue()).toBe('45');
    await page.keyboard.press('Escape');
    expect(await cell(page, 'requests.carried_in.business').inputValue()).toBe('7');
    expect(await cell(page, 'requests.carried_in.total').inputValue()).toBe('7');
  });

  it('switches sections by keyboard, and Ctrl+Z shows the edit it undoes; F1 opens the help', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('organ');
    await page.keyboard.press('Control+3');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cell-requests.new.natural');
    await page.keyboard.type('7');
    await page.keyboard.press('Control+PageDown');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/^四、/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/^三、/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cell-requests.new.natural');
    expect(await cell(page, 'requests.new.natural').inputValue()).toBe('');
    expect(await page.getByRole('toolbar').getByRole('button', { name: '保存' }).getAttribute('title')).toBe('保存 (Ctrl+S)');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: '帮助' });
    await expect.poll(() => help.textContent()).toContain('Ctrl+PageDown');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
  });

  it('pastes a block copied from a spreadsheet; one Ctrl+Z undoes it and Ctrl+Y redoes it', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    await cell(page, 'requests.new.natural').click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '5\t1\t0\t0\t0\t0\r\n2\t0\t0\t0\t0\t1\r\n');
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await cell(page, 'requests.new.total').inputValue()).toBe('6');
    expect(await cell(page, 'requests.carried_in.total').inputValue()).toBe('3');
    await expect.poll(() => noticeText(page)).toContain('已粘贴 12 个单元格');
    await page.keyboard.press('Control+z');
    expect(await cell(page, 'requests.new.total').inputValue()).toBe('');
    expect(await cell(page, 'requests.carried_in.other_org').inputValue()).toBe('');
    await page.keyboard.press('Control+y');
    expect(await cell(page, 'requests.carried_in.total').inputValue()).toBe('3');
  });

  it('fixes blanks with one click and explains a warning; both are saved and reopened', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '四');
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await panel.getByRole('button', { name: '空格全部填 0（12 格）' }).click();
    expect(await cell(page, 'appeals.count.review_total').inputValue()).toBe('0');
    const section一 = panel.getByRole('region', { name: '一、总体情况' });
    await section一.getByRole('button', { name: '说明原因' }).click();
    await section一.getByLabel(/情况说明/).fill('总体情况稍后由办公室统一撰写');
    await section一.getByRole('button', { name: '保存说明' }).click();
    await answerNextDialog(page, '本镇.nianbao');
    await page.keyboard.press('Control+s');
    await expect.poll(() => noticeText(page)).toContain('已保存：本镇.nianbao');
    const saved = parseReportFile(await readFile(join(editor.session().workspace, '本镇.nianbao'), 'utf8'));
    expect(saved.cells['appeals.count.review_upheld']).toEqual({ raw: '0', source: 'typed' });
    expect(Object.values(saved.acknowledgements).map((a) => a.explanation)).toEqual(['总体情况稍后由办公室统一撰写']);

    const again = await editor.session().openEditor();
    await answerNextDialog(again, '本镇.nianbao');
    await again.getByRole('button', { name: '打开', exact: true }).click();
    await again.getByRole('navigation', { name: '报告章节' }).getByRole('button', { name: /^四、/ }).click();
    expect(await cell(again, 'appeals.count.suit_direct_total').inputValue()).toBe('0');
    expect(await again.getByRole('navigation', { name: '报告章节' }).getByRole('button', { name: /^一、/ }).getAttribute('aria-label')).toBe('一、总体情况');
  });

  it('recovers unsaved work after the window is lost', async () => {
    const page = editor.page();
    await createReport(page, 2025, '恢复测试镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.new.natural', '8');
    await waitForFile(join(editor.session().workspace, '.nianbao-userdata', 'autosave'));
    await page.close();
    const next = await editor.session().openEditor();
    const dialog = next.getByRole('dialog', { name: '恢复未保存的内容' });
    await dialog.getByRole('button', { name: '恢复' }).click();
    await next.getByRole('navigation', { name: '报告章节' }).getByRole('button', { name: /^三、/ }).click();
    expect(await cell(next, 'requests.new.natural').inputValue()).toBe('8');
    expect(await next.title()).toMatch(/^● /);
  });

  it('takes the clerk from a finding to its cell', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.denied_query.legal', '-2');
    await showSection(page, '一');
    await page.getByRole('complementary', { name: '检查结果' }).getByRole('button', { name: /8\.属于行政查询事项·法律服务机构/ }).first().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('requests.denied_query.legal');
  });
});
