import { describe, expect, it } from 'vitest';
import { findSoffice, pdfFromDocx } from '../../../electron/services/pdfFromDocx.ts';

describe('findSoffice', () => {
  const installed = (...paths: string[]) => (path: string) => paths.includes(path);
  it.each([
    ['the program NIANBAO_SOFFICE names', { NIANBAO_SOFFICE: '/custom/soffice' }, installed('/usr/bin/soffice'), '/custom/soffice'],
    ['LibreOffice in Program Files on Windows', {}, installed('C:\\Program Files\\LibreOffice\\program\\soffice.exe'), 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'],
    ['the Debian/UOS package', {}, installed('/usr/lib/libreoffice/program/soffice'), '/usr/lib/libreoffice/program/soffice'],
    ['soffice on the PATH when none is in a known place', {}, installed(), 'soffice'],
  ])('finds %s', (_, env, exists, expected) => {
    expect(findSoffice(env, exists)).toBe(expected);
  });
});

describe('pdfFromDocx', () => {
  it('says what went wrong when LibreOffice cannot convert the file', async () => {
    await expect(pdfFromDocx(new TextEncoder().encode('not a docx'), '/bin/false')).rejects.toThrow('LibreOffice 未能把报告转换为 PDF');
  });
});
