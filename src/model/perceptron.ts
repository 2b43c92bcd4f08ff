import { ByteWriter, fromBase64, toBase64 } from './codec.js';
import { hashString } from './hash.js';

/**
 * Averaged perceptron for multiclass classification over sparse binary features.
 *
 * Two classes split the life cycle: {@link AveragedPerceptron} is the mutable trainer (string or
 * pre-hashed features, Daumé's lazy averaging), and {@link PerceptronModel} is the frozen, averaged,
 * pruned and quantised model used for prediction and shipped as compact JSON. Features are keyed
 * by 32-bit hash ({@link hashString}); callers on a hot path pass hashes directly (see
 * {@link hashMix}) and build no strings.
 */

/** Serialised form of a {@link PerceptronModel}. */
export interface PerceptronModelJson {
  format: 'hearsay-perceptron/1';
  classes: string[];
  /** Weight = stored integer × quantum. */
  quantum: number;
  /** Number of features with at least one weight (for sanity checks and reports). */
  features: number;
  /** Number of non-zero weights. */
  weights: number;
  /** base64 of varints: per feature (sorted by hash) the hash delta, entry count, then per entry the class delta and zig-zag weight. */
  data: string;
}

/** Options of {@link AveragedPerceptron.finalize}. */
export interface FinalizeOptions {
  /** Drop averaged weights whose magnitude is below this (default 0: keep all non-zero). */
  prune?: number;
  /** Quantisation step of stored weights (default 1/32). Smaller is more exact and larger. */
  quantum?: number;
}

/** One feature's sparse weights during training: parallel arrays over the classes it touched. */
interface Cell {
  cls: number[];
  w: number[];
  /** Σ instance × delta, for Daumé-style lazy averaging (average = w − u / instances). */
  u: number[];
}

/**
 * Options every epoch-selecting trainer takes: epochs, a provenance line for the model file, a
 * dev scorer that picks the epoch (`S` is what it returns), and a progress callback.
 */
export interface EpochTrainOptions<M, S = number> {
  epochs?: number;
  source?: string;
  /** Scores a candidate model on dev (higher is better); the best epoch is kept. */
  select: (model: M) => S;
  onProgress?: (line: string) => void;
}

/** {@link EpochTrainOptions} of a trainer that shuffles its examples each epoch. */
export interface SeededEpochTrainOptions<M, S = number> extends EpochTrainOptions<M, S> {
  /** Shuffling seed (default 1): the same seed and data give the same model. */
  seed?: number;
}

/** The mutable trainer. Call {@link update} once per training instance, then {@link finalize}. */
export class AveragedPerceptron {
  /** Class labels; indices into this array are the class ids used by the hashed API. */
  readonly classes: readonly string[];
  private readonly classIds: Map<string, number>;
  private readonly cells = new Map<number, Cell>();
  /** 1-based instance counter, advanced by every update call. */
  private instance = 1;

  constructor(classes: readonly string[]) {
    if (classes.length === 0) throw new Error('a perceptron needs at least one class');
    if (new Set(classes).size !== classes.length) throw new Error('duplicate class labels');
    this.classes = [...classes];
    this.classIds = new Map(this.classes.map((c, i) => [c, i]));
  }

  /** The id of a class label; throws for an unknown label. */
  classId(label: string): number {
    const id = this.classIds.get(label);
    if (id === undefined) throw new Error(`unknown class "${label}"`);
    return id;
  }

  /** Observes one training instance: moves weights towards `truth` and away from `guess` when they differ. */
  update(features: readonly string[], truth: string, guess: string): void {
    const hashes = features.map(hashString);
    this.updateHashed(hashes, hashes.length, this.classId(truth), this.classId(guess));
  }

  /** {@link update} with pre-hashed features (the first `count` of `features`) and class ids. */
  updateHashed(features: ArrayLike<number>, count: number, truth: number, guess: number): void {
    const c = this.instance++;
    if (truth === guess) return;
    for (let i = 0; i < count; i++) {
      const f = features[i]!;
      let cell = this.cells.get(f);
      if (!cell) { cell = { cls: [], w: [], u: [] }; this.cells.set(f, cell); }
      bump(cell, truth, 1, c);
      bump(cell, guess, -1, c);
    }
  }

  /** Current (not averaged) scores per class, for the guesses made during training. */
  scores(features: readonly string[]): Float64Array {
    const hashes = features.map(hashString);
    return this.scoresHashed(hashes, hashes.length);
  }

  /** {@link scores} over pre-hashed features; writes into `out` when given. */
  scoresHashed(features: ArrayLike<number>, count: number, out: Float64Array = new Float64Array(this.classes.length)): Float64Array {
    out.fill(0);
    for (let i = 0; i < count; i++) {
      const cell = this.cells.get(features[i]!);
      if (!cell) continue;
      for (let k = 0; k < cell.cls.length; k++) out[cell.cls[k]!]! += cell.w[k]!;
    }
    return out;
  }

  /** The best class label under the current weights. */
  best(features: readonly string[]): string {
    return this.classes[argmax(this.scores(features))]!;
  }

  /** The best class id under the current weights, over pre-hashed features. */
  bestHashed(features: ArrayLike<number>, count: number, scratch?: Float64Array): number {
    return argmax(this.scoresHashed(features, count, scratch));
  }

  /** Number of distinct features with weights so far. */
  get featureCount(): number {
    return this.cells.size;
  }

  /**
   * Averages, prunes and quantises the weights into a frozen model. The trainer is left untouched,
   * so it can be snapshotted after every epoch for model selection.
   */
  finalize(options: FinalizeOptions = {}): PerceptronModel {
    const prune = options.prune ?? 0;
    const quantum = options.quantum ?? 1 / 32;
    const n = this.instance;
    const hashes = [...this.cells.keys()].sort((a, b) => a - b);
    const feats: number[] = [];
    const rowStart: number[] = [0];
    const cls: number[] = [];
    const q: number[] = [];
    for (const h of hashes) {
      const cell = this.cells.get(h)!;
      const order = cell.cls.map((_, k) => k).sort((a, b) => cell.cls[a]! - cell.cls[b]!);
      const before = cls.length;
      for (const k of order) {
        const avg = cell.w[k]! - cell.u[k]! / n;
        if (Math.abs(avg) < prune) continue;
        const v = Math.round(avg / quantum);
        if (v === 0) continue;
        cls.push(cell.cls[k]!);
        q.push(v);
      }
      if (cls.length > before) { feats.push(h); rowStart.push(cls.length); }
    }
    return PerceptronModel.fromRows(this.classes, quantum, Uint32Array.from(feats), Int32Array.from(rowStart), Uint16Array.from(cls), Int32Array.from(q));
  }
}

function bump(cell: Cell, cls: number, delta: number, instance: number): void {
  let k = cell.cls.indexOf(cls);
  if (k < 0) { k = cell.cls.length; cell.cls.push(cls); cell.w.push(0); cell.u.push(0); }
  cell.w[k]! += delta;
  cell.u[k]! += instance * delta;
}

/** Index of the highest score (ties go to the lower index). */
export function argmax(scores: Float64Array): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return best;
}

/** Classes a model can hold: class ids share an int32 with the weight (12 bits for the id). */
const CLASS_BITS = 12;
const CLASS_MASK = (1 << CLASS_BITS) - 1;
/** Largest stored weight magnitude (the 20 bits left beside the class id). */
const MAX_Q = (1 << (31 - CLASS_BITS)) - 1;

/**
 * A frozen averaged perceptron. Prediction is bound by memory latency, so the layout minimises
 * cache misses per feature: one open-addressing table of `[hash, start << countBits | count]`
 * pairs (8 bytes a slot, so a probe stays in one cache line) and one int32 per weight packing the
 * quantised value with its class id. The table is the only index kept: the sorted feature list
 * that {@link toJSON} writes is rebuilt from it. Scores are summed in quantised units and scaled
 * once at the end.
 */
export class PerceptronModel {
  /** Class labels; class ids index this array. */
  readonly classes: readonly string[];
  /** Quantisation step the weights were stored with. */
  readonly quantum: number;
  /** Per weight: quantised value << CLASS_BITS | class id; rows are contiguous. */
  private readonly packed: Int32Array;
  /** Pairs `[hash, start << countBits | count]`; an empty slot has 0 as its second int (rows are never empty). */
  private readonly table: Int32Array;
  private readonly mask: number;
  /**
   * A feature's home slot is the top bits of its hash: the file lists features in hash order, so
   * loading fills the table front to back instead of at random (a third of the load time of a
   * million-weight model went to cache misses); the hashes are mixed, so the slots spread as well.
   */
  private readonly shift: number;
  /** Bits of a slot's second int that hold the row length (enough for one weight per class). */
  private readonly countBits: number;
  /** 2 ** countBits. */
  private readonly rowScale: number;
  private rows = 0;

  /** An empty model sized for `features` rows and `weights` weights; filled by {@link fromRows} or {@link fromJSON}. */
  private constructor(classes: readonly string[], quantum: number, features: number, weights: number) {
    if (classes.length > CLASS_MASK + 1) throw new Error(`a perceptron holds at most ${CLASS_MASK + 1} classes`);
    this.classes = [...classes];
    this.quantum = quantum;
    this.countBits = 32 - Math.clz32(classes.length);
    this.rowScale = 2 ** this.countBits;
    if (weights > 2 ** (32 - this.countBits)) throw new Error(`a perceptron over ${classes.length} classes holds at most ${2 ** (32 - this.countBits)} weights`);
    this.packed = new Int32Array(weights);
    let cap = 16;
    // Load factor up to ~0.6: a smaller table misses the cache less than it probes longer.
    while (cap * 0.6 < features) cap *= 2;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.shift = Math.clz32(cap) + 1;
  }

  /** Builds a model from CSR arrays (sorted unique feature hashes, weights per row); see {@link AveragedPerceptron.finalize}. */
  static fromRows(classes: readonly string[], quantum: number, feats: Uint32Array, rowStart: Int32Array, cls: Uint16Array, q: Int32Array): PerceptronModel {
    const model = new PerceptronModel(classes, quantum, feats.length, q.length);
    for (let i = 0; i < q.length; i++) model.setWeight(i, cls[i]!, q[i]!);
    for (let r = 0; r < feats.length; r++) model.addRow(feats[r]!, rowStart[r]!, rowStart[r + 1]! - rowStart[r]!);
    return model;
  }

  private setWeight(k: number, cls: number, q: number): void {
    const v = Math.max(-MAX_Q, Math.min(MAX_Q, q));
    this.packed[k] = (v * (CLASS_MASK + 1)) | cls;
  }

  /** Indexes the row of `hash` (weights `[start, start + count)`); rows without weights are left out. */
  private addRow(hash: number, start: number, count: number): void {
    if (count === 0) return;
    const { table, mask } = this;
    let s = hash >>> this.shift;
    while (table[s * 2 + 1] !== 0) s = (s + 1) & mask;
    table[s * 2] = hash | 0;
    table[s * 2 + 1] = (start * this.rowScale + count) | 0;
    this.rows++;
  }

  /** Number of features with weights. */
  get featureCount(): number {
    return this.rows;
  }

  /** Number of stored non-zero weights. */
  get weightCount(): number {
    return this.packed.length;
  }

  /** Scores per class for string features. */
  scores(features: readonly string[]): Float64Array {
    const hashes = features.map(hashString);
    return this.scoresHashed(hashes, hashes.length);
  }

  /** Scores per class over the first `count` pre-hashed features; writes into `out` when given. */
  scoresHashed(features: ArrayLike<number>, count: number, out: Float64Array = new Float64Array(this.classes.length)): Float64Array {
    this.sumQuantised(features, count, out);
    for (let c = 0; c < out.length; c++) out[c]! *= this.quantum;
    return out;
  }

  /** Sums quantised weights into `out` (the argmax is the same as for real scores). */
  private sumQuantised(features: ArrayLike<number>, count: number, out: Float64Array): void {
    out.fill(0);
    this.addQuantised(features, 0, count, out);
  }

  /**
   * Adds the quantised weights of `features[from, from + count)` to `out` without clearing it.
   * Sums are exact integers, so partial sums cached by a caller (per word, say) and completed
   * here give the same argmax as {@link bestHashed}.
   */
  addQuantised(features: ArrayLike<number>, from: number, count: number, out: Float64Array): void {
    this.accumulate(features, from, count, out, 0);
  }

  /**
   * {@link scoresHashed} of `features[from, from + count)` written to `out[at, at + classes)`,
   * which must hold zeros: a caller filling a matrix row by row needs no view or copy per row.
   */
  scoresAt(features: ArrayLike<number>, from: number, count: number, out: Float64Array, at: number): void {
    this.accumulate(features, from, count, out, at);
    const q = this.quantum;
    for (let c = at; c < at + this.classes.length; c++) out[c]! *= q;
  }

  /**
   * Adds quantised weights to `out[at + class]`. Two passes: the table probes first, then the
   * weights. Probes of different features are independent loads, and with no summing between
   * them the processor keeps several cache misses in flight at once; the sums are the same
   * integers in the same order.
   */
  private accumulate(features: ArrayLike<number>, from: number, count: number, out: Float64Array, at: number): void {
    const { table, mask, packed, countBits, shift } = this;
    const countMask = (1 << countBits) - 1;
    if (rowScratch.length < count) rowScratch = new Int32Array(count * 2);
    const rows = rowScratch;
    let n = 0;
    for (let i = from; i < from + count; i++) {
      const h = features[i]! | 0;
      let s = h >>> shift;
      let row = table[s * 2 + 1]!;
      while (row !== 0 && table[s * 2] !== h) {
        s = (s + 1) & mask;
        row = table[s * 2 + 1]!;
      }
      if (row !== 0) rows[n++] = row;
    }
    for (let j = 0; j < n; j++) {
      const row = rows[j]!;
      const start = row >>> countBits;
      const end = start + (row & countMask);
      for (let k = start; k < end; k++) {
        const v = packed[k]!;
        out[at + (v & CLASS_MASK)]! += v >> CLASS_BITS;
      }
    }
  }

  /** The best class label (ties go to the lower class id). */
  best(features: readonly string[]): string {
    return this.classes[argmax(this.scores(features))]!;
  }

  /** The best class id over pre-hashed features; pass `scratch` to avoid allocating. */
  bestHashed(features: ArrayLike<number>, count: number, scratch: Float64Array = new Float64Array(this.classes.length)): number {
    this.sumQuantised(features, count, scratch);
    return argmax(scratch);
  }

  /** Serialises to compact JSON (varints in base64). */
  toJSON(): PerceptronModelJson {
    const { table, countBits } = this;
    const countMask = (1 << countBits) - 1;
    // Rows in hash order, as the format wants them: occupied slots sorted by their hash.
    const slots = new Uint32Array(this.rows);
    let n = 0;
    for (let s = 0; s < table.length / 2; s++) if (table[s * 2 + 1] !== 0) slots[n++] = s;
    slots.sort((a, b) => (table[a * 2]! >>> 0) - (table[b * 2]! >>> 0));
    const w = new ByteWriter();
    w.uint(this.rows);
    let prev = 0;
    for (const s of slots) {
      const h = table[s * 2]! >>> 0;
      w.uint(h - prev);
      prev = h;
      const row = table[s * 2 + 1]!;
      const a = row >>> countBits;
      const b = a + (row & countMask);
      w.uint(b - a);
      let pc = 0;
      for (let k = a; k < b; k++) {
        const c = this.packed[k]! & CLASS_MASK;
        w.uint(c - pc);
        pc = c;
        w.int(this.packed[k]! >> CLASS_BITS);
      }
    }
    return {
      format: 'hearsay-perceptron/1',
      classes: [...this.classes],
      quantum: this.quantum,
      features: this.rows,
      weights: this.packed.length,
      data: toBase64(w.bytes()),
    };
  }

  /** Loads a model written by {@link toJSON}; throws on a wrong format or corrupt data. */
  static fromJSON(json: PerceptronModelJson): PerceptronModel {
    if (json.format !== 'hearsay-perceptron/1') throw new Error(`unsupported perceptron format "${String(json.format)}"`);
    const bytes = fromBase64(json.data);
    const end = bytes.length;
    // Varints are decoded inline with every counter in a local (a closure over the read position
    // kept this loop, which runs once per weight before the JIT warms, at a third of the speed).
    let pos = 0;
    let n = 0;
    for (let mul = 1; ; mul *= 128) {
      if (pos >= end) throw new Error('corrupt perceptron data');
      const b = bytes[pos++]!;
      n += (b & 127) * mul;
      if (b < 128) break;
    }
    const nClasses = json.classes.length;
    const weights = json.weights;
    const model = new PerceptronModel(json.classes, json.quantum, n, weights);
    // Weights go straight into the packed array; the row index is temporary, kept only in the table.
    const packed = model.packed;
    const feats = new Int32Array(n);
    const starts = new Int32Array(n + 1);
    let h = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      // Hash delta, then the row's entry count.
      let v = 0;
      let b = 0;
      let mul = 1;
      do { b = bytes[pos++]!; v += (b & 127) * mul; mul *= 128; } while (b >= 128 && pos < end);
      h += v;
      feats[i] = h | 0;
      let count = bytes[pos++]!;
      if (count >= 128) { count &= 127; mul = 128; do { b = bytes[pos++]!; count += (b & 127) * mul; mul *= 128; } while (b >= 128 && pos < end); }
      if (pos > end || k + count > weights || count > nClasses) throw new Error('corrupt perceptron data');
      let c = 0;
      for (let j = 0; j < count; j++) {
        b = bytes[pos++]!;
        if (b >= 128) { let d = b & 127; mul = 128; do { b = bytes[pos++]!; d += (b & 127) * mul; mul *= 128; } while (b >= 128 && pos < end); c += d; } else c += b;
        b = bytes[pos++]!;
        let z = b;
        if (b >= 128) { z = b & 127; mul = 128; do { b = bytes[pos++]!; z += (b & 127) * mul; mul *= 128; } while (b >= 128 && pos < end); }
        if (c >= nClasses || pos > end) throw new Error('corrupt perceptron data');
        const q = Math.min(MAX_Q, z % 2 === 1 ? (z + 1) / 2 : z / 2);
        packed[k++] = ((z % 2 === 1 ? -q : q) * (CLASS_MASK + 1)) | c;
      }
      starts[i + 1] = k;
    }
    for (let i = 0; i < n; i++) model.addRow(feats[i]!, starts[i]!, starts[i + 1]! - starts[i]!);
    if (k !== weights || pos !== bytes.length) throw new Error('corrupt perceptron data');
    return model;
  }
}

/** Rows found by the probe pass of {@link PerceptronModel} sums (grown on demand, shared: sums do not nest). */
let rowScratch = new Int32Array(256);
