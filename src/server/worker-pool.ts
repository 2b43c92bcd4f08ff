import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../core/working-doc.js';
import type { Message } from '../core/types.js';

/** One analysis request sent to a worker. */
export interface AnalyzeJob {
  input: string;
  options: AnalyzeOptions;
  /** URL the input was fetched from; recorded as `meta.url` when the page names none. */
  url?: string | null;
  /** What decoding the request's bytes noticed (a charset guessed, bytes replaced), put first in the document's messages. */
  messages?: Message[];
}

/**
 * Message a worker posts back: the serialised document, or a failure. Before any, a worker posts
 * `{ ready: true }` once it has loaded its models, and only then is it given jobs.
 */
export type WorkerReply = { id: number; ok: true; json: string; errors: string[] } | { id: number; ok: false; message: string };

/** A finished job: the serialised document and its error messages (`[code] text`), so callers need not parse it to know. */
export interface JobResult {
  json: string;
  errors: string[];
}

/** Why a job failed; `timeout` means the worker was terminated. */
export class PoolError extends Error {
  readonly reason: 'timeout' | 'failed' | 'closed';
  constructor(reason: 'timeout' | 'failed' | 'closed', message: string) {
    super(message);
    this.name = 'PoolError';
    this.reason = reason;
  }
}

interface Task {
  id: number;
  job: AnalyzeJob;
  /** Epoch ms; for {@link WorkerPool.runFor} jobs, Infinity until dispatched. */
  deadline: number;
  /** For {@link WorkerPool.runFor}: the time-out counted from dispatch. */
  runMs?: number;
  resolve: (r: JobResult) => void;
  reject: (e: PoolError) => void;
}

interface Slot {
  worker: Worker | null;
  /** The worker has loaded its models (it posts `{ ready: true }` first); jobs go to ready workers only. */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  size: number;
  /** Worker script; defaults to the compiled analyze worker beside this module. */
  script?: URL;
  /** Heap cap per worker, so one hostile page cannot take the server's memory. */
  maxOldGenerationSizeMb?: number;
}

/**
 * A fixed pool of `worker_threads` running `analyze`. A job that outlives its time-out has its
 * worker terminated (the only way to stop synchronous code) and a fresh one takes its place, so a
 * pathological page cannot wedge the server. Idle workers are unref'd: an idle pool never keeps
 * the process alive.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private readonly script: URL;
  private readonly heapMb: number;
  private nextId = 1;
  private closed = false;

  constructor(opts: WorkerPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.size) }, () => ({ worker: null, ready: false, task: null, timer: null }));
    this.script = opts.script ?? new URL('./analyze-worker.js', import.meta.url);
    this.heapMb = opts.maxOldGenerationSizeMb ?? 1024;
  }

  /** Number of jobs running or waiting. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.task).length;
  }

  /**
   * Runs one job and resolves with the JSON text. `deadline` (epoch ms) covers waiting and
   * running: a job still queued at its deadline is dropped unrun, a running one is terminated.
   */
  run(job: AnalyzeJob, deadline: number): Promise<string> {
    if (this.closed) return Promise.reject(new PoolError('closed', 'worker pool is closed'));
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, deadline, resolve: (r) => resolve(r.json), reject });
      this.pump();
    });
  }

  /**
   * Runs one job with `ms` to run, counted from when a worker takes it (a batch queues many jobs,
   * and waiting is not the job's fault).
   */
  runFor(job: AnalyzeJob, ms: number): Promise<JobResult> {
    if (this.closed) return Promise.reject(new PoolError('closed', 'worker pool is closed'));
    return new Promise<JobResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, deadline: Infinity, runMs: ms, resolve, reject });
      this.pump();
    });
  }

  /** Terminates every worker and rejects waiting jobs. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new PoolError('closed', 'worker pool is closed'));
    await Promise.all(this.slots.map(async (s) => {
      if (s.timer) clearTimeout(s.timer);
      s.task?.reject(new PoolError('closed', 'worker pool is closed'));
      s.task = null;
      const w = s.worker;
      s.worker = null;
      if (w) await w.terminate();
    }));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.task || !slot.worker || !slot.ready) continue;
      this.dispatch(slot, this.queue.shift()!);
    }
    // A fresh worker loads its models (about 200 MB, a few hundred ms) before it takes a job, so a
    // job's time-out is its own; only as many start as there are jobs waiting for one.
    let loading = this.slots.filter((x) => x.worker && !x.ready).length;
    for (const slot of this.slots) {
      if (loading >= this.queue.length) return;
      if (slot.worker) continue;
      slot.worker = this.spawn(slot);
      loading++;
    }
  }

  private spawn(slot: Slot): Worker {
    const w = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    w.unref();
    slot.ready = false;
    // Held until ready, so a batch waiting on a loading worker does not see the process exit.
    w.ref();
    w.on('message', (msg: WorkerReply | { ready: true }) => {
      if ('ready' in msg) {
        if (slot.worker !== w) return;
        slot.ready = true;
        w.unref();
        this.pump();
        return;
      }
      const t = slot.task;
      if (!t || msg.id !== t.id) return;
      this.finish(slot);
      if (msg.ok) t.resolve({ json: msg.json, errors: msg.errors });
      else t.reject(new PoolError('failed', msg.message));
    });
    const lost = (why: string) => {
      if (slot.worker !== w) return;
      const wasReady = slot.ready;
      slot.worker = null;
      slot.ready = false;
      const t = slot.task;
      if (t) {
        this.finish(slot);
        t.reject(new PoolError('failed', why));
      } else if (!wasReady && this.queue.length) {
        // A worker that dies while loading would be replaced forever: the job first in line fails instead.
        this.queue.shift()!.reject(new PoolError('failed', why));
        if (!this.closed) queueMicrotask(() => this.pump());
      } else if (this.queue.length && !this.closed) queueMicrotask(() => this.pump());
    };
    w.on('error', (e) => lost(e.message));
    w.on('exit', (code) => lost(`worker exited with code ${code}`));
    return w;
  }

  private dispatch(slot: Slot, task: Task): void {
    if (task.runMs !== undefined) task.deadline = Date.now() + task.runMs;
    const left = task.deadline - Date.now();
    if (left <= 0) {
      task.reject(new PoolError('timeout', 'the deadline passed while the job waited'));
      queueMicrotask(() => this.pump());
      return;
    }
    slot.task = task;
    const w = slot.worker!;
    // Held while busy so an awaited reply keeps the process alive; idle workers are unref'd.
    w.ref();
    slot.timer = setTimeout(() => {
      if (slot.task !== task) return;
      slot.worker = null;
      slot.ready = false;
      this.finish(slot);
      void w.terminate();
      task.reject(new PoolError('timeout', 'the analysis passed its deadline'));
    }, left);
    w.postMessage({ id: task.id, job: task.job });
  }

  private finish(slot: Slot): void {
    slot.worker?.unref();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    // Run the next job on a later tick so replies settle first.
    if (!this.closed) queueMicrotask(() => this.pump());
  }
}
