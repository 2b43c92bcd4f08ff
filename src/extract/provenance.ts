/**
 * Provenance: who first published a story that this page hosts (a repost or a wire story).
 * Rules are data, tried in order; the first that fires names `meta.outlet` and `meta.outletRule`.
 */
import { isTailMarker } from './blocks.js';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** What the provenance rules look at. */
export interface ProvenanceContext {
  /** Parsed JSON-LD objects of the page. */
  jsonLd?: readonly { [k: string]: Json }[];
  /** The page URL (where this copy lives). */
  url?: string | null;
  /** The canonical URL the page declares. */
  canonical?: string | null;
  /** Article paragraphs in reading order. */
  paragraphs?: readonly string[];
  /** The page title, so a credit line is not mistaken for the headline. */
  title?: string | null;
}

/** A provenance rule: name, why it is evidence, an example, and the matcher. */
export interface ProvenanceRule {
  name: string;
  reason: string;
  example: string;
  find: (ctx: ProvenanceContext) => string | null;
}

/** The outlet found and the rule that found it. */
export interface OutletFinding {
  outlet: string;
  rule: string;
}

const WIRES: Record<string, string> = {
  reuters: 'Reuters', ap: 'Associated Press', afp: 'AFP', bloomberg: 'Bloomberg', upi: 'UPI', dpa: 'dpa', xinhua: 'Xinhua', ians: 'IANS', pti: 'PTI',
};

function ldString(v: Json | undefined): string | null {
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^https?:\/\//.test(s)) return hostOfUrl(s);
    return s || null;
  }
  if (Array.isArray(v)) return v.length ? ldString(v[0]) : null;
  if (v && typeof v === 'object') return ldString(v['name'] ?? v['url'] ?? v['@id']);
  return null;
}

function hostOfUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try { return new URL(u).hostname.replace(/^www\./, '') || null; } catch { return null; }
}

/** Last two host labels ("news.bbc.co.uk" → "co.uk" is wrong but harmless: both sides are cut alike). */
const siteKey = (h: string): string => h.split('.').slice(-2).join('.');

const ORIGIN_NAME = "((?:the )?[\\p{Lu}][\\p{L}\\p{N}&.'’-]*(?:\\s+(?:of|the|and|&|de|for|[\\p{Lu}\\d][\\p{L}\\p{N}&.'’-]*)){0,6})";
const ORIGINALLY = new RegExp(
  `\\b(?:(?:originally|first)\\s+(?:published|appeared|posted|ran|printed)|appeared\\s+(?:originally|first)|republished|reprinted|reposted|cross-posted)` +
    `(?:\\s+(?:here\\s+)?(?:with\\s+permission\\s+)?(?:by|in|on|at|from|with))\\s+${ORIGIN_NAME}`,
  'u',
);

const trimName = (s: string): string => s.split(/\.\s/)[0]!.replace(/^the\s+/i, (m) => (/^The/.test(m) ? m : '')).replace(/[\s.,;:’']+$/, '').replace(/(?:\s+(?:and|of|the|for|&|de))+$/i, '').trim();

/** Words that mark a name as a news outlet, so a short section heading is not taken for a credit. */
const OUTLET_WORD =
  /\b(?:Times|Post|News|Press|Journal|Herald|Tribune|Guardian|Telegraph|Gazette|Daily|Weekly|Reuters|AFP|Agency|Agence|Wire|Media|Magazine|Radio|TV|Television|Broadcasting|Network|Observer|Independent|Chronicle|Today|Monitor|Insider|Economist|Express|Mail|Star|Sun|Standard|Register|Bulletin|Dispatch|Courier|Examiner|Inquirer|Record|BBC|CNN|NPR|ABC|CBS|NBC|Fox|Jazeera|Axios|Politico|Bloomberg|Haaretz|Ynet|Forward)\b/;

/** Credits that name no outlet: "News agencies", "Agencies", "Wire services", "Staff". */
const GENERIC_CREDIT = /^(?:(?:news|wire)\s+(?:agencies|services|reports)|agencies|wires|staff|staff and agencies|agencies and staff|staff reports?)$/i;
/** "and news agencies" after an outlet's name. */
const GENERIC_CREDIT_TAIL = /\s*(?:,|and|&)\s*(?:other\s+)?(?:news\s+agencies|agencies|wires|wire services)$/i;

/** Provenance rules, most specific evidence first. */
export const PROVENANCE_RULES: readonly ProvenanceRule[] = [
  {
    name: 'jsonld-isBasedOn',
    reason: 'the page declares in JSON-LD the work it is based on',
    example: '{"@type":"NewsArticle","isBasedOn":{"@type":"NewsArticle","publisher":{"name":"Reuters"}}}',
    find: (c) => {
      for (const o of c.jsonLd ?? []) {
        const b = o['isBasedOn'] ?? o['isBasedOnUrl'];
        if (b === undefined || b === null) continue;
        if (b && typeof b === 'object' && !Array.isArray(b) && b['publisher']) return ldString(b['publisher']);
        const s = ldString(b);
        if (s) return s;
      }
      return null;
    },
  },
  {
    name: 'jsonld-sourceOrganization',
    reason: 'the page names in JSON-LD the organisation that produced the content',
    example: '{"@type":"NewsArticle","sourceOrganization":{"name":"The Times of Israel"}}',
    find: (c) => {
      for (const o of c.jsonLd ?? []) if (o['sourceOrganization']) return ldString(o['sourceOrganization']);
      return null;
    },
  },
  {
    name: 'originally-published',
    reason: 'a repost says where the story first appeared',
    example: 'This article was originally published by The Conversation.',
    find: (c) => {
      for (const p of c.paragraphs ?? []) {
        if (p.length > 400) continue;
        const m = ORIGINALLY.exec(p);
        if (m) return trimName(m[1]!);
      }
      return null;
    },
  },
  {
    name: 'wire-dateline',
    reason: 'a wire agency tag in the dateline means the agency wrote the story',
    example: 'WASHINGTON (Reuters) - The Senate voted on Tuesday…',
    find: (c) => {
      for (const p of (c.paragraphs ?? []).slice(0, 4)) {
        const head = p.slice(0, 160);
        const m = /\((Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua|IANS|PTI)\)\s*[-–—:]/i.exec(head) ?? /^(Reuters|AP|AFP)\s*[-–—]\s/.exec(head);
        if (m) return WIRES[m[1]!.toLowerCase()] ?? m[1]!;
      }
      return null;
    },
  },
  {
    name: 'source-line',
    reason: 'a short "Source: X" / "Via X" / "Courtesy of X" line credits the outlet',
    example: 'Source: Times of Israel',
    find: (c) => {
      const ps = c.paragraphs ?? [];
      for (const p of [...ps.slice(0, 3), ...ps.slice(-6)]) {
        const m = /^(?:source|sources|via|courtesy(?: of)?|credit)\s*[:：-]?\s+(.{2,80})$/i.exec(p.trim());
        if (m) {
          // "Al Jazeera and news agencies": the outlet; "News agencies" alone names none.
          const name = m[1]!.replace(/\s*\(?https?:\/\/\S+\)?/g, '').replace(/[.\s]+$/, '').replace(GENERIC_CREDIT_TAIL, '').trim();
          if (name && !GENERIC_CREDIT.test(name) && name.split(/\s+/).length <= 8) return name;
        }
      }
      return null;
    },
  },
  {
    name: 'credit-line',
    reason: 'a short title-case line above the article names the outlet it is credited to',
    example: 'Times of Israel',
    find: (c) => {
      const first = (c.paragraphs ?? [])[0]?.trim();
      if (!first || first.length > 50 || /[.!?:,;"“”]/.test(first) || /\d/.test(first) || first === first.toUpperCase()) return null;
      const words = first.split(/\s+/);
      if (words.length > 6 || /^by\b/i.test(first) || !OUTLET_WORD.test(first)) return null;
      if (!words.every((w) => /^[\p{Lu}&]/u.test(w) || /^(?:of|the|and|de|for|on|&)$/.test(w))) return null;
      const t = c.title?.trim().toLowerCase();
      if (t && (t === first.toLowerCase() || t.startsWith(first.toLowerCase()))) return null;
      return first;
    },
  },
  {
    name: 'canonical-other-domain',
    reason: 'the canonical link points at another site, which published the original',
    example: '<link rel="canonical" href="https://www.timesofisrael.com/…">',
    find: (c) => {
      const a = hostOfUrl(c.url);
      const b = hostOfUrl(c.canonical);
      return a && b && siteKey(a) !== siteKey(b) ? b : null;
    },
  },
];

/** Applies {@link PROVENANCE_RULES} in order; null when no rule fires. */
export function findOutlet(ctx: ProvenanceContext): OutletFinding | null {
  for (const r of PROVENANCE_RULES) {
    const o = r.find(ctx);
    if (o) return { outlet: o, rule: r.name };
  }
  return null;
}

/** Trailing boilerplate found in a text. */
export interface TrailingBoilerplate {
  /** Offset where the footer starts (the article proper ends before it). */
  start: number;
  /** The hosting site named by a "Discover more from X" line, if any. */
  site: string | null;
  rule: string;
}

/**
 * Finds a blog or newsletter footer at the end of a plain text ("Leave a Reply", "Subscribe now
 * to keep reading", "Discover more from X"): the first marker line in the last 40% of the text.
 */
export function findTrailingBoilerplate(text: string): TrailingBoilerplate | null {
  const lineRe = /[^\n]+/g;
  let found: TrailingBoilerplate | null = null;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    if (m.index < text.length * 0.6) continue;
    const line = m[0].trim();
    if (!found && isTailMarker(line)) found = { start: m.index + m[0].indexOf(line), site: null, rule: 'tail-section' };
    const d = /^discover more from\s+(.{1,80}?)\s*$/i.exec(line);
    if (d && found) found.site = d[1]!;
  }
  return found;
}
