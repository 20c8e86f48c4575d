/**
 * The PDF fixtures (test/fixtures/pdf): every published sample, imported
 * from its text, exported by our Word export in both layouts, then exported
 * to PDF by LibreOffice, as a clerk's "另存为 PDF" would; and two that must
 * be refused: a scan (a page drawn as a picture, no text layer) and a PDF
 * with an open password (123456). Committed, since
 * LibreOffice takes seconds per file and its output drifts between versions.
 * Run: `npx tsx test/tools/make-pdf-fixtures.ts`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { exportDocx, type DocxLayoutName } from '../../shared/export/docx.ts';
import { importText } from '../../shared/import/text.ts';
import { SAMPLES, sampleText } from '../fixtures/samples/index.ts';
import { scannedPdf } from '../fixtures/pdf/build.ts';
import { BORDERLESS_SAMPLES, borderlessFixtureName, ENCRYPTED, pdfFixtureName, SCANNED } from '../fixtures/pdf/index.ts';

const OUT = resolve('test/fixtures/pdf');
const LAYOUTS: readonly DocxLayoutName[] = ['official', 'compact'];

const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
if (values.only !== undefined && values.only !== 'borderless') throw new Error('--only takes: borderless');

/** The Word file with every table border set to none and cell shading dropped. */
function withoutBorders(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']!)
    .replace(/<w:(tblBorders|tcBorders)>.*?<\/w:\1>/g, (block) => block.replace(/w:val="[a-z]+"/g, 'w:val="nil"'))
    .replace(/<w:shd [^>]*\/>/g, '');
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files);
}

const soffice = (dir: string, inputs: string[]) =>
  // One soffice call for all (starting LibreOffice costs seconds), with a private profile.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs], {
    stdio: 'ignore',
    timeout: 300_000,
  });

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-fixtures-'));
try {
  const borderless: string[] = [];
  for (const fx of BORDERLESS_SAMPLES) {
    const { report } = importText(sampleText(fx));
    const file = join(dir, `${borderlessFixtureName(fx)}.docx`);
    writeFileSync(file, withoutBorders(await exportDocx(report, { layout: 'compact' })));
    borderless.push(file);
  }
  soffice(dir, borderless);
  for (const input of borderless) {
    const name = input.replace(/^.*\//, '').replace(/\.docx$/, '.pdf');
    copyFileSync(join(dir, name), join(OUT, name));
  }
  if (values.only !== 'borderless') {
    const inputs: string[] = [];
    for (const fx of SAMPLES) {
      const { report } = importText(sampleText(fx));
      for (const layout of LAYOUTS) {
        const file = join(dir, `${pdfFixtureName(fx, layout)}.docx`);
        writeFileSync(file, await exportDocx(report, { layout }));
        inputs.push(file);
      }
    }
    soffice(dir, inputs);
    for (const input of inputs) {
      const name = input.replace(/^.*\//, '').replace(/\.docx$/, '.pdf');
      copyFileSync(join(dir, name), join(OUT, name));
    }

    // A scan: the first page of one sample drawn as a grey picture (pdftoppm) inside a PDF of its own.
    const first = join(dir, `${pdfFixtureName(SAMPLES[0]!, 'official')}.pdf`);
    const pgm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '50', '-gray', '-singlefile', first]);
    const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1')) ?? [];
    const pixels = pgm.subarray(pgm.length - Number(width) * Number(height));
    writeFileSync(join(OUT, `${SCANNED}.pdf`), scannedPdf(Number(width), Number(height), pixels));

    // A password to open: LibreOffice's PDF export, encrypted.
    const encrypt = JSON.stringify({ EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: '123456' } });
    const encryptedDir = join(dir, 'encrypted');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', `pdf:writer_pdf_Export:${encrypt}`, '--outdir', encryptedDir, inputs[0]!], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    copyFileSync(join(encryptedDir, `${pdfFixtureName(SAMPLES[0]!, 'official')}.pdf`), join(OUT, `${ENCRYPTED}.pdf`));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
