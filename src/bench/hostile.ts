/**
 * Hostile inputs for the benchmark's scaling check (`npm run bench -- --hostile`): texts made of
 * one unit repeated, each aimed at a step that once compared every annotation with every other.
 * Each is analysed at two sizes; a linear step takes about twice as long at twice the size, a
 * quadratic one four times. Timing lives here and not in a test, by the house rule.
 */
import { performance } from 'node:perf_hooks';

/** One hostile pattern: the unit repeated, why it is hard, and what it once cost. */
export interface HostilePattern {
  name: string;
  unit: string;
  reason: string;
}

/** The patterns, each with the step it exercises. */
export const HOSTILE_PATTERNS: readonly HostilePattern[] = [
  { name: 'speaker labels', unit: 'Q: Why? ', reason: 'one paragraph of transcript turns: each turn ran to the paragraph end' },
  { name: 'label colons', unit: 'A: B: C: ', reason: 'labels with no sentence end between them' },
  { name: 'unclosed quotations', unit: '“He said,” she said, “', reason: 'quotations left open run to the paragraph end, so every cue window met every one' },
  { name: 'nested open quotes', unit: '“a ', reason: 'thousands of open quotation marks nested in one paragraph' },
  { name: 'office titles', unit: 'the president, ', reason: 'each title counted every mention of the document to find its country' },
  { name: 'a cue per word', unit: 'said, ', reason: 'a cue verb every other token, each read by the role tagger' },
  { name: 'quoted statements', unit: 'He said “x.” ', reason: 'a quotation and its attribution per sentence, one paragraph' },
  { name: 'according to', unit: 'according to A, ', reason: 'a source per clause with no sentence end' },
  { name: 'open parentheses', unit: '(a ', reason: 'parentheses never closed' },
  { name: 'pronoun chains', unit: 'He said that ', reason: 'nested reports, each with a pronoun source' },
  { name: 'quotes never closed', unit: 'The mayor said “the bridge is unsafe. ', reason: 'an open quotation per sentence, none closed: each nested in the one before, a chain as deep as the paragraph' },
  { name: 'adding that', unit: 'Aides said that the ward closed, adding that all was well. ', reason: 'a continuing participle after each reported clause: each looks up the cues and contents before it' },
  { name: 'clock times', unit: 'At 10 a.m. on Monday and ', reason: 'a clock time per clause: each looks for its day among the times of its sentence' },
  { name: 'loaded words', unit: 'the so-called war crime, ', reason: 'a loaded word and a two-word form per clause, each placed inside or outside the attributions' },
];

/** Timings of one pattern at `units` and twice as many repetitions. */
export interface HostileResult {
  pattern: HostilePattern;
  chars: number;
  ms: [number, number];
  /** Time at twice the size over time at the size: about 2 for linear work. */
  ratio: number;
}

/** Analyses each pattern at `units` and `2 * units` repetitions with `analyze`. */
export function hostileScaling(analyze: (text: string) => unknown, units: number, patterns: readonly HostilePattern[] = HOSTILE_PATTERNS): HostileResult[] {
  return patterns.map((pattern) => {
    const ms: [number, number] = [0, 0];
    let chars = 0;
    for (const k of [0, 1] as const) {
      const text = pattern.unit.repeat(units * (k + 1)) + 'The end.';
      chars = text.length;
      const t0 = performance.now();
      analyze(text);
      ms[k] = performance.now() - t0;
    }
    return { pattern, chars, ms, ratio: ms[1] / Math.max(ms[0], 1) };
  });
}
