/**
 * Training of the attribution tagger: an averaged structured perceptron (Collins 2002) over the
 * BIO labels, decoded with Viterbi, with Daumé-style lazy averaging for both the emission weights
 * (the shared {@link AveragedPerceptron}) and the context transition table. No I/O: the CLI reads
 * the corpus and writes the model.
 */
import { analyzeToWorkingDoc } from '../analyze.js';
import { attributionRefinerStages } from '../attribution/refiners.js';
import { attributionsStage, type AttributionOptions } from '../attribution/stage.js';
import { createPipeline, type Stage } from '../core/pipeline.js';
import { SpanIndex } from '../core/span-index.js';
import type { Attribution } from '../core/types.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { entitiesStage } from '../entities/index.js';
import { posStage } from '../pos/stage.js';
import type { AttributionScores } from '../eval/attributions.js';
import { scoreAttributions } from '../eval/attributions.js';
import type { GoldArticle, GoldAttribution } from '../eval/polnear.js';
import { AveragedPerceptron } from '../model/perceptron.js';
import { mulberry32, shuffleInPlace } from '../model/prng.js';
import { hashMix, hashString } from '../model/hash.js';
import { segmentArticle, segmentStage } from '../text/segment.js';
import { LABELS, StructuredTrainer, paragraphRanges, sliceFeatures, viterbi } from './decode.js';
import { FEATURES_PER_TOKEN, extractFeatures, type CueLexicon, type TokenFeatures, type WordHashes } from './features.js';
import type { LinkOptions } from './linker.js';
import { AttributionModel, hasUnclaimedCue, makeLexicon, type AttributionModelJson } from './model.js';
import { readLabels, roleWindow, tokenRange, type RoleExample, type RoleModel, type RoleResult } from './roles.js';
import { jaccardOfSpans } from '../eval/attributions.js';
import { cueTargets, type CueDoc, type CueModel } from './cues.js';
import { boundsInput, cueBoundsInput, goldBoundary, sourceBoundsInput, trailingSourceBoundsInput, type BoundsExample, type BoundsModel } from './bounds.js';

/** A gold article segmented like the pipeline does, with its gold token labels. */
export interface TrainingDoc {
  gold: GoldArticle;
  doc: WorkingDoc;
  labels: Uint8Array;
  /** The rule layer the attribution stage hands the model (1 = claimed by rules or outside the body); null without rules. */
  claimed: Uint8Array | null;
}

/** Options of {@link prepareArticles}. */
export interface PrepareOptions {
  /** Run the part-of-speech tagger (tokens get `pos`). */
  pos?: boolean;
  /** Run entities and the rule-based attribution stage, recording what the rules claim. */
  rules?: boolean;
}

/**
 * A stand-in model for the attribution stage that decodes nothing and records the rule layer
 * the stage passes to the model, so training sees exactly what inference will see.
 */
function ruleRecorder(sink: { claimed: Uint8Array | null }): AttributionModel {
  const rec = Object.create(AttributionModel.prototype) as AttributionModel;
  rec.predictScored = (doc, _onlyCued, skipToken) => {
    const m = new Uint8Array(doc.tokens.length);
    if (skipToken) for (let i = 0; i < m.length; i++) m[i] = skipToken(i) ? 1 : 0;
    sink.claimed = m;
    return [];
  };
  return rec;
}

export { segmentArticle };

/**
 * Gold BIO labels over tokens. A token takes the role of any gold span it overlaps; where roles
 * collide (rare: PolNeAR marks outermost attributions) cue wins over source over content.
 */
export function goldLabels(doc: WorkingDoc, gold: readonly GoldAttribution[]): Uint8Array {
  const n = doc.tokens.length;
  const role = new Uint8Array(n); // 0 none, 1 content, 2 source, 3 cue (priority order)
  const inst = new Int32Array(n).fill(-1);
  const starts = doc.tokens.map((t) => t.start);
  let id = 0;
  const mark = (spans: readonly { start: number; end: number }[] | null, r: number) => {
    if (!spans) return;
    for (const s of spans) {
      id++;
      // First token ending after s.start.
      let lo = 0;
      let hi = n;
      while (lo < hi) { const m = (lo + hi) >> 1; if (doc.tokens[m]!.end <= s.start) lo = m + 1; else hi = m; }
      for (let i = lo; i < n && starts[i]! < s.end; i++) {
        if (r >= role[i]!) { role[i] = r; inst[i] = id; }
      }
    }
  };
  for (const g of gold) { mark(g.content, 1); mark(g.source, 2); mark(g.cue, 3); }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = role[i]!;
    if (!r) continue;
    const base = r === 3 ? 3 : r === 2 ? 1 : 5;
    const cont = i > 0 && role[i - 1] === r && inst[i - 1] === inst[i];
    out[i] = cont ? base + 1 : base;
  }
  return out;
}

/**
 * Prepares gold articles for training or evaluation: plain segmentation, or (with `pos` / `rules`)
 * the analyze pipeline up to the attribution stage, as `hearsay eval attributions` runs it.
 */
export function prepareArticles(articles: readonly GoldArticle[], options: PrepareOptions = {}): TrainingDoc[] {
  if (!options.pos && !options.rules) {
    return articles.map((gold) => {
      const doc = segmentArticle(gold.text);
      return { gold, doc, labels: goldLabels(doc, gold.attributions), claimed: null };
    });
  }
  const sink: { claimed: Uint8Array | null } = { claimed: null };
  const stages: Stage[] = [segmentStage(), posStage()];
  // No role tagger or ranker here: the rule layer recorded for training must not depend on a shipped model.
  if (options.rules) stages.push(entitiesStage(), attributionsStage({ model: ruleRecorder(sink), roles: null, cues: null, bounds: null }));
  const pipeline = createPipeline(stages);
  return articles.map((gold) => {
    sink.claimed = null;
    const doc = analyzeToWorkingDoc(gold.text, { path: `${gold.id}.txt`, inputType: 'text' }, pipeline);
    const claimed = options.rules ? sink.claimed ?? new Uint8Array(doc.tokens.length) : null;
    return { gold, doc, labels: goldLabels(doc, gold.attributions), claimed };
  });
}

/**
 * Cue-like words learned from the training data: lower-cased forms inside a gold cue at least
 * `minCount` times and in at least `minShare` of their occurrences.
 */
export function learnCueWords(docs: readonly TrainingDoc[], minCount = 5, minShare = 0.25): string[] {
  const inCue = new Map<string, number>();
  const total = new Map<string, number>();
  for (const d of docs) {
    d.doc.tokens.forEach((t, i) => {
      if (t.kind !== 'word') return;
      const w = t.text.toLowerCase();
      total.set(w, (total.get(w) ?? 0) + 1);
      const y = d.labels[i]!;
      if (y === 3 || y === 4) inCue.set(w, (inCue.get(w) ?? 0) + 1);
    });
  }
  const out: string[] = [];
  for (const [w, c] of inCue) if (c >= minCount && c / total.get(w)! >= minShare) out.push(w);
  return out.sort();
}

/** Options of {@link trainAttributionModel}. */
export interface TrainAttributionOptions {
  epochs?: number;
  seed?: number;
  /**
   * Averaged weights below this magnitude are dropped from the shipped model (default 2: a third
   * of the weights of 0.5, the same dev scores, and a table that stays in cache).
   */
  prune?: number;
  /** Largest serialised model; pruning is raised until the model fits (default 9.5 MB). */
  maxBytes?: number;
  link?: LinkOptions;
  /** Read part-of-speech tags (the documents must carry them). */
  usePos?: boolean;
  /** Stack the rule layer (the documents must carry `claimed`); selection then scores the merged pipeline. */
  useRules?: boolean;
  /** Role tagger for the merged pipeline's model cues during selection (default: the shipped one). */
  roles?: RoleModel | null;
  /** Cue detector for the merged pipeline during selection (default: the shipped one). */
  cues?: CueModel | null;
  /** Train only on paragraphs the merged pipeline hands to the model. */
  onlyCuedParagraphs?: boolean;
  source?: string;
  onProgress?: (line: string) => void;
}

/** Dev scores after one epoch. */
export interface AttributionEpochReport {
  epoch: number;
  /** Token label accuracy on train during the epoch (before the update). */
  trainAccuracy: number;
  dev: AttributionScores;
  /** Merged pipeline (rules, then this model) on dev, when the rule layer is stacked. */
  merged: AttributionScores | null;
  seconds: number;
}

/** What {@link trainAttributionModel} returns. */
export interface TrainAttributionResult {
  model: AttributionModelJson;
  bestEpoch: number;
  epochs: AttributionEpochReport[];
  dev: AttributionScores;
  merged: AttributionScores | null;
}

/** Predicts and scores prepared documents with a model. */
export function evaluateModel(model: AttributionModel, docs: readonly TrainingDoc[]): { scores: AttributionScores; predicted: Map<string, Attribution[]> } {
  const predicted = new Map<string, Attribution[]>();
  for (const d of docs) {
    const claimed = d.claimed;
    predicted.set(d.gold.id, model.predict(d.doc, false, claimed ? (i) => claimed[i] === 1 : undefined));
  }
  return { scores: scoreAttributions(docs.map((d) => d.gold), predicted), predicted };
}

/**
 * Scores the merged pipeline: reruns the rule-based attribution stage with `model` on documents
 * prepared with `rules` (entities resolved), as `hearsay eval attributions` does. The
 * boundary ranker is off unless given: it is trained last, on these models' output, so
 * the BIO tagger's epoch selection must not depend on a previously shipped one.
 */
export function evaluateMerged(model: AttributionModel, docs: readonly TrainingDoc[], roles?: RoleModel | null, cues?: CueModel | null, bounds: BoundsModel | null = null): { scores: AttributionScores; predicted: Map<string, Attribution[]> } {
  return evaluateStage(docs, { model, bounds, ...(roles === undefined ? {} : { roles }), ...(cues === undefined ? {} : { cues }) });
}

/**
 * Scores the attribution stage run with `options` on documents prepared with `rules` (segmented,
 * tagged, entities resolved), so settings are compared without rerunning the other stages; with
 * `refine`, the refiner stages run after it, as in the pipeline ({@link attributionRefinerStages}).
 */
export function evaluateStage(docs: readonly TrainingDoc[], options: AttributionOptions, refine = true): { scores: AttributionScores; predicted: Map<string, Attribution[]> } {
  const stage = attributionsStage(options);
  const refiners = attributionRefinerStages();
  const predicted = new Map<string, Attribution[]>();
  for (const d of docs) {
    stage.run(d.doc);
    if (refine) for (const r of refiners) r.run(d.doc);
    predicted.set(d.gold.id, d.doc.attributions);
  }
  return { scores: scoreAttributions(docs.map((d) => d.gold), predicted), predicted };
}

/**
 * Training examples for the boundary ranker: the stage runs with `options` and no ranker, and
 * each outermost attribution whose cue overlaps a gold cue gives one example per span the ranker
 * applies to (a content after the cue, a source before or after it, a verb cue) and side whose
 * gold edge is within reach. `outOfReach`, when given, counts the others by `"<kind> <side>"`.
 */
export function boundsExamples(docs: readonly TrainingDoc[], options: AttributionOptions, outOfReach?: Map<string, number>): BoundsExample[] {
  const stage = attributionsStage({ ...options, bounds: null });
  const out: BoundsExample[] = [];
  const push = (input: BoundsExample['input'], side: BoundsExample['side'], gold: number): void => {
    if (gold >= 0) out.push({ input, side, gold });
    else if (outOfReach) outOfReach.set(`${input.kind} ${side}`, (outOfReach.get(`${input.kind} ${side}`) ?? 0) + 1);
  };
  for (const d of docs) {
    stage.run(d.doc);
    const cues = new SpanIndex(d.doc.attributions.map((a) => a.cue));
    const spans = new SpanIndex(d.doc.attributions.flatMap((a) => [a.cue, ...a.content]));
    for (const a of d.doc.attributions) {
      if (a.via !== null) continue;
      const g = d.gold.attributions.find((x) => x.cue.some((q) => q.start < a.cue.end && a.cue.start < q.end));
      if (!g) continue;
      const input = boundsInput(d.doc.tokens, a, cues);
      if (input && g.content.length > 0) {
        for (const side of ['end', 'start'] as const) {
          push(input, side, goldBoundary(input, side, side === 'end' ? g.content[g.content.length - 1]! : g.content[0]!));
        }
      }
      const cue = cueBoundsInput(d.doc.tokens, a, cues);
      const goldCue = g.cue.find((q) => q.start < a.cue.end && a.cue.start < q.end);
      if (cue && goldCue) {
        push(cue, 'end', goldBoundary(cue, 'end', goldCue));
      }
      const src = sourceBoundsInput(d.doc.tokens, a, spans) ?? trailingSourceBoundsInput(d.doc.tokens, a, spans);
      if (src && g.source?.length) {
        // A source after its cue moves only its end.
        for (const side of src.kind === 'trailing-source' ? (['end'] as const) : (['end', 'start'] as const)) {
          push(src, side, goldBoundary(src, side, side === 'end' ? g.source[g.source.length - 1]! : g.source[0]!));
        }
      }
    }
  }
  return out;
}

/** The model selection criterion: relation F1, then the mean exact-span F1. */
export function selectionScore(s: AttributionScores): number {
  return s.relation.f1 + 0.1 * (s.exact.source.f1 + s.exact.cue.f1 + s.exact.content.f1) / 3;
}

/**
 * Trains on `train`, picks the epoch with the best {@link selectionScore} on `dev`, and returns
 * the shipped model JSON. Deterministic for a given seed.
 */
export function trainAttributionModel(train: readonly TrainingDoc[], dev: readonly TrainingDoc[], options: TrainAttributionOptions = {}): TrainAttributionResult {
  const epochs = options.epochs ?? 8;
  const random = mulberry32(options.seed ?? 1);
  const link = options.link ?? {};
  const cueWords = learnCueWords(train);
  const lexicon: CueLexicon = makeLexicon(cueWords);
  const cache = new Map<string, WordHashes>();
  const usePos = options.usePos ?? false;
  const useRules = options.useRules ?? false;
  const feats: TokenFeatures[] = train.map((d) => extractFeatures(d.doc, lexicon, cache, usePos, useRules ? d.claimed ?? new Uint8Array(d.doc.tokens.length) : null));
  // Paragraphs trained on, per document.
  const paragraphs = train.map((d, i) => {
    const all = paragraphRanges(feats[i]!);
    if (!options.onlyCuedParagraphs) return all;
    const claimed = d.claimed;
    return all.filter(([from, to]) => hasUnclaimedCue(d.doc.tokens, from, to, lexicon, claimed ? (k) => claimed[k] === 1 : undefined));
  });
  const trainer = new AveragedPerceptron(LABELS);
  const structured = new StructuredTrainer(trainer, FEATURES_PER_TOKEN);
  const w = structured.transitions;
  const order = train.map((_, i) => i);
  const reports: AttributionEpochReport[] = [];
  let best: { score: number; epoch: number; json: AttributionModelJson; dev: AttributionScores; merged: AttributionScores | null } | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = performance.now();
    shuffleInPlace(order, random);
    let correct = 0;
    let total = 0;
    for (const di of order) {
     // One structured update per paragraph: per-document updates swing the weights too far.
     for (const [from, to] of paragraphs[di]!) {
      const f = sliceFeatures(feats[di]!, from, to);
      const gold = train[di]!.labels.subarray(from, to);
      const pred = viterbi(f, trainer, w);
      correct += structured.update(gold, pred, f.contexts, f.hashes);
      total += f.count;
     }
    }
    let prune = options.prune ?? 2;
    let frozen = trainer.finalize({ prune, quantum: 1 / 16 });
    let perceptron = frozen.toJSON();
    while (perceptron.data.length > (options.maxBytes ?? 9_500_000) && prune < 64) {
      prune = Math.max(prune * 1.5, 0.25);
      frozen = trainer.finalize({ prune, quantum: 1 / 16 });
      perceptron = frozen.toJSON();
    }
    const transitions = structured.averagedTransitions();
    const json: AttributionModelJson = {
      format: 'hearsay-attr/1',
      source: options.source ?? 'PolNeAR train',
      usePos,
      ...(useRules ? { useRules } : {}),
      cueWords,
      transitions,
      link,
      perceptron,
    };
    const candidate = AttributionModel.fromJSON(json);
    const { scores } = evaluateModel(candidate, dev);
    const merged = useRules ? evaluateMerged(candidate, dev, options.roles, options.cues).scores : null;
    const seconds = (performance.now() - t0) / 1000;
    reports.push({ epoch, trainAccuracy: correct / total, dev: scores, merged, seconds });
    const f = (x: number) => (100 * x).toFixed(1);
    const line = (x: AttributionScores) => `source ${f(x.exact.source.f1)} cue ${f(x.exact.cue.f1)} content ${f(x.exact.content.f1)} relation ${f(x.relation.f1)}`;
    options.onProgress?.(`epoch ${epoch}: train token acc ${(100 * correct / total).toFixed(2)}; dev exact F1, model alone: ${line(scores)}${merged ? `; merged: ${line(merged)}` : ''}; ${frozen.weightCount} weights; ${seconds.toFixed(1)} s`);
    // Merged F1 moves by a few attributions between epochs; the model's own F1 steadies the choice.
    const score = merged ? selectionScore(merged) + 0.5 * selectionScore(scores) : selectionScore(scores);
    if (!best || score > best.score) best = { score, epoch, json, dev: scores, merged };
  }
  return { model: best!.json, bestEpoch: best!.epoch, epochs: reports, dev: best!.dev, merged: best!.merged };
}

/** A gold attribution with its role-tagger example. */
export interface GoldRoleExample extends RoleExample {
  gold: Uint8Array;
  attribution: GoldAttribution;
  text: string;
}

/**
 * Role-tagger examples: one per gold attribution, its first cue span as the cue, gold source and
 * content labels over the window, and the rules' reading of that cue (documents prepared with
 * `rules`, so `doc.attributions` holds the rule layer alone).
 */
export function roleExamples(docs: readonly TrainingDoc[]): GoldRoleExample[] {
  const out: GoldRoleExample[] = [];
  for (const d of docs) {
    const toks = d.doc.tokens;
    for (const g of d.gold.attributions) {
      const [a, b] = tokenRange(toks, g.cue[0]!);
      if (a >= b) continue;
      const window = roleWindow(d.doc, a, b);
      const gold = goldLabels(d.doc, [g]).slice(window.from, window.to);
      // The window's cue is the first cue span; other cue parts are outside, and a run cut by
      // that change restarts with B.
      for (let i = window.from; i < window.to; i++) {
        const j = i - window.from;
        const y = gold[j]!;
        if (i >= a && i < b) gold[j] = i === a ? 3 : 4;
        else if (y === 3 || y === 4) gold[j] = 0;
        else if ((y === 2 || y === 6) && (j === 0 || (gold[j - 1] !== y && gold[j - 1] !== y - 1))) gold[j] = y - 1;
      }
      const r = d.doc.attributions.find((x) => x.cue.start < g.cue[0]!.end && g.cue[0]!.start < x.cue.end);
      out.push({ doc: d.doc, window, gold, rule: r ? { source: r.source, content: r.content } : null, attribution: g, text: d.gold.text });
    }
  }
  return out;
}

/** Whether a role reading matches a gold attribution as the relation score demands. */
export function roleReadingMatches(text: string, gold: GoldAttribution, read: RoleResult): boolean {
  if (gold.source && gold.source.length > 0 && !(read.source && gold.source.some((s) => s.start < read.source!.end && read.source!.start < s.end))) return false;
  return jaccardOfSpans(text, gold.content, read.content) >= 0.5;
}

/** Percentage of gold cues whose source and content the role tagger reads correctly. */
export function roleAccuracy(model: RoleModel, examples: readonly GoldRoleExample[]): number {
  let ok = 0;
  for (const e of examples) {
    if (roleReadingMatches(e.text, e.attribution, readLabels(e.doc.tokens, e.window, model.labels(e.doc, e.window, e.rule)))) ok++;
  }
  return examples.length ? (100 * ok) / examples.length : 0;
}

/** Cue-detector material: each document with its gold cue spans and the rule layer's claimed tokens. */
export function cueDocs(docs: readonly TrainingDoc[]): CueDoc[] {
  return docs.map((d) => ({ doc: d.doc, cues: d.gold.attributions.flatMap((a) => a.cue), claimed: d.claimed }));
}

/** Thresholds tried when scoring a cue detector. */
const CUE_THRESHOLDS = [-4, -2, -1, 0, 1, 2, 4, 6, 8];

/**
 * F1 (percent) of a cue detector on the candidate tokens the rules leave unclaimed (the ones the
 * pipeline asks it about), at the best of a few thresholds.
 */
export function cueDetectionF1(model: CueModel, docs: readonly CueDoc[]): { score: number; threshold: number } {
  const scored: [number, number][] = [];
  for (const d of docs) {
    const claimed = d.claimed;
    const s = model.scoreAll(d.doc, claimed, claimed ? (i) => claimed[i] === 1 : undefined);
    for (const { index, label } of cueTargets(d)) if (!Number.isNaN(s[index])) scored.push([s[index]!, label]);
  }
  const gold = scored.filter((x) => x[1] === 1).length;
  let best = { score: 0, threshold: 0 };
  for (const th of CUE_THRESHOLDS) {
    let sel = 0;
    let tp = 0;
    for (const [v, y] of scored) if (v >= th) { sel++; tp += y; }
    const p = sel ? tp / sel : 0;
    const r = gold ? tp / gold : 0;
    const f = p + r ? (200 * p * r) / (p + r) : 0;
    if (f > best.score) best = { score: f, threshold: th };
  }
  return best;
}

/** The rule layer's record beside the shipped models (`models/attr-rule-layer.json`). */
export interface RuleLayerJson {
  format: 'hearsay-rule-layer/1';
  /** Articles covered: all of the training split. */
  articles: number;
  /** {@link ruleLayerDigest} of those articles. */
  digest: string;
}

/**
 * A digest of what the attribution models learn from, over every training document in id order
 * (prepared with `pos` and `rules`): each token's text and tag, the tokens the rules claim, the
 * gold labels, and the rule layer's own attributions. The training command records it beside the
 * models and a test recomputes it (about 11 s), so a change to the rules, the merge or the tagger
 * that ships without retraining fails CI instead of leaving models the training command cannot
 * reproduce. It covered the first 70 articles until a rule change that touched only later ones
 * passed it and changed the models on retraining.
 */
export function ruleLayerDigest(docs: readonly TrainingDoc[]): string {
  const chosen = [...docs].sort((a, b) => (a.gold.id < b.gold.id ? -1 : a.gold.id > b.gold.id ? 1 : 0));
  // The attribution stage's own output, before the nested-content stage's cuts and self-report
  // drops, which follow source resolution and so would move with the entity stage.
  const rules = evaluateStage(chosen, { model: null, roles: null, cues: null, bounds: null }, false).predicted;
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  const add = (x: string) => { const h = hashString(x); a = hashMix(a, h); b = hashMix(h, b ^ 0x5bd1e995); };
  for (const d of chosen) {
    add(d.gold.id);
    add(d.doc.tokens.map((t) => `${t.start}:${t.text}/${t.pos ?? ''}`).join(' '));
    add(Array.from(d.claimed ?? []).join(''));
    add(Array.from(d.labels).join(''));
    add(JSON.stringify((rules.get(d.gold.id) ?? []).map((x) => [x.rule, x.source?.start, x.source?.end, x.cue.start, x.cue.end, x.content.map((c) => [c.start, c.end])])));
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
