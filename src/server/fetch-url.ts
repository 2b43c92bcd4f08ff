/**
 * URL fetching for `POST /api/analyze {url}` behind an SSRF guard: only http(s), and never to a
 * loopback, private, link-local, multicast or otherwise non-public address. The check runs on the
 * addresses the connection actually uses (a custom `lookup`), on every redirect hop, and on IP
 * literals, so DNS rebinding and redirects to internal hosts are refused too.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { decodeBytes } from '../extract/decode.js';
import type { Message } from '../core/types.js';

/** Stable codes of fetch failures. */
export type FetchErrorCode = 'fetch/bad-url' | 'fetch/blocked' | 'fetch/failed' | 'fetch/too-large' | 'fetch/timeout' | 'fetch/unsupported-type';

/** A fetch failure with a stable code and a message safe to show a client. */
export class FetchError extends Error {
  readonly code: FetchErrorCode;
  constructor(code: FetchErrorCode, message: string) {
    super(message);
    this.name = 'FetchError';
    this.code = code;
  }
}

/** A resolved address. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Options of {@link fetchUrl}. */
export interface FetchOptions {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /** Address policy; defaults to {@link isBlockedAddress}. Tests narrow it. */
  isBlocked?: (ip: string) => boolean;
  /** DNS resolution; defaults to `dns.lookup` with `all: true`. */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
}

/** What a fetch returns. */
export interface Fetched {
  body: string;
  type: 'html' | 'text';
  finalUrl: string;
  /** What decoding the page's bytes noticed; absent when nothing. */
  messages?: Message[];
}

function v4ToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

const V4_BLOCKED: readonly [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const V4_RANGES = V4_BLOCKED.map(([base, bits]) => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { net: (v4ToInt(base)! & mask) >>> 0, mask };
});

function v4Blocked(n: number): boolean {
  return V4_RANGES.some((r) => ((n & r.mask) >>> 0) === r.net);
}

/** Expands an IPv6 address into eight 16-bit groups; null when malformed. */
export function parseIpv6(ip: string): number[] | null {
  let s = ip.toLowerCase();
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  if (!net.isIPv6(s)) return null;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = v4ToInt(last);
    if (v4 === null) return null;
    tail = [v4 >>> 16, v4 & 0xffff];
    // Keep a trailing "::" (it still stands for zeros); drop a lone separating ":".
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  const parse = (h: string) => (h ? h.split(':').filter((x) => x !== '').map((x) => parseInt(x, 16)) : []);
  const head = parse(halves[0]!);
  const rest = halves.length > 1 ? parse(halves[1]!) : [];
  const fill = 8 - head.length - rest.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  return [...head, ...new Array<number>(fill).fill(0), ...rest, ...tail];
}

/**
 * Whether an address must never be fetched: anything not globally routable (loopback, RFC 1918,
 * CGNAT, link-local, documentation, multicast, reserved; IPv6 ULA, link-local, and IPv4 addresses
 * embedded in mapped, compatible, NAT64 and 6to4 forms). Unparseable input counts as blocked.
 */
export function isBlockedAddress(ip: string): boolean {
  if (net.isIPv4(ip)) return v4Blocked(v4ToInt(ip)!);
  const g = parseIpv6(ip);
  if (!g) return true;
  const v4At = (i: number) => ((g[i]! << 16) | g[i + 1]!) >>> 0;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return true; // ::
  if (zeroUpTo(7) && g[7] === 1) return true; // ::1
  if (zeroUpTo(5) && g[5] === 0xffff) return v4Blocked(v4At(6)); // ::ffff:a.b.c.d
  if (zeroUpTo(6)) return v4Blocked(v4At(6)); // ::a.b.c.d (deprecated compatible form)
  if (g[0] === 0x64 && g[1] === 0xff9b) return g[2] !== 0 || v4Blocked(v4At(6)); // NAT64
  if (g[0] === 0x2002) return v4Blocked(v4At(1)); // 6to4
  if (g[0] === 0x2001 && g[1]! < 0x200) return true; // IETF protocol assignments, Teredo
  if (g[0] === 0x2001 && g[1] === 0xdb8) return true; // documentation
  if (g[0] === 0x100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return true; // discard
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0) return true; // link/site-local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  return false;
}

async function defaultResolve(host: string): Promise<ResolvedAddress[]> {
  const all = await dns.promises.lookup(host, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

function blockedError(host: string): FetchError {
  return new FetchError('fetch/blocked', `refusing to fetch ${host}: it resolves to a loopback, private or otherwise non-public address`);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

function guardedLookup(resolve: FetchOptions['resolve'] & {}, isBlocked: (ip: string) => boolean) {
  return (hostname: string, options: dns.LookupOptions, cb: LookupCallback): void => {
    resolve(hostname).then((addrs) => {
      if (!addrs.length) { cb(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), ''); return; }
      if (addrs.some((a) => isBlocked(a.address))) { cb(blockedError(hostname) as unknown as NodeJS.ErrnoException, ''); return; }
      if (options.all) cb(null, addrs.map((a) => ({ address: a.address, family: a.family })));
      else cb(null, addrs[0]!.address, addrs[0]!.family);
    }, (e: NodeJS.ErrnoException) => cb(e, ''));
  };
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string;
  body: Buffer;
}

function request(url: URL, opts: FetchOptions, deadline: number): Promise<Hop> {
  const isBlocked = opts.isBlocked ?? isBlockedAddress;
  const lookup = guardedLookup(opts.resolve ?? defaultResolve, isBlocked);
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const left = deadline - Date.now();
    if (left <= 0) { reject(new FetchError('fetch/timeout', 'fetch timed out')); return; }
    const req = mod.request(url, {
      method: 'GET',
      lookup: lookup as unknown as net.LookupFunction,
      headers: { 'user-agent': 'hearsay (+https://github.com/hearsay)', accept: 'text/html, text/plain;q=0.9' },
      agent: false,
    }, (res) => {
      const status = res.statusCode ?? 0;
      const location = typeof res.headers.location === 'string' ? res.headers.location : null;
      const contentType = String(res.headers['content-type'] ?? '');
      if (status >= 300 && status < 400) {
        res.resume();
        resolve({ status, location, contentType, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > opts.maxBytes) {
        req.destroy();
        reject(new FetchError('fetch/too-large', `the page is larger than ${opts.maxBytes} bytes`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) {
          req.destroy();
          reject(new FetchError('fetch/too-large', `the page is larger than ${opts.maxBytes} bytes`));
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => resolve({ status, location, contentType, body: Buffer.concat(chunks) }));
      res.on('error', (e) => reject(e));
    });
    const timer = setTimeout(() => req.destroy(new FetchError('fetch/timeout', 'fetch timed out')), left);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (e) => reject(e));
    req.end();
  });
}

function checkUrl(raw: string, base?: URL): URL {
  let url: URL;
  try { url = new URL(raw, base); } catch { throw new FetchError('fetch/bad-url', 'not a valid URL'); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('fetch/bad-url', 'only http and https URLs are fetched');
  return url;
}

/** The host of a URL without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * Fetches a page for analysis under the SSRF guard, following at most `maxRedirects` redirects
 * (each one checked again), bounded in bytes and time. Throws {@link FetchError}.
 */
export async function fetchUrl(raw: string, opts: FetchOptions): Promise<Fetched> {
  const isBlocked = opts.isBlocked ?? isBlockedAddress;
  const deadline = Date.now() + opts.timeoutMs;
  let url = checkUrl(raw);
  for (let hop = 0; ; hop++) {
    const host = bareHost(url);
    // Literal addresses never reach `lookup`, so they are checked here.
    if (net.isIP(host) && isBlocked(host)) throw blockedError(host);
    let res: Hop;
    try {
      res = await request(url, opts, deadline);
    } catch (e) {
      if (e instanceof FetchError) throw e;
      throw new FetchError('fetch/failed', `could not fetch the page (${(e as NodeJS.ErrnoException).code ?? 'network error'})`);
    }
    if (res.status >= 300 && res.status < 400 && res.location) {
      if (hop >= (opts.maxRedirects ?? 5)) throw new FetchError('fetch/failed', 'too many redirects');
      url = checkUrl(res.location, url);
      continue;
    }
    if (res.status < 200 || res.status >= 300) throw new FetchError('fetch/failed', `the page answered HTTP ${res.status}`);
    const ct = res.contentType.toLowerCase();
    const html = ct.includes('html') || ct.includes('xml');
    if (!html && !ct.startsWith('text/plain') && ct !== '') {
      throw new FetchError('fetch/unsupported-type', `unsupported content type ${ct.split(';')[0]}`);
    }
    // The same decoding as files and raw request bodies: header charset, BOM, meta tag, then guesses.
    const decoded = decodeBytes(new Uint8Array(res.body), { contentType: ct, html });
    const bad = decoded.messages.find((m) => m.severity === 'error');
    if (bad) throw new FetchError('fetch/unsupported-type', bad.text);
    return { body: decoded.text, type: html ? 'html' : 'text', finalUrl: url.href, messages: decoded.messages };
  }
}
