import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Quotation, Token } from '../core/working-doc.js';
import { mulberry32 } from '../model/prng.js';
import { markQuotedRunEdges, quotationCodes } from './features.js';
import { quoteStates, roleWindow } from './roles.js';
import { segmentArticle } from './train.js';

// The one-sweep quotation states are checked against the plain per-token loops they replaced,
// on random tangles of words, quotation marks, sentence ends and line breaks written here.
const PIECES = ['he', 'said', 'the', 'plan', 'works', '“', '”', '‘', '’', '"', "'", ',', '.', '\n\n', '\n', 'Ana:', '—'];

function randomText(seed: number, length: number): string {
  const random = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(PIECES[Math.floor(random() * PIECES.length)]!);
  return out.join(' ');
}

/** The BIO tagger's quotation codes as a loop over the quotations active at each token (the run edges are shared code). */
function codesByLoop(tokens: readonly Token[], qs: readonly Quotation[]): { inQ: number[]; qPos: number[] } {
  const n = tokens.length;
  const inQ: number[] = new Array<number>(n).fill(0);
  const qPos: number[] = new Array<number>(n).fill(0);
  let qi = 0;
  const active: Quotation[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    while (qi < qs.length && qs[qi]!.start <= t.start) active.push(qs[qi++]!);
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.end <= t.start) active.splice(k, 1);
    for (const q of active) {
      if (t.start >= q.inner.start && t.end <= q.inner.end) inQ[i] = q.marks === 'double' ? 2 : Math.max(inQ[i]!, 1);
      else if (t.start === q.start) qPos[i] = 4;
      else if (t.end === q.end && q.closed) qPos[i] = 5;
    }
  }
  markQuotedRunEdges(inQ, qPos);
  return { inQ, qPos };
}

/** The role tagger's state of each window token as a loop over the quotations overlapping the window. */
function roleStateByLoop(tokens: readonly Token[], qs: readonly Quotation[], from: number, to: number, cueStart: number): number[] {
  const out: number[] = new Array<number>(to - from).fill(0);
  for (const q of qs) {
    if (q.end <= tokens[from]!.start || q.start >= tokens[to - 1]!.end) continue;
    const holdsCue = q.inner.start <= cueStart && cueStart < q.inner.end;
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (t.start >= q.inner.start && t.end <= q.inner.end) out[i - from] = holdsCue ? 2 : 1;
      else if (t.start === q.start || t.end === q.end) out[i - from] = Math.max(out[i - from]!, 3);
    }
  }
  return out;
}

test('quotation states from one sweep equal the per-token loops on random quotation tangles', () => {
  let quotations = 0;
  for (let seed = 1; seed <= 150; seed++) {
    const doc = segmentArticle(randomText(seed, 20 + (seed % 60)));
    quotations += doc.quotes.length;
    const codes = quotationCodes(doc.tokens, doc.quotes);
    const loop = codesByLoop(doc.tokens, doc.quotes);
    assert.deepEqual([...codes.inQ], loop.inQ, `inQ, seed ${seed}`);
    assert.deepEqual([...codes.qPos], loop.qPos, `qPos, seed ${seed}`);
    if (!doc.quotes.length) continue;
    const { inner, mark } = quoteStates(doc);
    for (let cue = 0; cue < doc.tokens.length; cue += 3) {
      const w = roleWindow(doc, cue, cue + 1);
      const swept = [];
      for (let i = w.from; i < w.to; i++) {
        const k = inner[i]!;
        const q = k >= 0 ? doc.quotes[k]!.inner : null;
        const cs = doc.tokens[cue]!.start;
        swept.push(mark[i]! > k ? 3 : q ? (q.start <= cs && cs < q.end ? 2 : 1) : 0);
      }
      assert.deepEqual(swept, roleStateByLoop(doc.tokens, doc.quotes, w.from, w.to, doc.tokens[cue]!.start), `role window at ${cue}, seed ${seed}`);
    }
  }
  // The tangles must hold quotations, or the comparison says nothing.
  assert.ok(quotations > 300, `only ${quotations} quotations`);
});
