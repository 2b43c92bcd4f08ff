/**
 * Scoring of predicted attributions against PolNeAR-style gold. Pure: no I/O, so the CLI, the
 * trainer and tests share it.
 *
 * Definitions (all per article, summed over articles — micro-averaged):
 * - **Word token**: a maximal run of letters, marks and digits (`/[\p{L}\p{M}\p{N}]+/u`);
 *   whitespace and punctuation (quotes, commas, periods) separate tokens and never count. A token
 *   belongs to a span when any of its characters lies inside the span.
 * - **Role tokens**: the set of word tokens covered by a role's spans (discontinuous gold spans are
 *   unioned).
 * - **Exact span** (per label source / cue / content): a predicted role matches a gold role when
 *   their role-token sets are identical and non-empty. Units are the distinct role-token sets of
 *   an article (two attributions sharing a source count it once). So exactness ignores
 *   punctuation and whitespace at the edges (`“Yes,”` = `Yes`), nothing else.
 * - **Token overlap** (per label): the union of role tokens over all gold attributions vs. over
 *   all predictions; precision = shared / predicted tokens, recall = shared / gold tokens.
 * - **Relation**: a gold attribution is found by a prediction whose cue overlaps a gold cue span
 *   by at least one character, whose content role tokens have Jaccard ≥ 0.5 with the gold content
 *   (two empty contents count as equal), and — where the gold has a source — whose source
 *   overlaps the gold source by at least one character. Gold and predictions are paired one to
 *   one, greedily in gold order, each gold taking the matching prediction with the highest
 *   content Jaccard. Precision = pairs / predictions, recall = pairs / gold.
 * - Only outermost predictions count (`via === null`): PolNeAR annotates the outermost
 *   attribution of a nest.
 */
import type { Attribution, Span } from '../core/types.js';
import type { GoldArticle, GoldAttribution } from './polnear.js';

/** Precision, recall and F1 with the counts behind them (fractions in [0, 1]). */
export interface Prf {
  /** Matched units (spans, tokens or attributions). */
  tp: number;
  /** Predicted units. */
  predicted: number;
  /** Gold units. */
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores per label. */
export interface LabelScores {
  source: Prf;
  cue: Prf;
  content: Prf;
}

/** Everything {@link scoreAttributions} measures. */
export interface AttributionScores {
  articles: number;
  /** Exact-span scores (identical word-token sets). */
  exact: LabelScores;
  /** Token-overlap scores. */
  overlap: LabelScores;
  /** Relation-level scores (cue overlap + content Jaccard ≥ 0.5 + source overlap). */
  relation: Prf;
}

/** Minimum content Jaccard for a relation match. */
export const RELATION_CONTENT_JACCARD = 0.5;

/** Word tokens of a text as `[start, end)` pairs, flat: `[s0, e0, s1, e1, …]`. */
export function wordTokens(text: string): Int32Array {
  const re = /[\p{L}\p{M}\p{N}]+/gu;
  const out: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m.index, m.index + m[0].length);
  return Int32Array.from(out);
}

/** Indices of word tokens overlapping any of the spans, ascending and distinct. */
function tokensIn(tok: Int32Array, spans: readonly Span[]): number[] {
  const n = tok.length / 2;
  const hit = new Set<number>();
  for (const s of spans) {
    if (s.end <= s.start) continue;
    // First token whose end is past s.start.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tok[2 * mid + 1]! <= s.start) lo = mid + 1; else hi = mid;
    }
    for (let i = lo; i < n && tok[2 * i]! < s.end; i++) hit.add(i);
  }
  return [...hit].sort((a, b) => a - b);
}

function overlaps(a: readonly Span[], b: readonly Span[]): boolean {
  for (const x of a) for (const y of b) if (x.start < y.end && y.start < x.end) return true;
  return false;
}

function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  let inter = 0;
  for (const x of a) if (sb.has(x)) inter++;
  return inter / (a.length + b.length - inter);
}

/** Jaccard of the word tokens two span lists cover (two empty lists count as equal). */
export function jaccardOfSpans(text: string, a: readonly Span[], b: readonly Span[], tok = wordTokens(text)): number {
  return jaccard(tokensIn(tok, a), tokensIn(tok, b));
}

/** Precision, recall and F1 from counts (0 where a count is 0). */
export function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, predicted, gold, precision, recall, f1 };
}

type Label = 'source' | 'cue' | 'content';
const LABELS: readonly Label[] = ['source', 'cue', 'content'];

/** A predicted attribution reduced to role span lists, like gold. */
type Roles = GoldAttribution;

function predRoles(a: Attribution): Roles {
  return {
    source: a.source ? [{ start: a.source.start, end: a.source.end }] : null,
    cue: [{ start: a.cue.start, end: a.cue.end }],
    content: a.content.map((c) => ({ start: c.start, end: c.end })),
  };
}

/** Outermost predictions only (see module doc). */
export function outermost(predicted: readonly Attribution[]): Attribution[] {
  return predicted.filter((a) => a.via === null);
}

/** Result of pairing one article's gold and predictions. */
export interface ArticleMatch {
  /** For each gold attribution, the index of its paired prediction, or -1. */
  goldToPred: number[];
  /** For each (outermost) prediction, the index of its paired gold attribution, or -1. */
  predToGold: number[];
  /** The outermost predictions that were scored. */
  predicted: Attribution[];
}

function contentJaccard(tok: Int32Array, g: GoldAttribution | Roles, p: Roles): number {
  return jaccard(tokensIn(tok, g.content), tokensIn(tok, p.content));
}

function relationOk(tok: Int32Array, g: GoldAttribution, p: Roles): number {
  if (!overlaps(g.cue, p.cue)) return -1;
  if (g.source && g.source.length > 0 && !(p.source && overlaps(g.source, p.source))) return -1;
  const j = contentJaccard(tok, g, p);
  return j >= RELATION_CONTENT_JACCARD ? j : -1;
}

/**
 * Whether a reading (role span lists, like gold) finds a gold attribution by the relation
 * criterion (see module doc); `tok` is {@link wordTokens} of the text.
 */
export function relationMatches(tok: Int32Array, g: GoldAttribution, p: { source: Span[] | null; cue: Span[]; content: Span[] }): boolean {
  return relationOk(tok, g, p) >= 0;
}

/** Pairs gold and outermost predictions of one article one to one (see module doc). */
export function matchArticle(text: string, gold: readonly GoldAttribution[], predictedAll: readonly Attribution[], tok = wordTokens(text)): ArticleMatch {
  const predicted = outermost(predictedAll);
  return { ...matchRoles(tok, gold, predicted.map(predRoles)), predicted };
}

function matchRoles(tok: Int32Array, gold: readonly GoldAttribution[], roles: readonly Roles[]): { goldToPred: number[]; predToGold: number[] } {
  const goldToPred = gold.map(() => -1);
  const predToGold = roles.map(() => -1);
  gold.forEach((g, gi) => {
    let best = -1;
    let bestJ = -1;
    roles.forEach((p, pi) => {
      if (predToGold[pi] !== -1) return;
      const j = relationOk(tok, g, p);
      if (j > bestJ) { bestJ = j; best = pi; }
    });
    if (best >= 0 && bestJ >= 0) { goldToPred[gi] = best; predToGold[best] = gi; }
  });
  return { goldToPred, predToGold };
}

/**
 * Scores predictions (keyed by article id; missing ids count as no predictions) against gold.
 * See the module documentation for the exact definitions.
 */
export function scoreAttributions(gold: readonly GoldArticle[], predicted: ReadonlyMap<string, readonly Attribution[]>): AttributionScores {
  return scoreReadings(gold, new Map(gold.map((a) => [a.id, outermost(predicted.get(a.id) ?? []).map(predRoles)])));
}

/**
 * {@link scoreAttributions} for readings given as role span lists like gold's (e.g. a second
 * annotator's attributions scored against the first's); every reading counts.
 */
export function scoreReadings(gold: readonly GoldArticle[], readings: ReadonlyMap<string, readonly GoldAttribution[]>): AttributionScores {
  const ex = { source: [0, 0, 0], cue: [0, 0, 0], content: [0, 0, 0] } as Record<Label, [number, number, number]>;
  const ov = { source: [0, 0, 0], cue: [0, 0, 0], content: [0, 0, 0] } as Record<Label, [number, number, number]>;
  let relTp = 0;
  let relPred = 0;
  let relGold = 0;
  for (const article of gold) {
    const tok = wordTokens(article.text);
    const pRoles = readings.get(article.id) ?? [];
    for (const label of LABELS) {
      const gKeys = new Set<string>();
      const pKeys = new Set<string>();
      const gTok = new Set<number>();
      const pTok = new Set<number>();
      for (const g of article.attributions) {
        const spans = g[label];
        if (!spans) continue;
        const t = tokensIn(tok, spans);
        if (t.length) gKeys.add(t.join(','));
        for (const x of t) gTok.add(x);
      }
      for (const p of pRoles) {
        const spans = p[label];
        if (!spans) continue;
        const t = tokensIn(tok, spans);
        if (t.length) pKeys.add(t.join(','));
        for (const x of t) pTok.add(x);
      }
      let tp = 0;
      for (const k of pKeys) if (gKeys.has(k)) tp++;
      ex[label][0] += tp; ex[label][1] += pKeys.size; ex[label][2] += gKeys.size;
      let shared = 0;
      for (const x of pTok) if (gTok.has(x)) shared++;
      ov[label][0] += shared; ov[label][1] += pTok.size; ov[label][2] += gTok.size;
    }
    const m = matchRoles(tok, article.attributions, pRoles);
    relTp += m.goldToPred.filter((x) => x >= 0).length;
    relPred += pRoles.length;
    relGold += article.attributions.length;
  }
  const labels = (c: Record<Label, [number, number, number]>): LabelScores => ({
    source: prf(...c.source), cue: prf(...c.cue), content: prf(...c.content),
  });
  return { articles: gold.length, exact: labels(ex), overlap: labels(ov), relation: prf(relTp, relPred, relGold) };
}

/** Per producer (`rule`): how many outermost predictions it made and how many matched gold. */
export interface RuleScore {
  rule: string;
  predicted: number;
  matched: number;
  /** matched / predicted. */
  precision: number;
}

/**
 * Relation precision per producer: which rule or model made each outermost prediction and
 * whether it matched a gold attribution (see {@link matchArticle}); most predictions first.
 */
export function scoreByRule(gold: readonly GoldArticle[], predicted: ReadonlyMap<string, readonly Attribution[]>): RuleScore[] {
  const by = new Map<string, { predicted: number; matched: number }>();
  for (const article of gold) {
    const m = matchArticle(article.text, article.attributions, predicted.get(article.id) ?? []);
    m.predicted.forEach((p, i) => {
      const r = by.get(p.rule) ?? { predicted: 0, matched: 0 };
      r.predicted++;
      if (m.predToGold[i]! >= 0) r.matched++;
      by.set(p.rule, r);
    });
  }
  return [...by].map(([rule, r]) => ({ rule, ...r, precision: r.predicted ? r.matched / r.predicted : 0 }))
    .sort((a, b) => b.predicted - a.predicted || a.rule.localeCompare(b.rule));
}

/** A plain-text table of {@link scoreByRule}. */
export function formatRuleScores(rows: readonly RuleScore[]): string {
  const lines = ['producer                                   pred  matched  precision'];
  for (const r of rows) lines.push(`${r.rule.padEnd(40)} ${String(r.predicted).padStart(6)}  ${String(r.matched).padStart(7)}  ${pct(r.precision)}`);
  return lines.join('\n') + '\n';
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);

/** A plain-text table of the scores, one row per label and measure (percentages). */
export function formatScores(s: AttributionScores): string {
  const lines = [`articles: ${s.articles}`, 'measure   label      P       R       F1     (tp / pred / gold)'];
  const row = (measure: string, label: string, p: Prf) =>
    `${measure.padEnd(9)} ${label.padEnd(8)} ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)}   (${p.tp} / ${p.predicted} / ${p.gold})`;
  for (const label of LABELS) lines.push(row('exact', label, s.exact[label]));
  for (const label of LABELS) lines.push(row('overlap', label, s.overlap[label]));
  lines.push(row('relation', 'all', s.relation));
  return lines.join('\n') + '\n';
}

/** The sentence holding `at`: from the given sentence spans, else the surrounding line. */
function sentenceAt(text: string, at: number, sentences: readonly Span[] | undefined): Span {
  if (sentences && sentences.length) {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= at) lo = mid; else hi = mid - 1;
    }
    const s = sentences[lo]!;
    if (s.start <= at && at < s.end) return s;
  }
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  return { start, end };
}

const clip = (s: string, n = 160): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

function showSpans(text: string, spans: readonly Span[] | null): string {
  if (!spans) return '∅';
  if (spans.length === 0) return '—';
  return spans.map((s) => `[${s.start},${s.end}) “${clip(text.slice(s.start, s.end), 100)}”`).join(' + ');
}

/**
 * Error listing for `--errors FILE`: per article, each missed gold attribution (with the nearest
 * prediction on its cue and why it failed) and each false alarm, with the sentence around the
 * cue. `sentences` (article id → sentence spans, e.g. from `analyze`) gives the context; without
 * it the line around the cue is shown.
 */
export function describeErrors(gold: readonly GoldArticle[], predicted: ReadonlyMap<string, readonly Attribution[]>, sentences?: ReadonlyMap<string, readonly Span[]>): string {
  const out: string[] = [];
  let misses = 0;
  let alarms = 0;
  for (const article of gold) {
    const text = article.text;
    const tok = wordTokens(text);
    const m = matchArticle(text, article.attributions, predicted.get(article.id) ?? [], tok);
    const sents = sentences?.get(article.id);
    const block: string[] = [];
    article.attributions.forEach((g, gi) => {
      if (m.goldToPred[gi]! >= 0) return;
      misses++;
      const at = g.cue[0]!.start;
      const sent = sentenceAt(text, at, sents);
      block.push(`  MISS cue ${showSpans(text, g.cue)}`);
      block.push(`       source ${showSpans(text, g.source)}`);
      block.push(`       content ${showSpans(text, g.content)}`);
      block.push(`       sentence: ${clip(text.slice(sent.start, sent.end), 300)}`);
      const near = m.predicted.map(predRoles).findIndex((p) => overlaps(g.cue, p.cue));
      if (near >= 0) {
        const p = predRoles(m.predicted[near]!);
        const why: string[] = [];
        if (g.source && g.source.length && !(p.source && overlaps(g.source, p.source))) why.push('source differs');
        const j = contentJaccard(tok, g, p);
        if (j < RELATION_CONTENT_JACCARD) why.push(`content Jaccard ${j.toFixed(2)}`);
        if (m.predToGold[near]! >= 0) why.push('prediction already paired');
        block.push(`       nearest prediction (${m.predicted[near]!.rule}): source ${showSpans(text, p.source)}; content ${showSpans(text, p.content)} — ${why.join(', ')}`);
      } else {
        block.push('       no prediction on this cue');
      }
    });
    m.predicted.forEach((a, pi) => {
      if (m.predToGold[pi]! >= 0) return;
      alarms++;
      const p = predRoles(a);
      const sent = sentenceAt(text, a.cue.start, sents);
      block.push(`  FALSE ALARM (${a.rule}) cue ${showSpans(text, p.cue)}`);
      block.push(`       source ${showSpans(text, p.source)}`);
      block.push(`       content ${showSpans(text, p.content)}`);
      block.push(`       sentence: ${clip(text.slice(sent.start, sent.end), 300)}`);
    });
    if (block.length) out.push(`## ${article.id}`, ...block, '');
  }
  out.unshift(`# attribution errors: ${misses} misses, ${alarms} false alarms`, '');
  return out.join('\n');
}
