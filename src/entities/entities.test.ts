import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPipeline } from '../core/pipeline.js';
import type { Entity } from '../core/types.js';
import { WorkingDoc } from '../core/working-doc.js';
import { plainTextStage } from '../input/plain-text.js';
import { segmentStage } from '../text/segment.js';
import { entitiesStage, resolveSource } from './index.js';
import { analyze } from '../analyze.js';

// The recogniser's rules alone: the learned name typer, which would retype some of these names,
// has its own tests (name-types.test.ts).
const pipeline = createPipeline([segmentStage(), entitiesStage({ nameTypes: null })]);

function run(text: string, date = '2025-06-10'): WorkingDoc {
  const doc = new WorkingDoc(text, { path: null, type: 'text' }, { date });
  plainTextStage().run(doc);
  pipeline.run(doc);
  return doc;
}

/** Entity types by name in a document, and all of them as a string for assertion messages. */
function typesIn(doc: WorkingDoc): { typeOf: (name: string) => string | undefined; all: string } {
  return { typeOf: (name) => doc.entities.find((e) => e.name === name)?.type, all: JSON.stringify(doc.entities.map((e) => [e.name, e.type])) };
}

/** Asserts the type of each named entity (the document's entities in the message). */
function assertTypes(doc: WorkingDoc, expected: Record<string, string>): void {
  const { typeOf, all } = typesIn(doc);
  for (const [name, type] of Object.entries(expected)) assert.equal(typeOf(name), type, `${name}: ${all}`);
}

/** [entity name, kind] the source at the n-th occurrence of `s` resolves to. */
function speaker(doc: WorkingDoc, s: string, nth = 0): [string | null, string] {
  const r = resolveSource(doc, at(doc, s, nth));
  return [r.entity ? doc.entities.find((e) => e.id === r.entity)?.name ?? r.entity : null, r.kind];
}

/** Span of the n-th whole-word occurrence of `s`. */
function at(doc: WorkingDoc, s: string, nth = 0): { start: number; end: number } {
  const re = new RegExp(`(?<![\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  let m: RegExpExecArray | null = null;
  for (let k = 0; k <= nth; k++) m = re.exec(doc.text);
  assert.ok(m, `"${s}" #${nth} not in text`);
  return { start: m.index, end: m.index + s.length };
}

function entityAt(doc: WorkingDoc, s: string, nth = 0): Entity | undefined {
  const sp = at(doc, s, nth);
  const m = doc.mentions.find((x) => x.start === sp.start && x.end >= sp.end);
  return m ? doc.entities.find((e) => e.id === m.entity) : undefined;
}

const byName = (doc: WorkingDoc, name: string): Entity | undefined => doc.entities.find((e) => e.name === name);

test('partial names merge with the full name, KB and not', () => {
  const doc = run('Senator Maria Okafor met Yusuf al-Rahmani in Geneva on Tuesday.\n\n'
    + 'Okafor said the meeting was useful. Rahmani disagreed, and al-Rahmani later left the city.\n\n'
    + 'Netanyahu was not invited. Benjamin Netanyahu has not commented.');
  const okafor = byName(doc, 'Maria Okafor');
  assert.equal(okafor?.type, 'person');
  assert.equal(entityAt(doc, 'Okafor', 1)?.id, okafor.id);
  assert.equal(entityAt(doc, 'Senator Maria Okafor')?.id, okafor.id, 'the title belongs to the mention');
  const rahmani = byName(doc, 'Yusuf al-Rahmani');
  assert.equal(rahmani?.type, 'person');
  assert.equal(entityAt(doc, 'Rahmani', 1)?.id, rahmani.id);
  assert.equal(entityAt(doc, 'al-Rahmani', 1)?.id, rahmani.id);
  const bibi = byName(doc, 'Benjamin Netanyahu');
  assert.equal(entityAt(doc, 'Netanyahu')?.id, bibi?.id);
  assert.equal(bibi?.mentions.length, 2);
  // Mentions are sorted by start and every mention points at a listed entity.
  for (let i = 1; i < doc.mentions.length; i++) assert.ok(doc.mentions[i - 1]!.start <= doc.mentions[i]!.start);
  for (const m of doc.mentions) assert.ok(doc.entities.some((e) => e.id === m.entity));
});

test('office titles resolve through the KB and the reference date', () => {
  const text = 'Israeli leaders met in Jerusalem on Sunday to discuss the budget.\n\n'
    + 'The prime minister told reporters that Israel would not delay the vote.';
  assert.equal(entityAt(run(text, '2025-06-10'), 'The prime minister')?.name, 'Benjamin Netanyahu');
  assert.equal(entityAt(run(text, '2021-09-01'), 'The prime minister')?.name, 'Naftali Bennett');
  const us = 'Congress returned from recess on Monday.\n\nThe president signed the bill in Washington.';
  assert.equal(entityAt(run(us, '2023-05-01'), 'The president')?.name, 'Joe Biden');
  assert.equal(entityAt(run(us, '2025-05-01'), 'The president')?.name, 'Donald Trump');
  // A country named in the phrase wins over recency.
  const doc = run('Donald Trump spoke on Monday. The Israeli president said nothing.', '2025-06-10');
  assert.equal(entityAt(doc, 'The Israeli president')?.name, 'Isaac Herzog');
});

test('"The president" inside a quote from a US official is the US president', () => {
  const doc = run('Isaac Herzog hosted the talks, and Donald Trump joined by phone.\n\n'
    + '‘The president wants a deal before winter,’ a US official said.\n\nHerzog did not comment.', '2025-06-10');
  assert.equal(entityAt(doc, 'The president')?.name, 'Donald Trump');
  const hinted = resolveSource(doc, at(doc, 'The president'), { country: 'ISR' });
  assert.equal(hinted.entity, 'isaac-herzog');
  assert.equal(hinted.kind, 'person');
});

test('pronouns resolve to the previous subject and stay unresolved when unsafe', () => {
  const doc = run('Donald Trump praised the ceasefire at a rally in Ohio on Saturday. '
    + 'He followed it up with a post thanking Qatar.\n\n'
    + 'Senator Maria Okafor called the rally a distraction. She said she would hold hearings.\n\n'
    + 'The talks stalled after the rains came. They were expected to resume.');
  assert.equal(entityAt(doc, 'He')?.name, 'Donald Trump');
  assert.equal(entityAt(doc, 'She')?.name, 'Maria Okafor');
  assert.equal(entityAt(doc, 'she')?.name, 'Maria Okafor');
  assert.equal(entityAt(doc, 'They'), undefined, '"they" without a plural group subject stays unresolved');
  const r = resolveSource(doc, at(doc, 'He'));
  assert.deepEqual(r, { entity: 'donald-trump', kind: 'person', count: null, descriptor: null });
});

test('a subject pronoun in a reported clause prefers the clause subject, "it" the speaking organisation', () => {
  const doc = run('Donald Trump told Benjamin Netanyahu he expected progress.\n\n'
    + 'Israel said it would study the plan. Syria condemned the raid, saying it violated the truce.');
  assert.equal(entityAt(doc, 'he')?.name, 'Donald Trump');
  assert.equal(entityAt(doc, 'it')?.name, 'Israel');
  assert.equal(entityAt(doc, 'it', 1)?.name, 'Syria');
});

test('organisations, outlets, acronyms and places by their heads', () => {
  const doc = run('The Coastal Defense League warned on Monday that the Ministry of Water Resources had ignored its report, '
    + 'the Harbor Gazette reported. The CDL said the Northfield Water Council agreed. '
    + 'Officials in North Dakota and the Kremlin declined to comment.');
  assert.equal(byName(doc, 'Coastal Defense League')?.type, 'organization');
  assert.equal(entityAt(doc, 'CDL')?.name, 'Coastal Defense League');
  assert.equal(byName(doc, 'Ministry of Water Resources')?.type, 'government');
  assert.equal(byName(doc, 'Harbor Gazette')?.type, 'outlet');
  assert.equal(byName(doc, 'Northfield Water Council')?.type, 'organization');
  assert.equal(byName(doc, 'North Dakota')?.type, 'location');
  assert.equal(byName(doc, 'Kremlin')?.type, 'government');
});

test('a country is a government when it speaks or acts, a location otherwise', () => {
  const acting = run('Israel said on Monday that the crossing would reopen.');
  assert.equal(byName(acting, 'Israel')?.type, 'government');
  const place = run('Thousands of tourists travelled to Israel in the spring.');
  assert.equal(byName(place, 'Israel')?.type, 'location');
  assert.equal(resolveSource(place, at(place, 'Israel')).kind, 'organization');
});

test('resolveSource: unnamed sources with counts, descriptors and one chained group', () => {
  const doc = run('Two senior American officials told the Axios news site that talks had stalled. '
    + 'An Israeli official disputed that, and another US official declined to comment. '
    + 'A source close to the talks was more hopeful. Officials in Cairo said little.\n\n'
    + 'The plan was sent to Hamas, according to the American officials, who said the officials in Gaza had it.');
  const two = resolveSource(doc, at(doc, 'Two senior American officials'));
  assert.equal(two.kind, 'anonymous');
  assert.equal(two.count, 2);
  assert.equal(two.descriptor, 'senior American officials');
  assert.ok(two.entity);
  assert.equal(doc.entities.find((e) => e.id === two.entity)?.type, 'group');
  assert.equal(doc.entities.find((e) => e.id === two.entity)?.country, 'USA');
  const isr = resolveSource(doc, at(doc, 'An Israeli official'));
  assert.deepEqual([isr.kind, isr.count, isr.descriptor], ['anonymous', 1, 'Israeli official']);
  const another = resolveSource(doc, at(doc, 'another US official'));
  assert.deepEqual([another.kind, another.count, another.descriptor], ['anonymous', 1, 'US official']);
  assert.notEqual(another.entity, isr.entity);
  const src = resolveSource(doc, at(doc, 'A source'));
  assert.deepEqual([src.kind, src.count, src.descriptor], ['anonymous', 1, 'source']);
  const bare = resolveSource(doc, at(doc, 'Officials'));
  assert.deepEqual([bare.kind, bare.count, bare.descriptor], ['anonymous', null, 'Officials']);
  const back = resolveSource(doc, at(doc, 'the American officials'));
  assert.deepEqual([back.kind, back.count, back.descriptor], ['anonymous', null, 'American officials']);
  assert.equal(back.entity, two.entity, '"the American officials" chains to the first group');
});

test('resolveSource: outlets, documents, media and named speakers', () => {
  const doc = run('According to a Channel 12 report, the deal is close. The Axios news site said the same, '
    + 'and the New York Post quoted Trump’s letter. US media reported the call. '
    + 'A statement from the Northfield Water Council was brief. Jane Roe of the council agreed.');
  const report = resolveSource(doc, at(doc, 'a Channel 12 report'));
  assert.deepEqual(report, { entity: 'channel-12', kind: 'document', count: null, descriptor: 'Channel 12 report' });
  assert.equal(resolveSource(doc, at(doc, 'Channel 12')).kind, 'outlet');
  assert.deepEqual(resolveSource(doc, at(doc, 'The Axios news site')), { entity: 'axios', kind: 'outlet', count: null, descriptor: null });
  const post = resolveSource(doc, at(doc, 'the New York Post'));
  assert.equal(post.kind, 'outlet');
  assert.equal(doc.entities.find((e) => e.id === post.entity)?.name, 'The New York Post');
  const letter = resolveSource(doc, at(doc, 'Trump’s letter'));
  assert.deepEqual([letter.kind, letter.entity], ['document', 'donald-trump']);
  const media = resolveSource(doc, at(doc, 'US media'));
  assert.deepEqual(media, { entity: null, kind: 'outlet', count: null, descriptor: 'US media' });
  const statement = resolveSource(doc, at(doc, 'A statement from the Northfield Water Council'));
  assert.equal(statement.kind, 'document');
  assert.equal(doc.entities.find((e) => e.id === statement.entity)?.name, 'Northfield Water Council');
  const roe = resolveSource(doc, at(doc, 'Jane Roe'));
  assert.equal(roe.kind, 'person');
  assert.equal(doc.entities.find((e) => e.id === roe.entity)?.name, 'Jane Roe');
});

test('resolveSource adds a new entity for a name the stage did not see', () => {
  const doc = run('The decision surprised Qx Borealis, the reporter wrote.');
  const before = doc.entities.length;
  const r = resolveSource(doc, at(doc, 'the reporter'));
  assert.equal(r.kind, 'unknown');
  const made = resolveSource(doc, { start: doc.text.indexOf('Qx'), end: doc.text.indexOf('Qx') + 'Qx Borealis'.length });
  assert.equal(made.kind, 'person');
  assert.ok(doc.entities.length >= before);
  assert.ok(doc.mentions.some((m) => m.entity === made.entity));
});

test('empty and punctuation-only spans are unknown, not errors', () => {
  const doc = run('Officials said nothing.');
  assert.deepEqual(resolveSource(doc, { start: 0, end: 0 }), { entity: null, kind: 'unknown', count: null, descriptor: null });
  const empty = run(' ');
  assert.equal(empty.entities.length, 0);
});

test('a common noun capitalised only because it opens the sentence is no named source ("Voters said")', async () => {
  const { analyze } = await import('../analyze.js');
  const d = analyze('Voters said the lines were long. Okonkwo said the count was fair.');
  const said = (w: string) => d.attributions.find((a) => d.text.slice(a.source!.start, a.source!.end) === w);
  assert.ok(said('Voters'), JSON.stringify(d.attributions));
  assert.equal(said('Voters')!.source!.entity, null);
  assert.ok(!d.entities.some((e) => e.name === 'Voters'), JSON.stringify(d.entities));
  // A name in the same place stays one.
  assert.ok(said('Okonkwo')?.source?.entity, JSON.stringify(d.entities));
});

test('an organisation head before "of" inside a name types it ("National Association of Ferry Operators")', () => {
  const doc = run('The Guild of Harbor Pilots and the National Association of Ferry Operators objected, as did the Ministry of Ports.');
  const { typeOf, all } = typesIn(doc);
  assert.equal(typeOf('Guild of Harbor Pilots'), 'other', all);
  assert.equal(typeOf('National Association of Ferry Operators'), 'organization', all);
  assert.equal(typeOf('Ministry of Ports'), 'government', all);
});

test('a title word opening an organisation\'s name does not make it a person ("Justice Department")', () => {
  const doc = run('The Justice Department opened an inquiry, and the Governor Harbor Commission met.');
  const all = JSON.stringify(doc.entities.map((e) => [e.name, e.type]));
  assert.equal(doc.entities.find((e) => e.name === 'Justice Department')?.type, 'government', all);
  assert.equal(doc.entities.find((e) => e.name === 'Governor Harbor Commission')?.type, 'organization', all);
  assert.ok(!doc.entities.some((e) => e.type === 'person'), all);
});

test('a capitalised organisation head standing alone mid-sentence names the body ("the Navy said")', () => {
  const doc = run('After the storm, the Navy said the Council would meet. Council members disagreed.');
  const all = JSON.stringify(doc.entities.map((e) => [e.name, e.type]));
  assert.equal(doc.entities.find((e) => e.name === 'Navy')?.type, 'organization', all);
  assert.equal(doc.entities.find((e) => e.name === 'Council')?.type, 'organization', all);
});

test('"New" capitalised mid-sentence opens a place name ("in New Jersey")', () => {
  const doc = run('Officials from the state of New Jersey and the city of Newark said they would review the budget on Friday.');
  const all = JSON.stringify(doc.entities.map((e) => [e.name, e.type]));
  assert.equal(doc.entities.find((e) => e.name === 'New Jersey')?.type, 'location', all);
  assert.ok(!doc.entities.some((e) => e.name === 'Jersey'), all);
});

test('a name before ", <US state>" is a place; place words type a name ("Fort Wayne", "Coral Springs")', () => {
  const doc = run('The plant in Staunton, Va., closed, and workers in Fort Dunmore and Cedar Springs lost shifts. Dana Okafor, Virginia\'s commerce secretary, called it a blow.');
  const { typeOf, all } = typesIn(doc);
  assertTypes(doc, { Staunton: 'location', Va: 'location', 'Fort Dunmore': 'location', 'Cedar Springs': 'location' });
  // A state followed by "'s" is the state's office, not where the name lies.
  assert.notEqual(typeOf('Dana Okafor'), 'location', all);
});

test('"and" inside an organisation\'s name joins its parts; known names on either side stay apart', () => {
  const doc = run('The Lumber and Timber Commission fined the mill, and the Department of Harbors and Coastal Services objected. '
    + 'The Office of Budget and Planning agreed. Trump and Justice Department lawyers met, as did the Department of Justice and Hillary Clinton.');
  // A state organ opening the name makes it government, whatever head it ends on.
  assertTypes(doc, {
    'Lumber and Timber Commission': 'organization', 'Department of Harbors and Coastal Services': 'government',
    'Office of Budget and Planning': 'government', 'Department of Justice': 'government',
  });
  assert.ok(!doc.entities.some((e) => /^Trump and|and Hillary/.test(e.name)), typesIn(doc).all);
});

test('courts, treasuries, reserves and "the House" are state bodies', () => {
  const doc = run('The bill passed the House on Friday. A panel of the Ninth Circuit ruled, and the Federal Reserve and the Treasury said they would study it.');
  assertTypes(doc, { House: 'government', 'Ninth Circuit': 'government', 'Federal Reserve': 'government', Treasury: 'government' });
});

test('a day or month read as a speaker names no entity', () => {
  const doc = run('The campaign sent an email to supporters Tuesday inviting them to a raffle.');
  const r = resolveSource(doc, at(doc, 'Tuesday'));
  assert.equal(r.entity, null);
  assert.equal(r.kind, 'unknown');
  assert.ok(!doc.entities.some((e) => e.name === 'Tuesday'), JSON.stringify(doc.entities));
});

test('a pronoun, number, function word, lone letter or lower-case word opening the sentence names no source entity', () => {
  const doc = run('The panel met. Six said no. Both agreed later. Who knows? Authorities said the road was shut, and local authorities agreed. Okafor said so. Q: Why?');
  for (const w of ['Six', 'Both', 'Who', 'Authorities', 'Q']) {
    const r = resolveSource(doc, at(doc, w));
    assert.equal(r.entity, null, w);
  }
  assert.ok(!doc.entities.some((e) => ['Six', 'Both', 'Who', 'Authorities'].includes(e.name)), JSON.stringify(doc.entities));
  // A name in the same place still makes one.
  assert.ok(resolveSource(doc, at(doc, 'Okafor')).entity);
});

test('a relative pronoun source speaks for the noun phrase before it', async () => {
  // With tags, as in the pipeline: a noun phrase that is no mention is found by its tags.
  const { posStage } = await import('../pos/stage.js');
  const doc = new WorkingDoc('The mayor met Dana Okafor, who said the plan was fine. Two senior officials who spoke on condition of anonymity said it failed. Those who said so left.', { path: null, type: 'text' });
  plainTextStage().run(doc);
  createPipeline([segmentStage(), posStage(), entitiesStage()]).run(doc);
  const okafor = resolveSource(doc, at(doc, 'who'));
  assert.equal(doc.entities.find((e) => e.id === okafor.entity)?.name, 'Dana Okafor');
  assert.equal(okafor.kind, 'person');
  const officials = resolveSource(doc, at(doc, 'who', 1));
  assert.equal(officials.kind, 'anonymous');
  assert.equal(officials.count, 2);
  // No noun before it: nothing to resolve.
  assert.equal(resolveSource(doc, at(doc, 'who', 2)).entity, null);
});

test('a lone untyped capitalised word that speaks is a surname, unless the text writes it in lower case', () => {
  const doc = run('The meeting ran late. Okonkwo said the count was fair. Report said nothing, and the report was thin. NeverTrump said no.');
  const okonkwo = resolveSource(doc, at(doc, 'Okonkwo'));
  assert.equal(okonkwo.kind, 'person');
  assert.equal(doc.entities.find((e) => e.id === okonkwo.entity)?.rule, 'entities:speaker-surname');
  assert.notEqual(resolveSource(doc, at(doc, 'Report')).kind, 'person');
  assert.notEqual(resolveSource(doc, at(doc, 'NeverTrump')).kind, 'person');
});

test('laboratories, museums, airlines and the like head organisation names', () => {
  const doc = run('Scientists at the Harbor Propulsion Laboratory and the Eastport Maritime Museum agreed with Coastal Airways, the Lindqvist Pharmaceuticals board said.');
  assertTypes(doc, Object.fromEntries(['Harbor Propulsion Laboratory', 'Eastport Maritime Museum', 'Coastal Airways', 'Lindqvist Pharmaceuticals'].map((x) => [x, 'organization'])));
});

test('companies named for what they sell or do are organisations, not surnames ("Halvorsen Foods said")', () => {
  const doc = run('Halvorsen Foods said it would close two plants. Analysts at Brightwater Securities agreed, and Tamsin Energy said nothing.');
  assertTypes(doc, Object.fromEntries(['Halvorsen Foods', 'Brightwater Securities', 'Tamsin Energy'].map((x) => [x, 'organization'])));
  assert.equal(resolveSource(doc, at(doc, 'Halvorsen Foods')).kind, 'organization');
});

test('a participle after a source\'s head noun starts its modifier: a poll released Sunday is a document, a union representing workers an organisation', () => {
  const doc = analyze('A national poll released Sunday by the Harbor Gazette shows the mayor ahead. The union representing workers at the plant said it had not been consulted.');
  const kinds = doc.attributions.map((a) => [doc.text.slice(a.source!.start, a.source!.end), a.source!.kind]);
  assert.deepEqual(kinds, [['A national poll released Sunday by the Harbor Gazette', 'document'], ['The union representing workers at the plant', 'organization']]);
  const regulator = analyze('The state regulator said it would review the case.').attributions[0]!;
  assert.equal(regulator.source!.kind, 'organization');
});

test('"the diplomat" chains to the unnamed diplomat before it, past another unnamed source; a named appositive after a prepositional phrase is the speaker', () => {
  const doc = analyze('A spokeswoman for the Armenian foreign ministry, Anahit Sargsyan, told reporters that nothing was agreed. A European diplomat said the progress was real. The diplomat said it was fragile.', { date: '2025-10-07' });
  const [spokeswoman, european, definite] = doc.attributions.map((a) => a.source!);
  assert.equal(spokeswoman!.kind, 'person');
  assert.equal(doc.entities.find((e) => e.id === spokeswoman!.entity)?.name, 'Anahit Sargsyan');
  assert.equal(european!.kind, 'anonymous');
  assert.equal(definite!.entity, european!.entity, 'the diplomat is the European diplomat');
});

test('a romanised hyphenated given name stays in the name ("Choi Min-seo"), an "-era" modifier does not', () => {
  const doc = analyze('Former foreign minister Choi Min-seo argued that the summit mattered. President Han Ji-won said it was over. Obama-era rules were cited.');
  const names = doc.entities.map((e) => e.name);
  assert.ok(names.includes('Choi Min-seo') && names.includes('Han Ji-won'), names.join(', '));
  assert.ok(!names.some((n) => n.includes('Obama-era')));
});

test('well-known companies are organisations from the knowledge base, not speaking surnames', () => {
  const doc = run('The results were mixed. Google said the change was small, and Nissan said sales had slowed.');
  for (const w of ['Google', 'Nissan']) {
    const r = resolveSource(doc, at(doc, w));
    assert.equal(r.kind, 'organization', w);
  }
});

test('first person outside quotations is the author (the byline where known); quoted first person is left to the quote', () => {
  const doc = new WorkingDoc('The experts I interviewed agreed.\n\nMayor Dana Okafor said, “I will not resign.”\n\nPENCE: I think so.\n\nHe fought in World War I.\n\nMy view is plain.', { path: null, type: 'text' });
  plainTextStage().run(doc);
  doc.meta.byline = 'Ana Ruiz';
  pipeline.run(doc);
  assert.equal(entityAt(doc, 'I')?.name, 'Ana Ruiz');
  assert.equal(entityAt(doc, 'I')?.rule, 'entities:first-person-author');
  assert.equal(entityAt(doc, 'I', 1), undefined, 'inside quotation marks');
  assert.equal(entityAt(doc, 'I', 2), undefined, 'a transcript turn');
  assert.equal(entityAt(doc, 'I', 3), undefined, '"World War I" is no pronoun');
  assert.equal(entityAt(doc, 'My')?.name, 'Ana Ruiz');
  const plain = run('As I wrote last week, the plan failed.');
  assert.equal(entityAt(plain, 'I')?.name, 'the author');
});

test('a first-person source in a quotation resolves to the quoted speaker given as a hint', () => {
  const doc = run('“What I would say is that the port is safe,” Mayor Dana Okafor said.');
  const okafor = byName(doc, 'Dana Okafor');
  assert.ok(okafor);
  assert.equal(resolveSource(doc, at(doc, 'I')).entity, null, 'no hint, no speaker');
  const r = resolveSource(doc, at(doc, 'I'), { speaker: okafor.id });
  assert.equal(r.entity, okafor.id);
  assert.equal(r.kind, 'person');
});

test('a subject pronoun after a few sentences without a person reaches back to the last subject of its gender', () => {
  const doc = run('Senator Maria Okafor toured the harbour on Monday. The cranes were idle. Workers waited in the rain. '
    + 'Two ships left early.\n\n“It is slow,” she said.');
  assert.equal(entityAt(doc, 'she')?.name, 'Maria Okafor');
});

test('definite descriptions resolve to the last entity that fits: titled person, named head, party nominee, document author', () => {
  const doc = run('Sen. Dana Okafor toured the port. The Vermont senator said it was slow.\n\n'
    + 'The Harbor Safety Commission met with dock workers after the storm. The commission said the cranes were idle.\n\n'
    + 'Democratic nominee Ana Ruiz spoke next. The Democratic nominee said little. The Republican nominee said more.\n\n'
    + 'A Harbor Institute poll found support. The poll also found doubt.');
  const who = (s: string, nth = 0) => speaker(doc, s, nth);
  assert.deepEqual(who('The Vermont senator'), ['Dana Okafor', 'person']);
  assert.deepEqual(who('The commission'), ['Harbor Safety Commission', 'organization']);
  assert.deepEqual(who('The Democratic nominee'), ['Ana Ruiz', 'person']);
  assert.deepEqual(who('The Republican nominee'), [null, 'person'], 'no Republican named: an unnamed person, not the party');
  assert.deepEqual(who('The poll'), ['Harbor Institute', 'document']);
});

test('a possessive or place before a person noun is not the source; before a thing it is the author', () => {
  const doc = run('Dana Okafor left early. Her lawyer said the deal was off. Her statement said the same. A New York judge said nothing.');
  const r = resolveSource(doc, at(doc, 'Her lawyer'));
  assert.deepEqual([r.entity, r.kind, r.descriptor], [null, 'person', 'lawyer']);
  assert.equal(resolveSource(doc, at(doc, 'Her statement')).entity, 'dana-okafor');
  const judge = resolveSource(doc, at(doc, 'A New York judge'));
  assert.deepEqual([judge.entity, judge.kind], [null, 'person']);
});

test('an appositive name after a description is the source ("Another critic, Laurence Tribe")', () => {
  const doc = run('Donald Trump spoke in Ohio. Another critic, Dana Okafor, said the plan would fail. Trump\'s running mate, Gov. Ana Ruiz, said it would not.');
  assert.equal(resolveSource(doc, at(doc, 'Another critic, Dana Okafor')).entity, 'dana-okafor');
  assert.equal(resolveSource(doc, at(doc, 'Trump\'s running mate, Gov. Ana Ruiz')).entity, 'ana-ruiz');
});

test('a person from the knowledge base has the gender of its first name, so "she" does not take a title resolved to a man', () => {
  const doc = run('The American president met Ana Ruiz in Washington on Monday. She said the talks went well.');
  assert.equal(entityAt(doc, 'The American president')?.name, 'Donald Trump');
  assert.equal(entityAt(doc, 'She')?.name, 'Ana Ruiz');
});

test('a titled person\'s name stops before "of", and a title after "and" opens a person, not an organisation\'s second half', () => {
  const doc = run('Senator Lamar Alexander of Tennessee spoke first. Later, Mr. Alexander said the bill would pass. '
    + 'The Department of Justice and Secretary of State John Kerry agreed on Monday after a long meeting.');
  assertTypes(doc, { 'Lamar Alexander': 'person', Tennessee: 'location', 'Department of Justice': 'government', 'John Kerry': 'person' });
  assert.equal(entityAt(doc, 'Mr. Alexander')?.name, 'Lamar Alexander', 'the surname joins the full name');
});

test('a body named after its owner is one entity however often it speaks, and "his campaign" is named after him', () => {
  const doc = run('Donald Trump spoke in Ohio. The Trump campaign said the rally was full. Later the Trump campaign said it was fuller. His campaign said so again.');
  const first = resolveSource(doc, at(doc, 'The Trump campaign'));
  const second = resolveSource(doc, at(doc, 'the Trump campaign'));
  assert.equal(first.entity, second.entity);
  assert.equal(resolveSource(doc, at(doc, 'His campaign')).entity, first.entity);
  assert.equal(doc.entities.find((e) => e.id === first.entity)?.name, 'Trump campaign');
});

test('a capitalised run with a nationality or a word no person name holds is no person ("Judicial Watch", "Super Bowl")', () => {
  const doc = run('Officials at Judicial Watch and Planned Parenthood watched the Super Bowl with Central American Minors in mind.');
  const { typeOf, all } = typesIn(doc);
  for (const name of ['Judicial Watch', 'Planned Parenthood', 'Super Bowl']) {
    assert.ok(typeOf(name) !== undefined && typeOf(name) !== 'person', `${name}: ${all}`);
  }
});

test('another given name before a known person\'s surname is another person; a fuller form of their own name is them', () => {
  const doc = run('Ivanka Trump said the plan would pass. Trump agreed, and Laura Bush and Gary Johnson attended. Joseph R. Biden spoke later.');
  const { typeOf, all } = typesIn(doc);
  assert.equal(typeOf('Ivanka Trump'), 'person', all);
  assert.equal(typeOf('Laura Bush'), 'person', all);
  assert.equal(typeOf('Gary Johnson'), 'person', all);
  // The lone surname is still the knowledge base's person.
  const trump = doc.mentions.find((m) => doc.text.slice(m.start, m.end) === 'Trump');
  assert.equal(trump?.entity, 'donald-trump', all);
  assert.ok(!doc.mentions.some((m) => m.entity === 'donald-trump' && m.start < doc.text.indexOf('said')), all);
  const biden = doc.mentions.find((m) => m.entity === 'joe-biden');
  assert.equal(biden && doc.text.slice(biden.start, biden.end), 'Joseph R. Biden', all);
});

test('a party nominee or running mate no earlier mention names resolves through the knowledge base at the reference date', () => {
  const text = 'Donald Trump spoke in Ohio. The GOP nominee said the debate was rigged. The Democratic presidential nominee said little. The Republican nominee for governor said more.';
  const who = (doc: WorkingDoc, s: string) => speaker(doc, s);
  const in2016 = run(text, '2016-09-30');
  assert.deepEqual(who(in2016, 'The GOP nominee'), ['Donald Trump', 'person']);
  assert.deepEqual(who(in2016, 'The Democratic presidential nominee'), ['Hillary Clinton', 'person']);
  assert.deepEqual(who(in2016, 'The Republican nominee for governor'), [null, 'person'], 'another race');
  const mates = run('The Republican vice presidential nominee spoke first. The Democratic running mate said little.', '2016-10-05');
  assert.deepEqual(who(mates, 'The Republican vice presidential nominee'), ['Mike Pence', 'person']);
  assert.deepEqual(who(mates, 'The Democratic running mate'), ['Tim Kaine', 'person']);
  // A nominee's running mate, and a named person's lawyer, who is not that person.
  const owned = run('Donald Trump spoke in Ohio. Trump\'s running mate said little. Trump\'s lawyer said more.', '2016-10-05');
  assert.deepEqual(who(owned, 'Trump\'s running mate'), ['Mike Pence', 'person']);
  assert.deepEqual(who(owned, 'Trump\'s lawyer'), [null, 'person']);
  // Out of season there is no nominee to name.
  assert.deepEqual(who(run(text, '2019-05-01'), 'The GOP nominee'), [null, 'person']);
});

test('"both leaders" and "the two countries" stand for the two parties last named, people or bodies', () => {
  const doc = run('Prime Minister Ilse Varga met Chancellor Tomas Brenner in Vienna on Monday. Both leaders said the talks had gone well. '
    + 'Austria and Hungary signed a water treaty. The two countries said it would run for a decade.');
  const names = (r: ReturnType<typeof resolveSource>): string[] | undefined => r.members?.map((m) => doc.entities.find((e) => e.id === m)!.name);
  const leaders = resolveSource(doc, at(doc, 'Both leaders'));
  assert.deepEqual([leaders.entity, leaders.kind, leaders.count, names(leaders)], [null, 'person', 2, ['Ilse Varga', 'Tomas Brenner']]);
  const states = resolveSource(doc, at(doc, 'The two countries'));
  assert.deepEqual([states.kind, names(states)], ['organization', ['Austria', 'Hungary']]);
  // One named party is not two: the reference stays unresolved.
  const lone = run('Ilse Varga spoke first. Both leaders said little.');
  assert.equal(resolveSource(lone, at(lone, 'Both leaders')).members, undefined);
});

test('a name that is also a function word follows an honorific ("Dr. Her Vang", "Ms. He Lin"), and is no pronoun there', () => {
  const d = analyze('Dr. Her Vang, a physician at the county clinic, said the outbreak was over. Vang said the clinic would reopen Monday. Ms. He Lin, the clinic\'s director, said staff were ready. Her sister said she agreed.');
  const named = d.entities.map((e) => [e.name, e.mentions.map((m) => d.text.slice(m.start, m.end))]);
  assert.deepEqual(named, [['Her Vang', ['Dr. Her Vang', 'Vang']], ['He Lin', ['Ms. He Lin', 'Her', 'she']]]);
  assert.deepEqual(d.attributions.map((a) => a.source?.entity), ['her-vang', 'her-vang', 'he-lin', 'he-lin']);
  // Where a capitalised word follows no honorific, "He" is the pronoun it always was.
  const e = analyze('Tom Reilly spoke first. He Said the bridge was safe, reporters noted.');
  assert.ok(!e.entities.some((x) => x.name.startsWith('He ')));
});

test('a known surname before another capitalised name is that person\'s given name ("Ryan Holbrook" is not Paul Ryan)', () => {
  for (const name of ['Holbrook', 'Vance']) {
    const doc = run(`The defenseman Ryan ${name} scored twice on Tuesday. He said the team had turned a corner.`);
    const { typeOf, all } = typesIn(doc);
    assert.equal(typeOf(`Ryan ${name}`), 'person', all);
    assert.ok(!doc.mentions.some((m) => m.entity === 'paul-ryan'), all);
    assert.deepEqual(speaker(doc, 'He'), [`Ryan ${name}`, 'person']);
  }
});

test('a generational suffix is no surname, and a short given name joins the full one ("Pat Rennick" after "Patrick Rennick Jr.")', () => {
  const doc = run('Patrick Rennick Jr., 55, pleaded guilty on Monday. Rennick was arrested in April. "Pat Rennick regrets what he said," his lawyer said.');
  const ids = new Set(doc.mentions.filter((m) => /Rennick/.test(doc.text.slice(m.start, m.end))).map((m) => m.entity));
  assert.equal(ids.size, 1, JSON.stringify(doc.entities.map((e) => e.name)));
});

test('pronouns: a possessor in an appositive yields to the subject, and a quotation\'s names are no antecedent of the pronoun that tags it', () => {
  const doc = run([
    'Dana Whitcombe, Rennick\'s attorney, told reporters that her client meant no harm.',
    '"Patrick Rennick is passionate about his beliefs," she said.',
    'Marcus Oyelaran, a trade professor at Hartwell, said the talks were stalling. "By setting goals this high, Trump makes a deal less likely," he said.',
  ].join('\n\n'));
  assert.deepEqual(speaker(doc, 'her'), ['Dana Whitcombe', 'person']);
  assert.deepEqual(speaker(doc, 'she'), ['Dana Whitcombe', 'person']);
  assert.deepEqual(speaker(doc, 'he'), ['Marcus Oyelaran', 'person']);
});

test('local offices before a name are titles: the person is the name after them, and an acronym between is the body ("Interim BART Police Chief Ed Alvarez")', () => {
  const doc = run('Interim BART Police Chief Ed Alvarez told reporters the man died. Alvarez said there was no threat.\n\nActing Police Chief Maria Lopez said the suspect fled. Lopez said he was caught later.');
  const { typeOf, all } = typesIn(doc);
  assert.equal(typeOf('BART'), 'organization', all);
  assert.deepEqual(speaker(doc, 'Alvarez', 1), ['Ed Alvarez', 'person']);
  assert.deepEqual(speaker(doc, 'Lopez', 1), ['Maria Lopez', 'person']);
  // The given name says the gender where no title does: "he" is not Maria Lopez.
  assert.notDeepEqual(speaker(doc, 'he'), ['Maria Lopez', 'person']);
});

test('a lone known surname after the article named someone else of that surname is that person, unless the known one is a US president', () => {
  const doc = run('Tim Morrison, a former council official, testified on Tuesday. Morrison said he had raised concerns.');
  assert.deepEqual(speaker(doc, 'Morrison', 1), ['Tim Morrison', 'person']);
  assert.ok(!doc.mentions.some((m) => m.entity === 'scott-morrison'), JSON.stringify(doc.entities.map((e) => e.name)));
});
