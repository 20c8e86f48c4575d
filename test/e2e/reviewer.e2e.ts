import { describe, expect, it } from 'vitest';
import { createReport } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

describe('the reviewer’s findings on 基本信息 in Chromium', () => {
  it('takes the clerk to the 机关名称 and 落款日期 fields, follows the organ kind, and fixes the citation in one click', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某县财政局');
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const info = panel.getByRole('region', { name: '基本信息' });

    await info.getByRole('button', { name: /未填写落款日期/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('date-line');
    await page.keyboard.type('2026年2月10日');
    await expect.poll(() => info.getByRole('button', { name: /晚于县级以上人民政府部门的发布期限/ }).count()).toBe(1);
    await page.getByLabel('机关类型').selectOption('government');
    await expect.poll(() => info.getByRole('button', { name: /发布期限/ }).count()).toBe(0);

    const preface = page.getByLabel('开头段落（本报告根据……编制）');
    await preface.fill('本报告根据《年度报告格式》（国办公开函〔2021〕30号）要求编制。');
    await info.getByRole('button', { name: '改为“国办公开办函〔2021〕30号”' }).click();
    expect(await preface.inputValue()).toBe('本报告根据《年度报告格式》（国办公开办函〔2021〕30号）要求编制。');

    await page.getByLabel('机关名称', { exact: true }).fill('');
    await page.getByRole('button', { name: /^一、/ }).first().click();
    await panel.getByRole('button', { name: /未填写机关名称/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('organ');
  });
});
