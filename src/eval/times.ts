/**
 * Scoring the time layer: against our own hand-annotated stories (spans and normalised values,
 * `test/fixtures/time-gold/times.json`), and against the DATE / TIME / DURATION spans of
 * PolNeAR's CoreNLP silver layer (spans only: the silver layer carries no values).
 */
import type { Span, TimeExpression } from '../core/types.js';
import { inContext, pairByOverlap, type AnchoredSpan } from './anchored-spans.js';
import { prf, type Prf } from './attributions.js';

/** Grains a gold time may have: hearsay's, where `unknown` holds seasons, quarters, decades and vague phrases. */
export const TIME_GRAINS = ['day', 'week', 'month', 'year', 'duration', 'time', 'quarter', 'season', 'decade', 'century', 'unknown'] as const;

/** One annotated time expression of a story. */
export interface GoldTimeEntry extends AnchoredSpan {
  value: string | null;
  grain: (typeof TIME_GRAINS)[number];
  note?: string;
}

/** The time gold file: per story (file stem), its reference date and expressions. */
export interface TimeGold {
  guidelines?: string;
  stories: Record<string, { date: string; times: GoldTimeEntry[] }>;
}

/** A gold time resolved to offsets. */
export interface GoldTime extends Span {
  value: string | null;
  grain: string;
}

/** One story: gold and predicted times, with its text for the error list. */
export interface TimeArticle {
  id: string;
  text: string;
  gold: readonly GoldTime[];
  predicted: readonly TimeExpression[];
}

/** Per grain: gold expressions found (and with the right value), predictions that match one. */
export interface GrainRow {
  gold: number;
  found: number;
  valueRight: number;
  predicted: number;
  matched: number;
}

/** What went wrong, for `--errors`. */
export interface TimeError {
  story: string;
  kind: 'missed' | 'false alarm' | 'wrong value';
  gold: { text: string; value: string | null; grain: string } | null;
  predicted: { text: string; value: string | null; grain: string; rule?: string } | null;
  context: string;
}

/** The gold scores. */
export interface TimeGoldScores {
  stories: number;
  /** Spans that share a character with a gold span (one to one). */
  spans: Prf;
  /** Spans exactly the gold's. */
  exact: Prf;
  /** A matched span with the gold's value (null against null for vague expressions). */
  values: Prf;
  /** Of the matched spans whose gold value hearsay's format can hold (all grains but `unknown`), those with the right value. */
  valueAccuracy: { right: number; of: number; accuracy: number };
  byGrain: Record<string, GrainRow>;
  errors: TimeError[];
}

const row = (): GrainRow => ({ gold: 0, found: 0, valueRight: 0, predicted: 0, matched: 0 });

/** Scores predicted times against our gold (see the module comment). */
export function scoreTimeGold(articles: readonly TimeArticle[]): TimeGoldScores {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let exact = 0;
  let valueRight = 0;
  let inFormat = 0;
  let inFormatRight = 0;
  const byGrain: Record<string, GrainRow> = Object.fromEntries(TIME_GRAINS.map((g) => [g, row()]));
  const errors: TimeError[] = [];
  for (const a of articles) {
    gold += a.gold.length;
    predicted += a.predicted.length;
    for (const g of a.gold) (byGrain[g.grain] ??= row()).gold++;
    for (const p of a.predicted) (byGrain[p.grain] ??= row()).predicted++;
    const pairs = pairByOverlap(a.gold, a.predicted);
    const pairedG = new Set(pairs.map(([g]) => g));
    const pairedP = new Set(pairs.map(([, p]) => p));
    const view = (s: Span & { value: string | null; grain: string; rule?: string }) => ({
      text: a.text.slice(s.start, s.end), value: s.value, grain: s.grain, ...(s.rule ? { rule: s.rule } : {}),
    });
    for (const [gi, pi] of pairs) {
      const g = a.gold[gi]!;
      const p = a.predicted[pi]!;
      matched++;
      byGrain[g.grain]!.found++;
      byGrain[p.grain]!.matched++;
      if (g.start === p.start && g.end === p.end) exact++;
      const right = g.value === p.value;
      if (right) { valueRight++; byGrain[g.grain]!.valueRight++; }
      if (g.grain !== 'unknown') { inFormat++; if (right) inFormatRight++; }
      if (!right) errors.push({ story: a.id, kind: 'wrong value', gold: view(g), predicted: view(p), context: inContext(a.text, g) });
    }
    a.gold.forEach((g, i) => { if (!pairedG.has(i)) errors.push({ story: a.id, kind: 'missed', gold: view(g), predicted: null, context: inContext(a.text, g) }); });
    a.predicted.forEach((p, i) => { if (!pairedP.has(i)) errors.push({ story: a.id, kind: 'false alarm', gold: null, predicted: view(p), context: inContext(a.text, p) }); });
  }
  return {
    stories: articles.length,
    spans: prf(matched, predicted, gold),
    exact: prf(exact, predicted, gold),
    values: prf(valueRight, predicted, gold),
    valueAccuracy: { right: inFormatRight, of: inFormat, accuracy: inFormat ? inFormatRight / inFormat : 0 },
    byGrain,
    errors,
  };
}

const pc = (x: number) => (100 * x).toFixed(1).padStart(6);
const prfLine = (name: string, s: Prf) => `${name.padEnd(22)}${pc(s.precision)}${pc(s.recall)}${pc(s.f1)}   (${s.tp} / ${s.predicted} / ${s.gold})`;

/** The gold scores as text. */
export function formatTimeGold(s: TimeGoldScores): string {
  const out = [`times against the gold: ${s.stories} stories`, `${''.padEnd(22)}     P     R    F1   (matched / predicted / gold)`];
  out.push(prfLine('spans (overlap)', s.spans), prfLine('spans (exact)', s.exact), prfLine('span and value', s.values));
  out.push(`value right where the gold's fits hearsay's format: ${s.valueAccuracy.right} of ${s.valueAccuracy.of} (${(100 * s.valueAccuracy.accuracy).toFixed(1)} %)`);
  out.push('', `${'grain'.padEnd(10)}${'gold'.padStart(6)}${'found'.padStart(7)}${'value ok'.padStart(10)}${'predicted'.padStart(11)}${'matched'.padStart(9)}`);
  for (const [g, r] of Object.entries(s.byGrain)) {
    if (!r.gold && !r.predicted) continue;
    out.push(`${g.padEnd(10)}${String(r.gold).padStart(6)}${String(r.found).padStart(7)}${String(r.valueRight).padStart(10)}${String(r.predicted).padStart(11)}${String(r.matched).padStart(9)}`);
  }
  return out.join('\n') + '\n';
}

/** CoreNLP's time classes and the hearsay grains that answer to each. */
export const SILVER_TIME_CLASSES = ['DATE', 'TIME', 'DURATION'] as const;

/** The silver class a hearsay grain corresponds to. */
export function silverClassOf(grain: TimeExpression['grain']): (typeof SILVER_TIME_CLASSES)[number] {
  return grain === 'time' ? 'TIME' : grain === 'duration' ? 'DURATION' : 'DATE';
}

/** One PolNeAR article: silver time spans (typed by CoreNLP class) and hearsay's times. */
export interface SilverTimeArticle {
  silver: readonly (Span & { type: string })[];
  predicted: readonly TimeExpression[];
}

/** Agreement with the silver time spans. */
export interface SilverTimeScores {
  articles: number;
  spans: Prf;
  exact: Prf;
  /** Matched with the corresponding class (a day or month is DATE, a duration DURATION, a clock time TIME). */
  typed: Prf;
  byClass: Record<string, { spans: number; found: number; recall: number }>;
}

/** Scores hearsay's times against the silver DATE / TIME / DURATION spans (SET is left out). */
export function scoreSilverTimes(articles: readonly SilverTimeArticle[]): SilverTimeScores {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let exact = 0;
  let typed = 0;
  const byClass: Record<string, { spans: number; found: number; recall: number }> = Object.fromEntries(SILVER_TIME_CLASSES.map((c) => [c, { spans: 0, found: 0, recall: 0 }]));
  for (const a of articles) {
    const silver = a.silver.filter((s) => (SILVER_TIME_CLASSES as readonly string[]).includes(s.type));
    gold += silver.length;
    predicted += a.predicted.length;
    for (const s of silver) byClass[s.type]!.spans++;
    for (const [gi, pi] of pairByOverlap(silver, a.predicted)) {
      const g = silver[gi]!;
      const p = a.predicted[pi]!;
      matched++;
      byClass[g.type]!.found++;
      if (g.start === p.start && g.end === p.end) exact++;
      if (silverClassOf(p.grain) === g.type) typed++;
    }
  }
  for (const c of Object.values(byClass)) c.recall = c.spans ? c.found / c.spans : 0;
  return { articles: articles.length, spans: prf(matched, predicted, gold), exact: prf(exact, predicted, gold), typed: prf(typed, predicted, gold), byClass };
}

/** The silver scores as text. */
export function formatSilverTimes(s: SilverTimeScores): string {
  const out = [`times against CoreNLP's silver DATE / TIME / DURATION spans: ${s.articles} articles (agreement, not accuracy)`, `${''.padEnd(22)}     P     R    F1   (matched / predicted / silver)`];
  out.push(prfLine('spans (overlap)', s.spans), prfLine('spans (exact)', s.exact), prfLine('overlap and class', s.typed), '', 'silver class   spans  found  recall');
  for (const [c, r] of Object.entries(s.byClass)) out.push(`${c.padEnd(14)}${String(r.spans).padStart(6)}${String(r.found).padStart(7)}${pc(r.recall)}`);
  return out.join('\n') + '\n';
}
