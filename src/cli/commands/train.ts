import type { Command } from '../io.js';

const SUB: Record<string, () => Promise<Command>> = {
  pos: async () => (await import('./train-pos.js')).run,
  attributions: async () => (await import('./train-attributions.js')).run,
};

/** `hearsay train pos|attributions …`: reproduces the shipped models from the shared corpora. */
export const run: Command = async (args, io) => {
  const [what, ...rest] = args;
  const load = what ? SUB[what] : undefined;
  if (!load) {
    io.stderr(`usage: hearsay train ${Object.keys(SUB).join('|')} …\n`);
    return 2;
  }
  return (await load())(rest, io);
};
