import { normalizeForm } from './normalize.js';

/** A sentence with gold PTB tags, in the tokenization hearsay's tokenizer produces. */
export interface TaggedSentence {
  /** Normalised word forms (see `normalizeForm`). */
  words: string[];
  tags: string[];
}

interface Row {
  id: number;
  form: string;
  xpos: string;
  head: number;
  spaceAfter: boolean;
}

/**
 * Parses CoNLL-U text (UD EWT) into tagged sentences using the XPOS (PTB) column. Multiword-token
 * ranges and empty nodes are skipped; hyphen- and slash-joined compounds that UD splits but our
 * tokenizer keeps whole ("Al-Zaman", "and/or") are merged, taking the tag of the part whose head
 * lies outside the compound; quote forms are normalised with the direction the gold tag implies,
 * as the tokenizer supplies it at run time.
 */
export function parseConllu(text: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let rows: Row[] = [];
  const flush = (): void => {
    if (rows.length) out.push(prepare(rows));
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line === '' || line === '\r') { flush(); continue; }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 10) continue;
    const id = cols[0]!;
    if (id.includes('-') || id.includes('.')) continue;
    rows.push({
      id: Number(id), form: cols[1]!, xpos: cols[4]!, head: Number(cols[6]),
      spaceAfter: !/(^|\|)SpaceAfter=No(\||$)/.test(cols[9]!.trim()),
    });
  }
  flush();
  return out;
}

const ALNUM = /^[\p{L}\p{M}\p{N}]/u;
const ALNUM_END = /[\p{L}\p{M}\p{N}]$/u;

function prepare(rows: Row[]): TaggedSentence {
  const words: string[] = [];
  const tags: string[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    // Extend over `X - Y (- Z)` written without spaces, as the tokenizer would keep them whole.
    while (
      j + 2 < rows.length && !rows[j]!.spaceAfter && !rows[j + 1]!.spaceAfter
      && (rows[j + 1]!.form === '-' || rows[j + 1]!.form === '/')
      && ALNUM_END.test(rows[j]!.form) && ALNUM.test(rows[j + 2]!.form)
    ) j += 2;
    if (j === i) {
      const r = rows[i]!;
      const hint = r.xpos === '``' ? 'open' : r.xpos === "''" ? 'close' : undefined;
      words.push(normalizeForm(r.form, hint));
      tags.push(r.xpos);
    } else {
      const group = rows.slice(i, j + 1);
      const first = group[0]!.id;
      const last = group[group.length - 1]!.id;
      const headPart = [...group].reverse().find((r) => r.head < first || r.head > last) ?? group[group.length - 1]!;
      words.push(normalizeForm(group.map((r) => r.form).join('')));
      tags.push(headPart.xpos);
    }
    i = j + 1;
  }
  return { words, tags };
}
