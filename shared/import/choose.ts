/**
 * Which reader gets a file handed in for import: decided once, here, for the
 * app, the web host and the CLI, so one file always gets one message.
 *
 * The docx reader knows every Word-like file (zip, old OLE .doc/.wps, RTF,
 * PDF, web pages saved as .doc) and says in Chinese what each one is; the
 * text reader gets everything else. A file named .docx goes to the docx
 * reader whatever its bytes, so random bytes there read "not a Word file",
 * not "save as plain text".
 */
export type ImporterKind = 'docx' | 'text';

const WORD_EXTENSIONS = /\.(docx|docm|dotx|doc|wps|wpt|rtf)$/i;

const MAGICS: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04], // zip: .docx, .xlsx, .odt…
  [0xd0, 0xcf, 0x11, 0xe0], // OLE: .doc, .wps, encrypted .docx
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
  [0x25, 0x50, 0x44, 0x46], // %PDF
];

export function chooseImporter(bytes: Uint8Array, fileName: string): ImporterKind {
  if (WORD_EXTENSIONS.test(fileName)) return 'docx';
  return MAGICS.some((magic) => magic.every((b, i) => bytes[i] === b)) ? 'docx' : 'text';
}
