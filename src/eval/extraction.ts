/**
 * ScrapingHub article-extraction benchmark runner (I/O): reads `DIR/ground-truth.json` and
 * `DIR/html/<id>.html.gz`, extracts each page with hearsay and with plain Readability in the same
 * run, and scores both with count-matched word 4-gram shingles.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeBytes } from '../extract/decode.js';
import { extractHtml } from '../extract/extract-html.js';
import { averageScores, scoreShingles, type AveragedScore, type ShingleScore } from './extraction-score.js';

/** Scores of one extractor over the benchmark, overall and per page class. */
export interface ExtractorResult {
  overall: AveragedScore;
  byClass: Record<string, AveragedScore>;
  medianMs: number;
}

/** Per-page outcome, for finding the worst pages. */
export interface ExtractionPage {
  id: string;
  url: string;
  pageClass: string;
  hearsay: ShingleScore;
  baseline: ShingleScore | null;
}

/** Full benchmark report. */
export interface ExtractionReport {
  dir: string;
  pages: ExtractionPage[];
  hearsay: ExtractorResult;
  /** Readability-only figures from the same run, or null when not requested. */
  baseline: ExtractorResult | null;
}

/** Options of {@link evaluateExtraction}. */
export interface EvaluateExtractionOptions {
  limit?: number;
  /** Also run Readability alone (default true). */
  baseline?: boolean;
  onProgress?: (done: number, total: number) => void;
}

interface TruthEntry {
  articleBody: string;
  url: string;
}

/** Page classes guessed from the URL: press release, forum, blog, else news. */
export function classifyPage(url: string): string {
  const u = url.toLowerCase();
  if (/press|news-and-events|newsroom|media-cent|investor|pressemitteil/.test(u)) return 'press release';
  if (/forum|thread|community|discuss|viewtopic|showthread|reddit\.com/.test(u)) return 'forum';
  if (/blog|wordpress|medium\.com|blogspot|\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/?$/.test(u)) return 'blog';
  return 'news';
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function summarise(pages: ExtractionPage[], pick: (p: ExtractionPage) => ShingleScore, ms: number[]): ExtractorResult {
  const classes = [...new Set(pages.map((p) => p.pageClass))].sort();
  const byClass: Record<string, AveragedScore> = {};
  for (const c of classes) byClass[c] = averageScores(pages.filter((p) => p.pageClass === c).map(pick));
  return { overall: averageScores(pages.map(pick)), byClass, medianMs: median(ms) };
}

/** Runs the benchmark in `dir` (layout of ../shared/extraction-benchmark). */
export async function evaluateExtraction(dir: string, opts: EvaluateExtractionOptions = {}): Promise<ExtractionReport> {
  const truth = JSON.parse(await readFile(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, TruthEntry>;
  let ids = Object.keys(truth).sort();
  if (opts.limit !== undefined) ids = ids.slice(0, opts.limit);
  const withBaseline = opts.baseline !== false;
  const pages: ExtractionPage[] = [];
  const msHearsay: number[] = [];
  const msBase: number[] = [];
  for (const id of ids) {
    const t = truth[id]!;
    const raw = await readFile(path.join(dir, 'html', `${id}.html.gz`));
    const html = decodeBytes(new Uint8Array(gunzipSync(raw)), { html: true }).text;
    let t0 = performance.now();
    const ours = extractHtml(html, { url: t.url });
    msHearsay.push(performance.now() - t0);
    let baseline: ShingleScore | null = null;
    if (withBaseline) {
      t0 = performance.now();
      const base = extractHtml(html, { url: t.url, readabilityOnly: true });
      msBase.push(performance.now() - t0);
      baseline = scoreShingles(t.articleBody, base.text);
    }
    pages.push({ id, url: t.url, pageClass: classifyPage(t.url), hearsay: scoreShingles(t.articleBody, ours.text), baseline });
    opts.onProgress?.(pages.length, ids.length);
  }
  return {
    dir,
    pages,
    hearsay: summarise(pages, (p) => p.hearsay, msHearsay),
    baseline: withBaseline ? summarise(pages, (p) => p.baseline!, msBase) : null,
  };
}

const pct = (x: number): string => x.toFixed(3);

/** Formats the report as a plain-text table: overall, per class, median ms, worst pages. */
export function formatExtractionReport(r: ExtractionReport): string {
  const rows: string[] = [];
  rows.push(`extraction benchmark: ${r.pages.length} pages from ${r.dir}`);
  rows.push('extractor      class           pages  precision  recall  F1     median ms');
  const line = (name: string, cls: string, s: AveragedScore, ms: string): string =>
    `${name.padEnd(14)} ${cls.padEnd(15)} ${String(s.pages).padStart(5)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1)}  ${ms}`;
  const block = (name: string, e: ExtractorResult): void => {
    rows.push(line(name, 'all', e.overall, e.medianMs.toFixed(1)));
    for (const [c, s] of Object.entries(e.byClass)) rows.push(line(name, c, s, ''));
  };
  block('hearsay', r.hearsay);
  if (r.baseline) block('readability', r.baseline);
  const worst = [...r.pages]
    .map((p) => ({ p, f: (2 * p.hearsay.precision * p.hearsay.recall) / (p.hearsay.precision + p.hearsay.recall || 1) }))
    .sort((a, b) => a.f - b.f)
    .slice(0, 5);
  rows.push('worst pages (hearsay): ' + worst.map(({ p, f }) => `${p.id.slice(0, 10)} F1 ${pct(f)} (P ${pct(p.hearsay.precision)} R ${pct(p.hearsay.recall)})`).join('; '));
  return rows.join('\n') + '\n';
}
