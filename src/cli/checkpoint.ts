import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Checkpoints of a long training run: each finished step's result is saved under a key that
 * covers the data, the options and the built code, so `--resume` after an interruption skips
 * the steps already done and yields the same models, and a run with anything changed never
 * reuses a stale step.
 */
export interface Checkpoints {
  /** Folder holding this run's steps. */
  readonly dir: string;
  /** A saved step's result, or null when absent, unreadable, or `resume` is off. */
  load<T>(step: string): Promise<T | null>;
  /** Saves a step's result (written whole, then renamed, so an interrupted write is never read). */
  save(step: string, value: unknown): Promise<void>;
}

/** Hash of every built module of the package (tests left out): any code change makes a new key. */
async function codeFingerprint(): Promise<string> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.js') && !e.name.endsWith('.test.js')) { h.update(path.relative(root, p)); h.update(await readFile(p)); }
    }
  };
  await walk(root);
  return h.digest('hex');
}

/**
 * Opens the checkpoints of a run identified by `identity` (options and a digest of the data; the
 * built code is added here) under `base`.
 */
export async function openCheckpoints(base: string, identity: unknown, resume: boolean): Promise<Checkpoints> {
  const key = createHash('sha256').update(JSON.stringify(identity)).update(await codeFingerprint()).digest('hex').slice(0, 16);
  const dir = path.join(base, key);
  return {
    dir,
    async load<T>(step: string): Promise<T | null> {
      if (!resume) return null;
      try { return JSON.parse(await readFile(path.join(dir, `${step}.json`), 'utf8')) as T; } catch { return null; }
    },
    async save(step: string, value: unknown): Promise<void> {
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${step}.json`);
      await writeFile(`${file}.partial`, JSON.stringify(value));
      await rename(`${file}.partial`, file);
    },
  };
}
