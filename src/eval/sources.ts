/**
 * Source resolution scored against the CoreNLP silver coreference chains of PolNeAR. Pure: no I/O.
 *
 * Silver, not gold: CoreNLP's coreference system made the chains, so the figures say how often
 * hearsay's canonical entity for a source ("He" → Donald Trump) agrees with CoreNLP's chain for
 * the same words, not how often either is right.
 *
 * For each predicted source, the silver mention it speaks through is the chain mention whose head
 * token lies inside the source span and overlaps it most. A source with none is outside every
 * chain (CoreNLP lists no singletons) and is not scored. A scored source is
 * - **right** when hearsay's entity has a mention, outside the source span, on the head of
 *   another mention of that chain (the entity and the chain meet somewhere else in the text);
 * - **unlinked** when hearsay gives no entity, or an entity met nowhere else in the text (the
 *   source is its only mention), while the chain goes on;
 * - **wrong** when hearsay's entity is met elsewhere, but never on this chain.
 *
 * Results are broken down by the source's form (pronoun, relative pronoun, name, description).
 * Document sources ("a Bloomberg poll", "his tax return") are not scored: hearsay's entity for a
 * document is its author, which coreference chains never hold.
 */
import type { Span } from '../core/types.js';
import { overlaps } from '../core/span-index.js';

/** One mention of a silver chain, as character offsets (UTF-16). */
export interface SilverMention extends Span {
  /** The mention's head token. */
  head: Span;
  /** CoreNLP's representative mention of the chain. */
  representative: boolean;
}

/** The form of a source span, by its words. */
export type SourceForm = 'pronoun' | 'relative' | 'name' | 'description' | 'other';

/** Source forms in report order. */
export const SOURCE_FORMS: readonly SourceForm[] = ['name', 'pronoun', 'relative', 'description', 'other'];

const PRONOUN_WORDS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'him', 'her', 'them', 'us']);
const RELATIVES = new Set(['who', 'whom', 'which', 'that']);
const DESCRIPTION_OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'another']);
const WORD = /[\p{L}\p{N}'’.-]+/gu;
const CAPITAL = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
const PLURAL = /^\p{Lu}\p{Ll}+s$/u;

/**
 * A source span's form: one pronoun word, one relative pronoun, a phrase opening with a
 * determiner or possessive whose last word is lower case ("the former secretary"), a phrase with a
 * capitalised word ("President Trump", "Trump"; not a lone plural, "Officials"), or other.
 */
export function sourceForm(text: string): SourceForm {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return 'other';
  const lower = words.map((w) => w.toLowerCase());
  if (words.length === 1 && PRONOUN_WORDS.has(lower[0]!)) return 'pronoun';
  if (words.length === 1 && RELATIVES.has(lower[0]!)) return 'relative';
  if (DESCRIPTION_OPENERS.has(lower[0]!) && LOWER.test(words[words.length - 1]!)) return 'description';
  // A lone capitalised plural opens its sentence more often than it names ("Officials said").
  if (words.length === 1 && PLURAL.test(words[0]!)) return 'other';
  if (words.some((w, i) => CAPITAL.test(w) && (i > 0 || !DESCRIPTION_OPENERS.has(lower[0]!)))) return 'name';
  return 'other';
}

/**
 * Silver chains of one article from its CoreNLP `.coref.json` and `.conll` files (the JSON's
 * sentences and tokens count from 1 and index the `.conll` rows; offsets in code points, converted
 * by `toUtf16`).
 */
export function silverChains(corefJson: string, conll: string, toUtf16: (cp: number) => number): SilverMention[][] {
  const sentences: Span[][] = [];
  let cur: Span[] = [];
  for (const line of conll.split('\n')) {
    if (line.startsWith('# sent')) { if (cur.length) sentences.push(cur); cur = []; continue; }
    const c = line.split('\t');
    if (c.length < 9) continue;
    cur.push({ start: toUtf16(Number(c[7])), end: toUtf16(Number(c[8])) });
  }
  if (cur.length) sentences.push(cur);
  const parsed = JSON.parse(corefJson) as { chains?: unknown };
  if (!Array.isArray(parsed.chains)) throw new Error('coreference file has no "chains" array');
  const out: SilverMention[][] = [];
  for (const chain of parsed.chains as unknown[][]) {
    const mentions: SilverMention[] = [];
    for (const m of chain as [number, number, number, number, string, boolean][]) {
      const toks = sentences[m[0] - 1];
      const first = toks?.[m[1] - 1];
      const last = toks?.[m[2] - 2];
      const head = toks?.[m[3] - 1];
      if (!first || !last || !head) continue;
      mentions.push({ start: first.start, end: last.end, head, representative: m[5] === true });
    }
    if (mentions.length > 1) out.push(mentions);
  }
  return out;
}

/** A predicted source and hearsay's entity for it. */
export interface PredictedSource extends Span {
  /** Mentions of hearsay's entity for the source, or null when unresolved. */
  entityMentions: readonly Span[] | null;
  /** A document source ("a Bloomberg poll"): its entity is the author, which no chain holds, so it is not scored. */
  document?: boolean;
  /** What resolved it (the rule of the entity's mention in the source span), for the per-rule rows. */
  rule?: string;
}

/** One article: its text, silver chains and predicted sources. */
export interface SourceArticle {
  text: string;
  chains: readonly (readonly SilverMention[])[];
  sources: readonly PredictedSource[];
}

/** Counts for one source form. */
export interface SourceCounts {
  /** Sources on a silver chain. */
  scored: number;
  right: number;
  unlinked: number;
  wrong: number;
  /** Sources on no silver chain (not scored). */
  outside: number;
  /** right / scored. */
  accuracy: number;
}

/** What {@link scoreSources} measures: all forms together and each form. */
export interface SourceScores {
  articles: number;
  all: SourceCounts;
  byForm: Record<SourceForm, SourceCounts>;
  /** Per resolving rule, for sources that carry one. */
  byRule: Record<string, SourceCounts>;
}

/** Verdict on one source; see the module documentation. */
export type SourceVerdict = 'right' | 'unlinked' | 'wrong' | 'outside';

const inside = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/** The silver chain a source speaks through and its mention there (see the module documentation), or null. */
export function chainOf(chains: readonly (readonly SilverMention[])[], source: Span): { chain: readonly SilverMention[]; mention: SilverMention } | null {
  let best: { chain: readonly SilverMention[]; mention: SilverMention; overlap: number } | null = null;
  for (const chain of chains) {
    for (const m of chain) {
      if (!inside(m.head, source)) continue;
      const overlap = Math.min(m.end, source.end) - Math.max(m.start, source.start);
      if (!best || overlap > best.overlap) best = { chain, mention: m, overlap };
    }
  }
  return best && { chain: best.chain, mention: best.mention };
}

/** Judges one source against an article's chains. */
export function judgeSource(chains: readonly (readonly SilverMention[])[], source: PredictedSource): SourceVerdict {
  if (source.document) return 'outside';
  const best = chainOf(chains, source);
  if (!best) return 'outside';
  const others = best.chain.filter((m) => m !== best.mention && !overlaps(m.head, source));
  // A chain met only inside the source ("Clinton's spokesman" and "Clinton's") says nothing of the rest of the text.
  if (others.length === 0) return 'outside';
  const elsewhere = (source.entityMentions ?? []).filter((e) => !overlaps(e, source));
  if (elsewhere.length === 0) return 'unlinked';
  return others.some((m) => elsewhere.some((e) => overlaps(e, m.head))) ? 'right' : 'wrong';
}

const empty = (): SourceCounts => ({ scored: 0, right: 0, unlinked: 0, wrong: 0, outside: 0, accuracy: 0 });

/** Scores predicted sources against silver chains (see the module documentation). */
export function scoreSources(articles: readonly SourceArticle[]): SourceScores {
  const all = empty();
  const byForm = Object.fromEntries(SOURCE_FORMS.map((f) => [f, empty()])) as Record<SourceForm, SourceCounts>;
  const byRule: Record<string, SourceCounts> = {};
  for (const a of articles) {
    for (const s of a.sources) {
      const v = judgeSource(a.chains, s);
      const counts = [all, byForm[sourceForm(a.text.slice(s.start, s.end))]];
      if (s.rule) counts.push(byRule[s.rule] ??= empty());
      for (const c of counts) {
        c[v]++;
        if (v !== 'outside') c.scored++;
      }
    }
  }
  for (const c of [all, ...Object.values(byForm), ...Object.values(byRule)]) c.accuracy = c.scored ? c.right / c.scored : 0;
  return { articles: articles.length, all, byForm, byRule };
}

/** The scores as text: one row per source form and one for all; with `byRule`, one per resolving rule after them. */
export function formatSourceScores(s: SourceScores, byRule = false): string {
  const f = (x: number) => (100 * x).toFixed(1).padStart(5);
  const lines = [`articles: ${s.articles} (agreement with CoreNLP silver coreference, not accuracy)`, 'form          right %   scored   right   unlinked   wrong   not scored (no chain, or a document)'];
  const row = (name: string, c: SourceCounts) => lines.push(`${name.padEnd(12)}  ${f(c.accuracy)}   ${String(c.scored).padStart(6)}   ${String(c.right).padStart(5)}   ${String(c.unlinked).padStart(8)}   ${String(c.wrong).padStart(5)}   ${String(c.outside).padStart(6)}`);
  for (const form of SOURCE_FORMS) row(form, s.byForm[form]);
  row('all', s.all);
  if (byRule) {
    lines.push('', 'resolved by (rule)                right %   scored   right   unlinked   wrong   not scored');
    const rows = Object.entries(s.byRule).sort((x, y) => y[1].scored + y[1].outside - x[1].scored - x[1].outside);
    for (const [rule, c] of rows) lines.push(`${rule.padEnd(32)}  ${f(c.accuracy)}   ${String(c.scored).padStart(6)}   ${String(c.right).padStart(5)}   ${String(c.unlinked).padStart(8)}   ${String(c.wrong).padStart(5)}   ${String(c.outside).padStart(6)}`);
  }
  return `${lines.join('\n')}\n`;
}
