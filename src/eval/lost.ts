/**
 * Where gold attributions are lost: every reading any attribution layer makes before the pipeline
 * filters them (the rules, the BIO tagger's linked spans, the role tagger's reading of each rule
 * and BIO cue, the role tagger's reading of every cue-detector run at any score), checked against
 * each gold attribution with the relation criterion. `hearsay eval attributions DIR --lost`
 * prints it, so the next improvement is chosen from where the right readings are. Pure (no I/O).
 */
import type { Span } from '../core/types.js';
import { RULES_ONLY } from './ablation.js';
import { matchArticle, relationMatches, wordTokens } from './attributions.js';
import { defaultAttributionModel } from '../attribution-model/stage.js';
import { defaultCueModel, defaultRoleModel } from '../attribution-model/shipped-models.js';
import { tokenRange } from '../attribution-model/roles.js';
import { evaluateStage, type TrainingDoc } from '../attribution-model/train.js';

/** A layer's reading of one cue, before the pipeline's gates, as role span lists. */
interface Reading {
  layer: string;
  cue: Span[];
  source: Span[] | null;
  content: Span[];
}

/** Counts per outcome; `lost` breaks the lost ones down by the set of layers that read them right. */
export interface LostReport {
  gold: number;
  kept: number;
  lost: number;
  lostBy: [string, number][];
  misread: number;
  noCue: number;
}

/**
 * Layer names, in the order they appear in a lost reading's layer set: the rules' readings, the
 * BIO tagger's linked spans, the role tagger's reading of a rule or BIO cue, and the role
 * tagger's reading of a cue-detector run at any score.
 */
const LAYERS = ['rules', 'BIO', 'roles', 'detector'] as const;

/** A reading from a cue span and a source and content as the layers return them. */
const reading = (layer: string, cue: Span, source: Span | null, content: readonly Span[]): Reading =>
  ({ layer, cue: [cue], source: source ? [source] : null, content: [...content] });

/**
 * The lost-readings breakdown over documents prepared with `rules` (see `prepareArticles`), with
 * the shipped models. Reruns the attribution stage on the documents.
 */
export function lostReadings(docs: readonly TrainingDoc[]): LostReport {
  const roles = defaultRoleModel();
  const detector = defaultCueModel();
  const bio = defaultAttributionModel();
  const rulesOnly = evaluateStage(docs, RULES_ONLY).predicted;
  const shipped = evaluateStage(docs, {}).predicted;
  const report: LostReport = { gold: 0, kept: 0, lost: 0, lostBy: [], misread: 0, noCue: 0 };
  const by = new Map<string, number>();
  for (const d of docs) {
    const { text, attributions: gold } = d.gold;
    const doc = d.doc;
    const tok = wordTokens(text);
    const readings: Reading[] = [];
    const rules = rulesOnly.get(d.gold.id) ?? [];
    for (const p of rules) readings.push(reading(LAYERS[0], p.cue, p.source, p.content));
    const linked = bio.predict(doc, false);
    for (const p of linked) readings.push(reading(LAYERS[1], p.cue, p.source, p.content));
    for (const c of [...rules.map((p) => ({ cue: p.cue, rule: { source: p.source, content: p.content } })), ...linked.map((p) => ({ cue: p.cue, rule: null }))]) {
      const [a, b] = tokenRange(doc.tokens, c.cue);
      if (a < b) { const r = roles.read(doc, a, b, c.rule); readings.push(reading(LAYERS[2], c.cue, r.source, r.content)); }
    }
    for (const r of detector.detect(doc, null, undefined, Number.NEGATIVE_INFINITY)) {
      const cue = { start: doc.tokens[r.from]!.start, end: doc.tokens[r.to - 1]!.end };
      const { read } = roles.readScored(doc, r.from, r.to);
      readings.push(reading(LAYERS[3], cue, read.source, read.content));
    }
    const m = matchArticle(text, gold, shipped.get(d.gold.id) ?? [], tok);
    gold.forEach((g, gi) => {
      report.gold++;
      if (m.goldToPred[gi]! >= 0) { report.kept++; return; }
      const layers = new Set(readings.filter((p) => relationMatches(tok, g, p)).map((p) => p.layer));
      if (layers.size) {
        report.lost++;
        const key = LAYERS.filter((l) => layers.has(l)).join(' + ');
        by.set(key, (by.get(key) ?? 0) + 1);
      } else if (readings.some((p) => g.cue.some((s) => s.start < p.cue[0]!.end && p.cue[0]!.start < s.end))) report.misread++;
      else report.noCue++;
    });
  }
  report.lostBy = [...by].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return report;
}

/** The report as an aligned table. */
export function formatLost(r: LostReport): string {
  const pct = (n: number) => (r.gold ? ((100 * n) / r.gold).toFixed(1) : '0.0').padStart(5);
  const row = (name: string, n: number) => `${name.padEnd(64)} ${String(n).padStart(5)}  ${pct(n)} %`;
  return [
    'layers: rules; BIO = the BIO tagger\'s linked spans; roles = the role tagger on a rule or BIO cue;',
    '        detector = the role tagger on a cue-detector run at any score',
    row('gold attributions', r.gold),
    row('kept: the pipeline finds them', r.kept),
    row('lost: a layer reads them right before the gates', r.lost),
    ...r.lostBy.map(([k, n]) => row(`  read right by ${k} (and no other layer)`, n)),
    row('misread: a layer finds the cue, none reads it right', r.misread),
    row('no cue: no layer finds the cue', r.noCue),
  ].join('\n') + '\n';
}
