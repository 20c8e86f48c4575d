/**
 * What kind of file this is, told by its first bytes and never by its name:
 * the one answer every reader and every host relies on (see read.ts).
 */

export type FileKind =
  | 'empty'
  /** A zip: .docx, but also .xlsx, .odt… (the docx reader tells those apart by their parts). */
  | 'zip'
  /** An OLE compound file holding an EncryptedPackage stream: a password-protected .docx. */
  | 'encryptedOoxml'
  /** Any other OLE compound file: Word 97-2003 .doc, or WPS .wps (the same binary). */
  | 'word97'
  | 'rtf'
  | 'pdf'
  /** Our own .nianbao file (JSON). */
  | 'nianbao'
  /** A saved web page (.html/.htm, or a Word "web page" saved as .doc). */
  | 'html'
  /** A single-file web archive (.mht/.mhtml): MIME with the page inside. */
  | 'mht'
  | 'text';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** How far into the file the textual kinds are looked for; a page's head is well within it. */
const HEAD_BYTES = 2048;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Whether `word` occurs as UTF-16LE, as stream names do in an OLE directory. */
export function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const first = word.charCodeAt(0);
  outer: for (let at = bytes.indexOf(first); at >= 0 && at + word.length * 2 <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    for (let i = 0; i < word.length; i++) {
      if (bytes[at + i * 2] !== word.charCodeAt(i) || bytes[at + i * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * The head as ASCII-compatible text: markers of the textual kinds are ASCII,
 * and GBK and UTF-8 agree with ASCII there. UTF-16 heads are narrowed first.
 */
function asciiHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, HEAD_BYTES);
  let step = 1;
  let from = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) from = 3;
  else if (startsWith(head, [0xff, 0xfe])) [from, step] = [2, 2];
  else if (startsWith(head, [0xfe, 0xff])) [from, step] = [3, 2];
  let out = '';
  for (let i = from; i < head.length; i += step) out += String.fromCharCode(head[i]!);
  return out.trimStart();
}

const HTML_HEAD = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p)[\s>/]/i;
const MIME_HEAD = /^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?(?:MIME-Version:|Content-Type:\s*multipart\/related)/i;

export function sniffKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  // "PK": a local header, or the end record of an empty archive.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (startsWith(bytes, OLE_MAGIC)) return containsUtf16(bytes, 'EncryptedPackage') ? 'encryptedOoxml' : 'word97';
  const head = asciiHead(bytes);
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('{')) return 'nianbao';
  if (HTML_HEAD.test(head)) return 'html';
  if (MIME_HEAD.test(head)) return 'mht';
  return 'text';
}
