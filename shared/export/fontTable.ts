/**
 * The Word file's font table (ECMA-376 Part 1 §17.8): every font the runs
 * name, with its character set, family, PANOSE number and an alternative
 * name. Word substitutes a missing font from these; without them a PC that
 * has 仿宋 but not 仿宋_GB2312 gets whatever Word guesses.
 *
 * The docx library writes an empty table, so the package is rewritten:
 * bytes in, bytes out.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface FontDeclaration {
  /** Character set as ECMA-376 writes it, in hex: 86 is GB2312, 00 ANSI. */
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable' | 'default';
  /** Ten PANOSE bytes in hex. */
  panose: string;
  /** The font to use where this one is missing. */
  altName?: string;
}

/** The fonts the exporters use, described as the Windows fonts of those names are. */
export const FONT_DECLARATIONS: Readonly<Record<string, FontDeclaration>> = {
  'Times New Roman': { charset: '00', family: 'roman', pitch: 'variable', panose: '02020603050405020304' },
  宋体: { charset: '86', family: 'auto', pitch: 'variable', panose: '02010600030101010101', altName: 'SimSun' },
  黑体: { charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609060101010101', altName: 'SimHei' },
  仿宋_GB2312: { charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609030101010101', altName: '仿宋' },
  楷体_GB2312: { charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609030101010101', altName: '楷体' },
  方正小标宋简体: { charset: '86', family: 'auto', pitch: 'variable', panose: '02000000000000000000', altName: '宋体' },
};

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PARTS_WITH_RUNS = /^word\/(document|styles|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
const FONT_ATTRIBUTE = /\bw:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Font names the run properties of these parts use, in first-use order. */
export function fontsUsed(parts: Readonly<Record<string, string>>): string[] {
  const names = new Set<string>();
  for (const [name, xml] of Object.entries(parts)) {
    if (!PARTS_WITH_RUNS.test(name)) continue;
    for (const match of xml.matchAll(FONT_ATTRIBUTE)) names.add(unescapeXml(match[1]!));
  }
  return [...names];
}

export function fontTableXml(names: readonly string[]): string {
  const fonts = names.map((name) => {
    const d = FONT_DECLARATIONS[name];
    if (!d) throw new Error(`no font declaration for “${name}”`);
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      (d.altName ? `<w:altName w:val="${escapeXml(d.altName)}"/>` : '') +
      `<w:panose1 w:val="${d.panose}"/><w:charset w:val="${d.charset}"/>` +
      `<w:family w:val="${d.family}"/><w:pitch w:val="${d.pitch}"/></w:font>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W_NS}">${fonts.join('')}</w:fonts>`;
}

/** The package with its font table declaring every font its runs use. */
export function withFontTable(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const texts: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) if (PARTS_WITH_RUNS.test(name)) texts[name] = strFromU8(bytes);
  files['word/fontTable.xml'] = strToU8(fontTableXml(fontsUsed(texts)));
  return zipSync(files);
}
