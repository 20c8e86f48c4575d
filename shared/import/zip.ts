/**
 * Reads one entry out of a zip archive without trusting the archive.
 *
 * fflate's unzipSync inflates into a buffer of the size the archive declares,
 * so a lying header costs memory before anything can be checked. Here the
 * central directory is read first (entry count and declared sizes capped
 * before any inflating), only the one requested entry is inflated, and it is
 * inflated in chunks with the output counted, so a bomb stops at the cap
 * whatever its headers say.
 */
import { Inflate, strFromU8 } from 'fflate';
import { ImportError } from './types.ts';

export interface ZipLimits {
  /** Most entries an archive may list. */
  maxEntries: number;
  /** Most bytes all entries together may declare uncompressed. */
  maxTotalUncompressed: number;
  /** Most bytes the requested entry may inflate to. */
  maxEntryBytes: number;
}

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Messages a caller can word for its own kind of file. */
export interface ZipMessages {
  damaged: string;
  tooManyEntries: string;
  tooLargeTotal: string;
  tooLargeEntry: string;
  unsupported: string;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const CHUNK = 16 * 1024;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

function findEnd(bytes: Uint8Array): number {
  // The end record is the last 22 bytes plus a comment of up to 65535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === SIG_END) return at;
  }
  return -1;
}

/** Lists the central directory, refusing too many entries or too much declared data before reading further. */
export function listZip(bytes: Uint8Array, limits: ZipLimits, messages: ZipMessages): ZipEntryInfo[] {
  const end = findEnd(bytes);
  if (end < 0) throw new ImportError(messages.damaged);
  let count = u16(bytes, end + 10);
  let dirSize = u32(bytes, end + 12);
  let dirOffset = u32(bytes, end + 16);
  const zip64 = count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff;
  if (zip64) {
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== SIG_END64_LOCATOR) throw new ImportError(messages.damaged);
    const end64 = u64(bytes, locator + 8);
    if (end64 + 56 > bytes.length || u32(bytes, end64) !== SIG_END64) throw new ImportError(messages.damaged);
    count = u64(bytes, end64 + 32);
    dirSize = u64(bytes, end64 + 40);
    dirOffset = u64(bytes, end64 + 48);
  }
  if (count > limits.maxEntries) throw new ImportError(messages.tooManyEntries);
  if (dirOffset + dirSize > bytes.length) throw new ImportError(messages.damaged);

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL) throw new ImportError(messages.damaged);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localHeaderOffset = u32(bytes, at + 42);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) throw new ImportError(messages.damaged);
    // Bit 11: the name is UTF-8; otherwise CP437, read as Latin-1 (docx part names are ASCII).
    const name = strFromU8(bytes.subarray(nameStart, extraStart), (flags & 0x800) === 0);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // Zip64 extra field: the 64-bit values appear in this order, only for the fields that overflowed.
      for (let x = extraStart; x + 4 <= extraStart + extraLength; ) {
        const id = u16(bytes, x);
        const size = u16(bytes, x + 2);
        if (id === 0x0001) {
          let y = x + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = u64(bytes, y);
            y += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, y);
            y += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, y);
          break;
        }
        x += 4 + size;
      }
    }
    total += uncompressedSize;
    if (total > limits.maxTotalUncompressed) throw new ImportError(messages.tooLargeTotal);
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    at = next;
  }
  return entries;
}

/** Inflates one listed entry, stopping as soon as its output passes the cap. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo, limits: ZipLimits, messages: ZipMessages): Uint8Array {
  if (entry.uncompressedSize > limits.maxEntryBytes) throw new ImportError(messages.tooLargeEntry);
  // Bit 0: encrypted. Only stored (0) and deflated (8) entries occur in Word and WPS files.
  if ((entry.flags & 0x1) !== 0 || (entry.method !== 0 && entry.method !== 8)) {
    throw new ImportError(messages.unsupported);
  }
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== SIG_LOCAL) throw new ImportError(messages.damaged);
  const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new ImportError(messages.damaged);
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (entry.compressedSize > limits.maxEntryBytes) throw new ImportError(messages.tooLargeEntry);
    return data;
  }

  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate();
  inflater.ondata = (chunk) => {
    produced += chunk.length;
    if (produced > limits.maxEntryBytes) throw new ImportError(messages.tooLargeEntry);
    chunks.push(chunk);
  };
  try {
    for (let at = 0; at < data.length; at += CHUNK) {
      const end = Math.min(at + CHUNK, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(messages.damaged);
  }
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
