import type { Message } from '../core/types.js';

/** Result of {@link sanitizeHtml}. */
export interface SanitizedHtml {
  /** HTML safe to hand to the DOM parser: no scripts, styles or comments; bounded nesting. */
  html: string;
  /** Raw JSON-LD blocks found before scripts were stripped. */
  jsonLd: string[];
  messages: Message[];
  /** Deepest element nesting seen in the input (after void elements are discounted). */
  depth: number;
}

/** Elements that never have children, so they never deepen the tree. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command']);

/** Nesting beyond this is flattened: no real article nests deeper, and DOM walkers recurse. */
export const MAX_DEPTH = 64;

const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^<>]*?(\/?)>/g;

function depthPass(html: string, limit: number, rewrite: boolean): { depth: number; html: string } {
  let depth = 0;
  let max = 0;
  let skipped = 0;
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || m[3] === '/') continue;
    let drop = false;
    if (m[1] === '/') {
      if (skipped > 0) { skipped--; drop = true; } else if (depth > 0) depth--;
    } else if (depth >= limit) {
      skipped++;
      drop = true;
    } else {
      depth++;
      if (depth > max) max = depth;
    }
    if (rewrite && drop) {
      out += html.slice(last, m.index) + ' ';
      last = m.index + m[0].length;
    }
  }
  return { depth: Math.max(max, depth + skipped), html: rewrite ? out + html.slice(last) : html };
}


const RAW_OPEN = /<(script|style|template|svg|noscript|iframe|object|textarea|xmp)\b/gi;

/**
 * Removes raw-text elements with linear scans (a backtracking regex is quadratic on thousands of
 * unclosed `<script` tags). An unclosed one swallows the rest of the page, as in a browser.
 */
function stripRawText(html: string): string {
  let out = '';
  let last = 0;
  RAW_OPEN.lastIndex = 0;
  for (let m = RAW_OPEN.exec(html); m; m = RAW_OPEN.exec(html)) {
    out += html.slice(last, m.index) + ' ';
    const close = new RegExp(`</${m[1]!}\\s*>`, 'gi');
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(html);
    if (!c) return out;
    last = c.index + c[0].length;
    RAW_OPEN.lastIndex = last;
  }
  return out + html.slice(last);
}

function stripComments(html: string): string {
  let out = '';
  let last = 0;
  for (let i = html.indexOf('<!--'); i >= 0; i = html.indexOf('<!--', last)) {
    // A comment is no space: React pages put "<!-- -->" inside words ("tripl<!-- -->e").
    out += html.slice(last, i);
    const end = html.indexOf('-->', i + 4);
    if (end < 0) return out;
    last = end + 3;
  }
  return out + html.slice(last);
}

/**
 * Makes hostile HTML safe to parse in bounded time and stack: pulls out JSON-LD, strips scripts,
 * styles, templates, SVG, noscript and comments (huge inline scripts cost parse time for
 * nothing), and flattens nesting deeper than {@link MAX_DEPTH}.
 */
export function sanitizeHtml(input: string, maxChars = 8_000_000): SanitizedHtml {
  const messages: Message[] = [];
  let html = input;
  if (html.length > maxChars) {
    messages.push({ severity: 'warning', code: 'input/truncated', text: `HTML is ${html.length} characters; only the first ${maxChars} were read` });
    html = html.slice(0, maxChars);
  }
  const jsonLd: string[] = [];
  const ld = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json[^>]*>([\s\S]*?)<\/script\s*>/gi;
  for (let m = ld.exec(html); m; m = ld.exec(html)) if (m[1]!.length < 500_000) jsonLd.push(m[1]!);
  html = stripComments(stripRawText(html));
  const first = depthPass(html, Infinity, false);
  if (first.depth > MAX_DEPTH) {
    messages.push({ severity: 'warning', code: 'input/deep-nesting', text: `HTML nests ${first.depth} elements deep; flattened below depth ${MAX_DEPTH}` });
    html = depthPass(html, MAX_DEPTH, true).html;
  }
  return { html, jsonLd, messages, depth: first.depth };
}
