/** Direction of a quotation mark, as the tokenizer marks it. */
export type QuoteHint = 'open' | 'close' | undefined;

const DOUBLE_OPEN = new Set(['\u201C', '\u201E', '\u201F', '\u00AB', '``', '\u2018\u2018']);
const DOUBLE_CLOSE = new Set(['\u201D', '\u00BB', "''", '\u2019\u2019']);
const SINGLE_OPEN = new Set(['\u2018', '`', '\u201A', '\u201B']);

/**
 * Maps a token to the Penn Treebank form the tagger was trained on, so news typography (curly
 * quotes, dashes, ’ in clitics) meets the ASCII forms of UD EWT. Double quotes become `` or ''
 * by direction; a straight `"` without a hint stays `"` (the caller resolves it). A closing single
 * quote stays `'`, because the tokenizer also marks possessive apostrophes (officials’) as closing
 * quotes and only context tells them apart.
 */
export function normalizeForm(text: string, quote?: QuoteHint): string {
  if (text.length <= 2) {
    if (text === '"' ) return quote === 'open' ? '``' : quote === 'close' ? "''" : '"';
    if (DOUBLE_OPEN.has(text)) return '``';
    if (DOUBLE_CLOSE.has(text)) return "''";
    if (SINGLE_OPEN.has(text)) return '`';
    if (text === "'" || text === '\u2019') return quote === 'open' ? '`' : "'";
    if (text === '\u2014' || text === '\u2013' || text === '\u2015') return '--';
    if (text === '\u2026') return '...';
  }
  if (text.indexOf('\u2019') >= 0 || text.indexOf('\u2018') >= 0) return text.replace(/[\u2018\u2019]/g, "'");
  return text;
}
