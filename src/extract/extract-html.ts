import { Readability } from '@mozilla/readability';
import { parseHTML } from '../vendor/linkedom.js';
import type { Message, Meta, SourceMapPair, Span } from '../core/types.js';
import { collectBlocks, filterBlocks, type Block } from './blocks.js';
import { extractMeta, parseJsonLd } from './metadata.js';
import { findOutlet } from './provenance.js';
import { sanitizeHtml } from './sanitize.js';
import { buildSourceMap } from './source-map.js';
import { binaryShare } from '../text/binary.js';

/** Result of {@link extractHtml}. */
export interface ExtractedArticle {
  /** Article text, paragraphs separated by blank lines. */
  text: string;
  meta: Meta;
  /** The article proper within `text` (trailing boilerplate left out). */
  body: Span[];
  /** `[textOffset, htmlOffset]` pairs, at least one per paragraph start. */
  sourceMap: SourceMapPair[];
  messages: Message[];
  /** The dropped blocks and the rule that dropped each (for `--explain` and tuning). */
  dropped: { text: string; rule: string }[];
}

/** Options of {@link extractHtml}. */
export interface ExtractOptions {
  /** The page URL, for the site name, URL dates and cross-domain canonical links. */
  url?: string;
  /** HTML longer than this many characters is truncated with a warning (default 8 M). */
  maxBytes?: number;
  /** Skip the boilerplate filter: Readability's text as is (the benchmark baseline). */
  readabilityOnly?: boolean;
}

/** Readability's own element budget; linkedom on a huge flat page would otherwise take seconds. */
const MAX_ELEMS = 60_000;

type ParsedDoc = ReturnType<typeof parseHTML>['document'];

function runReadability(doc: ParsedDoc, keepClasses: boolean): Element | null {
  try {
    const r = new Readability<Element>(doc as unknown as Document, {
      keepClasses,
      disableJSONLD: true,
      maxElemsToParse: MAX_ELEMS,
      serializer: (n) => n as Element,
    }).parse();
    return r?.content ?? null;
  } catch {
    return null;
  }
}

function joinBlocks(blocks: readonly Block[]): string {
  return blocks.filter((b) => b.dropped === null).map((b) => b.text).join('\n\n');
}

/**
 * Extracts the article from an HTML page: Mozilla Readability on linkedom finds the article
 * subtree, then rule-based block filters drop what Readability keeps but a reader skips
 * (captions, related lists, promos, share prompts, comment sections). Never throws on bad input:
 * problems become messages.
 */
export function extractHtml(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  const messages: Message[] = [];
  const empty = (meta: Meta): ExtractedArticle => ({ text: '', meta, body: [], sourceMap: [], messages, dropped: [] });
  const blankMeta: Meta = { title: null, outlet: null, site: null, published: null, url: opts.url ?? null, byline: null, canonical: null, language: null, outletRule: null };
  let nul = 0;
  const head = Math.min(html.length, 8192);
  for (let i = 0; i < head; i++) if (html.charCodeAt(i) === 0) nul++;
  // Shares, not a count: a page with a stray run of NULs is still a page.
  if (nul > 16 && (nul > head * 0.05 || binaryShare(html) > 0.05)) {
    messages.push({ severity: 'error', code: 'input/binary', text: 'HTML input contains NUL characters; it looks binary' });
    return empty(blankMeta);
  }
  if (html.includes('\0')) {
    // As HTML parsers do: a NUL is no character of the page.
    html = html.replace(/\0/g, '\uFFFD');
    messages.push({ severity: 'warning', code: 'input/nul', text: 'NUL characters in the HTML read as U+FFFD' });
  }
  const clean = sanitizeHtml(html, opts.maxBytes);
  messages.push(...clean.messages);
  const { document } = parseHTML(clean.html);
  const meta = extractMeta(document as unknown as Document, clean.jsonLd, opts.url);
  let content = runReadability(document, !opts.readabilityOnly);
  if (!content) {
    // Readability finds no article in a fragment ("<div>Officials said …</div>") or a page too
    // short to score; the page's own text is then a better reading than none, said so.
    // Readability edits the tree it reads, so the page is parsed afresh.
    const page = parseHTML(clean.html).document as unknown as Document;
    // The head's title is no article text: a page whose body is empty stays an error.
    for (const e of Array.from(page.querySelectorAll('head, title'))) e.remove();
    // linkedom leaves a fragment's text outside an empty <body>.
    const hasText = (e: { textContent: string | null } | null | undefined): boolean => Boolean(e?.textContent?.trim());
    // An empty page has no root, and linkedom's body getter then throws.
    const root = page.documentElement;
    const body = (root && hasText(page.body) ? page.body : root) as unknown as Element | null;
    if (body && (body.textContent ?? '').trim()) {
      content = body;
      messages.push({ severity: 'warning', code: 'extract/whole-page', text: 'no article block found; read the whole page\'s text' });
    } else {
      messages.push({ severity: 'error', code: 'extract/no-article', text: 'no article text found in the HTML' });
      return empty(meta);
    }
  }
  const blocks = collectBlocks(content as unknown as Parameters<typeof collectBlocks>[0]);
  if (!opts.readabilityOnly) filterBlocks(blocks, meta.title ?? document.querySelector('title')?.textContent);
  let text = joinBlocks(blocks);
  if (!text && blocks.length) {
    // Every block looked like boilerplate: better Readability's text than nothing.
    for (const b of blocks) b.dropped = null;
    text = joinBlocks(blocks);
    messages.push({ severity: 'warning', code: 'extract/all-boilerplate', text: 'every block looked like boilerplate; kept them all' });
  }
  if (!text) messages.push({ severity: 'error', code: 'extract/no-article', text: 'no article text found in the HTML' });
  const kept = blocks.filter((b) => b.dropped === null).map((b) => b.text);
  const found = findOutlet({ jsonLd: parseJsonLd(clean.jsonLd), url: opts.url ?? null, canonical: meta.canonical ?? null, paragraphs: kept, title: meta.title });
  if (found) { meta.outlet = found.outlet; meta.outletRule = found.rule; }
  // Not a repost as far as we can tell: the hosting site is the outlet.
  else if (meta.site) { meta.outlet = meta.site; meta.outletRule = 'site-name'; }
  return {
    text,
    meta,
    body: text ? [{ start: 0, end: text.length }] : [],
    sourceMap: opts.readabilityOnly ? [] : buildSourceMap(html, kept),
    messages,
    dropped: blocks.filter((b) => b.dropped !== null).map((b) => ({ text: b.text, rule: b.dropped! })),
  };
}
