import type { CliIo } from './io.js';

/** The process's real streams as a {@link CliIo}. */
export function nodeIo(): CliIo {
  // A closed pipe (`hearsay analyze … | head`) is the reader's choice, not an error to crash on.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });
  return {
    stdout: (s) => { process.stdout.write(s); },
    stderr: (s) => { process.stderr.write(s); },
    stdin: async (maxBytes = Infinity) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      for await (const c of process.stdin) {
        if (kept > maxBytes) continue;
        const b = c as Buffer;
        const take = Math.min(b.length, maxBytes + 1 - kept);
        chunks.push(take === b.length ? b : b.subarray(0, take));
        kept += take;
      }
      return new Uint8Array(Buffer.concat(chunks));
    },
    cwd: process.cwd(),
  };
}
