import { createPipeline, type Pipeline, type Stage } from './core/pipeline.js';
import type { HearsayDocument } from './core/types.js';
import { WorkingDoc, type AnalyzeOptions } from './core/working-doc.js';
import { HearsayError } from './core/errors.js';
import { isCalendarDate } from './time/calendar.js';
import { binaryShare } from './text/binary.js';
import { extractHtml } from './extract/extract-html.js';
import { attributionsStage } from './attribution/stage.js';
import { attributionRefinerStages } from './attribution/refiners.js';
import { voiceStage } from './voice/stage.js';
import { entitiesStage } from './entities/index.js';
import { genderStage } from './entities/gender.js';
import { posStage } from './pos/stage.js';
import { plainTextStage } from './input/plain-text.js';
import { segmentStage } from './text/segment.js';
import { timesStage } from './time/stage.js';
import { eventsStage } from './events/stage.js';

/** Largest input analysed, in UTF-16 code units; larger input gets an `input/too-large` error. */
export const MAX_INPUT_CHARS = 10_000_000;

/** The default stage list after input handling. Order matters and is checked when built. */
export function defaultStages(): Stage[] {
  return [segmentStage(), posStage(), entitiesStage(), attributionsStage(), ...attributionRefinerStages(), genderStage(), voiceStage(), timesStage(), eventsStage()];
}

let cached: Pipeline | null = null;
function defaultPipeline(): Pipeline {
  return (cached ??= createPipeline(defaultStages()));
}

/** Whether a string looks like an HTML page rather than plain text. */
export function looksLikeHtml(input: string): boolean {
  const head = input.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:head|body|div|p|article|meta|title)[\s>]/.test(head);
}

const LONE_BREAK = /\r(?!\n)|[\u2028\u2029]/g;

/**
 * Analyses one article (plain text or an HTML page) and returns the hearsay/1 document. No I/O:
 * runs in Node and in browsers. Problems in the input come back as `messages`; unusable input
 * (empty, binary, too large) yields an error message and empty layers.
 */
export function analyze(input: string, options: AnalyzeOptions = {}): HearsayDocument {
  return analyzeToWorkingDoc(input, options).toJSON();
}

/** As {@link analyze}, but returns the working document (tokens and internal layers included). */
export function analyzeToWorkingDoc(input: string, givenOptions: AnalyzeOptions = {}, pipeline?: Pipeline): WorkingDoc {
  if (typeof input !== 'string') throw new HearsayError('INVALID_OPTION', `analyze() takes the article as a string, not ${input === null ? 'null' : typeof input}`);
  // A date that is no calendar day ("2024-02-30") would silently leave every relative date open.
  const badDate = givenOptions.date !== undefined && !isCalendarDate(givenOptions.date) ? givenOptions.date : null;
  const options = badDate === null ? givenOptions : { ...givenOptions, date: undefined };
  const { doc, refused } = readInput(input, options);
  if (badDate !== null) doc.message('warning', 'input/bad-date', `the reference date ${JSON.stringify(badDate).slice(0, 40)} is not a calendar day YYYY-MM-DD; ignored`);
  if (refused) return doc;
  // --date is the publication date when the page states none.
  if (!doc.meta.published && options.date) doc.meta.published = options.date;
  (pipeline ?? defaultPipeline()).run(doc);
  return doc;
}

/** The working document for an input, before the pipeline; a refused input carries its error and is not analysed. */
function readInput(input: string, options: AnalyzeOptions): { doc: WorkingDoc; refused: boolean } {
  const path = options.path ?? null;
  const type = options.inputType === 'html' || (options.inputType !== 'text' && looksLikeHtml(input)) ? 'html' : 'text';
  if (input.length > MAX_INPUT_CHARS) {
    const doc = new WorkingDoc('', { path, type }, options);
    doc.message('error', 'input/too-large', `input has ${input.length} characters; the limit is ${MAX_INPUT_CHARS}`);
    return { doc, refused: true };
  }
  if (input.trim().length === 0) {
    const doc = new WorkingDoc(input, { path, type }, options);
    doc.message('error', 'input/empty', 'input is empty');
    return { doc, refused: true };
  }
  if (binaryShare(input) > 0.1) {
    const doc = new WorkingDoc('', { path, type }, options);
    doc.message('error', 'input/binary', 'input looks binary, not text or HTML');
    return { doc, refused: true };
  }
  if (type === 'html') return { doc: htmlDoc(input, options, path), refused: false };
  // Lone carriage returns (old Mac files) and Unicode line and paragraph separators end lines
  // too; read as "\n" they keep paragraphs apart. One character for one, so offsets hold.
  const text = input.replace(LONE_BREAK, '\n');
  const doc = new WorkingDoc(text, { path, type }, options);
  if (text !== input) doc.message('info', 'input/line-breaks', 'carriage returns or Unicode line separators read as line breaks');
  plainTextStage().run(doc);
  return { doc, refused: false };
}

function htmlDoc(input: string, options: AnalyzeOptions, path: string | null): WorkingDoc {
  const art = extractHtml(input, options.url ? { url: options.url } : {});
  const doc = new WorkingDoc(art.text, { path, type: 'html' }, options);
  doc.meta = art.meta;
  doc.body = art.body;
  doc.sourceMap = art.sourceMap;
  doc.messages.push(...art.messages);
  // One error for one problem: the extractor may already have said why.
  if (!art.text.trim() && !art.messages.some((m) => m.severity === 'error')) doc.message('error', 'input/no-article', 'no article text found in the HTML page');
  return doc;
}
