import { defineStage } from '../core/pipeline.js';
import { readsAsEnglish } from '../text/language.js';
import type { QuoteHint } from './normalize.js';
import { defaultPosTagger } from './default-tagger.js';
import type { PosTagger } from './tagger.js';

/** Options of {@link posStage}. */
export interface PosStageOptions {
  /** Tagger to use instead of the shipped EWT model. */
  tagger?: PosTagger;
}

/**
 * Sets `doc.tokens[i].pos` to a Penn Treebank tag, one sentence at a time (consecutive tokens
 * sharing a `sentence` index), passing the tokenizer's quote directions to the tagger.
 */
export const posStage = defineStage<PosStageOptions>('pos', { requires: ['tokens'], assigns: ['pos'], when: readsAsEnglish }, (options) => {
  const tagger = options?.tagger ?? defaultPosTagger();
  return (doc) => {
    const tokens = doc.tokens;
    let start = 0;
    while (start < tokens.length) {
      const sentence = tokens[start]!.sentence;
      let end = start + 1;
      while (end < tokens.length && tokens[end]!.sentence === sentence) end++;
      const words = new Array<string>(end - start);
      const quotes = new Array<QuoteHint>(end - start);
      for (let i = start; i < end; i++) {
        const t = tokens[i]!;
        words[i - start] = t.text;
        quotes[i - start] = t.kind === 'quote' ? t.quote : undefined;
      }
      const ids = tagger.tagIds(words, quotes);
      for (let i = start; i < end; i++) tokens[i]!.pos = tagger.tags[ids[i - start]!]!;
      // "according to exit/VB polls": the tagger reads "to" as an infinitive marker, but after
      // "according" it is a preposition, so a verb-tagged word before a noun is a modifier noun.
      for (let i = start + 2; i + 1 < end; i++) {
        const p = tokens[i]!.pos;
        if ((p === 'VB' || p === 'VBP' || p === 'VBG') && tokens[i + 1]!.pos?.startsWith('NN')
          && tokens[i - 1]!.text.toLowerCase() === 'to' && tokens[i - 2]!.text.toLowerCase() === 'according') tokens[i]!.pos = 'NN';
      }
      start = end;
    }
  };
});
