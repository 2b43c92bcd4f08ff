import type { Meta } from '../core/types.js';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** Flattens JSON-LD blocks (arrays, `@graph`) into their objects; unparsable blocks are skipped. */
export function parseJsonLd(blocks: readonly string[]): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: Json): void => {
    if (Array.isArray(v)) { for (const x of v) visit(x); return; }
    if (v && typeof v === 'object') {
      out.push(v);
      const g = v['@graph'];
      if (g) visit(g);
    }
  };
  for (const b of blocks) {
    try { visit(JSON.parse(b.trim()) as Json); } catch { /* broken JSON-LD is common; ignore it */ }
  }
  return out;
}

const isArticleType = (o: JsonObject): boolean => {
  const t = o['@type'];
  const ts = Array.isArray(t) ? t : [t];
  return ts.some((x) => typeof x === 'string' && /Article|Posting|Report|NewsArticle|BlogPosting|WebPage/.test(x));
};

/** Name of a JSON-LD value that is a string, a `{name}` object or an array of them. */
export function ldName(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map((x) => ldName(x)).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return ldName(v['name']);
  return null;
}

function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
    const c = el?.getAttribute('content')?.trim();
    if (c) return c;
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** Normalises a date string to ISO: full timestamps kept, otherwise `YYYY-MM-DD`; null if not a date. */
export function normaliseDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(t);
  if (m) return plausibleDay(m[1]!, m[2]!, m[3]!) ? (m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}${m[5] ?? ''}` : `${m[1]}-${m[2]}-${m[3]}`) : null;
  m = /^(\d{4})(\d{2})(\d{2})\b/.exec(t);
  if (m) return plausibleDay(m[1]!, m[2]!, m[3]!) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  return visibleDate(t);
}

/**
 * Whether a date read from a page's metadata can be its publication date: a content system's
 * empty value ("0001-01-01", "1970-01-01T00:00:00Z") would put every "Monday" in the page in
 * another century, so it counts as no date.
 */
function plausibleDay(y: string, mo: string, d: string): boolean {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && !(year === 1970 && month === 1 && day === 1);
}

/** Finds a written date ("November 19, 2019", "19 Nov 2019") in a short string. */
export function visibleDate(s: string): string | null {
  const mon = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
  let m = new RegExp(`\\b${mon}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}-${pad(Number(m[2]))}`;
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${mon},?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(Number(m[1]))}`;
  return null;
}

/** Date in a URL path: `/2019/11/19/` or `/2019-11-19-`. */
export function urlDate(url: string | null | undefined): string | null {
  const m = url ? /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(url) : null;
  if (!m) return null;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? `${m[1]}-${pad(mo)}-${pad(d)}` : null;
}

/** Host of a URL without `www.`, or null. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try { return new URL(url).hostname.replace(/^www\./, '') || null; } catch { return null; }
}

/** Section names some pages give as their site's name. */
const SECTION_NAME = /^(?:u\.?s\.?|u\.?k\.?|us news|world|world news|news|business|markets|politics|sports?|technology|tech|opinion|home|latest|top news|breaking news|health|science|entertainment|lifestyle|local)$/i;
/** Where a byline's name ends: a handle, a date, a separator ("Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET • 2 min read"). */
const BYLINE_TAIL = /(?:\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\s+(?:@\w|[•|·]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\/\d{1,2}\/\d{2,4}|updated\b|published\b|\d+\s+min(?:ute)?s?\s+read)).*$/i;

const clean = (s: string | null | undefined): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

function stripSiteSuffix(title: string, site: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  if ((site && last.toLowerCase().includes(site.toLowerCase().slice(0, 6))) || last.split(' ').length <= 4) {
    return parts.slice(0, -1).join(' - ');
  }
  return title;
}

/**
 * Reads page metadata: title, byline, publication date (JSON-LD, OpenGraph and other meta tags,
 * `<time datetime>`, URL, visible dateline), canonical URL, site and language. The outlet is left
 * null: provenance needs the article text (see `findOutlet`).
 */
export function extractMeta(doc: Document, jsonLdBlocks: readonly string[], url?: string): Meta {
  const ld = parseJsonLd(jsonLdBlocks);
  const article = ld.find(isArticleType) ?? ld[0] ?? null;
  const canonical = clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? clean(metaContent(doc, 'og:url'));
  const pageUrl = url ?? canonical ?? null;
  const publisher = article ? ldName(article['publisher']) : null;
  // A handle ("@politifact") or an address ("https://www.newsnation.in") given as the site's name.
  const given = clean(metaContent(doc, 'og:site_name', 'application-name'));
  const named = given && /^https?:\/\//i.test(given) ? hostOf(given) : given?.startsWith('@') ? clean(given.slice(1)) : given;
  // A section's name given as the site's ("U.S.", "World", "Business") names no site.
  const site = (named && !SECTION_NAME.test(named) ? named : null) ?? publisher ?? hostOf(pageUrl);
  const rawTitle =
    (article ? ldName(article['headline']) : null) ??
    clean(metaContent(doc, 'og:title', 'twitter:title')) ??
    clean(doc.querySelector('h1')?.textContent) ??
    clean(doc.querySelector('title')?.textContent);
  const title = rawTitle ? stripSiteSuffix(rawTitle, site) : null;
  const authorMeta = clean(metaContent(doc, 'author', 'article:author', 'byl', 'sailthru.author', 'parsely-author', 'dc.creator'));
  const rawByline =
    (article ? ldName(article['author']) : null) ??
    (authorMeta && !/^https?:/.test(authorMeta) ? authorMeta.replace(/^by\s+/i, '') : null) ??
    clean(doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author-name, .author')?.textContent)?.replace(/^by\s+/i, '').slice(0, 120) ??
    null;
  const byline = rawByline ? clean(rawByline.replace(BYLINE_TAIL, '')) : null;
  const timeEl = doc.querySelector('time[datetime]');
  const published =
    normaliseDate(article && typeof article['datePublished'] === 'string' ? article['datePublished'] : null) ??
    normaliseDate(metaContent(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date', 'og:published_time')) ??
    normaliseDate(timeEl?.getAttribute('datetime')) ??
    // Microdata and hidden fields some sites keep the date in ("<input class="published_date" value="2019-11-18 23:41:18">").
    normaliseDate(doc.querySelector('[itemprop="datePublished"]')?.getAttribute('content') ?? doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime')) ??
    normaliseDate(doc.querySelector('input[class*="publish"], input[name*="publish"], input[id*="publish"]')?.getAttribute('value')) ??
    urlDate(pageUrl) ??
    visibleDate((doc.querySelector('.date, .dateline, .published, .post-date, .entry-date, [class*="date"]')?.textContent ?? '').slice(0, 200)) ??
    null;
  const language =
    clean(doc.documentElement?.getAttribute('lang')) ??
    clean(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
    clean(metaContent(doc, 'og:locale'))?.replace('_', '-') ??
    null;
  return {
    title,
    outlet: null,
    site,
    published,
    url: pageUrl,
    byline: byline?.replace(/^by\s+/i, '') ?? null,
    canonical,
    language,
    outletRule: null,
  };
}
