import type { SourceMapPair } from '../core/types.js';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”',
  mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', eacute: 'é',
  egrave: 'è', aacute: 'á', agrave: 'à', oacute: 'ó', uacute: 'ú', iacute: 'í', ntilde: 'ñ', ccedil: 'ç', uuml: 'ü',
  ouml: 'ö', auml: 'ä', szlig: 'ß', bull: '•', middot: '·', deg: '°', euro: '€', pound: '£', shy: '',
};

const RAW = /^(script|style|template|svg|noscript|textarea|title|iframe)\b/i;

/** Visible text of the HTML with whitespace collapsed, and the HTML offset of each character. */
function visibleText(html: string): { text: string; offsets: Int32Array } {
  const offsets = new Int32Array(html.length + 1);
  const out: string[] = [];
  let n = 0;
  let space = true;
  const push = (ch: string, at: number): void => {
    const code = ch.charCodeAt(0);
    const ws = code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code > 0x2000 && /\s/.test(ch));
    if (ws) {
      if (space) return;
      space = true;
      out.push(' ');
    } else {
      space = false;
      out.push(ch);
    }
    offsets[n++] = at;
  };
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      if (html.startsWith('<!--', i)) {
        const e = html.indexOf('-->', i + 4);
        i = e < 0 ? html.length : e + 3;
        continue;
      }
      const raw = RAW.exec(html.slice(i + 1, i + 12));
      const close = html.indexOf('>', i);
      if (close < 0) break;
      if (raw) {
        const re = new RegExp(`</${raw[1]!}\\s*>`, 'gi');
        re.lastIndex = close + 1;
        const m = re.exec(html);
        i = m ? m.index + m[0].length : html.length;
      } else {
        i = close + 1;
      }
      push(' ', i);
      continue;
    }
    if (c === '&') {
      const m = /^&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,8});?/i.exec(html.slice(i, i + 12));
      if (m) {
        const e = m[1]!;
        let ch: string | undefined;
        if (e[0] === '#') {
          const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          ch = cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
        } else ch = NAMED[e.toLowerCase()];
        if (ch !== undefined) {
          for (const x of ch) push(x === '\u00a0' ? ' ' : x, i);
          i += m[0].length;
          continue;
        }
      }
    }
    push(c === '\u00a0' ? ' ' : c, i);
    i++;
  }
  return { text: out.join(''), offsets };
}

/**
 * Maps each paragraph start in the extracted text (paragraphs joined by blank lines) to the HTML
 * offset of the same words in the source, by searching the page's visible text in reading order.
 * Paragraphs that cannot be found (rewritten by the extractor) get no pair.
 */
export function buildSourceMap(html: string, paragraphs: readonly string[]): SourceMapPair[] {
  const pairs: SourceMapPair[] = [];
  const vis = visibleText(html);
  let cursor = 0;
  let textOffset = 0;
  for (const p of paragraphs) {
    const norm = p.replace(/\s+/g, ' ');
    let at = -1;
    for (const len of [40, 12]) {
      const key = norm.slice(0, len);
      if (!key) break;
      at = vis.text.indexOf(key, cursor);
      if (at < 0) at = vis.text.indexOf(key);
      if (at >= 0) break;
    }
    if (at >= 0) {
      pairs.push([textOffset, vis.offsets[at]!]);
      cursor = at + 1;
    }
    textOffset += p.length + 2;
  }
  return pairs;
}
