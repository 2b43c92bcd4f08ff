/**
 * Load test of `hearsay serve`: starts the server on loopback, runs N concurrent clients posting
 * an article to `/api/analyze` until a time or request budget runs out, and reports throughput
 * and latency. `node dist/bench/load.js [--concurrency 8] [--duration-ms 10000] [--requests N]`.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { startServer } from '../server/serve.js';

/** Options of {@link runLoadTest}. */
export interface LoadTestOptions {
  /** Concurrent clients. */
  concurrency: number;
  /** Time budget of the measured phase, in ms. */
  durationMs: number;
  /** Request budget of the measured phase (default: unbounded within the time budget). */
  requests?: number;
  /** Article posted by every request (default: {@link LOAD_ARTICLE}). */
  text?: string;
}

/** Result of {@link runLoadTest}; latencies in milliseconds. */
export interface LoadTestResult {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  /** Requests completed (successes and errors). */
  requests: number;
  /** Measured wall time in ms. */
  elapsedMs: number;
  /** Analysis workers the server ran. */
  workers: number;
  /** Characters per request. */
  chars: number;
}

/** The bench's article, written for it. */
export const LOAD_ARTICLE = `Port expansion plan faces budget questions

The harbour expansion will "create thousands of jobs and secure our future," Transport Minister Ana Reyes said on Tuesday, defending a plan that has divided the coastal town for months.

But two senior officials told the Coastal Herald that Reyes had privately warned the cabinet the project was over budget. According to a report by the Audit Office, costs have doubled since 2023, and the contractor has asked for a further extension.

"We are not going to be rushed into a decision that will shape this harbour for fifty years," Reyes told reporters outside parliament. She insisted that the government would publish the full costings "when they are ready."

Opposition leader Tom Baird called the plan "a reckless land grab" and urged the minister to release the Audit Office figures in full. "Families who have fished here for generations deserve to know what this will cost them," he said.

The Fishermen's Union said in a statement that its members had not been consulted. A spokesperson for the union, who asked not to be named because negotiations were continuing, said the government had reportedly offered compensation that was "nowhere near enough."

Local residents were split. Maria Okafor, who runs a café on the quay, said the expansion would bring customers. Her neighbour, retired teacher James Whitlow, said he feared the town would lose its character.

The ministry said later that a public consultation would open next month and that no final decision had been taken. The Coastal Herald reported that the cabinet is expected to discuss the plan again in June.
`;

function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Starts a server on loopback, loads it, stops it, and returns requests/second and latencies. */
export async function runLoadTest(opts: LoadTestOptions): Promise<LoadTestResult> {
  const clients = Math.max(1, Math.floor(opts.concurrency));
  const workers = Math.max(1, Math.min(clients, availableParallelism()));
  const text = opts.text ?? LOAD_ARTICLE;
  // Every client may wait for a worker, so none is turned away with 503.
  const server = await startServer({ port: 0, host: '127.0.0.1', concurrency: workers, queue: clients, timeoutMs: Math.max(15_000, opts.durationMs) });
  const url = `${server.url}/api/analyze`;
  const body = JSON.stringify({ text, date: '2025-03-04' });
  const once = async (): Promise<boolean> => {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      const out = await res.text();
      return res.status === 200 && out.startsWith('{"schema":"hearsay/1"');
    } catch {
      return false;
    }
  };
  try {
    // Warm-up: start every worker and load its modules before measuring.
    await Promise.all(Array.from({ length: workers * 2 }, once));
    const latencies: number[] = [];
    let errors = 0;
    let issued = 0;
    const budget = opts.requests ?? Number.POSITIVE_INFINITY;
    const t0 = performance.now();
    const stopAt = t0 + opts.durationMs;
    const client = async (): Promise<void> => {
      while (performance.now() < stopAt && issued < budget) {
        issued++;
        const s = performance.now();
        const ok = await once();
        latencies.push(performance.now() - s);
        if (!ok) errors++;
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    const elapsedMs = performance.now() - t0;
    latencies.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      rps: round(latencies.length / (elapsedMs / 1000)),
      p50: round(quantile(latencies, 0.5)),
      p95: round(quantile(latencies, 0.95)),
      errors,
      requests: latencies.length,
      elapsedMs: Math.round(elapsedMs),
      workers,
      chars: text.length,
    };
  } finally {
    await server.close();
  }
}

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const concurrency = flag(args, 'concurrency', 8);
  const durationMs = flag(args, 'duration-ms', 10_000);
  const requests = flag(args, 'requests', 5_000);
  const r = await runLoadTest({ concurrency, durationMs, requests });
  process.stdout.write(
    `serve load: ${concurrency} clients on loopback, ${r.workers} analysis workers, ${r.chars}-char article: `
    + `${r.rps} requests/s, p50 ${r.p50} ms, p95 ${r.p95} ms, ${r.errors} errors (${r.requests} requests in ${r.elapsedMs} ms)\n`
    + `${JSON.stringify(r)}\n`,
  );
}
