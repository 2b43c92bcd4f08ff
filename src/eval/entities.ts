/**
 * Names scored against the CoreNLP silver named-entity layer of PolNeAR. Pure: no I/O.
 *
 * Silver, not gold: CoreNLP's own tagger made these labels, so the figures say how far hearsay's
 * name mentions agree with a standard statistical tagger, not how often either is right.
 *
 * - **Silver names**: maximal runs of tokens with the same class (PERSON, ORGANIZATION, LOCATION,
 *   MISC) in one sentence. Recall counts PERSON, ORGANIZATION and LOCATION; MISC (nationalities,
 *   events, titles of works) only keeps a hearsay name that matches it from counting as wrong.
 * - **Predicted names**: mentions whose form is `name`, typed by their entity, less the article
 *   and titles that open them ({@link withoutTitles}: hearsay's mention is "Rep. Trey Gowdy" or
 *   "the State Department", CoreNLP's name "Trey Gowdy" or "State Department").
 * - **Exact** and **overlap** agreement ignore types; **typed** agreement requires an exact span
 *   whose silver class is one the hearsay type maps to ({@link COMPATIBLE_CLASSES}).
 */
import type { EntityType, Span } from '../core/types.js';
import { TITLES } from '../entities/lexicon.js';
import { prf, type Prf } from './attributions.js';

/** A span with a type label (a silver class or a hearsay entity type). */
export interface TypedSpan extends Span {
  type: string;
}

/** Silver classes that recall counts. */
export const SILVER_CLASSES = ['PERSON', 'ORGANIZATION', 'LOCATION'] as const;
/** A counted silver class. */
export type SilverClass = (typeof SILVER_CLASSES)[number];

/**
 * Silver classes each hearsay type agrees with. A government is an organization to CoreNLP when
 * it is an agency ("the State Department") and a location when it is a country acting ("Israel
 * said"); an outlet is an organization.
 */
export const COMPATIBLE_CLASSES: Readonly<Record<EntityType, readonly string[]>> = {
  person: ['PERSON'],
  organization: ['ORGANIZATION'],
  outlet: ['ORGANIZATION'],
  government: ['ORGANIZATION', 'LOCATION'],
  location: ['LOCATION'],
  group: ['ORGANIZATION', 'MISC'],
  other: ['MISC'],
};

const NAME_CLASSES = new Set<string>([...SILVER_CLASSES, 'MISC']);

/**
 * Silver name spans of one article from its CoreNLP `.conll` file (columns id form lemma xpos ner
 * head deprel start end; offsets in code points, converted by `toUtf16`).
 */
export function silverNames(conll: string, toUtf16: (cp: number) => number): TypedSpan[] {
  return silverSpans(conll, toUtf16, NAME_CLASSES);
}

/** Runs of tokens of one NER class among `classes` from a CoreNLP `.conll` file (names, dates, …). */
export function silverSpans(conll: string, toUtf16: (cp: number) => number, classes: ReadonlySet<string>): TypedSpan[] {
  const out: TypedSpan[] = [];
  let open: TypedSpan | null = null;
  const close = () => { if (open) out.push(open); open = null; };
  for (const line of conll.split('\n')) {
    if (line.startsWith('#')) continue;
    const c = line.split('\t');
    if (c.length < 9) { close(); continue; }
    const cls = c[4]!;
    const start = toUtf16(Number(c[7]));
    const end = toUtf16(Number(c[8]));
    if (!classes.has(cls)) { close(); continue; }
    if (open !== null && (open as TypedSpan).type === cls) (open as TypedSpan).end = end;
    else { close(); open = { start, end, type: cls }; }
  }
  close();
  return out;
}

const TITLES_LONGEST_FIRST = [...TITLES].sort((a, b) => b.length - a.length);

/**
 * A name span less the article and titles that open it ("Former Gov. Mike Pence" → "Mike Pence",
 * "the State Department" → "State Department"); unchanged when nothing else is left.
 */
export function withoutTitles(text: string, span: Span): Span {
  let start = span.start;
  for (;;) {
    const rest = text.slice(start, span.end).toLowerCase();
    // Only a lower-case article: CoreNLP keeps a capitalised one in some names ("The Hill").
    const t = text.startsWith('the ', start) ? 'the' : TITLES_LONGEST_FIRST.find((x) => rest.startsWith(x) && /\s/.test(rest[x.length] ?? ''));
    if (!t) break;
    let next = start + t.length;
    while (next < span.end && /\s/.test(text[next]!)) next++;
    if (next >= span.end) break;
    start = next;
  }
  return { start, end: span.end };
}

/** One article's silver names and predicted name mentions. */
export interface EntityArticle {
  silver: readonly TypedSpan[];
  predicted: readonly TypedSpan[];
}

/** What {@link scoreEntities} measures. */
export interface EntityScores {
  articles: number;
  /** Exact spans, types ignored. */
  exact: Prf;
  /** Any shared character, types ignored. */
  overlap: Prf;
  /** Exact span and a compatible type. */
  typed: Prf;
  /** Per silver class: its spans, and those found with an exact span and a compatible type. */
  byClass: Record<SilverClass, { spans: number; found: number; recall: number }>;
  /** Per hearsay type: its names, and those matching a silver span exactly with a compatible class. */
  byType: Partial<Record<EntityType, { names: number; matched: number; precision: number }>>;
  /** Exactly matched spans: hearsay type → silver class → count. */
  confusion: Partial<Record<EntityType, Record<string, number>>>;
}

const key = (s: Span) => `${s.start}:${s.end}`;

/** Scores predicted name mentions against silver names (see the module documentation). */
export function scoreEntities(articles: readonly EntityArticle[]): EntityScores {
  let goldN = 0;
  let predN = 0;
  let exactP = 0;
  let exactG = 0;
  let overP = 0;
  let overG = 0;
  let typedP = 0;
  let typedG = 0;
  const cls = Object.fromEntries(SILVER_CLASSES.map((c) => [c, [0, 0]])) as Record<SilverClass, [number, number]>;
  const types = new Map<EntityType, [number, number]>();
  const confusion: Partial<Record<EntityType, Record<string, number>>> = {};
  for (const a of articles) {
    const silverByKey = new Map(a.silver.map((s) => [key(s), s]));
    // One prediction per span: an entity's repeated mention of the same words is one name.
    const preds = [...new Map(a.predicted.map((p) => [key(p), p])).values()];
    const predByKey = new Map(preds.map((p) => [key(p), p]));
    const counted = a.silver.filter((s) => (SILVER_CLASSES as readonly string[]).includes(s.type));
    const sortedSilver = [...a.silver].sort((x, y) => x.start - y.start);
    const overlapsAny = (s: Span, list: readonly Span[]) => list.some((x) => x.start < s.end && s.start < x.end);
    predN += preds.length;
    goldN += counted.length;
    for (const p of preds) {
      const t = p.type as EntityType;
      const row = types.get(t) ?? [0, 0];
      row[1]++;
      const s = silverByKey.get(key(p));
      if (s) {
        exactP++;
        const conf = (confusion[t] ??= {});
        conf[s.type] = (conf[s.type] ?? 0) + 1;
        if ((COMPATIBLE_CLASSES[t] ?? []).includes(s.type)) { typedP++; row[0]++; }
      }
      if (overlapsAny(p, sortedSilver)) overP++;
      types.set(t, row);
    }
    for (const g of counted) {
      const c = cls[g.type as SilverClass];
      c[1]++;
      const p = predByKey.get(key(g));
      if (p) {
        exactG++;
        if ((COMPATIBLE_CLASSES[p.type as EntityType] ?? []).includes(g.type)) { typedG++; c[0]++; }
      }
      if (overlapsAny(g, preds)) overG++;
    }
  }
  // Precision counts predictions (`tp` is the matched predictions), recall counts silver spans.
  const pair = (tpPred: number, tpGold: number, pred: number, gold: number): Prf => {
    const p = prf(tpPred, pred, gold);
    const recall = gold ? tpGold / gold : 0;
    const f1 = p.precision + recall ? (2 * p.precision * recall) / (p.precision + recall) : 0;
    return { ...p, recall, f1 };
  };
  const byClass = Object.fromEntries(SILVER_CLASSES.map((c) => [c, { spans: cls[c][1], found: cls[c][0], recall: cls[c][1] ? cls[c][0] / cls[c][1] : 0 }])) as EntityScores['byClass'];
  const byType: EntityScores['byType'] = {};
  for (const [t, [ok, n]] of [...types].sort((x, y) => y[1][1] - x[1][1])) byType[t] = { names: n, matched: ok, precision: n ? ok / n : 0 };
  return {
    articles: articles.length,
    exact: pair(exactP, exactG, predN, goldN),
    overlap: pair(overP, overG, predN, goldN),
    typed: pair(typedP, typedG, predN, goldN),
    byClass,
    byType,
    confusion,
  };
}

/** The scores as text: agreement rows, recall per silver class, precision per hearsay type, confusion. */
export function formatEntityScores(s: EntityScores): string {
  const f = (x: number) => (100 * x).toFixed(1).padStart(5);
  const lines = [`articles: ${s.articles} (agreement with CoreNLP silver names, not accuracy)`, 'measure   P       R       F1     (names / silver)'];
  for (const [name, p] of [['exact', s.exact], ['overlap', s.overlap], ['typed', s.typed]] as const) {
    lines.push(`${name.padEnd(8)} ${f(p.precision)}   ${f(p.recall)}   ${f(p.f1)}   (${p.predicted} / ${p.gold})`);
  }
  lines.push('silver class   recall (typed)   spans');
  for (const c of SILVER_CLASSES) lines.push(`${c.padEnd(14)} ${f(s.byClass[c].recall)}            ${s.byClass[c].spans}`);
  lines.push('hearsay type   precision (typed)   names   exact matches by silver class');
  for (const [t, p] of Object.entries(s.byType) as [EntityType, { names: number; precision: number }][]) {
    const conf = Object.entries(s.confusion[t] ?? {}).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
    lines.push(`${t.padEnd(14)} ${f(p.precision)}               ${String(p.names).padStart(5)}   ${conf}`);
  }
  return `${lines.join('\n')}\n`;
}
