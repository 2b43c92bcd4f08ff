import { defineStage } from '../core/pipeline.js';
import { readsAsEnglish } from '../text/language.js';
import { registerRules } from '../core/rules.js';
import type { Span, VoiceSpan } from '../core/types.js';
import { innermostContent, quotationInners, SpanIndex } from '../core/span-index.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { VOICE_BY_FORM, VOICE_LEXICON } from './lexicon.js';
import { toLower } from '../text/lower.js';

registerRules('voice', [
  { name: 'lexicon-authorial', reason: 'a stance word outside any attributed content or quotation is in the outlet’s own voice', example: 'Troops murdered ten people.' },
  { name: 'lexicon-attributed', reason: 'a stance word inside an attribution’s content or a quotation is the source’s', example: 'The ministry called it ‘a war crime’.' },
]);
void VOICE_LEXICON;

const within = (t: Span, s: Span): boolean => t.start >= s.start && t.end <= s.end;

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
  for (const t of doc.tokens) {
    if (t.kind !== 'word') continue;
    const entry = VOICE_BY_FORM.get(toLower(t.text));
    if (!entry) continue;
    if (!body.some((b) => within(t, b))) continue;
    // Cue verbs themselves ("claimed") are the writer's choice of verb, so authorial.
    // The innermost content holding the word (the first of equal size), unless it is a cue.
    const att = cues.holds(t) ? null : contentAt(t);
    const quoted = quotes.holds(t);
    const attributed = att !== null || quoted;
    out.push({
      start: t.start, end: t.end, voice: attributed ? 'attributed' : 'authorial', loaded: entry.loaded,
      attribution: att, rule: attributed ? 'voice:lexicon-attributed' : 'voice:lexicon-authorial',
    });
  }
  doc.voice = out;
});
