import { subcommands } from '../io.js';

/** `hearsay train pos|attributions|wordnet|names …`: reproduces the shipped models from the shared corpora. */
export const run = subcommands('train', {
  pos: async () => (await import('./train-pos.js')).run,
  attributions: async () => (await import('./train-attributions.js')).run,
  wordnet: async () => (await import('./train-wordnet.js')).run,
  names: async () => (await import('./train-names.js')).run,
});
