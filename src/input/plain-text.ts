import { defineStage } from '../core/pipeline.js';
import type { Span } from '../core/types.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { DEFAULT_KB } from '../kb/index.js';

/** A rule that recognises a boilerplate line at the end of a reposted article. */
export interface FooterRule {
  name: string;
  reason: string;
  example: string;
  pattern: RegExp;
  /** Capture group 1 names the hosting site. */
  namesSite?: boolean;
}

/** Footer lines blogs and newsletters append after the article. Order does not matter. */
export const FOOTER_RULES: readonly FooterRule[] = [
  { name: 'footer-leave-reply', reason: 'WordPress comment form heading', example: 'Leave a Reply', pattern: /^(?:Leave a (?:Reply|Comment)|Post a Comment|Comments?)\s*(?:\(\d+\))?\s*$/i },
  { name: 'footer-email-not-published', reason: 'comment form privacy line', example: 'Your email address will not be published.', pattern: /^Your email address will not be published/i },
  { name: 'footer-discover-more', reason: 'Substack/WordPress newsletter wall naming the host site', example: 'Discover more from The Daily Ledger', pattern: /^Discover more from\s+(.+?)\s*$/i, namesSite: true },
  { name: 'footer-subscribe', reason: 'newsletter or paywall prompt', example: 'Subscribe now to keep reading and get access to the full archive.', pattern: /^(?:Subscribe (?:now|today|to)|Sign up (?:for|to)|Get our newsletter|Become a (?:member|subscriber))/i },
  { name: 'footer-continue-reading', reason: 'paywall continuation link', example: 'Continue reading', pattern: /^Continue reading\b/i },
  { name: 'footer-share', reason: 'share bar', example: 'Share this:', pattern: /^(?:Share this|Share on|Like this|Related(?: Posts| Articles| Stories)?|Read more|You may also like|More from)\s*:?\s*$/i },
  { name: 'footer-copyright', reason: 'site copyright line', example: '© 2025 The Daily Ledger', pattern: /^(?:©|Copyright ©?)\s*\d{4}/i },
];

/** A rule that recognises a credit line naming the original outlet at the top of a repost. */
export interface CreditRule {
  name: string;
  reason: string;
  example: string;
  pattern: RegExp;
}

/** Credit lines: capture group 1 is the outlet. */
export const CREDIT_RULES: readonly CreditRule[] = [
  { name: 'credit-originally-published', reason: 'explicit repost credit', example: 'Originally published by The Harbor Gazette', pattern: /^(?:Originally published (?:by|in|at)|This (?:article|story) (?:first |originally )?appeared (?:in|on)|Republished from|Source:|Via)\s+(.+?)(?:[.;,]\s+(?:Reposted|Republished|Reprinted|Used|Shared|Posted|All rights|Copyright)\b.*)?\.?\s*$/i },
  { name: 'credit-known-outlet-line', reason: 'a lone outlet name heading a repost', example: 'The Harbor Gazette', pattern: /^(.{2,60})$/ },
];

const BYLINE = /^By\s+(\p{Lu}[\p{L}.'\u2019-]+(?:\s+(?:\p{Lu}[\p{L}.'\u2019-]+|and|de|van|von|al-\p{L}+))*)\s*$/u;

interface Line extends Span { text: string }

function lines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: pos + lead, end: pos + lead + trimmed.length, text: trimmed });
    pos += raw.length + 1;
  }
  return out;
}

const OUTLET_WORDS = /\b(?:Times|Post|News|Gazette|Journal|Herald|Tribune|Telegraph|Guardian|Observer|Chronicle|Daily|Weekly|Press|Radio|TV|Channel|Network|Media|Magazine|Review|Standard|Sun|Star|Mirror|Express|Independent|Examiner|Inquirer|Courier|Wire|Agency|Monitor|Dispatch|Ledger|Bulletin|Record|Register|Globe|Reporter|Sentinel|Beacon|Caller|Free Press)\b/;

/** True when a line reads like a lone outlet name: known outlet, or a short title-case line. */
function looksLikeOutlet(line: string): boolean {
  const e = DEFAULT_KB.byName.get(line.toLowerCase()) ?? DEFAULT_KB.byName.get(line.toLowerCase().replace(/^the /, ''));
  if (e?.type === 'outlet') return true;
  // An unknown short title-case line with an outlet word ("The Harbor Gazette").
  return line.split(/\s+/).length <= 6 && /^(?:The\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s+)*\p{Lu}/u.test(line) && !/[.!?,;:]$/.test(line)
    && OUTLET_WORDS.test(line);
}

/**
 * Plain-text article segmentation: a leading credit line (the original outlet) and a trailing
 * blog/newsletter footer are recognised and kept out of `body`; the footer's "Discover more from X"
 * names the hosting site.
 */
export const plainTextStage = defineStage('plain-text', { requires: ['text'], assigns: ['meta', 'body'] }, () => (doc: WorkingDoc) => {
  const ls = lines(doc.text);
  if (ls.length === 0) { doc.body = []; return; }
  let first = 0;
  // Credit line and byline at the top (at most the first three lines).
  for (let i = 0; i < Math.min(3, ls.length - 1); i++) {
    const l = ls[i]!;
    const explicit = CREDIT_RULES[0]!.pattern.exec(l.text);
    if (explicit && !doc.meta.outlet) {
      doc.meta.outlet = explicit[1]!.trim().replace(/^the\s+/, '');
      doc.meta.outletRule = CREDIT_RULES[0]!.name;
      first = i + 1;
      continue;
    }
    if (i === first && !doc.meta.outlet && looksLikeOutlet(l.text)) {
      doc.meta.outlet = l.text;
      doc.meta.outletRule = CREDIT_RULES[1]!.name;
      first = i + 1;
      continue;
    }
    const by = BYLINE.exec(l.text);
    if (by && i === first) { doc.meta.byline = by[1]!; first = i + 1; continue; }
    break;
  }
  // Footer: the earliest footer line in the last third, with every later line also short
  // boilerplate-like or another footer line.
  let last = ls.length;
  const tailFrom = first + 1;
  for (let i = ls.length - 1; i >= tailFrom; i--) {
    const l = ls[i]!;
    const rule = FOOTER_RULES.find((r) => r.pattern.test(l.text));
    if (rule) {
      last = i;
      if (rule.namesSite) {
        const m = rule.pattern.exec(l.text);
        if (m?.[1]) doc.meta.site = m[1].trim();
      }
      continue;
    }
    // A footer block tolerates short lines (form labels) between its markers.
    if (last < ls.length && l.text.length < 60 && !/[.!?]['\u2019\u201D"]?$/.test(l.text)) continue;
    if (last < ls.length && /\*\s*$/.test(l.text)) continue;
    break;
  }
  if (last < ls.length) {
    const f = ls[last]!;
    doc.message('info', 'input/footer', 'blog/newsletter footer kept out of the body', { start: f.start, end: ls[ls.length - 1]!.end });
  }
  const start = ls[first]?.start ?? 0;
  const end = last > first ? ls[last - 1]!.end : start;
  doc.body = end > start ? [{ start, end }] : [];
});
