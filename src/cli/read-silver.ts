import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { codePointToUtf16 } from '../eval/polnear.js';
import { silverTaggedSentences } from '../pos/silver.js';
import type { TaggedSentence } from '../pos/conllu.js';

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

