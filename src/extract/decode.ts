import type { Message } from '../core/types.js';

/** Result of {@link decodeBytes}. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding label actually used, e.g. `utf-8`, `windows-1252`, `utf-16le`. */
  encoding: string;
  messages: Message[];
}

/** Options of {@link decodeBytes}. */
export interface DecodeOptions {
  /** HTTP `Content-Type` header value, whose `charset=` wins over the document's own claim. */
  contentType?: string;
  /** Sniff `<meta charset>` / `http-equiv` in the first 4 KB (default: guessed from the bytes). */
  html?: boolean;
}

const SNIFF_BYTES = 4096;

/** Maps a declared label onto one TextDecoder accepts; undefined when unknown. */
function normaliseLabel(label: string): string | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return undefined;
  try {
    // TextDecoder resolves WHATWG aliases (latin1 → windows-1252, etc.).
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

function charsetFromContentType(ct: string | undefined): string | undefined {
  const m = ct ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct) : null;
  return m ? normaliseLabel(m[1]!) : undefined;
}

function charsetFromMeta(bytes: Uint8Array): string | undefined {
  // ASCII-compatible sniff: latin1 keeps one char per byte, so nothing is lost before the claim is read.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+http-equiv\s*=\s*["']?content-type["']?[^>]*content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  const label = m ? normaliseLabel(m[1]!) : undefined;
  // A page that declares UTF-16 in ASCII bytes cannot really be UTF-16 (the HTML spec says so too).
  return label && label.startsWith('utf-16') ? 'utf-8' : label;
}

function bomEncoding(b: Uint8Array): { encoding: string; skip: number } | undefined {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

/** BOM-less UTF-16: ASCII text shows as every other byte being zero. */
function guessUtf16(b: Uint8Array): string | undefined {
  const n = Math.min(b.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.6 && evenZero < half * 0.1) return 'utf-16le';
  if (evenZero > half * 0.6 && oddZero < half * 0.1) return 'utf-16be';
  return undefined;
}

/** Share of NULs and C0 control bytes (other than tab, LF, FF, CR, ESC) in the first 8 KB. */
function controlShare(b: Uint8Array): number {
  const n = Math.min(b.length, 8192);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) bad++;
  }
  return bad / n;
}

/** Looks like gzip, zip, PDF or an image: not text whatever it is named. */
function binaryMagic(b: Uint8Array): string | undefined {
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) return 'zip';
  if (b.length >= 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  if (b.length >= 4 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  return undefined;
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i >= 0; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/**
 * Decodes text or HTML bytes. Charset precedence: BOM, Content-Type header, `<meta>` (HTML), then
 * UTF-8, falling back to Windows-1252 when the bytes are not valid UTF-8 (the usual legacy web
 * encoding). Problems become messages: `input/binary` (error) for binary data,
 * `input/invalid-encoding` (warning) for undecodable bytes.
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  const messages: Message[] = [];
  const magic = binaryMagic(bytes);
  if (magic) {
    return {
      text: '',
      encoding: 'binary',
      messages: [{ severity: 'error', code: 'input/binary', text: `input is ${magic} data, not text; decompress or convert it first` }],
    };
  }
  const bom = bomEncoding(bytes);
  let encoding: string;
  let body = bytes;
  if (bom) {
    encoding = bom.encoding;
    body = bytes.subarray(bom.skip);
  } else {
    const declared = charsetFromContentType(opts.contentType) ?? guessUtf16(bytes);
    const fromMeta = declared === undefined && opts.html !== false ? charsetFromMeta(bytes) : undefined;
    encoding = declared ?? fromMeta ?? 'utf-8';
    // A page saved as UTF-8 whose meta tag still names a Latin charset: the bytes, valid UTF-8
    // with characters past ASCII, are the better witness (a lone "é" in Latin-1 is not valid UTF-8).
    if (fromMeta && SINGLE_BYTE.test(encoding) && isUtf8WithMultibyte(bytes)) {
      messages.push({ severity: 'warning', code: 'input/charset-mismatch', text: `the page names ${encoding} but its bytes are UTF-8; decoded as UTF-8` });
      encoding = 'utf-8';
    }
  }
  if (!encoding.startsWith('utf-16') && controlShare(bytes) > 0.1) {
    return {
      text: '',
      encoding: 'binary',
      messages: [{ severity: 'error', code: 'input/binary', text: 'input looks binary (many NUL or control bytes), not text' }],
    };
  }
  if (encoding === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding, messages };
    } catch {
      // Legacy pages often lie or say nothing: if most of it is not UTF-8, Windows-1252 is the best guess.
      const loose = new TextDecoder('utf-8').decode(body);
      const bad = countReplacement(loose);
      const multibyte = (loose.match(/[^\x00-\x7f\uFFFD]/g) ?? []).length;
      if (multibyte < bad) {
        const text = decodeWith('windows-1252', body);
        messages.push({ severity: 'warning', code: 'input/invalid-encoding', text: `input is not valid UTF-8 (${bad} bad sequences); decoded as windows-1252` });
        return { text, encoding: 'windows-1252', messages };
      }
      messages.push({ severity: 'warning', code: 'input/invalid-encoding', text: `${bad} invalid UTF-8 sequences replaced with U+FFFD` });
      return { text: loose, encoding, messages };
    }
  }
  const text = decodeWith(encoding, body);
  const bad = countReplacement(text);
  if (bad > 0) {
    messages.push({ severity: 'warning', code: 'input/invalid-encoding', text: `${bad} bytes invalid in ${encoding} replaced with U+FFFD` });
  }
  return { text, encoding, messages };
}

/** Charsets of one byte a character that a stale meta tag names. */
const SINGLE_BYTE = /^(?:iso-8859-\d+|latin-?1|windows-125\d|cp125\d|us-ascii|ascii)$/i;

/** Whether bytes decode as UTF-8 without error and hold at least one multibyte character. */
function isUtf8WithMultibyte(bytes: Uint8Array): boolean {
  let high = false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) { high = true; break; }
  if (!high) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** WHATWG windows-1252 for bytes 0x80–0x9F (some runtimes decode them as Latin-1 C1 controls). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes with TextDecoder, repairing runtimes whose windows-1252 is really Latin-1. */
function decodeWith(encoding: string, body: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(body);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
