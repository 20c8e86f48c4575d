/**
 * PDF for the command line, which has no Chromium to print with: the Word
 * export converted by LibreOffice when the machine has it (UOS and Kylin ship
 * it; many Windows offices install it). The desktop app prints its own view
 * with printToPDF instead.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileError } from './errors.ts';

/** Where LibreOffice puts soffice when it is not on the PATH. */
const KNOWN_PLACES = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

/** NIANBAO_SOFFICE names the program outright; otherwise a known place, else the PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const chosen = env['NIANBAO_SOFFICE'];
  if (chosen) return chosen;
  return KNOWN_PLACES.find(exists) ?? 'soffice';
}

const NO_LIBREOFFICE =
  '本机没有找到 LibreOffice，命令行无法直接导出 PDF。请先导出 Word（--docx），在 Word 或 WPS 中另存为 PDF；或在年报桌面版中使用“导出 PDF”。';

const CONVERSION_FAILED = 'LibreOffice 未能把报告转换为 PDF；请导出 Word 后另存为 PDF。';

/** Converting a report takes a few seconds; a minute means LibreOffice is stuck (e.g. a dialog on a locked profile). */
const TIMEOUT_MS = 60_000;

export async function pdfFromDocx(docx: Uint8Array, soffice: string = findSoffice()): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-pdf-'));
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    // A profile of its own, so a LibreOffice the clerk has open does not swallow the conversion.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: TIMEOUT_MS, windowsHide: true },
        (error) => (error ? reject(error) : resolve()),
      );
    }).catch((error: unknown) => {
      const missing = typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
      throw new FileError(missing ? NO_LIBREOFFICE : CONVERSION_FAILED);
    });
    const pdf = join(dir, 'report.pdf');
    if (!existsSync(pdf)) throw new FileError(CONVERSION_FAILED);
    return new Uint8Array(await readFile(pdf));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
