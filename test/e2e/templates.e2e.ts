import type { Page } from 'playwright-core';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/export/docx.ts';
import { importDocx } from '../../shared/import/docx.ts';
import { TEMPLATE_2021 } from '../fixtures/docx/template.ts';
import { HUAIAN_2024, XINXI_2020, reportFromFixture, sampleText } from '../fixtures/samples/index.ts';
import { answerNextDialog, cell, createReport, noticeText, showSection, typeInto } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

async function startFromFile(page: Page, name: string): Promise<void> {
  await answerNextDialog(page, name);
  await page.getByRole('button', { name: /以上年报告为模板新建/ }).click();
}

type Dialog = ReturnType<Page['getByRole']>;

/** Opens an export dialog, lets `choose` set its options, names the file and exports; returns its path. */
async function exportThroughDialog(page: Page, title: string, file: string, choose: (dialog: Dialog) => Promise<void>): Promise<string> {
  await page.getByRole('button', { name: title }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await choose(dialog);
  await answerNextDialog(page, file);
  await dialog.getByRole('button', { name: /^导出$|^仍然导出/ }).click();
  await expect.poll(() => noticeText(page)).toContain(`已导出：${file}`);
  return join(editor.session().workspace, file);
}

describe('last year as a template, and export', () => {
  it('starts 2025 from a Word file of 2024: summary, then carried values marked', async () => {
    const page = editor.page();
    const docx = await exportDocx(reportFromFixture(HUAIAN_2024), { layout: 'official' });
    await writeFile(join(editor.session().workspace, '2024年报.docx'), docx);
    await startFromFile(page, '2024年报.docx');
    const dialog = page.getByRole('dialog', { name: '以上年报告为模板新建' });
    await expect.poll(() => dialog.textContent()).toContain('2024年报.docx');
    expect(await dialog.getByLabel('本次报告年度').inputValue()).toBe('2025');
    await dialog.getByRole('button', { name: '新建本年度报告' }).click();
    await page.getByRole('dialog', { name: '上年数据结转说明' }).getByRole('button', { name: '知道了' }).click();
    await showSection(page, '三');
    const carried = cell(page, 'requests.carried_in.natural');
    expect(await carried.inputValue()).toBe('103');
    expect(await carried.getAttribute('data-provenance')).toBe('carried');
    expect(await carried.getAttribute('title')).toBe('取自上年报告的“四、结转下年度继续办理·自然人”');
    expect(await cell(page, 'requests.new.natural').inputValue()).toBe('');
    // Only leaf cells are carried: the total computes, and follows a changed part without an error.
    const total = cell(page, 'requests.carried_in.total');
    expect(await total.getAttribute('data-provenance')).toBe('computed');
    const before = Number(await total.inputValue());
    await typeInto(page, 'requests.carried_in.natural', '100');
    await expect.poll(() => total.inputValue()).toBe(String(before - 3));
    expect(await total.getAttribute('aria-invalid')).toBeNull();
    await showSection(page, '一');
    const banner = page.getByRole('note').first();
    await expect.poll(() => banner.textContent()).toMatch(/^第 1、2(、\d+)* 段是上年报告的文字/);
    // Editing the first paragraph unmarks it alone.
    const prose = page.locator('#narrative-一');
    await prose.focus();
    await prose.press('Control+Home');
    await page.keyboard.type('本年');
    await expect.poll(() => banner.textContent()).toMatch(/^第 2(、\d+)* 段是上年报告的文字/);
  });

  it('upgrades a 2020 report published as text to the 2021 format, asking to confirm approximations', async () => {
    const page = editor.page();
    await writeFile(join(editor.session().workspace, '新习镇2020.txt'), sampleText(XINXI_2020));
    await startFromFile(page, '新习镇2020.txt');
    const dialog = page.getByRole('dialog', { name: '以上年报告为模板新建' });
    await dialog.getByRole('button', { name: '新建本年度报告' }).click();
    const notes = page.getByRole('dialog', { name: '上年数据结转说明' });
    await expect.poll(() => notes.textContent()).toContain('已由上年的国办公开办函〔2019〕60号格式转换');
    expect(await notes.textContent()).toContain('现行有效件数：2019年版格式的“对外公开总数量”与2021年版的“现行有效件数”口径不同');
    await notes.getByRole('button', { name: '知道了' }).click();
    expect(await page.getByText(/2021 年度（2021 年版格式/).count()).toBe(1);
    await showSection(page, '二');
    expect(await cell(page, 'art20_1.regulations.in_force').getAttribute('class')).toContain('needs-confirm');
  });

  it('opening a Word report offers to start from it; the blank provincial template asks for the year and opens quietly', async () => {
    const page = editor.page();
    await writeFile(join(editor.session().workspace, '模板.docx'), await readFile(TEMPLATE_2021));
    await answerNextDialog(page, '模板.docx');
    await page.getByRole('button', { name: '打开', exact: true }).click();
    const refused = page.getByRole('dialog', { name: '无法打开' });
    await answerNextDialog(page, '模板.docx');
    await refused.getByRole('button', { name: '以上年报告为模板新建…' }).click();
    const dialog = page.getByRole('dialog', { name: '以上年报告为模板新建' });
    await expect.poll(() => dialog.textContent()).toContain('年度未能识别');
    expect(await dialog.getByLabel('本次报告年度').inputValue()).toBe('');
    await dialog.getByLabel('本次报告年度').fill('２０２５');
    // It names no organ either: asked too.
    await dialog.getByLabel('机关名称').fill('某某镇人民政府');
    await dialog.getByRole('button', { name: '新建本年度报告' }).click();
    await expect.poll(() => page.getByText(/2025 年度（2021 年版格式/).count()).toBe(1);
    expect(await page.getByLabel('机关名称', { exact: true }).inputValue()).toBe('某某镇人民政府');
    // Nothing typed yet: no section shows an error.
    const nav = page.getByRole('navigation', { name: '报告章节' });
    expect(await nav.getByRole('button', { name: /个错误/ }).count()).toBe(0);
  });

  it('refuses a file that is not a report with a message, keeping the open report', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.new.natural', '4');
    await writeFile(join(editor.session().workspace, '坏文件.docx'), Buffer.from('这不是一个 Word 文件'.repeat(20)));
    await answerNextDialog(page, '坏文件.docx');
    await page.getByRole('toolbar').getByRole('button', { name: '以上年报告为模板新建' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/[\u4e00-\u9fff]{6}/);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await cell(page, 'requests.new.natural').inputValue()).toBe('4');
  });

  it('asks about unsaved changes only when the new report is about to replace them', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.new.natural', '4');
    await writeFile(join(editor.session().workspace, '2024.txt'), sampleText(HUAIAN_2024));
    await answerNextDialog(page, '2024.txt');
    await page.getByRole('toolbar').getByRole('button', { name: '以上年报告为模板新建' }).click();
    const dialog = page.getByRole('dialog', { name: '以上年报告为模板新建' });
    await answerNextDialog(page, 'cancel');
    await dialog.getByRole('button', { name: '新建本年度报告' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __dialogAnswers: unknown[] }).__dialogAnswers.length)).toBe(0);
    expect(await dialog.isVisible()).toBe(true);
    expect(await cell(page, 'requests.new.natural').inputValue()).toBe('4');
    await answerNextDialog(page, 'discard');
    await dialog.getByRole('button', { name: '新建本年度报告' }).click();
    await page.getByRole('dialog', { name: '上年数据结转说明' }).getByRole('button', { name: '知道了' }).click();
    await showSection(page, '三');
    expect(await cell(page, 'requests.new.natural').inputValue()).toBe('');
    expect(await cell(page, 'requests.carried_in.natural').inputValue()).toBe('103');
  });

  it('exports Word through the dialog; the file reads back with what was typed', async () => {
    const page = editor.page();
    await createReport(page, 2025, '导出测试镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.new.natural', '9');
    await typeInto(page, 'requests.granted.natural', '9');
    const path = await exportThroughDialog(page, '导出 Word', '导出.docx', async (dialog) => {
      await expect.poll(() => dialog.textContent()).toContain('条提示');
      // Only warnings: nothing stands in the way of sending this one.
      expect(await dialog.getByRole('button', { name: '导出', exact: true }).count()).toBe(1);
    });
    const { report } = importDocx(new Uint8Array(await readFile(path)));
    expect(report.organ).toBe('导出测试镇人民政府');
    expect(report.cells['requests.new.natural']?.raw).toBe('9');
    expect(report.cells['requests.granted.natural']?.raw).toBe('9');
  });

  it('exports text and a web page with the options chosen in the dialog', async () => {
    const page = editor.page();
    await createReport(page, 2025, '导出测试镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.new.natural', '9');
    const text = await readFile(await exportThroughDialog(page, '导出文本', '导出.txt', async (dialog) => {
      await dialog.getByRole('radio', { name: /制表符分隔/ }).check();
      await dialog.getByRole('checkbox', { name: '空白单元格印为 0' }).check();
    }), 'utf8');
    // Tab-separated, blanks printed as 0, the total computed: 自然人 9, five blank columns, 总计 9.
    expect(text).toMatch(/一、本年新收[^\n]*\t9\t0\t0\t0\t0\t0\t9\s*$/m);

    const html = await readFile(await exportThroughDialog(page, '导出网页', '导出.html', async () => {}), 'utf8');
    expect(html).toMatch(/<th[^>]*colspan="5"[^>]*>法人或其他组织<\/th>/);
    // Blanks stay blank unless asked: the business column of 本年新收 is an empty cell.
    expect(html).toMatch(/本年新收[\s\S]*?<td[^>]*>9<\/td>\s*<td[^>]*><\/td>/);
  });
});
