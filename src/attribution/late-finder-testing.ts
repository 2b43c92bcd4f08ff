import { analyzeToWorkingDoc } from '../analyze.js';
import { windowOf, type Window } from './find.js';
import type { LateFind } from './late-finder.js';
import { nameTokens } from './stage.js';

/**
 * A late finder run alone on one sentence, for tests: `[source, cue, content]` of each find as
 * text ('' for no source). The sentence is analysed as a whole document first, so the window's
 * tags and names are the pipeline's.
 */
export function findsIn(find: (w: Window) => LateFind[], text: string): string[][] {
  const doc = analyzeToWorkingDoc(text);
  const w = windowOf(doc.tokens, 0, 0, nameTokens(doc));
  const words = (r: [number, number]) => doc.text.slice(w.tokens[r[0]]!.start, w.tokens[r[1] - 1]!.end);
  return find(w).map((f) => [f.source ? words(f.source) : '', words(f.cue), words(f.content)]);
}
