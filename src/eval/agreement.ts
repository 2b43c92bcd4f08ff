/**
 * How far the gold itself agrees: PolNeAR has a second annotation file for some articles, and
 * scoring the second against the first with the same measures as the pipeline puts the
 * pipeline's numbers beside the annotators' own. Also the pipeline's scores per annotator of the
 * gold file, since annotators differ in how much they mark. Pure: the CLI reads the files.
 */
import type { Attribution } from '../core/types.js';
import { formatScores, matchArticle, relationMatches, scoreAttributions, scoreReadings, wordTokens, type AttributionScores } from './attributions.js';
import type { GoldArticle, MultiAnnotatedArticle } from './polnear.js';

/** What {@link agreementReport} measures. */
export interface AgreementReport {
  /** Articles with two or more annotation files. */
  articles: number;
  /** The second file scored against the first (the first is the gold everything else is scored against). */
  secondVsFirst: AttributionScores;
  /** The pipeline on the same articles against the first file. */
  pipelineVsFirst: AttributionScores;
  /** The pipeline on the same articles against the second file. */
  pipelineVsSecond: AttributionScores;
  /**
   * The pipeline's errors against the first file on the same articles, and how many of them the
   * second annotator shares: false alarms the second file marks (a relation match there), and
   * misses the second file lacks too. Those are matters of convention rather than of reading.
   */
  pipelineErrors: { falseAlarms: number; falseAlarmsSecondMarks: number; misses: number; missesSecondLacks: number };
  /** The pipeline against each annotator's gold files (the first file per article), most articles first. */
  byAnnotator: { annotator: string; articles: number; scores: AttributionScores }[];
}

/**
 * Scores the second annotation of each doubly annotated article against the first, the pipeline's
 * `predicted` attributions against both on those articles, and the pipeline per annotator over
 * all of `gold`.
 */
export function agreementReport(gold: readonly GoldArticle[], multi: readonly MultiAnnotatedArticle[], predicted: ReadonlyMap<string, readonly Attribution[]>): AgreementReport {
  const nth = (k: number): GoldArticle[] => multi.map((a) => ({ id: a.id, text: a.text, attributions: a.annotations[k]!.attributions }));
  const first = nth(0);
  const second = nth(1);
  const byAnnotator = new Map<string, GoldArticle[]>();
  for (const a of gold) {
    const k = a.annotator ?? '?';
    byAnnotator.set(k, [...(byAnnotator.get(k) ?? []), a]);
  }
  const errors = { falseAlarms: 0, falseAlarmsSecondMarks: 0, misses: 0, missesSecondLacks: 0 };
  multi.forEach((a, k) => {
    const tok = wordTokens(a.text);
    const m = matchArticle(a.text, first[k]!.attributions, predicted.get(a.id) ?? [], tok);
    const other = second[k]!.attributions;
    m.predToGold.forEach((g, i) => {
      if (g >= 0) return;
      errors.falseAlarms++;
      const p = m.predicted[i]!;
      const roles = { source: p.source ? [{ start: p.source.start, end: p.source.end }] : null, cue: [p.cue], content: p.content };
      if (other.some((o) => relationMatches(tok, o, roles))) errors.falseAlarmsSecondMarks++;
    });
    m.goldToPred.forEach((pi, gi) => {
      if (pi >= 0) return;
      errors.misses++;
      if (!other.some((o) => relationMatches(tok, first[k]!.attributions[gi]!, o))) errors.missesSecondLacks++;
    });
  });
  return {
    articles: multi.length,
    pipelineErrors: errors,
    secondVsFirst: scoreReadings(first, new Map(second.map((a) => [a.id, a.attributions]))),
    pipelineVsFirst: scoreAttributions(first, predicted),
    pipelineVsSecond: scoreAttributions(second, predicted),
    byAnnotator: [...byAnnotator]
      .map(([annotator, articles]) => ({ annotator, articles: articles.length, scores: scoreAttributions(articles, predicted) }))
      .sort((a, b) => b.articles - a.articles || a.annotator.localeCompare(b.annotator)),
  };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);

/** Plain-text form of {@link agreementReport}. */
export function formatAgreement(r: AgreementReport): string {
  const out: string[] = [];
  if (r.articles === 0) {
    out.push('no article of this split has a second annotation file; no agreement to report');
  } else {
    out.push(`Inter-annotator agreement: ${r.articles} articles with a second annotation file, scored against the first`);
    out.push(formatScores(r.secondVsFirst));
    out.push('The pipeline on the same articles, against the first file (the gold):');
    out.push(formatScores(r.pipelineVsFirst));
    out.push('The pipeline on the same articles, against the second file:');
    out.push(formatScores(r.pipelineVsSecond));
    const e = r.pipelineErrors;
    out.push(`The pipeline's errors against the first file that the second annotator shares: ${e.falseAlarmsSecondMarks} of ${e.falseAlarms} false alarms are marked in the second file; ${e.missesSecondLacks} of ${e.misses} misses are missing from it too`);
  }
  out.push('The pipeline per annotator of the gold file (F1; relation P / R):');
  out.push('annotator  articles   gold  relation      P      R   source    cue  content');
  for (const { annotator, articles, scores: s } of r.byAnnotator) {
    out.push(`${annotator.padEnd(9)} ${String(articles).padStart(9)} ${String(s.relation.gold).padStart(6)}   ${pct(s.relation.f1)} ${pct(s.relation.precision)} ${pct(s.relation.recall)}   ${pct(s.exact.source.f1)} ${pct(s.exact.cue.f1)}   ${pct(s.exact.content.f1)}`);
  }
  return out.join('\n') + '\n';
}
