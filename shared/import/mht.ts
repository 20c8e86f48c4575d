/**
 * Single-file web archives (.mht/.mhtml, as Internet Explorer, Word, WPS and
 * Chromium save them): a MIME message whose text/html part is the page.
 * Quoted-printable and base64 bodies are decoded to bytes; the part's
 * charset, else the page's own <meta>, says how to read them (html.ts).
 */
import { ImportError } from './types.ts';

export const MHT_MESSAGES = {
  noPage: '这个网页存档（.mht）中没有网页正文（text/html），无法导入。请在浏览器中打开它，复制报告全文后按文本导入',
} as const;

export interface MhtPage {
  bytes: Uint8Array;
  /** The charset the part's Content-Type names, if any. */
  charset: string | undefined;
}

/** Bytes as text one byte per char: MIME structure is ASCII, bodies are decoded later. */
function latin1(bytes: Uint8Array, from = 0, to = bytes.length): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = from; i < to; i += CHUNK) out += String.fromCharCode(...bytes.subarray(i, Math.min(to, i + CHUNK)));
  return out;
}

/** Header fields of a MIME entity (folded lines unfolded), names lower-cased. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function parameter(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

function splitEntity(text: string): { headers: Map<string, string>; body: string } {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { headers: parseHeaders(text), body: '' };
  return { headers: parseHeaders(text.slice(0, m.index)), body: text.slice(m.index + m[0].length) };
}

function fromQuotedPrintable(body: string): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x3d) {
      // "=" + line break: a soft break; "=" + two hex digits: a byte.
      if (body[i + 1] === '\r' && body[i + 2] === '\n') i += 2;
      else if (body[i + 1] === '\n') i += 1;
      else if (/^[0-9a-f]{2}$/i.test(body.slice(i + 1, i + 3))) {
        out[n++] = Number.parseInt(body.slice(i + 1, i + 3), 16);
        i += 2;
      } else out[n++] = c;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

function fromBase64(body: string): Uint8Array {
  const out = new Uint8Array(Math.ceil((body.length * 3) / 4));
  let n = 0;
  let bits = 0;
  let count = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const v = c < 128 ? BASE64_VALUE[c]! : -1;
    // Line breaks, padding and stray characters carry no bits.
    if (v < 0) continue;
    bits = (bits << 6) | v;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[n++] = (bits >> count) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function decodeBody(body: string, encoding: string | undefined): Uint8Array {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === 'base64') return fromBase64(body);
  if (name === 'quoted-printable') return fromQuotedPrintable(body);
  const bytes = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i++) bytes[i] = body.charCodeAt(i);
  return bytes;
}

function pageOf(headers: Map<string, string>, body: string): MhtPage {
  return { bytes: decodeBody(body, headers.get('content-transfer-encoding')), charset: parameter(headers.get('content-type'), 'charset') };
}

/** The first text/html part of the archive. Throws ImportError when there is none. */
export function mhtPage(bytes: Uint8Array): MhtPage {
  const top = splitEntity(latin1(bytes));
  const type = top.headers.get('content-type') ?? '';
  if (/^text\/html/i.test(type)) return pageOf(top.headers, top.body);
  const boundary = parameter(type, 'boundary');
  if (/^multipart\//i.test(type) && boundary) {
    const delimiter = `--${boundary}`;
    let at = top.body.indexOf(delimiter);
    while (at >= 0) {
      const start = at + delimiter.length;
      if (top.body.startsWith('--', start)) break;
      const next = top.body.indexOf(delimiter, start);
      const part = top.body.slice(start, next < 0 ? undefined : next).replace(/^[ \t]*\r?\n/, '');
      const entity = splitEntity(part);
      if (/^text\/html/i.test(entity.headers.get('content-type') ?? '')) return pageOf(entity.headers, entity.body.replace(/\r?\n$/, ''));
      at = next;
    }
  }
  throw new ImportError(MHT_MESSAGES.noPage);
}
