/**
 * Scoring of the ScrapingHub article-extraction benchmark: count-matched word 4-gram shingles of
 * the extracted body against the true body. Pure (no I/O) so tests and the runner share it.
 */

/** Per-page shingle counts. */
export interface ShingleScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** Splits on non-word characters like Python's `re.split(r'\W+')`, which the benchmark uses. */
export function benchmarkTokens(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}_]+/u).filter((t) => t.length > 0);
}

function shingles(text: string, n: number): Map<string, number> {
  const toks = benchmarkTokens(text);
  const out = new Map<string, number>();
  // Texts shorter than n words still count as one shingle, so a short true body is not ignored.
  const last = toks.length >= n ? toks.length - n + 1 : toks.length > 0 ? 1 : 0;
  for (let i = 0; i < last; i++) {
    const key = toks.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * Scores one page. Empty prediction and empty truth scores 1/1; empty prediction against a
 * non-empty truth scores precision 0 (it found nothing), recall 0.
 */
export function scoreShingles(truth: string, predicted: string, n = 4): ShingleScore {
  const t = shingles(truth, n);
  const p = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(c, tc);
    fp += Math.max(0, c - tc);
  }
  for (const [k, c] of t) fn += Math.max(0, c - (p.get(k) ?? 0));
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall };
}

/** Averaged scores: precision and recall are page means; F1 is their harmonic mean. */
export interface AveragedScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Averages per-page scores the way the benchmark does. */
export function averageScores(scores: readonly ShingleScore[]): AveragedScore {
  const n = scores.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0, pages: 0 };
  const p = scores.reduce((a, s) => a + s.precision, 0) / n;
  const r = scores.reduce((a, s) => a + s.recall, 0) / n;
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), pages: n };
}
