import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../main.js';
import { memoryIo } from '../memory-io.js';
import type { QuoteBankJson, QuoteRecord } from '../../quotes/quote-bank.js';

const dir = mkdtempSync(join(tmpdir(), 'hearsay-quotes-'));

async function run(args: string[], stdin?: Uint8Array): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(stdin);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

test('quotes over the bundled wire stories: one quotation in three documents, its misattribution flagged', async () => {
  const crawl = join(dir, 'wire.jsonl');
  const a = await run(['analyze', 'examples/wire', '--date', '2025-06-10', '--out', crawl]);
  assert.equal(a.code, 0, a.err);
  const r = await run(['quotes', crawl, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as QuoteBankJson;
  assert.equal(j.schema, 'hearsay-quotes/1');
  assert.equal(j.documents, 3);
  const numbers = j.quotes.find((q) => q.text.startsWith('The numbers simply do not add up'))!;
  assert.equal(numbers.documents, 3);
  assert.equal(numbers.speaker, 'Dana Brooks');
  assert.equal(numbers.conflict, true);
  assert.deepEqual(numbers.speakers.map((s) => [s.name, s.occurrences]), [['Dana Brooks', 2], ['Elena Vasquez', 1]]);
  const budget = j.quotes.find((q) => q.text.startsWith('We will not balance'))!;
  assert.equal(budget.documents, 2);
  assert.equal(budget.variants, 2);
  assert.equal(budget.conflict, false);
  assert.deepEqual(budget.outlets.map((o) => o.name).sort(), ['Coastal Times', 'The Harbor Gazette']);

  const conflicts = await run(['quotes', crawl, '--conflicts', '--format', 'jsonl']);
  const lines = conflicts.out.trim().split('\n').map((l) => JSON.parse(l) as QuoteRecord);
  assert.deepEqual(lines.map((q) => q.id), [numbers.id]);
  const found = await run(['quotes', crawl, '--contains', 'do NOT add up,', '--format', 'jsonl']);
  assert.deepEqual(found.out.trim().split('\n').map((l) => (JSON.parse(l) as QuoteRecord).id), [numbers.id]);
  assert.equal((await run(['quotes', crawl, '--contains', 'do add', '--format', 'jsonl'])).out, '');
  assert.equal((await run(['quotes', crawl, '--contains', '?!'])).code, 2);
  const text = await run(['quotes', crawl, '--min-documents', '2']);
  assert.match(text.out, /! also given to Elena Vasquez \(1\)/);
  assert.doesNotMatch(text.out, /a gift to voters/);
  const csv = await run(['quotes', gzipPath(crawl), '--speaker', 'vasquez', '--format', 'csv']);
  assert.equal(csv.code, 0, csv.err);
  const rows = csv.out.trim().split('\r\n');
  assert.equal(rows[0]!.split(',')[1], 'quotation');
  assert.equal(rows.length, 3, csv.out);
});

function gzipPath(p: string): string {
  const gz = `${p}.gz`;
  writeFileSync(gz, gzipSync(readFileSync(p)));
  return gz;
}

test('quotes refuses bad options with a usage line, and names unreadable input with exit code 1', async () => {
  for (const args of [['--top', '0'], ['--min-words', 'x'], ['--format', 'xml'], ['--speaker'], ['--bogus', '1'], []]) {
    const r = await run(['quotes', ...(args.length ? [join(dir, 'none.jsonl')] : []), ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, /usage: hearsay quotes/);
  }
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, 'not json\n');
  const r = await run(['quotes', bad, '--format', 'json']);
  assert.equal(r.code, 1);
  assert.match(r.err, /hearsay quotes: .*bad\.jsonl:1: not JSON/);
  assert.equal((JSON.parse(r.out) as QuoteBankJson).documents, 0);
});

test('quotes reads gzip by its bytes whatever the name, reads a file named twice once, and --conflicts takes no value', async () => {
  const { analyze } = await import('../../analyze.js');
  const d = analyze('Mayor Ana Ruiz said: “The harbor bridge will reopen before the first snow of winter.”\n', { date: '2025-03-04' });
  const part = join(dir, 'part-0001');
  writeFileSync(part, gzipSync(JSON.stringify(d) + '\n'));
  const r = await run(['quotes', part, part, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /given more than once; read once/);
  const j = JSON.parse(r.out) as QuoteBankJson;
  assert.equal(j.documents, 1);
  assert.equal(j.quotes[0]!.speaker, 'Ana Ruiz');
  const bad = await run(['quotes', part, '--conflicts=no']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--conflicts takes no value/);
});

test('the text format says through whom a relayed quotation came', async () => {
  const { analyze } = await import('../../analyze.js');
  const d = analyze('Two city officials told the Harbor Gazette that Mayor Ana Ruiz said “the repair money is gone for good.”\n', { date: '2025-03-04' });
  const r = await run(['quotes', '-'], new TextEncoder().encode(JSON.stringify(d) + '\n'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /relayed: .*officials → Ana Ruiz/);
});
