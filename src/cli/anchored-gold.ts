/**
 * Reading a gold file of our own stories (`eval gender`, and, with spans anchored by words,
 * `eval times` and `eval voice`): the file checked before any story is read, then each story's text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { paragraphStarts } from '../eval/anchored-spans.js';
import type { CliIo } from './io.js';
import { HearsayError } from '../core/errors.js';

/** A story id names a file in the texts folder, never a path out of it. */
const STEM = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/** A story of the gold: its file stem, text and paragraph starts. */
export interface GoldStory {
  id: string;
  text: string;
  starts: number[];
}

/**
 * Reads `goldPath`, checks it with `problem` (a message, or null), and reads each story's text
 * from `texts/<stem>.txt`. Writes the message and returns the exit code (1 unreadable, 2 not a gold
 * file of this kind) where it cannot.
 */
export async function readAnchoredGold<G extends { stories: Record<string, unknown> }>(
  goldPath: string, texts: string, io: CliIo, cmd: string, kind: string, problem: (gold: unknown) => string | null,
): Promise<{ gold: G; stories: GoldStory[] } | number> {
  let gold: unknown;
  try {
    gold = JSON.parse(await readFile(path.resolve(io.cwd, goldPath), 'utf8'));
  } catch (e) {
    io.stderr(`${cmd}: cannot read ${goldPath}: ${(e as Error).message}\n`);
    return 1;
  }
  const g = gold as { stories?: unknown } | null;
  const bad = !g || typeof g !== 'object' || Array.isArray(g) ? 'not a JSON object'
    : !g.stories || typeof g.stories !== 'object' || Array.isArray(g.stories) ? '"stories" is not an object of stories'
      : !Object.keys(g.stories).length ? '"stories" is empty'
        : Object.keys(g.stories).find((id) => !STEM.test(id)) !== undefined ? `the story id ${JSON.stringify(Object.keys(g.stories).find((id) => !STEM.test(id)))} is not a file stem`
          : problem(gold);
  if (bad) { io.stderr(`${cmd}: ${goldPath} is no ${kind} gold file: ${bad}\n`); return 2; }
  const stories: GoldStory[] = [];
  for (const id of Object.keys((gold as G).stories)) {
    try {
      const text = await readFile(path.join(path.resolve(io.cwd, texts), `${id}.txt`), 'utf8');
      stories.push({ id, text, starts: paragraphStarts(text) });
    } catch (e) {
      io.stderr(`${cmd}: cannot read the story ${id}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  return { gold: gold as G, stories };
}

/** Writes an `--errors` file: one tab-separated line per error. */
async function writeErrorLines(io: CliIo, file: string, lines: readonly string[]): Promise<void> {
  await writeFile(path.resolve(io.cwd, file), lines.join('\n') + '\n');
}

/** A `--min-…` floor flag as a percentage, undefined when absent, null when not a number from 0 to 100. */
export function floorOf(v: string | true | undefined): number | undefined | null {
  if (v === undefined) return undefined;
  return typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) && Number(v) <= 100 ? Number(v) : null;
}

/**
 * Resolves a gold file's anchors, or writes why one does not resolve (a text not in its
 * paragraph) and returns exit code 2: a gold file that does not say what it means is unusable.
 */
export function resolveOr2<T>(io: CliIo, cmd: string, f: () => T): T | 2 {
  try {
    return f();
  } catch (e) {
    if (e instanceof HearsayError && e.code === 'GOLD_INVALID') { io.stderr(`${cmd}: ${e.message}\n`); return 2; }
    throw e;
  }
}

/** Writes `--errors` after the scores are out; an unwritable file is named, and gives exit code 1. */
export async function writeErrorsOr1(io: CliIo, cmd: string, file: string | undefined, lines: () => readonly string[]): Promise<0 | 1> {
  if (!file) return 0;
  try {
    await writeErrorLines(io, file, lines());
    return 0;
  } catch (e) {
    io.stderr(`${cmd}: cannot write ${file}: ${(e as Error).message}\n`);
    return 1;
  }
}
