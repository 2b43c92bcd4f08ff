/**
 * Compact binary helpers for shipped models: LEB128 varints (zig-zag for signed values) and a
 * dependency-free base64 codec, so models decode the same way in Node and in a browser bundle.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

/** Encodes bytes as standard padded base64. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const n = (a << 16) | (b << 8) | c;
    line += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!
      + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=')
      + (i + 2 < bytes.length ? B64[n & 63]! : '=');
    // Flush in chunks so long models do not build one quadratic string.
    if (line.length >= 65536) { parts.push(line); line = ''; }
  }
  parts.push(line);
  return parts.join('');
}

/** Node's native decoder where present (found via globalThis so bundlers inject no polyfill). */
interface NativeBase64 { from(text: string, encoding: 'base64'): Uint8Array }
const nativeBase64 = (globalThis as { Buffer?: NativeBase64 }).Buffer;

/** Decodes standard base64 (padding optional); throws on characters outside the alphabet. */
export function fromBase64(text: string): Uint8Array {
  if (nativeBase64) {
    // Node's decoder skips characters outside the alphabet and reads "-" and "_" as base64url.
    // A skipped character shortens its output below what the length promises (a clean unpadded
    // length is never 1 mod 4), so checking lengths replaces a regular expression over the whole
    // text, which cost 80 ms of model loading.
    let len = text.length;
    while (len > 0 && text.charCodeAt(len - 1) === 61 /* = */) len--;
    if (text.length - len <= 2 && len % 4 !== 1 && text.indexOf('-') < 0 && text.indexOf('_') < 0) {
      const b = nativeBase64.from(text, 'base64');
      if (b.byteLength === Math.floor((len * 3) / 4)) return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    }
  }
  return decodeBase64(text);
}

/** The portable decoder behind {@link fromBase64}. */
export function decodeBase64(text: string): Uint8Array {
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61 /* = */) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let buf = 0;
  let bits = 0;
  for (let i = 0; i < len; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? B64_INDEX[code]! : -1;
    if (v < 0) throw new Error(`invalid base64 character at ${i}`);
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buf >> bits) & 255;
    }
  }
  return o === out.length ? out : out.subarray(0, o);
}

/** Appends varints to a growable byte buffer. */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  private len = 0;

  /** Writes an unsigned integer below 2^53 as a LEB128 varint. */
  uint(value: number): void {
    let v = value;
    this.reserve(8);
    while (v >= 128) {
      this.buf[this.len++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
  }

  /** Writes a signed integer as a zig-zag varint (small magnitudes take one byte). */
  int(value: number): void {
    this.uint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  /** The bytes written so far. */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
}

/** Reads varints written by {@link ByteWriter}. */
export class ByteReader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  /** Reads an unsigned varint; throws past the end of the buffer. */
  uint(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('truncated model data');
      const b = this.buf[this.pos++]!;
      result += (b & 127) * mul;
      if (b < 128) return result;
      mul *= 128;
    }
  }

  /** Reads a zig-zag signed varint. */
  int(): number {
    const u = this.uint();
    return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
  }

  /** Whether every byte has been read. */
  done(): boolean {
    return this.pos >= this.buf.length;
  }
}
