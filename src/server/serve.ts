/** Runs the hearsay app on Node's HTTP server (@hono/node-server). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createAppHandle, type ServerOptions } from './app.js';

/** Options of {@link startServer}: the app's options plus where to listen. */
export interface StartOptions extends ServerOptions {
  /** Port; 0 picks a free one (default 8080). */
  port?: number;
  /** Interface to bind (default 127.0.0.1: loopback only). */
  host?: string;
}

/** A running server. */
export interface RunningServer {
  /** The port actually bound. */
  port: number;
  host: string;
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Stops accepting connections, closes idle ones and the worker pool. */
  close: () => Promise<void>;
}

/** Starts the API and viewer; resolves once listening. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const handle = createAppHandle(opts);
  const server = createAdaptorServer({ fetch: handle.app.fetch, hostname: host }) as Server;
  // Slow-loris bounds: a client must send headers and body promptly.
  server.headersTimeout = 20_000;
  server.requestTimeout = Math.max(30_000, (opts.timeoutMs ?? 15_000) * 2);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    port,
    host,
    url: `http://${shown}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await handle.close();
    },
  };
}
