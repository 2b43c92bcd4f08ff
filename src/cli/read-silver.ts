import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { codePointToUtf16 } from '../eval/polnear.js';
import { silverTaggedSentences } from '../pos/silver.js';
import { silverNames } from '../eval/entities.js';
import type { NameTypeArticle } from '../entities/train-name-types.js';
import type { TaggedSentence } from '../pos/conllu.js';
import { flagString, type CliIo, type ParsedArgs } from './io.js';

/**
 * PolNeAR articles of one split with CoreNLP silver tags, in hearsay's tokenization (sorted, so
 * runs are deterministic). Articles without a silver file (3 in train) are skipped.
 */
export async function readSilver(dir: string, split: 'train' | 'dev', log: (s: string) => void): Promise<TaggedSentence[]> {
  const silverDir = path.join(dir, split, 'corenlp-silver');
  const files = (await readdir(silverDir)).filter((f) => f.endsWith('.conll')).sort();
  const out: TaggedSentence[] = [];
  let dropped = 0;
  for (const f of files) {
    const text = await readFile(path.join(dir, split, 'text', f.replace(/\.conll$/, '.txt')), 'utf8');
    const r = silverTaggedSentences(text, await readFile(path.join(silverDir, f), 'utf8'), codePointToUtf16(text));
    out.push(...r.sentences);
    dropped += r.dropped;
  }
  log(`PolNeAR ${split} silver: ${files.length} articles, ${out.length} sentences (${dropped} dropped: a token cuts through a CoreNLP token)\n`);
  return out;
}


/** A silver-scoring command's inputs: the PolNeAR folder, the split, its silver files, the floor. */
export interface SilverSplit {
  dir: string;
  split: 'train' | 'dev';
  silverDir: string;
  /** Silver files ending in the command's extension, sorted. */
  files: string[];
  /** The `--min-…` floor (0 when not given). */
  floor: number;
}

/**
 * Reads `DIR [--split dev|train] [--<floorFlag> N]` and lists the split's CoreNLP silver files
 * ending in `ext`. On a usage error (exit 2) or an unreadable or empty folder (exit 1) it writes
 * the message and returns the exit code.
 */
export async function silverSplit(p: ParsedArgs, io: CliIo, cmd: string, usage: string, floorFlag: string, ext: string): Promise<SilverSplit | number> {
  const dirArg = p.positionals[0];
  if (!dirArg) { io.stderr(usage); return 2; }
  const split = flagString(p, 'split', 'dev');
  if (split !== 'dev' && split !== 'train') { io.stderr(`${cmd}: --split must be dev or train\n${usage}`); return 2; }
  const floor = Number(flagString(p, floorFlag, '0'));
  if (!Number.isFinite(floor)) { io.stderr(`${cmd}: --${floorFlag} takes a number\n${usage}`); return 2; }
  const dir = path.resolve(io.cwd, dirArg);
  const silverDir = path.join(dir, split, 'corenlp-silver');
  let files: string[];
  try {
    files = (await readdir(silverDir)).filter((f) => f.endsWith(ext)).sort();
  } catch (e) {
    io.stderr(`${cmd}: cannot read ${silverDir}: ${(e as Error).message}\n`);
    return 1;
  }
  if (files.length === 0) { io.stderr(`${cmd}: no ${ext} files under ${silverDir}\n`); return 1; }
  return { dir, split, silverDir, files, floor };
}

/**
 * PolNeAR articles of one split with the silver names of their CoreNLP layer (sorted by file, so
 * runs are deterministic); articles without a silver file are skipped.
 */
export async function readSilverNames(dir: string, split: 'train' | 'dev'): Promise<NameTypeArticle[]> {
  const silverDir = path.join(dir, split, 'corenlp-silver');
  const files = (await readdir(silverDir)).filter((f) => f.endsWith('.conll')).sort();
  const out: NameTypeArticle[] = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, split, 'text', f.replace(/\.conll$/, '.txt')), 'utf8');
    out.push({ text, silver: silverNames(await readFile(path.join(silverDir, f), 'utf8'), codePointToUtf16(text)) });
  }
  return out;
}
