/**
 * Pages of exported .docx files for the README, as LibreOffice renders them:
 * a 2021-format report (洪泽区 2024) and a 2019-format one (新习镇 2020), both
 * published samples, exported in the 公文 layout and converted to PDF with
 * soffice; page 1 of the first and the pages holding the table of 三 of both
 * drawn by pdftoppm. Run: `npx tsx test/tools/readme-export-pages.ts`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportDocx } from '../../shared/export/docx.ts';
import { HONGZE_2024, XINXI_2020, reportFromFixture, type SampleFixture } from '../fixtures/samples/index.ts';

const OUT = resolve('assets/readme');
const REPORTS: { name: string; fixture: SampleFixture; firstPage: boolean }[] = [
  { name: 'export-2021', fixture: HONGZE_2024, firstPage: true },
  { name: 'export-2019', fixture: XINXI_2020, firstPage: false },
];

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pages-'));
try {
  const files: string[] = [];
  for (const { name, fixture } of REPORTS) {
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, await exportDocx(reportFromFixture(fixture), { layout: 'official' }));
    files.push(docx);
  }
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'ignore',
  });
  for (const { name, firstPage } of REPORTS) {
    const pdf = join(dir, `${name}.pdf`);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    const textOf = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
    // Every page of 三 repeats the merged applicant header.
    const requests = Array.from({ length: pages }, (_, i) => i + 1).filter((page) => textOf(page).includes('申请人情况'));
    const wanted: [number, string][] = [
      ...(firstPage ? ([[1, `${name}-page1`]] as [number, string][]) : []),
      ...requests.map((page, i): [number, string] => [page, `${name}-requests-${i + 1}`]),
    ];
    for (const [page, image] of wanted) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', String(page), '-l', String(page), pdf, join(dir, image)]);
      copyFileSync(join(dir, `${image}.png`), join(OUT, `${image}.png`));
    }
    console.log(`${name}: ${pages} pages; 三 on ${requests.join(' and ')}; ${wanted.map(([, image]) => image).join(', ')} written to ${OUT}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
