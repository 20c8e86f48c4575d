/**
 * Every exported .docx (both layouts, every sample) saved again by LibreOffice
 * as .docx and as .odt, and read back through our own importer: every cell
 * of the format must come back as printed. Our importer reads no .odt, so the
 * .odt is turned back into .docx by LibreOffice first; each step is one soffice
 * call over all files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx, type DocxLayoutName } from '../../../shared/export/docx.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import type { Report } from '../../../shared/model/report.ts';
import { SAMPLE_REPORTS, expectedCells } from './expected.ts';

const LAYOUTS: DocxLayoutName[] = ['official', 'compact'];
const CASES = SAMPLE_REPORTS.flatMap(({ name, report }) => LAYOUTS.map((layout) => ({ name: `${name}-${layout}`, report, layout })));

let dir = '';

function convert(format: string, outdir: string, files: string[]): void {
  mkdirSync(outdir, { recursive: true });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outdir, ...files],
    { timeout: 100_000, stdio: 'ignore' },
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-roundtrip-'));
  const ours = join(dir, 'ours');
  mkdirSync(ours);
  const files: string[] = [];
  for (const c of CASES) {
    const file = join(ours, `${c.name}.docx`);
    writeFileSync(file, await exportDocx(c.report, { layout: c.layout }));
    files.push(file);
  }
  convert('docx:MS Word 2007 XML', join(dir, 'docx'), files);
  convert('odt', join(dir, 'odt'), files);
  convert('docx:MS Word 2007 XML', join(dir, 'odt-docx'), CASES.map((c) => join(dir, 'odt', `${c.name}.odt`)));
}, 330_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every format cell with text as the importer gives it back; '' for none. */
function cellsOf(report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, cell] of evaluateReport(report).cells) {
    out[id] = cell.value !== null ? String(cell.value) : (cell.raw ?? '').trim();
  }
  return out;
}

describe('exported .docx saved again by LibreOffice and read back', () => {
  for (const via of ['docx', 'odt-docx'] as const) {
    it(`keeps every cell of every sample and layout through LibreOffice’s ${via === 'docx' ? '.docx' : '.odt'}`, async () => {
      for (const c of CASES) {
        const bytes = new Uint8Array(readFileSync(join(dir, via, `${c.name}.docx`)));
        const back = cellsOf((await readReportBytes(bytes, `${c.name}.docx`)).report);
        const expected = Object.fromEntries(expectedCells(c.report).map((cell) => [cell.id, cell.text]));
        expect({ name: c.name, cells: back }).toEqual({ name: c.name, cells: expected });
      }
    });
  }
});
