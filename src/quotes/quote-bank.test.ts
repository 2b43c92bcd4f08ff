import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { QuoteBank, quotedPassages } from './quote-bank.js';

const doc = (text: string, date: string, path: string, outlet: string | null = null) => {
  const d = analyze(text, { date });
  return { ...d, input: { ...d.input, path }, meta: { ...d.meta, outlet } };
};

const passages = (text: string) => quotedPassages(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));

test('quoted passages: double and single marks, apostrophes, a quotation the span cuts', () => {
  assert.deepEqual(passages('the mayor said “we will rebuild,” and added “soon”'), ['we will rebuild', 'soon']);
  assert.deepEqual(passages('"It is done," she said.'), ['It is done']);
  assert.deepEqual(passages('‘We don’t know yet,’ he said of the officials’ plan.'), ['We don’t know yet']);
  assert.deepEqual(passages("'We can't wait,' said Ruiz."), ["We can't wait"]);
  assert.deepEqual(passages('“The first half of a quotation that runs on'), ['The first half of a quotation that runs on']);
  assert.deepEqual(passages('no marks at all here'), []);
});

test('the same quotation in two documents, one cut shorter, is one quotation with its first sighting', () => {
  const bank = new QuoteBank();
  bank.add(doc('Mayor Ana Ruiz said on Tuesday: "The harbor bridge will stay closed until every cable has been replaced and tested."\n', '2025-03-05', 'b.txt', 'The Courier'));
  bank.add(doc('Mayor Ana Ruiz spoke to reporters on Monday. “The harbor bridge will stay closed until every cable has been replaced,” Ruiz said.\n', '2025-03-04', 'a.txt', 'The Harbor Gazette'));
  const j = bank.toJSON();
  assert.equal(j.distinct, 1);
  const q = j.quotes[0]!;
  assert.equal(q.text, 'The harbor bridge will stay closed until every cable has been replaced and tested.');
  assert.equal(q.documents, 2);
  assert.equal(q.variants, 2);
  assert.equal(q.speaker, 'Ana Ruiz');
  assert.deepEqual(q.speakers.map((s) => [s.name, s.occurrences]), [['Ana Ruiz', 2]]);
  assert.equal(q.conflict, false);
  assert.equal(q.first.path, 'a.txt');
  assert.equal(q.first.published, '2025-03-04');
  assert.deepEqual(q.outlets.map((o) => o.name).sort(), ['The Courier', 'The Harbor Gazette']);
  assert.equal(q.examples.length, 2);
  // Nothing leaves the text without its span.
  const a = doc('Mayor Ana Ruiz spoke to reporters on Monday. “The harbor bridge will stay closed until every cable has been replaced,” Ruiz said.\n', '2025-03-04', 'a.txt');
  assert.equal(a.text.slice(q.first.start, q.first.end), q.first.text);
});

test('documents that give one quotation to two people are flagged', () => {
  const bank = new QuoteBank();
  bank.add(doc('Mayor Ana Ruiz said: “We will not raise the ferry fares this year, whatever the council decides.”\n', '2025-03-04', 'a.txt'));
  bank.add(doc('Council member Tom Reilly said: “We will not raise the ferry fares this year, whatever the council decides.”\n', '2025-03-05', 'b.txt'));
  bank.add(doc('“The ferry timetable will change in April,” Ruiz said.\n', '2025-03-05', 'c.txt'));
  const all = bank.toJSON();
  const q = all.quotes.find((x) => x.text.startsWith('We will not'))!;
  assert.equal(q.conflict, true);
  assert.deepEqual(q.speakers.map((s) => s.name).sort(), ['Ana Ruiz', 'Tom Reilly']);
  assert.deepEqual(bank.toJSON({ conflicts: true }).quotes.map((x) => x.id), [q.id]);
  assert.deepEqual(bank.toJSON({ speaker: 'reilly' }).quotes.map((x) => x.id), [q.id]);
  assert.deepEqual(bank.toJSON({ minDocuments: 2 }).quotes.map((x) => x.id), [q.id]);
  assert.equal(bank.toJSON({ top: 1 }).quotes.length, 1);
});

test('a quotation relayed through a report keeps its chain; scare quotes are fragments, not quotations', () => {
  const bank = new QuoteBank();
  bank.add(doc('Two city officials told the Harbor Gazette that Mayor Ana Ruiz said “the repair money is gone for good.” The council called the plan “reckless.”\n', '2025-03-04', 'a.txt'));
  const j = bank.toJSON();
  assert.equal(j.quotes.length, 1);
  const q = j.quotes[0]!;
  assert.equal(q.text, 'the repair money is gone for good.');
  assert.equal(q.speaker, 'Ana Ruiz');
  assert.equal(q.first.chain.at(-1), 'Ana Ruiz');
  assert.ok(q.first.chain.length >= 2, q.first.chain.join(' → '));
  assert.equal(j.fragments, 1);
});

test('a quotation inside another is the outer speaker\'s words', () => {
  const bank = new QuoteBank();
  bank.add(doc('“At our first meeting he told me, ‘We have tried everything else and nothing has worked,’ and I believed him,” said Ana Ruiz, the mayor.\n', '2025-03-04', 'a.txt'));
  const j = bank.toJSON();
  assert.equal(j.quotes.length, 1);
  assert.equal(j.quotes[0]!.speaker, 'Ana Ruiz');
  assert.ok(j.quotes[0]!.text.startsWith('At our first meeting'));
});

test('the bank stays within its room, dropping the rarest quotations, and its JSON round-trips', () => {
  const bank = new QuoteBank({ maxQuotes: 10 });
  const words = ['harbor', 'ferry', 'bridge', 'tunnel', 'market', 'school', 'library', 'station', 'museum', 'stadium', 'clinic', 'garden'];
  for (let i = 0; i < 30; i++) {
    const w = words[i % words.length]!;
    bank.add(doc(`Mayor Ana Ruiz said: “The ${w} project number ${i} will open in the spring of next year.”\n`, '2025-03-04', `${i}.txt`));
  }
  const j = bank.toJSON();
  assert.ok(j.distinct <= 10, String(j.distinct));
  assert.equal(j.approximate, true);
  assert.equal(j.documents, 30);
  assert.deepEqual(JSON.parse(JSON.stringify(j)), j);
});

test('a short stock phrase inside a long quotation stays apart from it', () => {
  const bank = new QuoteBank();
  bank.add(doc('Ana Ruiz said: “The governor has ignored this city for years, proving he is unfit to lead the state.”\n', '2025-03-04', 'a.txt'));
  bank.add(doc('Tom Reilly says the governor is “unfit to lead the state.”\n', '2025-03-05', 'b.txt'));
  const j = bank.toJSON();
  assert.equal(j.distinct, 2);
  assert.ok(j.quotes.every((q) => !q.conflict));
});

test('quoted passages: British single marks around double ones, possessives inside single marks, »German« marks', () => {
  assert.deepEqual(passages('‘This is a “bold step” for the whole island,’ Ana Ruiz said.'), ['This is a “bold step” for the whole island']);
  assert.deepEqual(passages('‘The officials’ report on the harbor is simply wrong,’ Ana Ruiz said.'), ['The officials’ report on the harbor is simply wrong']);
  assert.deepEqual(passages('Ana Ruiz said: »We will rebuild the harbor before the winter.« Then she left the hall.'), ['We will rebuild the harbor before the winter.']);
  assert.deepEqual(passages('Sie sagte: „Wir bauen den Hafen wieder auf.“ Dann ging sie.'), ['Wir bauen den Hafen wieder auf.']);
  assert.deepEqual(passages('« Nous reconstruirons le port », a-t-elle dit.'), ['Nous reconstruirons le port']);
});

test('the first sighting is the earliest time, offsets counted; outlets that carry a quotation often are kept however late they come', () => {
  const bank = new QuoteBank();
  const at = (published: string, outlet: string, path: string) => ({
    ...doc('Mayor Ana Ruiz said: “The harbor bridge will reopen before the first snow of winter.”\n', '2025-03-04', path), meta: { title: null, outlet, site: null, published, url: null, byline: null },
  });
  bank.add(at('2025-03-04T20:00:00-05:00', 'Gazette', 'late.txt')); // 01:00 UTC on the 5th
  bank.add(at('2025-03-05T08:00:00+09:00', 'Herald', 'early.txt')); // 23:00 UTC on the 4th
  for (let i = 0; i < 150; i++) bank.add(at('2025-03-06', `Outlet ${i}`, `o${i}.txt`));
  for (let i = 0; i < 30; i++) bank.add(at('2025-03-07', 'Daily X', `x${i}.txt`));
  const q = bank.toJSON().quotes[0]!;
  assert.equal(q.first.path, 'early.txt');
  assert.equal(q.outlets[0]!.name, 'Daily X');
  assert.ok(q.outlets[0]!.documents >= 30);
});

test('a deep nest of reports costs no more than a shallow one: the chain shows its last ten sources', () => {
  const d = analyze('Mayor Ana Ruiz said: “The harbor bridge will reopen before the first snow of winter.”\n', { date: '2025-03-04' });
  const a = d.attributions[0]!;
  const n = 3000;
  // Each report holds the next; only the innermost holds the quotation.
  const attributions = Array.from({ length: n }, (_, i) => ({ ...a, id: `a${i + 1}`, via: i ? `a${i}` : null, content: i === n - 1 ? a.content : [] }));
  const bank = new QuoteBank();
  bank.add({ ...d, attributions });
  const q = bank.toJSON().quotes[0]!;
  assert.equal(q.first.attribution, `a${n}`);
  assert.deepEqual(q.first.chain, ['…', ...Array(10).fill('Ana Ruiz')]);
});
