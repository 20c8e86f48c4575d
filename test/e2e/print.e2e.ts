import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cell, createReport, showSection, typeInto } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

describe('打印', () => {
  it('prints the official layout, not the editor: title, six headings, tables with the typed numbers, A4 pages', async () => {
    const page = editor.page();
    // The OS print dialog is the one thing replaced: it keeps the page as it was when printing began.
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { __printed?: string }).__printed = document.querySelector('.app')?.outerHTML;
      };
    });
    await createReport(page, 2025, '打印测试镇人民政府');
    await showSection(page, '三');
    await typeInto(page, 'requests.new.natural', '37');
    await typeInto(page, 'requests.granted.natural', '29');
    await typeInto(page, 'requests.partly_granted.natural', '8');
    expect(await cell(page, 'requests.results_total.natural').inputValue()).toBe('37');
    await page.getByRole('button', { name: '打印' }).click();
    const printed = await page.waitForFunction(() => (window as unknown as { __printed?: string }).__printed);
    const html = String(await printed.jsonValue());
    expect(await page.locator('.print-view').count()).toBe(0);

    // The page as it was when the dialog opened, printed with the page's own print stylesheet.
    await page.evaluate((app) => {
      document.body.innerHTML = app;
    }, html);
    const pdfPath = join(editor.session().workspace, 'printed.pdf');
    await writeFile(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
    expect(text.replace(/\s/g, '')).toContain('打印测试镇人民政府2025年政府信息公开工作年度报告');
    const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const positions = headings.map((h) => text.replace(/\s/g, '').indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/37/);
    expect(text).toMatch(/29/);
    expect(text).not.toContain('检查结果');
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
  });

  it('explains that browser mode makes PDFs through the print dialog', async () => {
    const page = editor.page();
    await createReport(page, 2025, '某某镇人民政府');
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('另存为 PDF');
  });
});
