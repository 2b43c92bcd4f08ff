import type { Stage } from '../core/pipeline.js';
import { nestedContentStage } from './nested.js';
import { objectReadingStage } from './object-reading.js';
import { relativePronounStage } from './relative-pronoun.js';
import { attitudeAdjectiveStage } from './attitude-adjective.js';
import { stanceVerbStage } from './stance-verb.js';
import { whenAskedStage } from './when-asked.js';
import { seenAsStage } from './seen-as.js';
import { speechFallbackStage } from './speech-fallback.js';
import { headlineLabelStage } from './headline-label.js';
import { talkAboutStage } from './talk-about.js';
import { seemingFallbackStage } from './seeming-fallback.js';
import { backingReceivedStage } from './backing-received.js';
import { quotedAsSayingStage } from './quoted-as-saying.js';
import { wordsOfStage } from './words-of.js';
import { quoteCloseStage } from './quote-close.js';
import { notAttributionStage } from './not-attribution.js';

/**
 * The stages that refine attributions after the `attributions` stage, in pipeline order. They are
 * stages of their own, not refiners inside it, because the rule layer the shipped models were
 * trained on is that stage's output; the trainer runs these after it too, so the scores it
 * prints are the pipeline's.
 */
export function attributionRefinerStages(): Stage[] {
  return [nestedContentStage(), objectReadingStage(), speechFallbackStage(), attitudeAdjectiveStage(), stanceVerbStage(), whenAskedStage(), seenAsStage(), headlineLabelStage(), talkAboutStage(), backingReceivedStage(), quotedAsSayingStage(), wordsOfStage(), seemingFallbackStage(), relativePronounStage(), quoteCloseStage(), notAttributionStage()];
}
