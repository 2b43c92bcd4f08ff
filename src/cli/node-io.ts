import type { CliIo } from './io.js';

/** The process's real streams as a {@link CliIo}. */
export function nodeIo(): CliIo {
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
