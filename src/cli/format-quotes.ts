import type { QuoteBankJson, QuoteRecord } from '../quotes/quote-bank.js';
import { clip } from '../text/clip.js';
import { csvRows } from '../text/csv.js';

const num = (n: number): string => n.toLocaleString('en-US');

/** Where a quotation was met, for a reader: date and file (or URL). */
function where(q: QuoteRecord): string {
  const f = q.first;
  return [f.published?.slice(0, 10), f.outlet, f.path ?? f.url].filter(Boolean).join(', ');
}

/** A quotation bank for a person to read: totals, then each quotation with its speakers and first sighting. */
export function formatQuotes(j: QuoteBankJson): string {
  const out: string[] = [];
  const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;
  out.push(`${plural(j.documents, 'document', 'documents')}, ${plural(j.occurrences, 'quoted passage', 'quoted passages')}, ${plural(j.distinct, 'distinct quotation', 'distinct quotations')}`
    + ` (${plural(j.fragments, 'shorter fragment', 'shorter fragments')} and ${plural(j.nested, 'passage', 'passages')} inside others not counted)`);
  if (j.approximate) out.push('(more distinct quotations than kept: the rarest were dropped, so counts of rare ones are lower bounds)');
  if (!j.quotes.length) { out.push('', 'No quotation matches.'); return out.join('\n'); }
  out.push('', `${j.quotes.length === j.distinct ? 'Quotations' : `${num(j.quotes.length)} ${j.quotes.length === 1 ? 'quotation' : 'quotations'} listed`} (documents, occurrences, speaker; first seen):`);
  for (const q of j.quotes) {
    out.push(`${String(q.documents).padStart(5)} ${String(q.occurrences).padStart(5)}  ${clip(q.speaker ?? '(no source)', 28).padEnd(28)}  “${clip(q.text, 100)}”`);
    const others = q.speakers.slice(1).map((s) => `${s.resolved ? s.name : `‘${s.name}’`} (${s.occurrences})`);
    if (q.conflict) out.push(`             ! also given to ${others.join(', ')}`);
    else if (others.length) out.push(`               also: ${others.join(', ')}`);
    out.push(`               first: ${where(q)}`);
    // A quotation relayed through others: according to whom.
    if (q.first.chain.length > 1) out.push(`               relayed: ${q.first.chain.map((x) => clip(x, 40)).join(' → ')}`);
  }
  return out.join('\n');
}

/** The listed quotations as CSV, one row each. */
export function quotesCsv(j: QuoteBankJson): string {
  return csvRows(
    ['id', 'quotation', 'words', 'speaker', 'speakers', 'conflict', 'documents', 'occurrences', 'variants', 'unattributed', 'outlets', 'first_published', 'first_outlet', 'first_path', 'first_url', 'first_start', 'first_end'],
    j.quotes.map((q) => [
      q.id, q.text, q.words, q.speaker, q.speakers.map((s) => `${s.name} (${s.occurrences})`).join('; '), q.conflict, q.documents, q.occurrences,
      q.variants, q.unattributed, q.outlets.map((o) => o.name).join('; '), q.first.published, q.first.outlet, q.first.path, q.first.url, q.first.start, q.first.end,
    ]),
  );
}
