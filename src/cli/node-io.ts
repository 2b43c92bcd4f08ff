import type { CliIo } from './io.js';

/** The process's real streams as a {@link CliIo}. */
export function nodeIo(): CliIo {
  // A closed pipe (`hearsay analyze … | head`) is the reader's choice, not an error to crash on.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });
  return {
    stdout: (s) => { process.stdout.write(s); },
    stderr: (s) => { process.stderr.write(s); },
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    cwd: process.cwd(),
  };
}
