import { subcommands } from '../io.js';

/** `hearsay eval attributions|extraction|events|entities|sources|gender|times|voice …`: evaluation is a first-class command. */
export const run = subcommands('eval', {
  attributions: async () => (await import('./eval-attributions.js')).run,
  extraction: async () => (await import('./eval-extraction.js')).run,
  events: async () => (await import('./eval-events.js')).run,
  entities: async () => (await import('./eval-entities.js')).run,
  sources: async () => (await import('./eval-sources.js')).run,
  gender: async () => (await import('./eval-gender.js')).run,
  times: async () => (await import('./eval-times.js')).run,
  voice: async () => (await import('./eval-voice.js')).run,
});
