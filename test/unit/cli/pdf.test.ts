/**
 * The built `nianbao` command on PDFs: it reads a published report's PDF
 * like any other file, refuses a scan in one line with exit 2, and does not
 * load pdf.js for anything else (pdf.js lives in files of its own beside
 * the command, which `--version` never opens).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { builtCli } from './builtCli.ts';
import { PDF_MESSAGES } from '../../../shared/import/pdf.ts';
import { HUAIAN_2024 } from '../../fixtures/samples/index.ts';
import { PDF_FIXTURES_DIR, pdfFixturePath } from '../../fixtures/pdf/index.ts';

vi.setConfig({ testTimeout: 30_000 });

const { dir, nianbao } = builtCli('nianbao-cli-pdf-');

describe('nianbao on a PDF', () => {
  it('checks the report a PDF holds, with nothing on stderr', async () => {
    const { code, stdout, stderr } = await nianbao('check', pdfFixturePath(HUAIAN_2024, 'official'));
    expect(stderr).toBe('');
    expect(stdout).toContain('淮安市人民政府 2024年度');
    expect(code).toBe(0);
  });

  it('imports it with the PDF’s own lines in the import report', async () => {
    const { code, stdout } = await nianbao('import', '--json', pdfFixturePath(HUAIAN_2024, 'compact'));
    expect(code).toBe(0);
    const { importReport, report } = JSON.parse(stdout) as { importReport: { source: string; warnings: string[] }; report: { organ: string } };
    expect(importReport.source).toBe('pdf');
    expect(importReport.warnings[0]).toMatch(/^按版面从 \d+ 页 PDF 重建正文和表格/);
    expect(importReport.warnings).toContainEqual(expect.stringMatching(/表格跨页，已接续为同一张表/));
    expect(report.organ).toBe('淮安市人民政府');
  });

  it('refuses a scan in one Chinese line, exit 2', async () => {
    const { code, stdout, stderr } = await nianbao('check', join(PDF_FIXTURES_DIR, 'scanned.pdf'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`错误：${PDF_MESSAGES.scanned}\n`);
  });

  it('answers --version without pdf.js, which sits in files of its own', async () => {
    const pdfFiles = readdirSync(dir).filter((f) => /^pdf(\.worker)?-.*\.mjs$/.test(f));
    expect(pdfFiles).toHaveLength(2);
    for (const f of pdfFiles) rmSync(join(dir, f));
    const { code, stdout } = await nianbao('--version');
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
