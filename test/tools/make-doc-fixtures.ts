/**
 * The Word 97-2003 (.doc) fixtures: each published sample imported from its
 * text, exported by our .docx export, and saved as .doc by LibreOffice; and
 * the real provincial Word template saved as .doc the same way. LibreOffice
 * cannot write WPS's .wps, which is the same binary under another name.
 * hidden-and-deleted.doc holds hidden text and a tracked deletion.
 * western-text.doc is two lines of plain ASCII text saved the same way (the
 * compressed-piece test rewrites its text as Word would store it).
 * Run: `npx tsx test/tools/make-doc-fixtures.ts` (needs soffice).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportDocx } from '../../shared/export/docx.ts';
import { importText } from '../../shared/import/text.ts';
import { HIDDEN_AND_DELETED_BODY } from '../fixtures/doc/index.ts';
import { docxFromBody } from '../fixtures/docx/package.ts';
import { SAMPLES, sampleText } from '../fixtures/samples/index.ts';

const OUT = resolve('test/fixtures/doc');
const TEMPLATE = resolve('../shared/samples/template-2021-format-blank.docx');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-doc-'));

function toDoc(docx: string): string {
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'doc', '--outdir', dir, docx], {
    stdio: 'ignore',
  });
  return docx.replace(/\.docx$/, '.doc');
}

try {
  for (const fx of SAMPLES) {
    const name = fx.file.replace(/\.txt$/, '');
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, await exportDocx(importText(sampleText(fx)).report, { layout: 'official' }));
    copyFileSync(toDoc(docx), join(OUT, `${name}.doc`));
  }
  const template = join(dir, 'template-2021-format-blank.docx');
  copyFileSync(TEMPLATE, template);
  copyFileSync(toDoc(template), join(OUT, 'template-2021-format-blank.doc'));
  const hidden = join(dir, 'hidden-and-deleted.docx');
  writeFileSync(hidden, docxFromBody(HIDDEN_AND_DELETED_BODY));
  copyFileSync(toDoc(hidden), join(OUT, 'hidden-and-deleted.doc'));
  const western = join(dir, 'western-text.txt');
  writeFileSync(western, 'Hello world 2024\nSecond line\n');
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'doc', '--outdir', dir, western], { stdio: 'ignore' });
  copyFileSync(join(dir, 'western-text.doc'), join(OUT, 'western-text.doc'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
