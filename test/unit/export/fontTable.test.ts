import { DOMParser } from '@xmldom/xmldom';
import { exportDocx, type DocxOptions } from '../../../shared/export/docx.ts';
import { fontTableXml, fontsUsed } from '../../../shared/export/fontTable.ts';
import { readDocx, W } from './docxGrid.ts';
import { builtReport } from './expected.ts';

interface Declared {
  altName: string | null;
  charset: string | null;
  family: string | null;
  panose: string | null;
}

function declared(xml: string): Map<string, Declared> {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const value = (font: Element, tag: string) => font.getElementsByTagNameNS(W, tag)[0]?.getAttributeNS(W, 'val') ?? null;
  const fonts = Array.from(doc.getElementsByTagNameNS(W, 'font') as unknown as Iterable<Element>);
  return new Map(
    fonts.map((f) => [
      f.getAttributeNS(W, 'name')!,
      { altName: value(f, 'altName'), charset: value(f, 'charset'), family: value(f, 'family'), panose: value(f, 'panose1') },
    ]),
  );
}

/** Every font named in any run property of the package, read straight from its XML. */
function namedInRuns(parts: Record<string, string>): Set<string> {
  const names = new Set<string>();
  for (const [name, xml] of Object.entries(parts)) {
    if (!/^word\/.*\.xml$/.test(name) || name === 'word/fontTable.xml') continue;
    for (const m of xml.matchAll(/<w:rFonts ([^>]*)\/>/g)) for (const a of m[1]!.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)) names.add(a[1]!);
  }
  return names;
}

describe('the Word file’s font table', () => {
  const cases: [string, DocxOptions][] = [
    ['official', { layout: 'official' }],
    ['compact', { layout: 'compact' }],
  ];

  it.each(cases)('%s: declares every font the runs use, the Chinese ones with GB2312, family, PANOSE and an alternative', async (_, options) => {
    const doc = readDocx(await exportDocx(builtReport('gov2021'), options));
    const table = declared(doc.parts['word/fontTable.xml']!);
    const used = namedInRuns(doc.parts);
    expect(used.size).toBeGreaterThan(2);
    expect([...used].filter((name) => !table.has(name))).toEqual([]);
    for (const name of used) {
      const font = table.get(name)!;
      expect({ name, panose: /^[0-9A-F]{20}$/.test(font.panose ?? ''), family: font.family !== null }).toEqual({ name, panose: true, family: true });
      if (/[\u4e00-\u9fff]/.test(name)) expect({ name, charset: font.charset, alt: font.altName !== null }).toEqual({ name, charset: '86', alt: true });
    }
  });

  it('substitutes 仿宋, 楷体 and 宋体 for the fonts an office PC often lacks', () => {
    const table = declared(fontTableXml(['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体']));
    expect([...table].map(([name, d]) => [name, d.altName])).toEqual([
      ['仿宋_GB2312', '仿宋'],
      ['楷体_GB2312', '楷体'],
      ['方正小标宋简体', '宋体'],
    ]);
  });

  it('reads font names from run parts only, unescaped, in first-use order', () => {
    const parts = {
      'word/document.xml': '<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:rFonts w:eastAsia="A&amp;B"/>',
      'word/footer1.xml': '<w:rFonts w:eastAsia="宋体" w:ascii="宋体"/>',
      'word/theme/theme1.xml': '<a:latin typeface="Calibri"/><w:rFonts w:ascii="Calibri"/>',
    };
    expect(fontsUsed(parts)).toEqual(['Times New Roman', '仿宋_GB2312', 'A&B', '宋体']);
    expect(() => fontTableXml(['Comic Sans MS'])).toThrow(/Comic Sans MS/);
  });
});
