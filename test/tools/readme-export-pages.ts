/**
 * Pages of an exported .docx for the README, as LibreOffice renders them:
 * the 2024 洪泽区 sample exported in the 公文 layout, converted to PDF with
 * soffice, then the first page and the page with the table of 三 drawn by
 * pdftoppm. Run: `npx tsx test/tools/readme-export-pages.ts`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportDocx } from '../../shared/export/docx.ts';
import { HONGZE_2024, reportFromFixture } from '../fixtures/samples/index.ts';

const OUT = resolve('assets/readme');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-pages-'));
try {
  const docx = join(dir, 'report.docx');
  writeFileSync(docx, await exportDocx(reportFromFixture(HONGZE_2024), { layout: 'official' }));
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    stdio: 'ignore',
  });
  const pdf = join(dir, 'report.pdf');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  const textOf = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  // The page where the table of 三 starts shows the merged applicant header.
  let tablePage = 1;
  while (tablePage < pages && !textOf(tablePage).includes('申请人情况')) tablePage++;
  for (const [page, name] of [
    [1, 'export-page1'],
    [tablePage, 'export-requests'],
  ] as const) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', String(page), '-l', String(page), pdf, join(dir, name)]);
    copyFileSync(join(dir, `${name}.png`), join(OUT, `${name}.png`));
  }
  console.log(`${pages} pages; page 1 and page ${tablePage} (三) written to ${OUT}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
