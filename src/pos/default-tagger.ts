import { POS_MODEL } from './model-data.js';
import type { QuoteHint } from './normalize.js';
import { PosTagger } from './tagger.js';

let shared: PosTagger | null = null;

/** The shipped tagger (UD English EWT and PolNeAR train silver tags), decoded on first use and shared afterwards. */
export function defaultPosTagger(): PosTagger {
  shared ??= PosTagger.fromJSON(POS_MODEL);
  return shared;
}

/**
 * Tags one sentence of PTB-style tokens with the shipped model, e.g.
 * `tagWords(['The', 'minister', 'said', '.'])` → `['DT', 'NN', 'VBD', '.']`.
 */
export function tagWords(words: readonly string[], quotes?: readonly QuoteHint[]): string[] {
  return defaultPosTagger().tagWords(words, quotes);
}
