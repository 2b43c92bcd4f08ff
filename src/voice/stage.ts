import { defineStage } from '../core/pipeline.js';
import { readsAsEnglish } from '../text/language.js';
import { registerRules } from '../core/rules.js';
import type { Span, VoiceSpan } from '../core/types.js';
import { innermostContent, quotationInners, SpanIndex } from '../core/span-index.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { VOICE_BY_FORM, VOICE_LEXICON, VOICE_PAIR_STARTS } from './lexicon.js';
import { toLower } from '../text/lower.js';
import { tokenRange } from '../attribution-model/roles.js';

registerRules('voice', [
  { name: 'lexicon-authorial', reason: 'a stance word outside any attributed content or quotation is in the outlet’s own voice', example: 'Troops murdered ten people.' },
  { name: 'lexicon-attributed', reason: 'a stance word inside an attribution’s content or a quotation is the source’s', example: 'The ministry called it ‘a war crime’.' },
]);
void VOICE_LEXICON;

const within = (t: Span, s: Span): boolean => t.start >= s.start && t.end <= s.end;
/** Tags of a verb that makes a content a clause ("the election was stolen"), not an object. */
const FINITE_OR_BASE_VERB = /^(?:VB[DPZ]?|MD)$/;

/**
 * Loaded and evaluative words with whose voice they are in: attributed when inside the content of
 * an attribution (the innermost one is recorded) or inside a quotation; authorial otherwise.
 */
export const voiceStage = defineStage('voice', { requires: ['tokens', 'attributions', 'quotes'], assigns: ['voice'], when: readsAsEnglish }, () => (doc: WorkingDoc) => {
  const out: VoiceSpan[] = [];
  const body = doc.body;
  // Indexes, so a long document is not a words × attributions scan.
  const cues = new SpanIndex(doc.attributions.map((a) => a.cue));
  const quotes = quotationInners(doc.quotes);
  const contentAt = innermostContent(doc.attributions);
  const tokens = doc.tokens;
  const byCue = new Map(doc.attributions.map((a) => [a.cue.end, a]));
  /** Whether a word ends an attribution's cue whose content holds a verb (a clause, not an object). */
  const clauseCue = (w: Span): boolean => {
    const a = byCue.get(w.end);
    if (!a) return false;
    return a.content.some((c) => {
      const [from, to] = tokenRange(tokens, c);
      for (let k = from; k < to; k++) if (FINITE_OR_BASE_VERB.test(tokens[k]!.pos ?? '')) return true;
      return false;
    });
  };
  for (let i = 0; i < tokens.length; i++) {
    let t: Span = tokens[i]!;
    if (tokens[i]!.kind !== 'word') continue;
    const word = toLower(tokens[i]!.text);
    const next = tokens[i + 1];
    // A two-word form ("war crime") before the word alone.
    const pair = next && next.kind === 'word' && VOICE_PAIR_STARTS.has(word) ? VOICE_BY_FORM.get(`${word} ${toLower(next.text)}`) : undefined;
    const entry = pair ?? VOICE_BY_FORM.get(word);
    if (!entry) continue;
    const prev = i > 0 ? toLower(tokens[i - 1]!.text) : '';
    const after = tokens[i + (pair ? 2 : 1)];
    if (entry.notAfter?.includes(prev) || (after && entry.notBefore?.includes(toLower(after.text)))) continue;
    if (pair) { t = { start: t.start, end: next!.end }; i++; }
    else if (entry.pos && !(tokens[i]!.pos ?? '').startsWith(entry.pos)) continue;
    if (!body.some((b) => within(t, b))) continue;
    // A verb of saying carries a stance only where it reports a statement: before "that" or a
    // quotation, or as the cue of an attribution whose content is a clause ("claimed the
    // election was stolen"), not before a plain object ("conceded the race", "claimed victory").
    if (entry.kind === 'stance-cue' && !pair) {
      const after = next ? toLower(next.text) : '';
      const reported = after === 'that' || next?.kind === 'quote' || after === ',' || after === '.' || clauseCue(t);
      if (!reported) continue;
    }
    // Cue verbs themselves ("claimed") are the writer's choice of verb, so authorial.
    // The innermost content holding the word (the first of equal size), unless it is a cue.
    const att = cues.holds(t) ? null : contentAt(t);
    const quoted = quotes.holds(t);
    const attributed = att !== null || quoted;
    out.push({
      start: t.start, end: t.end, voice: attributed ? 'attributed' : 'authorial', loaded: entry.loaded, kind: entry.kind,
      attribution: att, rule: attributed ? 'voice:lexicon-attributed' : 'voice:lexicon-authorial',
    });
  }
  doc.voice = out;
});
