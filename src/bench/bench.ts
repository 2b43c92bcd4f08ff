import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { analyze } from '../analyze.js';
import { tokenize } from '../text/tokenize.js';

/** Texts to measure: PolNeAR dev when ../shared is present, else the bundled examples. */
function corpus(): { name: string; files: string[]; texts: string[] } {
  const dir = resolve(process.cwd(), '../shared/polnear/dev/text');
  if (existsSync(dir)) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => resolve(dir, f));
    return { name: `PolNeAR dev (${files.length} articles)`, files, texts: files.map((f) => readFileSync(f, 'utf8')) };
  }
  const ex = resolve(process.cwd(), 'examples');
  const files = readdirSync(ex).filter((f) => f.endsWith('.txt')).sort().map((f) => resolve(ex, f));
  return { name: `bundled examples (${files.length}; ../shared absent)`, files, texts: files.map((f) => readFileSync(f, 'utf8')) };
}

/** This build's `dist/` folder. */
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const moduleUrl = (dist: string) => JSON.stringify(pathToFileURL(resolve(dist, 'analyze.js')).href);

/** Runs an ES module script in a fresh Node process and returns its trimmed standard output. */
function runScript(script: string): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench child process failed (${r.status}): ${r.stderr.trim().slice(0, 500)}`);
  return r.stdout.trim();
}

/**
 * Peak RSS of a fresh process that only loads the library and analyzes the corpus `rounds`
 * times: the pipeline's own memory, without the tokenizer baseline's garbage that this
 * process's figure also holds.
 */
function analyzeOnlyPeak(files: readonly string[], rounds: number): number {
  return Number(runScript(`import { readFileSync } from 'node:fs'; const { analyze } = await import(${moduleUrl(DIST)});`
    + ` const texts = ${JSON.stringify(files)}.map((f) => readFileSync(f, 'utf8'));`
    + ` for (let r = 0; r < ${rounds}; r++) for (const t of texts) analyze(t, { date: '2025-01-01' });`
    + ` console.log(process.resourceUsage().maxRSS * 1024);`));
}

const countWords = (t: string): number => (t.match(/\S+/g) ?? []).length;

/** Runs `fn` over all texts until at least `minMs` have passed; returns words per second. */
function measure(texts: readonly string[], words: number, minMs: number, fn: (t: string) => void): { wps: number; rounds: number } {
  let rounds = 0;
  const t0 = performance.now();
  do {
    for (const t of texts) fn(t);
    rounds++;
  } while (performance.now() - t0 < minMs);
  const s = (performance.now() - t0) / 1000;
  return { wps: (words * rounds) / s, rounds };
}

/**
 * Model load as a new process sees it: importing the library (its code and the model data
 * modules) and the first `analyze` (decoding the models, warming up), each timed from inside a
 * fresh Node process; medians over `runs`.
 */
function coldStarts(runs: number): { runs: number; importMs: number; firstMs: number } {
  const script = `const t0 = performance.now(); const { analyze } = await import(${moduleUrl(DIST)}); const t1 = performance.now();`
    + ` analyze('Warm-up: the minister said the models load once.', { date: '2025-01-01' });`
    + ` console.log(JSON.stringify([t1 - t0, performance.now() - t1]));`;
  const imports: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [a, b] = JSON.parse(runScript(script)) as [number, number];
    imports.push(a);
    firsts.push(b);
  }
  const median = (xs: number[]) => Math.round([...xs].sort((x, y) => x - y)[xs.length >> 1]!);
  return { runs, importMs: median(imports), firstMs: median(firsts) };
}

/**
 * CPU time of this build's `analyze` against another build's (`--ab DIR`, a checkout with its own
 * `dist/`), both loaded in one process and alternating over quarters of the corpus. The build
 * imported second runs about 9 % slower even against an identical copy, so two processes run with
 * the import order swapped and the result is the geometric mean of their ratios.
 */
function abRatio(other: string, files: readonly string[]): { ratios: number[]; mean: number } {
  const there = resolve(other, 'dist');
  const script = (first: string, second: string) => `import { readFileSync } from 'node:fs';`
    + ` const A = await import(${moduleUrl(first)}); const B = await import(${moduleUrl(second)});`
    + ` const texts = ${JSON.stringify(files)}.map((f) => readFileSync(f, 'utf8'));`
    + ` const q = Math.ceil(texts.length / 4); const o = { date: '2025-01-01' };`
    + ` for (const t of texts) { A.analyze(t, o); B.analyze(t, o); }`
    + ` let a = 0, b = 0;`
    + ` for (let r = 0; r < 3; r++) for (let k = 0; k < 4; k++) { const part = texts.slice(k * q, (k + 1) * q);`
    + `   for (const [n, M] of ((r + k) % 2 ? [['a', A], ['b', B]] : [['b', B], ['a', A]])) {`
    + `     const c0 = process.cpuUsage(); for (const t of part) M.analyze(t, o); const c = process.cpuUsage(c0);`
    + `     if (n === 'a') a += c.user + c.system; else b += c.user + c.system; } }`
    + ` console.log(b / a);`;
  const run = (first: string, second: string) => Number(runScript(script(first, second)));
  // Ratios of this build's time to the other build's, one per import order.
  const ratios = [run(there, DIST), 1 / run(DIST, there)];
  return { ratios, mean: Math.sqrt(ratios[0]! * ratios[1]!) };
}

/** `npm run bench`: words/second per core and peak memory of analyze, beside a tokenizer-only pass. */
export async function main(): Promise<void> {
  const tLoad = performance.now();
  analyze('Warm-up: the minister said the models load once.', { date: '2025-01-01' });
  const loadMs = performance.now() - tLoad;
  const { name, files, texts } = corpus();
  const words = texts.reduce((n, t) => n + countWords(t), 0);
  console.log(`corpus: ${name}, ${words} words; node ${process.version}, one thread`);
  console.log(`first analyze in this process (models decoded + warm-up, code already imported): ${loadMs.toFixed(0)} ms`);
  for (const t of texts) analyze(t, { date: '2025-01-01' });
  const base = measure(texts, words, 3000, (t) => { tokenize(t); });
  let peak = process.memoryUsage().rss;
  const full = measure(texts, words, 5000, (t) => {
    analyze(t, { date: '2025-01-01' });
    const r = process.memoryUsage().rss;
    if (r > peak) peak = r;
  });
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(`tokenizer only (baseline): ${Math.round(base.wps).toLocaleString('en-US')} words/s (${base.rounds} rounds)`);
  console.log(`analyze (whole pipeline):  ${Math.round(full.wps).toLocaleString('en-US')} words/s (${full.rounds} rounds)`);
  console.log(`ratio analyze/tokenizer: ${(full.wps / base.wps).toFixed(3)}`);
  console.log(`peak memory (max RSS): ${(Math.max(peak, maxRss) / 1048576).toFixed(0)} MB in this process (tokenizer rounds, then analyze rounds)`);
  // Where the time goes: each stage timed over one pass of the corpus.
  const { defaultStages, looksLikeHtml } = await import('../analyze.js');
  const { WorkingDoc } = await import('../core/working-doc.js');
  const { plainTextStage } = await import('../input/plain-text.js');
  const stages = defaultStages();
  const spent = new Map<string, number>(stages.map((s) => [s.name, 0]));
  for (const t of texts) {
    const doc = new WorkingDoc(t, { path: null, type: looksLikeHtml(t) ? 'html' : 'text' }, { date: '2025-01-01' });
    plainTextStage().run(doc);
    for (const s of stages) {
      const a = performance.now();
      s.run(doc);
      spent.set(s.name, spent.get(s.name)! + performance.now() - a);
    }
  }
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  console.log('per stage (one pass): ' + [...spent].map(([n, ms]) => `${n} ${ms.toFixed(0)} ms (${((100 * ms) / total).toFixed(0)}%)`).join(', '));
  // Scaling: the whole corpus as one text. A step that compares each annotation with every other
  // shows here as a long document running slower per word than the articles one by one.
  const joined = texts.join('\n\n');
  const t0 = performance.now();
  analyze(joined, { date: '2025-01-01' });
  const longWps = words / ((performance.now() - t0) / 1000);
  console.log(`one long document (the corpus joined, ${joined.length.toLocaleString('en-US')} characters): ${Math.round(longWps).toLocaleString('en-US')} words/s, ${(longWps / full.wps).toFixed(2)} of the per-article rate`);
  if (process.argv.includes('--hostile')) {
    // Scaling on hostile texts: a ratio near 2 is linear, near 4 quadratic.
    const { hostileScaling } = await import('./hostile.js');
    const units = 8000;
    console.log(`hostile inputs (${units.toLocaleString('en-US')} and ${(2 * units).toLocaleString('en-US')} repetitions; time ratio about 2 when linear, 4 when quadratic):`);
    for (const r of hostileScaling((t) => analyze(t, { date: '2025-01-01' }), units)) {
      const flag = r.ratio > 2.8 && r.ms[1] > 500 ? '  SUPERLINEAR' : '';
      console.log(`  ${r.pattern.name.padEnd(20)} ${JSON.stringify(r.pattern.unit).padEnd(26)} ${r.chars.toLocaleString('en-US').padStart(9)} chars: ${r.ms[0].toFixed(0).padStart(6)} / ${r.ms[1].toFixed(0).padStart(6)} ms, ratio ${r.ratio.toFixed(2)}${flag}`);
    }
  }
  const abAt = process.argv.indexOf('--ab');
  if (abAt > 0 && process.argv[abAt + 1]) {
    const ab = abRatio(process.argv[abAt + 1]!, files);
    console.log(`A/B against ${process.argv[abAt + 1]}: this build takes ${ab.mean.toFixed(3)} of its CPU time (import orders: ${ab.ratios.map((r) => r.toFixed(3)).join(', ')})`);
  }
  // Last, so the child processes' start-up does not touch this process's memory figures.
  console.log(`peak memory of a fresh process that only analyzes the corpus 3 times: ${(analyzeOnlyPeak(files, 3) / 1048576).toFixed(0)} MB`);
  const cold = coldStarts(3);
  console.log(`cold start, median of ${cold.runs} fresh processes: import ${cold.importMs} ms + first analyze ${cold.firstMs} ms = ${cold.importMs + cold.firstMs} ms (Node's own start-up not counted)`);
  if (!process.argv.includes('--no-load')) {
    const { runLoadTest } = await import('./load.js');
    const r = await runLoadTest({ concurrency: 8, durationMs: 8000, requests: 4000 });
    console.log(`server load test (8 clients, loopback): ${r.rps.toFixed(1)} requests/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.errors} errors`);
  }
}

main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
