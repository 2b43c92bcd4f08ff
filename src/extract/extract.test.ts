import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBytes } from './decode.js';
import { extractHtml } from './extract-html.js';
import { findOutlet, findTrailingBoilerplate, PROVENANCE_RULES } from './provenance.js';
import { BLOCK_RULES } from './blocks.js';

const para = (s: string, n = 3): string => Array.from({ length: n }, (_, i) => `<p>${s} Sentence number ${i + 1} adds a little more ordinary prose so the paragraph reads as article text.</p>`).join('\n');

const page = (head: string, body: string): string =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">${head}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>${body}</article><footer>Copyright 2024 Example Media</footer></body></html>`;

const ARTICLE = para('The harbour council voted on Tuesday to rebuild the old sea wall before the winter storms arrive.', 4);

test('decodeBytes: UTF-8, BOMs, declared and fallback charsets', () => {
  assert.equal(decodeBytes(new TextEncoder().encode('café')).text, 'café');
  const le = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00]);
  assert.deepEqual([decodeBytes(le).text, decodeBytes(le).encoding], ['hé', 'utf-16le']);
  const be = new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0xe9]);
  assert.equal(decodeBytes(be).text, 'hé');
  // "Zürich" in Windows-1252 with no declaration: invalid UTF-8, falls back with a warning.
  const cp = decodeBytes(new Uint8Array([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]));
  assert.equal(cp.text, 'Zürich');
  assert.equal(cp.encoding, 'windows-1252');
  assert.equal(cp.messages[0]?.code, 'input/invalid-encoding');
  // ISO-8859-2 "ł" is 0xB3; declared in a meta tag.
  const meta = new Uint8Array([...new TextEncoder().encode('<meta charset="iso-8859-2"><p>'), 0xb3, ...new TextEncoder().encode('</p>')]);
  assert.match(decodeBytes(meta, { html: true }).text, /<p>ł<\/p>/);
  // The Content-Type header wins over the document.
  assert.equal(decodeBytes(new Uint8Array([0xe9]), { contentType: 'text/html; charset=ISO-8859-1' }).text, 'é');
});

test('decodeBytes: binary and gzip input become error messages', () => {
  const gz = decodeBytes(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]));
  assert.equal(gz.messages[0]?.code, 'input/binary');
  assert.equal(gz.text, '');
  const junk = new Uint8Array(4096).map((_, i) => (i * 7) % 32);
  assert.equal(decodeBytes(junk).messages[0]?.code, 'input/binary');
});

test('metadata: JSON-LD wins for title, byline and date', () => {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Sea wall to be rebuilt', datePublished: '2024-03-05T09:30:00Z', author: { '@type': 'Person', name: 'Ada Harbour' }, publisher: { name: 'Coast Daily' } };
  const r = extractHtml(page(`<title>Sea wall | Coast Daily</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`, ARTICLE));
  assert.equal(r.meta.title, 'Sea wall to be rebuilt');
  assert.equal(r.meta.byline, 'Ada Harbour');
  assert.equal(r.meta.published, '2024-03-05T09:30:00Z');
  assert.equal(r.meta.site, 'Coast Daily');
  assert.equal(r.meta.language, 'en-GB');
});

test('metadata: OpenGraph, meta tags, <time>, URL and visible dateline dates', () => {
  const og = extractHtml(page('<meta property="og:site_name" content="Coast Daily"><meta property="article:published_time" content="2024-03-06">', ARTICLE));
  assert.equal(og.meta.published, '2024-03-06');
  assert.equal(og.meta.site, 'Coast Daily');
  assert.equal(extractHtml(page('<meta name="pubdate" content="20240307">', ARTICLE)).meta.published, '2024-03-07');
  assert.equal(extractHtml(page('', `<time datetime="2024-03-08">8 March</time>${ARTICLE}`)).meta.published, '2024-03-08');
  assert.equal(extractHtml(page('', ARTICLE), { url: 'https://coast.example/2024/03/09/sea-wall/' }).meta.published, '2024-03-09');
  assert.equal(extractHtml(page('', `<div class="dateline">Posted March 10, 2024</div>${ARTICLE}`)).meta.published, '2024-03-10');
});

test('metadata: title from og:title or <title> minus site suffix, byline from meta author, canonical, host as site', () => {
  const r = extractHtml(page('<title>Sea wall vote - Coast Daily</title><meta name="author" content="By Ada Harbour"><link rel="canonical" href="https://coast.example/sea-wall">', ARTICLE));
  assert.equal(r.meta.title, 'Sea wall vote');
  assert.equal(r.meta.byline, 'Ada Harbour');
  assert.equal(r.meta.canonical, 'https://coast.example/sea-wall');
  assert.equal(r.meta.site, 'coast.example');
  assert.equal(r.meta.url, 'https://coast.example/sea-wall');
  assert.equal(extractHtml(page('<meta property="og:title" content="OG title here">', ARTICLE)).meta.title, 'OG title here');
});

test('provenance: every rule fires on its own example page', () => {
  const cases: [string, string, string, { url?: string }?][] = [
    ['jsonld-isBasedOn', `<script type="application/ld+json">{"@type":"NewsArticle","isBasedOn":{"@type":"NewsArticle","publisher":{"name":"Reuters"}}}</script>`, ARTICLE],
    ['jsonld-sourceOrganization', `<script type="application/ld+json">{"@type":"NewsArticle","sourceOrganization":{"name":"The Times of Israel"}}</script>`, ARTICLE],
    ['originally-published', '', `${ARTICLE}<p>This article was originally published by The Conversation. Read the original.</p>`],
    ['originally-published', '', `${ARTICLE}<p>This article first appeared in Harbour Weekly and is republished here.</p>`],
    ['wire-dateline', '', `<p>OSLO (Reuters) - The harbour council voted on Tuesday to rebuild the old sea wall before the storms.</p>${ARTICLE}`],
    ['wire-dateline', '', `<p>AP — The harbour council voted on Tuesday to rebuild the old sea wall before the winter storms.</p>${ARTICLE}`],
    ['source-line', '', `${ARTICLE}<p>Source: Harbour Weekly</p>`],
    ['credit-line', '', `<p>Times of Israel</p>${ARTICLE}`],
    ['canonical-other-domain', '<link rel="canonical" href="https://www.timesofisrael.com/sea-wall/">', ARTICLE, { url: 'https://uglytruth.example/sea-wall/' }],
  ];
  const expected = ['Reuters', 'The Times of Israel', 'The Conversation', 'Harbour Weekly', 'Reuters', 'Associated Press', 'Harbour Weekly', 'Times of Israel', 'timesofisrael.com'];
  cases.forEach(([rule, head, body, o], i) => {
    const r = extractHtml(page(head, body), o);
    assert.deepEqual([r.meta.outletRule, r.meta.outlet], [rule, expected[i]], `case ${i} (${rule})`);
  });
  for (const rule of PROVENANCE_RULES) assert.ok(rule.reason && rule.example, rule.name);
  const plain = extractHtml(page('<meta property="og:site_name" content="Coast Daily">', ARTICLE));
  assert.deepEqual([plain.meta.outlet, plain.meta.outletRule], ['Coast Daily', 'site-name']);
});

test('provenance: a section heading is not a credit line', () => {
  assert.equal(findOutlet({ paragraphs: ['Hiking the Flat Irons', 'Long text follows here.'] }), null);
  assert.equal(findOutlet({ paragraphs: ['OSLO, NORWAY', 'Long text follows here.'] }), null);
});

test('boilerplate: captions, related lists, promos and comment tails stay out of the text', () => {
  const body = `<h1>Sea wall vote</h1>${ARTICLE}
<figure><img src="a.jpg"><figcaption>The old wall at low tide (Image: Coast Daily)</figcaption></figure>
<p>Continue Reading Below</p>
${para('Engineers said the new wall would be two metres higher than the one it replaces.', 3)}
<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Storm closes ferry route for a week</a></li><li><a href="/b">Fishermen protest new quotas</a></li></ul></div>
<h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p>`;
  const r = extractHtml(page('<title>Sea wall vote</title>', body));
  assert.match(r.text, /harbour council voted/);
  assert.match(r.text, /two metres higher/);
  for (const junk of ['low tide', 'Continue Reading', 'ferry route', 'Leave a Reply', 'email address']) assert.ok(!r.text.includes(junk), junk);
  assert.ok(r.dropped.some((d) => d.rule === 'caption'));
  assert.deepEqual(r.body, [{ start: 0, end: r.text.length }]);
  assert.ok(r.text.includes('\n\n'));
  for (const rule of BLOCK_RULES) assert.ok(rule.reason && rule.example, rule.name);
});

test('sourceMap points each paragraph at its words in the HTML', () => {
  const html = page('', ARTICLE.replace('harbour council', 'harbour&nbsp;council'));
  const r = extractHtml(html);
  const paras = r.text.split('\n\n');
  assert.equal(r.sourceMap.length, paras.length);
  for (const [t, h] of r.sourceMap) assert.equal(html.slice(h, h + 10), r.text.slice(t, t + 10));
});

test('trailing newsletter footer in plain text: offset and site', () => {
  const text = `Times of Israel\n\nThe prime minister spoke on Monday.\n\nHe said more talks would follow soon after.\n\n${'The talks were described as long and difficult by both sides. '.repeat(4)}\nLeave a Reply\nYour email address will not be published.\nDiscover more from The Ugly Truth\nSubscribe now to keep reading.`;
  const f = findTrailingBoilerplate(text);
  assert.ok(f);
  assert.equal(text.slice(f.start, f.start + 13), 'Leave a Reply');
  assert.equal(f.site, 'The Ugly Truth');
  assert.equal(findTrailingBoilerplate('Just an article with no footer at all.'), null);
});

test('hostile: 10,000-deep nesting finishes with a message', () => {
  const html = '<html><body>' + '<div>'.repeat(10_000) + ARTICLE + '</div>'.repeat(10_000) + '</body></html>';
  const r = extractHtml(html);
  assert.ok(r.messages.some((m) => m.code === 'input/deep-nesting'));
  assert.match(r.text, /harbour council/);
  const unclosed = extractHtml('<html><body>' + '<span><b><i>'.repeat(5_000) + ARTICLE);
  assert.ok(Array.isArray(unclosed.messages));
});

test('hostile: a huge inline script and thousands of unclosed script tags are stripped', () => {
  const big = extractHtml(page(`<script>var x = "${'a'.repeat(5_000_000)}";</script>`, ARTICLE));
  assert.match(big.text, /harbour council/);
  assert.ok(!big.text.includes('aaaa'));
  const many = extractHtml(page('', ARTICLE + '<script>'.repeat(50_000)));
  assert.match(many.text, /harbour council/);
});

test('hostile: binary junk and empty pages give error messages, not exceptions', () => {
  const junk = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 31) % 256));
  assert.equal(extractHtml(junk).messages[0]?.code, 'input/binary');
  const empty = extractHtml('');
  assert.equal(empty.text, '');
  assert.ok(empty.messages.some((m) => m.severity === 'error'));
});

test('a fragment Readability finds no article in is read whole, with a warning; a page with no text is an error', () => {
  const r = extractHtml('<div><div><div>Dock workers said the strike would end on Friday.</div></div></div>');
  assert.equal(r.text, 'Dock workers said the strike would end on Friday.');
  assert.deepEqual(r.messages.map((m) => m.code), ['extract/whole-page']);
  const none = extractHtml('<html><body><div>   </div><script>var x = 1;</script></body></html>');
  assert.equal(none.text, '');
  assert.ok(none.messages.some((m) => m.code === 'extract/no-article' && m.severity === 'error'));
});

test('the whole-page fallback reads no title: a page with only a title and scripts is an error', () => {
  const r = extractHtml('<html><head><title>Harbor news</title><script>var a = 1;</script></head><body><noscript>Enable JavaScript</noscript></body></html>');
  assert.ok(!r.text.includes('Harbor news'), r.text);
  const frag = extractHtml('<title>Harbor news</title><div>Dock workers said the strike would end on Friday.</div>');
  assert.equal(frag.text, 'Dock workers said the strike would end on Friday.');
});

test('a few NULs in a page are read as U+FFFD with a warning; a page mostly of NULs is binary', () => {
  const more = '<p>Fishing crews have waited since the winter storms for the pier to open again.</p>'.repeat(4);
  const page = `<html><body><article><p>The harbor board said the pier would reopen in May after repairs.<span>${'\0'.repeat(20)}</span></p>${more}</article></body></html>`;
  const r = extractHtml(page);
  assert.match(r.text, /^The harbor board said the pier would reopen in May after repairs\./);
  assert.ok(r.messages.some((m) => m.code === 'input/nul'));
  const junk = extractHtml(`<p>x</p>${'\0'.repeat(2000)}`);
  assert.equal(junk.text, '');
  assert.ok(junk.messages.some((m) => m.code === 'input/binary'));
});

test('a page whose meta tag names Latin-1 but whose bytes are UTF-8 is read as UTF-8, with a warning', () => {
  const page = '<html><head><meta charset="iso-8859-1"></head><body><p>Renée Dubois said the café would stay open.</p></body></html>';
  const utf8 = decodeBytes(new TextEncoder().encode(page));
  assert.equal(utf8.encoding, 'utf-8');
  assert.ok(utf8.text.includes('Renée'));
  assert.ok(utf8.messages.some((m) => m.code === 'input/charset-mismatch'));
  // Real Latin-1 bytes (é = 0xE9, not valid UTF-8) keep the meta tag's charset.
  const latin = Uint8Array.from([...page].map((c) => c.charCodeAt(0)));
  const read = decodeBytes(latin);
  assert.ok(read.text.includes('Renée'));
  assert.equal(read.messages.length, 0);
});

test('real pages: a comment is no space, hover cards and wire trailers stay out of the text', () => {
  const body = `<h1>Sea wall vote</h1>${ARTICLE}
<p>The mayor said the vote would more than tripl<!-- -->e<!-- --> the budget for the wall, Mr<!-- -->. Ortiz added.</p>
<p>The plan was backed by Rep. <span class="rollover-people"><a href="/p/ana-ruiz">Ana Ruiz</a><span class="rollover-people-block"><a href="/x">Ana Ruiz</a><a href="/y">Ferry fares rise again | Storm closes route</a></span></span> (D-Calif.), who chairs the committee.</p>
${para('Engineers said the new wall would be two metres higher than the one it replaces.', 3)}
<p>(Reporting by Lena Park; Editing by Tom Hale)</p>
<p>With Post wires</p>
<p>https://www.example.com/news/sea-wall-vote</p>`;
  const r = extractHtml(page('<title>Sea wall vote</title>', body));
  assert.match(r.text, /more than triple the budget for the wall, Mr\. Ortiz added/);
  assert.match(r.text, /backed by Rep\. Ana Ruiz \(D-Calif\.\), who chairs/);
  for (const junk of ['Ferry fares', 'Reporting by', 'Post wires', 'https://']) assert.ok(!r.text.includes(junk), junk);
});

test('metadata from real pages: an empty date, a section as site name, a byline with handle and date, "news agencies" as a source', () => {
  const empty = extractHtml(page('<meta property="article:published_time" content="0001-01-01T00:00:00Z">', ARTICLE), { url: 'https://coast.example/2024/03/09/sea-wall/' });
  assert.equal(empty.meta.published, '2024-03-09');
  const section = extractHtml(page('<meta property="og:site_name" content="U.S."><link rel="canonical" href="https://coast.example/sea-wall">', ARTICLE));
  assert.equal(section.meta.site, 'coast.example');
  const handle = extractHtml(page('<meta name="author" content="Ada Harbour @adaharbour Nov 18, 2019 at 9:24 pm ET • 2 min read">', ARTICLE));
  assert.equal(handle.meta.byline, 'Ada Harbour');
  assert.equal(extractHtml(page('<meta name="author" content="Ada Harbour | November 18, 2019 12:01 PM Print this article">', ARTICLE)).meta.byline, 'Ada Harbour');
  assert.equal(extractHtml(page('<meta property="og:site_name" content="@coastdaily">', ARTICLE)).meta.site, 'coastdaily');
  assert.equal(extractHtml(page('<meta property="og:site_name" content="https://www.coast.example">', ARTICLE)).meta.site, 'coast.example');
  assert.equal(extractHtml(page('', `<input class="published_date" type="hidden" value="2019-11-18 23:41:18">${ARTICLE}`)).meta.published, '2019-11-18T23:41:18');
  const agencies = findOutlet({ paragraphs: ['The harbour council voted on Tuesday.', 'SOURCE: News agencies'] });
  assert.notEqual(agencies?.outlet, 'News agencies');
  assert.equal(findOutlet({ paragraphs: ['The harbour council voted on Tuesday.', 'SOURCE: Coast Daily and news agencies'] })?.outlet, 'Coast Daily');
});
