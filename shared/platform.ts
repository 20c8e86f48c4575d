/**
 * The few platform globals shared/ uses. TextDecoder exists in Node and every
 * browser, but shared/ compiles without DOM or Node types, so it is typed here.
 */
interface Decoder {
  decode(input: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;

const TextDecoderImpl = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

/** Decodes bytes in `encoding`; undefined when they are not valid in it. */
export function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoderImpl(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes bytes as UTF-8, replacing what is not valid. */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  return new TextDecoderImpl('utf-8', { fatal: false }).decode(bytes);
}

interface BufferConstructor {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array;
}

/**
 * The same bytes as a Node Buffer (a view, no copy) where Buffer exists,
 * else as they are. Libraries written for both (cfb) take a fast path for
 * Buffers in Node and otherwise copy every stream into arrays of numbers.
 */
export function asNativeBytes(bytes: Uint8Array): Uint8Array {
  const NodeBuffer = (globalThis as unknown as { Buffer?: BufferConstructor }).Buffer;
  return NodeBuffer ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}
