/**
 * The PDF fixtures (test/fixtures/pdf): every published sample, imported
 * from its text, exported by our Word export in both layouts, then exported
 * to PDF by LibreOffice, as a clerk's "另存为 PDF" would. Committed, since
 * LibreOffice takes seconds per file and its output drifts between versions.
 * Run: `npx tsx test/tools/make-pdf-fixtures.ts`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportDocx, type DocxLayoutName } from '../../shared/export/docx.ts';
import { importText } from '../../shared/import/text.ts';
import { SAMPLES, sampleText } from '../fixtures/samples/index.ts';
import { pdfFixtureName } from '../fixtures/pdf/index.ts';

const OUT = resolve('test/fixtures/pdf');
const LAYOUTS: readonly DocxLayoutName[] = ['official', 'compact'];

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-fixtures-'));
try {
  const inputs: string[] = [];
  for (const fx of SAMPLES) {
    const { report } = importText(sampleText(fx));
    for (const layout of LAYOUTS) {
      const file = join(dir, `${pdfFixtureName(fx, layout)}.docx`);
      writeFileSync(file, await exportDocx(report, { layout }));
      inputs.push(file);
    }
  }
  // One soffice call for all (starting LibreOffice costs seconds), with a private profile.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs], {
    stdio: 'ignore',
    timeout: 300_000,
  });
  for (const input of inputs) {
    const name = input.replace(/^.*\//, '').replace(/\.docx$/, '.pdf');
    copyFileSync(join(dir, name), join(OUT, name));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
