/**
 * Scoring the voice layer (loaded and evaluative words, and whose voice each is in) against our
 * own hand-annotated stories (`test/fixtures/voice-gold/voice.json`).
 */
import type { Span, VoiceSpan } from '../core/types.js';
import { inContext, pairByOverlap, type AnchoredSpan } from './anchored-spans.js';
import { prf, type Prf } from './attributions.js';

/** Kinds of marked word in the gold. */
export const VOICE_KINDS = ['label', 'verb', 'evaluative', 'distancing', 'stance-cue'] as const;

/** One annotated word of a story. */
export interface GoldVoiceEntry extends AnchoredSpan {
  kind: (typeof VOICE_KINDS)[number];
  strength: 'strong' | 'mild';
  voice: 'authorial' | 'attributed';
  note?: string;
}

/** The voice gold file: per story (file stem), its marked words. */
export interface VoiceGold {
  guidelines?: string;
  stories: Record<string, GoldVoiceEntry[]>;
}

/** A gold word resolved to offsets. */
export interface GoldVoice extends Span {
  kind: string;
  strength: 'strong' | 'mild';
  voice: 'authorial' | 'attributed';
}

/** One story's gold and predicted words, with its text for the error list. */
export interface VoiceArticle {
  id: string;
  text: string;
  gold: readonly GoldVoice[];
  predicted: readonly VoiceSpan[];
}

/** What went wrong, for `--errors`. */
export interface VoiceError {
  story: string;
  kind: 'missed' | 'false alarm' | 'wrong voice';
  gold: { text: string; voice: string; kind: string } | null;
  predicted: { text: string; voice: string; rule?: string } | null;
  context: string;
}

/** The scores. */
export interface VoiceGoldScores {
  stories: number;
  /** Words found at all (overlap, one to one), whatever their voice. */
  words: Prf;
  /** Found and given the gold's voice. */
  voiced: Prf;
  /** Per voice: gold words found with that voice, and predictions of it that are right. */
  byVoice: Record<'authorial' | 'attributed', Prf>;
  /** Of the words found, those given the gold's voice: how well the attributions place a word. */
  voiceAccuracy: { right: number; of: number; accuracy: number };
  /** Per gold kind and strength: words, and those found. */
  byKind: Record<string, { gold: number; found: number }>;
  errors: VoiceError[];
}

/** Scores predicted voice spans against our gold (see the module comment). */
export function scoreVoiceGold(articles: readonly VoiceArticle[]): VoiceGoldScores {
  let gold = 0;
  let predicted = 0;
  let found = 0;
  let voiced = 0;
  const v = { authorial: { tp: 0, pred: 0, gold: 0 }, attributed: { tp: 0, pred: 0, gold: 0 } };
  const byKind: Record<string, { gold: number; found: number }> = {};
  const errors: VoiceError[] = [];
  for (const a of articles) {
    gold += a.gold.length;
    predicted += a.predicted.length;
    for (const g of a.gold) {
      v[g.voice].gold++;
      (byKind[`${g.kind} (${g.strength})`] ??= { gold: 0, found: 0 }).gold++;
    }
    for (const p of a.predicted) v[p.voice].pred++;
    const pairs = pairByOverlap(a.gold, a.predicted);
    const pairedG = new Set(pairs.map(([g]) => g));
    const pairedP = new Set(pairs.map(([, p]) => p));
    for (const [gi, pi] of pairs) {
      const g = a.gold[gi]!;
      const p = a.predicted[pi]!;
      found++;
      byKind[`${g.kind} (${g.strength})`]!.found++;
      if (g.voice === p.voice) { voiced++; v[g.voice].tp++; }
      else errors.push({ story: a.id, kind: 'wrong voice', gold: { text: a.text.slice(g.start, g.end), voice: g.voice, kind: g.kind }, predicted: { text: a.text.slice(p.start, p.end), voice: p.voice, ...(p.rule ? { rule: p.rule } : {}) }, context: inContext(a.text, g) });
    }
    a.gold.forEach((g, i) => { if (!pairedG.has(i)) errors.push({ story: a.id, kind: 'missed', gold: { text: a.text.slice(g.start, g.end), voice: g.voice, kind: g.kind }, predicted: null, context: inContext(a.text, g) }); });
    a.predicted.forEach((p, i) => { if (!pairedP.has(i)) errors.push({ story: a.id, kind: 'false alarm', gold: null, predicted: { text: a.text.slice(p.start, p.end), voice: p.voice, ...(p.rule ? { rule: p.rule } : {}) }, context: inContext(a.text, p) }); });
  }
  return {
    stories: articles.length,
    words: prf(found, predicted, gold),
    voiced: prf(voiced, predicted, gold),
    byVoice: { authorial: prf(v.authorial.tp, v.authorial.pred, v.authorial.gold), attributed: prf(v.attributed.tp, v.attributed.pred, v.attributed.gold) },
    voiceAccuracy: { right: voiced, of: found, accuracy: found ? voiced / found : 0 },
    byKind,
    errors,
  };
}

const pc = (x: number) => (100 * x).toFixed(1).padStart(6);
const prfLine = (name: string, s: Prf) => `${name.padEnd(24)}${pc(s.precision)}${pc(s.recall)}${pc(s.f1)}   (${s.tp} / ${s.predicted} / ${s.gold})`;

/** The scores as text. */
export function formatVoiceGold(s: VoiceGoldScores): string {
  const out = [`loaded and evaluative words against the gold: ${s.stories} stories`, `${''.padEnd(24)}     P     R    F1   (right / predicted / gold)`];
  out.push(prfLine('words (overlap)', s.words), prfLine('words with their voice', s.voiced), prfLine('  authorial', s.byVoice.authorial), prfLine('  attributed', s.byVoice.attributed));
  out.push(`voice right for the words found: ${s.voiceAccuracy.right} of ${s.voiceAccuracy.of} (${(100 * s.voiceAccuracy.accuracy).toFixed(1)} %)`);
  out.push('', `${'gold kind'.padEnd(24)}${'gold'.padStart(6)}${'found'.padStart(7)}`);
  for (const [k, r] of Object.entries(s.byKind).sort((x, y) => y[1].gold - x[1].gold)) out.push(`${k.padEnd(24)}${String(r.gold).padStart(6)}${String(r.found).padStart(7)}`);
  return out.join('\n') + '\n';
}
