import type { Command } from '../io.js';

const SUB: Record<string, () => Promise<Command>> = {
  attributions: async () => (await import('./eval-attributions.js')).run,
  extraction: async () => (await import('./eval-extraction.js')).run,
  events: async () => (await import('./eval-events.js')).run,
};

/** `hearsay eval attributions|extraction|events …`: evaluation is a first-class command. */
export const run: Command = async (args, io) => {
  const [what, ...rest] = args;
  const load = what ? SUB[what] : undefined;
  if (!load) {
    io.stderr(`usage: hearsay eval ${Object.keys(SUB).join('|')} …\n`);
    return 2;
  }
  return (await load())(rest, io);
};
