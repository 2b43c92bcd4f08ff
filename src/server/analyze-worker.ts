/**
 * Worker-thread entry of the server's analysis pool: receives {@link AnalyzeJob}s, posts back the
 * serialised hearsay/1 document. Serialising here keeps JSON.stringify off the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analyze.js';
import type { AnalyzeJob, WorkerReply } from './worker-pool.js';

const port = parentPort;
if (port) {
  // Load the models before saying ready, so the first job's time-out is not spent on them.
  analyze('Warm-up: the minister said the models load once.', { date: '2025-01-01' });
  port.postMessage({ ready: true });
  port.on('message', (msg: { id: number; job: AnalyzeJob }) => {
    let reply: WorkerReply;
    try {
      const doc = analyze(msg.job.input, msg.job.options);
      if (msg.job.url && !doc.meta.url) doc.meta.url = msg.job.url;
      if (msg.job.messages?.length) doc.messages.unshift(...msg.job.messages);
      const errors = doc.messages.filter((m) => m.severity === 'error').map((m) => `[${m.code}] ${m.text}`);
      reply = { id: msg.id, ok: true, json: JSON.stringify(doc), errors };
    } catch (e) {
      // The message stays server-side (logged); clients get a generic error.
      reply = { id: msg.id, ok: false, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    port.postMessage(reply);
  });
}
