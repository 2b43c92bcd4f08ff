/**
 * Turns an article DOM subtree into paragraphs and drops boilerplate blocks that Readability keeps
 * (captions, "related" lists, promos, share prompts). Rules are data: each has a name, a reason
 * and an example phrase.
 */

/** One paragraph-level block of text inside the article subtree. */
export interface Block {
  text: string;
  /** Characters of text inside links. */
  linkChars: number;
  /** Tag of the nearest block-level element. */
  tag: string;
  /** Tags, classes and ids of the ancestors inside the article, lower-cased, space-joined. */
  context: string;
  /** Ids of the ancestor elements whose class or id names boilerplate (see {@link BOILERPLATE_CONTEXT}). */
  boilerAncestors: number[];
  /** Set by {@link filterBlocks}: a boilerplate-named ancestor holds only a small share of the text. */
  inBoilerplate: boolean;
  /** Set by {@link filterBlocks}: how many blocks have exactly this text. */
  repeats: number;
  /** Set by {@link filterBlocks}: a short block in the lead that repeats the page title. */
  titleLike: boolean;
  /** Why the block was dropped (a rule name), or null when kept. */
  dropped: string | null;
}

/** A rule that drops one block. */
export interface BlockRule {
  name: string;
  reason: string;
  example: string;
  test: (b: Block) => boolean;
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'pre', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'figure', 'figcaption', 'header', 'footer', 'aside', 'nav',
  'dl', 'dt', 'dd', 'br', 'hr', 'form', 'fieldset', 'address', 'details', 'summary', 'center',
]);

/** Minimal structural view of a DOM node, so the walker works on linkedom or browser DOMs. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

/** Class or id fragments of cards and tips shown on hover, never part of the text they sit in. */
const HOVER_CARD = /\b[\w-]*(?:rollover-people-block|rollover-block|hovercard|hover-card|tooltip|popover)[\w-]*\b/;

/** Splits an element's text into blocks at block-level element boundaries, collapsing whitespace. */
export function collectBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let linkChars = 0;
  const ctxStack: string[] = [];
  const tagStack: string[] = [];
  const boilerStack: number[] = [];
  let nextId = 0;
  const flush = (): void => {
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text) {
      blocks.push({ text, linkChars: Math.min(linkChars, text.length), tag: tagStack[tagStack.length - 1] ?? 'div', context: ctxStack.join(' '), boilerAncestors: [...boilerStack], inBoilerplate: false, repeats: 1, titleLike: false, dropped: null });
    }
    buf = '';
    linkChars = 0;
  };
  const walk = (node: DomNode, inLink: boolean): void => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      buf += t;
      if (inLink) linkChars += t.replace(/\s+/g, ' ').length;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return;
    const block = BLOCK_TAGS.has(tag);
    const cls = `${tag} ${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''}`.toLowerCase();
    // A card shown on hover ("Ilhan Omar" + her photo and latest headlines) sits inside the
    // sentence it annotates; read, it splices a headline into the middle of a name.
    if (HOVER_CARD.test(cls) || node.getAttribute?.('hidden') != null || node.getAttribute?.('aria-hidden') === 'true') return;
    if (block) { flush(); tagStack.push(tag); }
    ctxStack.push(cls);
    const boiler = BOILERPLATE_CONTEXT.test(cls);
    if (boiler) boilerStack.push(nextId++);
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, inLink || tag === 'a');
    if (boiler) boilerStack.pop();
    ctxStack.pop();
    if (block) { flush(); tagStack.pop(); }
  };
  walk(root, false);
  flush();
  return blocks;
}

/** Stand-alone phrases that are page furniture, never article text. */
const FURNITURE = new RegExp(
  '^(?:' + [
    'advert(?:isement)?s?', 'sponsored(?: content)?', 'skip to (?:main )?content', 'continue reading(?: below)?',
    'story continues below(?: advertisement)?', 'article continues below(?: advertisement)?',
    'this slideshow requires javascript\\.?', 'loading\\.*', 'close', 'menu', 'share(?: this)?(?: article| story| post)?:?',
    'print', 'email', 'comments?', '\\d+ comments?', 'click (?:here )?to (?:share|email|print)[^.]*',
    '(?:published|updated|posted|last updated)[: ]+.{0,40}', 'image(?:s)?:? .{0,40}', 'photo:? .{0,60}',
    '(?:\\(|\\[)?(?:image|photo|video|picture)(?: credit)?:.{0,80}', 'credit:.{0,80}', '©.{0,100}',
    'watch:? .{0,60}', 'video:? .{0,60}', 'see more:.{0,120}', 'read more:.{0,120}', 'related:.{0,120}', 'more:.{0,80}',
    'also read:.{0,120}', 'recommended:.{0,120}', "don'?t miss:?", 'you may also like\\.*', 'get .{0,40} on the go.*',
    'read more on .{0,60}', 'sign up .{0,100}', 'subscribe .{0,100}', 'follow us .{0,100}',
    'this (?:website|site) uses cookies.*', 'we use cookies.*', 'by using this (?:website|site).*',
    'all rights reserved\\.?.{0,60}', 'like this (?:story|article|post)\\?.*', 'this post may contain affiliate.*', 'join our .{0,120}',
    "there'?s plenty more where that came from.*", '(?:also )?on [\\w.-]+\\.(?:com|org|net|co\\.uk):.{0,200}', 'sign in', 'log in', 'breaking news',
    // Wire credits and trailers ("(Reporting by Greg Roumeliotis; Editing by Leslie Adler)",
    // "With Post wires", "(Graphic: Global assets in 2019 - here)"), a lone address, a related link.
    '\\((?:additional )?(?:reporting|writing|editing|compiled) by .{1,300}\\)', '(?:additional )?reporting by .{1,200}(?:editing|writing) by .{1,120}', 'with .{1,40} wires\\.?', '\\(graphic:.{0,160}\\)',
    'https?://\\S+', 'also on [\\w.-]+\\.(?:com|org|net|co\\.uk)\\s.{0,200}',
    '\\S+@\\S+\\.\\w+', '@\\w+', '(?:twitter|facebook|instagram)\\.com/\\S+', 'home\\s*(?:»|>|›|/).{0,200}', 'tags', 'copyright .{0,100}', 'tags?:.{0,200}', 'filed under:?.{0,200}', 'topics?:.{0,200}',
  ].join('|') + ')$',
  'i',
);

/** Headings that open a trailing section of links, comments or promos. */
const TAIL_MARKER = new RegExp(
  '^(?:' + [
    'you may also like', 'you might also like', 'related(?: articles| stories| posts| coverage| content| news| links)?',
    'more (?:from|on|in|stories|news|like this)\\b.{0,40}', 'recommended(?: for you| stories| articles)?', 'most (?:popular|read|viewed|shared)',
    'trending(?: now| stories)?', 'popular(?: now| stories| posts)?', 'what to read next', 'read next', 'up next', 'see also',
    'want more stories like this\\??', 'tell us what you think.{0,10}', 'leave a (?:reply|comment)', 'comments?', 'join the (?:conversation|discussion)',
    'discover more from .{1,60}', 'subscribe now to keep reading.*', 'about the author', 'share this(?: article| story| post)?',
    'sign up for (?:our|the) .{0,40}newsletter.*', 'newsletter', 'tags', 'top stories', 'latest news', 'editor\'?s picks',
  ].join('|') + ')[:.!]?$',
  'i',
);

/** Class or id fragments naming related lists, promos, share bars, comment areas. */
export const BOILERPLATE_CONTEXT =
  /\b(?:[\w-]*(?:related|newsletter|promo|subscribe|signup|sign-up|social|share|sharing|advert|sponsor|recommend|trending|popular|outbrain|taboola|comment|disqus|breadcrumb|author-bio|authorbio|tags|tag-list|pagination|paywall|nav|sidebar|widget|inline-ad|ad-container|adslot)[\w-]*|ad|ads)\b/;

const CAPTION_CONTEXT = /\b(?:figcaption|figure|[\w-]*(?:caption|credit|photo-desc|image-desc|media-desc|img-desc)[\w-]*)\b/;

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_BITS = new RegExp(
  [
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?`, `\\b\\d{1,2}\\s+${MONTH},?(?:\\s+\\d{4})?`, '\\b\\d{4}-\\d{2}-\\d{2}(?:t[\\d:.]+z?)?',
    '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}', '\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[a-z]{2,4}t)?\\b', '\\b\\d{4}\\b',
    '\\b(?:published|updated|posted|last|modified|on|at|by|am|pm|est|edt|gmt|utc|hst|cst|pst|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|ago|\\d+\\s+(?:hours?|minutes?|days?))\\b',
  ].join('|'),
  'gi',
);

const REAL_DATE = new RegExp(`\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+${MONTH}|\\b\\d{4}-\\d{2}-\\d{2}|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}|\\b\\d{1,2}:\\d{2}\\s*[ap]\\.?m|\\bago\\b`, 'i');

/** True when a short block is a timestamp line ("Updated 5:27 am CST, Wednesday, November 20, 2019"). */
export function isDateLine(text: string): boolean {
  if (text.length > 110 || /^[—–-]/.test(text) || !REAL_DATE.test(text)) return false;
  const stripped = text.replace(DATE_BITS, ' ');
  if (stripped.length === text.length) return false;
  return stripped.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean).length <= 2;
}

/** Drop rules applied to each block of the article subtree. */
export const BLOCK_RULES: readonly BlockRule[] = [
  {
    name: 'caption',
    reason: 'image captions and credits sit beside the article, not in it',
    example: 'Protesters gathered outside the hall (Image: GETTY)',
    test: (b) => CAPTION_CONTEXT.test(b.context) || (b.text.length < 300 && /(?:\((?:image|photo|picture|video)s?:[^)]*\)|credit:[^.]{0,60}|\((?:ap|reuters|afp|getty)[^)]{0,40}\))$/i.test(b.text)),
  },
  {
    name: 'furniture',
    reason: 'short stand-alone page furniture (advert labels, share prompts, timestamps, cookie notices)',
    example: 'Continue Reading Below',
    test: (b) => b.text.length < 260 && FURNITURE.test(b.text),
  },
  {
    name: 'boilerplate-container',
    reason: 'inside an element whose class or id names a related list, promo, share bar or comment area',
    example: '<div class="related-stories">…',
    test: (b) => b.inBoilerplate,
  },
  {
    name: 'date-line',
    reason: 'a stand-alone timestamp or "By X | date" line is metadata, not article text',
    example: 'Updated 5:27 am CST, Wednesday, November 20, 2019',
    test: (b) => isDateLine(b.text) || (b.text.length < 100 && /^by\s/i.test(b.text) && isDateLine(b.text.replace(/^by\s+[^|\-–—,]+[|\-–—,]/i, ''))),
  },
  {
    name: 'repeated-short',
    reason: 'a short line repeated three or more times is a share bar or widget label',
    example: 'Whatsapp Facebook Pint Baixar',
    test: (b) => b.repeats >= 2 && b.text.length < 80 && /facebook|twitter|whatsapp|pinterest|\bpint\b|linkedin|tweet|share|e-?mail|print/i.test(b.text),
  },
  {
    name: 'title-repeat',
    reason: 'the headline (or a breadcrumb ending in it) repeated above the article',
    example: 'HomeLatest NewsNollywood Actress Is Looking Stunning',
    test: (b) => b.titleLike,
  },
  {
    name: 'link-list',
    reason: 'short blocks that are mostly link text are navigation or "related" items',
    example: 'Who will make the Rock Hall in 2020?',
    test: (b) => b.text.length < 120 && b.linkChars / b.text.length > 0.8,
  },
];

/** Rule naming the trailing-section cut. */
export const TAIL_RULE: Omit<BlockRule, 'test'> = {
  name: 'tail-section',
  reason: 'a heading such as "You may also like" or "Leave a Reply" opens a tail of links, comments or promos',
  example: 'You may also like...',
};

/** True when the text opens a trailing boilerplate section ("Related stories", "Leave a Reply"). */
export function isTailMarker(text: string): boolean {
  return text.length < 80 && TAIL_MARKER.test(text.replace(/[.…\s]+$/, ''));
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Marks dropped blocks in place: rule matches, then everything from a tail marker in the last 60%.
 * `title` (the page headline) lets the lead's repeated headline go.
 */
export function filterBlocks(blocks: Block[], title?: string | null): Block[] {
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.text, (counts.get(b.text) ?? 0) + 1);
  for (const b of blocks) b.repeats = counts.get(b.text)!;
  const t = title ? norm(title) : '';
  if (t.length > 8) {
    for (const b of blocks.slice(0, 8)) {
      const n = norm(b.text);
      if (b.text.length < 250 && (n === t || (n.endsWith(t) && n.length < t.length + 60) || (t.includes(n) && n.length > t.length * 0.6))) b.titleLike = true;
    }
  }
  const total = blocks.reduce((a, b) => a + b.text.length, 0);
  // A boilerplate-named wrapper around most of the article ("post-social-wrap") is a false alarm.
  const under = new Map<number, number>();
  for (const b of blocks) for (const id of b.boilerAncestors) under.set(id, (under.get(id) ?? 0) + b.text.length);
  for (const b of blocks) b.inBoilerplate = b.boilerAncestors.some((id) => (under.get(id) ?? 0) < total * 0.25);
  let seen = 0;
  let cut = false;
  for (const b of blocks) {
    if (!cut && seen > total * 0.4 && isTailMarker(b.text)) cut = true;
    seen += b.text.length;
    if (cut) { b.dropped = TAIL_RULE.name; continue; }
    for (const r of BLOCK_RULES) if (r.test(b)) { b.dropped = r.name; break; }
  }
  return blocks;
}
