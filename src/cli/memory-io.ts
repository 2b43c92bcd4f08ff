import type { CliIo } from './io.js';

/** A {@link CliIo} that keeps what a command writes in memory and serves `stdin` as standard input (for tests). */
export function memoryIo(stdin: Uint8Array = new Uint8Array()): CliIo & { out: string; err: string } {
  const o = { out: '', err: '', cwd: process.cwd() } as CliIo & { out: string; err: string };
  o.stdout = (s) => { o.out += s; };
  o.stderr = (s) => { o.err += s; };
  o.stdin = async () => stdin;
  return o;
}
