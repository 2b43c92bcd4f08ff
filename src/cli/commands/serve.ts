/** `hearsay serve`: the HTTP API and the viewer page. */
import { availableParallelism } from 'node:os';
import { flagString, parseArgs, type Command } from '../io.js';
import { DEFAULTS } from '../../server/app.js';
import { startServer } from '../../server/serve.js';

const USAGE = `Usage: hearsay serve [--port 8080] [--host 127.0.0.1] [--allow-fetch] [--cors ORIGIN]
                     [--timeout-ms ${DEFAULTS.timeoutMs}] [--max-body ${DEFAULTS.maxBodyBytes}] [--concurrency N] [--queue N]
`;

function intFlag(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number`);
  const n = Number(value);
  if (n < min || n > max) throw new Error(`--${name} must be between ${min} and ${max}`);
  return n;
}

/** Starts the server and runs until SIGINT/SIGTERM; returns 0 after a clean shutdown. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['allow-fetch', 'help']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const known = new Set(['port', 'host', 'allow-fetch', 'cors', 'timeout-ms', 'max-body', 'concurrency', 'queue', 'help']);
  const unknown = [...p.flags.keys()].filter((k) => !known.has(k));
  if (unknown.length || p.positionals.length) {
    io.stderr(`hearsay serve: unexpected ${unknown.length ? `--${unknown[0]}` : `argument ${p.positionals[0]}`}\n${USAGE}`);
    return 2;
  }
  for (const f of ['port', 'host', 'cors', 'timeout-ms', 'max-body', 'concurrency', 'queue']) {
    if (p.flags.get(f) === true) { io.stderr(`hearsay serve: --${f} needs a value\n${USAGE}`); return 2; }
  }
  let port: number; let timeoutMs: number | undefined; let maxBodyBytes: number | undefined;
  let concurrency: number | undefined; let queue: number | undefined;
  try {
    port = intFlag(flagString(p, 'port'), 'port', 0, 65535) ?? 8080;
    timeoutMs = intFlag(flagString(p, 'timeout-ms'), 'timeout-ms', 1, 600_000);
    maxBodyBytes = intFlag(flagString(p, 'max-body'), 'max-body', 1, 1 << 30);
    concurrency = intFlag(flagString(p, 'concurrency'), 'concurrency', 1, 256);
    queue = intFlag(flagString(p, 'queue'), 'queue', 0, 10_000);
  } catch (e) {
    io.stderr(`hearsay serve: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const host = flagString(p, 'host', '127.0.0.1');
  const cors = flagString(p, 'cors') ?? null;
  const allowFetch = p.flags.get('allow-fetch') === true;
  const server = await startServer({
    port, host, cors, allowFetch,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(queue !== undefined ? { queue } : {}),
    log: (line) => io.stderr(`${new Date().toISOString()} ${line}\n`),
  });
  io.stdout(`hearsay serving on ${server.url}/ (API: ${server.url}/api/analyze, concurrency ${concurrency ?? availableParallelism()}`
    + `${allowFetch ? ', URL fetching on' : ''}${cors ? `, CORS for ${cors}` : ''})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.stderr('hearsay serve: shutting down\n');
  await server.close();
  return 0;
};
