/**
 * The 图解 appendix of the .docx: each chart as SVG with a PNG fallback and a
 * caption, after the report; rendered by LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { REPORT_FORMATS } from '../../../electron/services/formats.ts';
import { ExportDocxOptionsSchema } from '../../../shared/bridge.ts';
import { startNextYear } from '../../../shared/carryover/startNextYear.ts';
import { chartCaption, reportCharts } from '../../../shared/compare/charts.ts';
import { exportDocx } from '../../../shared/export/docx.ts';
import { decodeText, importText } from '../../../shared/import/text.ts';
import type { Report } from '../../../shared/model/report.ts';

const SAMPLES = new URL('../../../../shared/samples/', import.meta.url).pathname;
const sample = (name: string): Report => importText(decodeText(readFileSync(SAMPLES + name))).report;

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A plain grey PNG (what the editor's canvas gives, minus the drawing). */
function greyPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xc8);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]),
  );
}

const { report: started } = startNextYear(sample('2023_hongze-district.txt'));
const report: Report = { ...started, cells: sample('2024_hongze-district.txt').cells };
const charts = reportCharts(report);
const png = greyPng(192, 96);

let dir = '';
const rendered: Record<'plain' | 'appendix', { pages: number; text: string }> = {} as never;
let docx: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-appendix-'));
  // A PNG of its own for each chart (the same bytes would be stored once).
  docx = await exportDocx(report, { layout: 'official', chartsAppendix: charts.map((chart, i) => ({ chart, png: greyPng(192, 96 + i) })) });
  writeFileSync(join(dir, 'appendix.docx'), docx);
  writeFileSync(join(dir, 'plain.docx'), await exportDocx(report, { layout: 'official' }));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'plain.docx'), join(dir, 'appendix.docx')],
    { timeout: 110_000, stdio: 'ignore' },
  );
  for (const name of ['plain', 'appendix'] as const) {
    const pdf = join(dir, `${name}.pdf`);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    rendered[name] = { pages, text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '') };
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the 图解 appendix', () => {
  it('adds pages after the report with a caption under each chart', () => {
    expect(rendered.appendix.pages).toBeGreaterThan(rendered.plain.pages);
    expect(rendered.plain.text).not.toContain('图解');
    const at = charts.map((chart, i) => rendered.appendix.text.indexOf(`图${i + 1}${chartCaption(chart)}`.replace(/\s+/g, '')));
    expect(at.every((i) => i > rendered.appendix.text.indexOf('图解'))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(rendered.appendix.text).toContain('图1本年新收政府信息公开申请（按申请人）（2023年、2024年）');
  });

  it('embeds each chart as SVG with the PNG as its fallback', () => {
    const files = unzipSync(docx);
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(3);
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(3);
    expect(strFromU8(files[media.find((f) => f.endsWith('.svg'))!]!)).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(strFromU8(files['word/document.xml']!)).toContain('svgBlip');
  });

  it('is off by default, and across the bridge takes only PNGs for the report’s own charts', async () => {
    expect(ExportDocxOptionsSchema.parse({}).chartsAppendix).toBeUndefined();
    expect(Object.keys(unzipSync(await REPORT_FORMATS.exporters.docx(report, ExportDocxOptionsSchema.parse({})))).some((f) => f.startsWith('word/media/'))).toBe(false);
    const base64 = Buffer.from(png).toString('base64');
    const options = ExportDocxOptionsSchema.parse({
      chartsAppendix: [
        { id: 'applicants', png: base64 },
        { id: 'results', png: Buffer.from('not a png').toString('base64') },
        { id: 'unknown', png: base64 },
      ],
    });
    const files = unzipSync(await REPORT_FORMATS.exporters.docx(report, options));
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.svg'))).toHaveLength(1);
  });
});
