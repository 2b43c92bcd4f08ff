/**
 * hearsay: a news article in, a sourced record out. The root API is deliberately small:
 * {@link analyze} and the hearsay/1 types.
 */
export { analyze, analyzeToWorkingDoc, defaultStages, looksLikeHtml, MAX_INPUT_CHARS } from './analyze.js';
export { SCHEMA_VERSION } from './core/types.js';
export type {
  Actor, Attribution, Entity, EntityType, EventRecord, Gender, HearsayDocument, InputInfo, Message, Meta,
  PloverType, QuoteType, Severity, Source, SourceKind, SourceMapPair, Span, TimeExpression, VoiceSpan,
} from './core/types.js';
export { HearsayError, type ErrorCode } from './core/errors.js';
export { parseDocument } from './core/document.js';
export { createPipeline, defineStage, type Pipeline, type Stage, type StageFactory, type StageFn } from './core/pipeline.js';
export { WorkingDoc, type AnalyzeOptions, type Token, type Quotation } from './core/working-doc.js';
export {
  compareDocuments, COMPARE_SCHEMA, type Comparison, type CompareOptions, type ChangeKind, type SentenceChange,
  type AttributionChange, type AttributionField, type SourceChange, type VoiceChange, type EventChange, type MetaChange, type WordEdit,
} from './compare/compare.js';
export {
  Summary, SUMMARY_SCHEMA, type CorpusSummary, type SummaryOptions, type SourceTally, type SourceKey, type DocumentCount,
} from './summary/summary.js';
export {
  QuoteBank, QUOTES_SCHEMA, type QuoteBankJson, type QuoteBankOptions, type QuoteListOptions, type QuoteRecord, type QuoteSpeaker,
  type QuoteOccurrence,
} from './quotes/quote-bank.js';
