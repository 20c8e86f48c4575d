import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReport } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();
const PACK = join(process.cwd(), 'build/rule-packs/example-county.json');

describe('设置 → 规则包 in Chromium', () => {
  it('loads the example pack from disk, checks the report against it, and still has it after a reload', async () => {
    const page = editor.page();
    await createReport(page, 2025, '示例县甲镇人民政府');
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const packFinding = panel.getByRole('button', { name: /主动公开政府信息情况应写明政策解读和政务新媒体发布的数量/ });
    expect(await packFinding.count()).toBe(0);

    await page.getByRole('toolbar').getByRole('button', { name: '规则包' }).click();
    const dialog = page.getByRole('dialog', { name: '规则包' });
    await dialog.getByLabel('载入规则包文件').setInputFiles(PACK);
    const pack = dialog.getByRole('region', { name: /示例县政府信息公开工作年度报告编制要求/ });
    await expect.poll(() => pack.textContent()).toContain('发布单位：示例县人民政府办公室（县政务公开办）');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => packFinding.count()).toBe(1);

    await page.reload();
    await createReport(page, 2025, '示例县甲镇人民政府');
    await expect.poll(() => packFinding.count()).toBe(1);
  });
});
