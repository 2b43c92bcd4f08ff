import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeToWorkingDoc } from '../analyze.js';
import { createPipeline } from '../core/pipeline.js';
import { entitiesStage } from '../entities/index.js';
import { posStage } from '../pos/stage.js';
import { segmentStage } from '../text/segment.js';
import { attributionsStage } from './stage.js';
import { nestedContentStage } from './nested.js';
import type { HearsayDocument } from '../core/types.js';

/** Attributions as readable triples [source, cue, content…]. */
function triples(doc: HearsayDocument): string[][] {
  const t = doc.text;
  return doc.attributions.map((a) => [a.source ? t.slice(a.source.start, a.source.end) : '', t.slice(a.cue.start, a.cue.end), ...a.content.map((c) => t.slice(c.start, c.end))]);
}

const one = (text: string) => triples(analyze(text));

test('X said (that) Y', () => {
  assert.deepEqual(one('The finance minister said that the budget would be cut.'), [['The finance minister', 'said', 'that the budget would be cut']]);
  assert.deepEqual(one('A spokeswoman said the budget would be cut.'), [['A spokeswoman', 'said', 'the budget would be cut']]);
});

test('Y, X said — content before the cue', () => {
  assert.deepEqual(one('The budget will be cut, the finance minister said on Monday.'), [['the finance minister', 'said', 'The budget will be cut']]);
});

test('inverted quotation: “Y,” said X', () => {
  const d = analyze('“We will rebuild the bridge,” said the mayor.');
  assert.deepEqual(triples(d), [['the mayor', 'said', '“We will rebuild the bridge,”']]);
  assert.equal(d.attributions[0]!.quote, 'direct');
});

test('according to a source whose first word the tagger would read as a verb ("exit polls")', () => {
  assert.deepEqual(one('According to exit polls, the governor carried the county by nine points.'), [['exit polls', 'According to', 'the governor carried the county by nine points']]);
  const doc = analyzeToWorkingDoc('According to press reports, the mayor will resign.');
  assert.equal(doc.tokens.find((t) => t.text === 'press')!.pos, 'NN');
});

test('a time phrase closing the subject dates the statement and stays out of the source', () => {
  assert.deepEqual(one('An arbitration panel in 2001 said the company owed nothing.'), [['An arbitration panel', 'said', 'the company owed nothing']]);
  assert.deepEqual(one('Federal prosecutors in April 2015 said the bank had misled investors.'), [['Federal prosecutors', 'said', 'the bank had misled investors']]);
  assert.deepEqual(one('State prosecutors in early April said the bank had misled investors.'), [['State prosecutors', 'said', 'the bank had misled investors']]);
  // A place keeps its preposition: it narrows who spoke.
  assert.deepEqual(one('Officials in Ohio said the bridge would reopen.'), [['Officials in Ohio', 'said', 'the bridge would reopen']]);
});

test('a possessor is a source of the noun cue it owns ("North Korea\'s claim that …")', () => {
  const got = one("Experts were wary of North Korea's claim that the test succeeded.");
  assert.deepEqual(got.filter((t) => t[1] === 'claim').map((t) => t.slice(0, 3)), [["North Korea's", 'claim', 'that the test succeeded']]);
});

test('a dateline opening the sentence is no part of the content', () => {
  assert.deepEqual(one('WASHINGTON \u2015 The deal is dead, the senator said on Tuesday.'), [['the senator', 'said', 'The deal is dead']]);
  assert.deepEqual(one('FLINT, Mich., Oct. 4 (UPI) \u2014 The plant will close next year, the company said.'), [['the company', 'said', 'The plant will close next year']]);
  const d = analyze('LONDON \u2014 \u201CWe will not back down,\u201D the prime minister said.');
  assert.deepEqual(triples(d), [['the prime minister', 'said', '\u201CWe will not back down,\u201D']]);
  assert.deepEqual(d.attributions[0]!.refinedBy, ['attribution:dateline']);
  // An acronym opening a clause is not a dateline.
  assert.deepEqual(one('NATO troops will stay, the minister said.'), [['the minister', 'said', 'NATO troops will stay']]);
});

test('a transcript turn opened by a stray quotation mark keeps its speaker label out of the content', () => {
  const d = analyze('Partial transcript:\n\n"WALLACE: Let us start with the news. Will she be there?\n\n"PENCE: Well, look, this is serious business.\n');
  assert.deepEqual(triples(d).map((t) => [t[0], t[2]!.slice(0, 12)]), [['WALLACE', 'Let us start'], ['PENCE', 'Well, look, ']]);
});

test('a paragraph of many turns: each stops where the next label opens (a few turns run to the paragraph end)', () => {
  const turns = Array.from({ length: 10 }, (_, i) => (i % 2 ? 'LINDQVIST: "They will not fix anything."' : 'OKAFOR: "We will fix the buses."')).join(' ');
  const many = triples(analyze(`At the forum, the two traded lines.\n\n${turns}\n`)).filter((t) => t[1] === ':');
  assert.equal(many.length, 10);
  assert.deepEqual(many.slice(0, 2).map((t) => [t[0], t[2]]), [['OKAFOR', '"We will fix the buses."'], ['LINDQVIST', '"They will not fix anything."']]);
  // Two turns keep the reading the models were trained with: the first runs to the paragraph end.
  const two = triples(analyze('At the forum, the two traded lines.\n\nOKAFOR: "Our plan cuts the fare." LINDQVIST: "Their plan cuts the buses."\n')).filter((t) => t[1] === ':');
  assert.equal(two[0]![2], '"Our plan cuts the fare." LINDQVIST: "Their plan cuts the buses."');
});

test('a label before numbers and no verb is a list entry, not a speaker\'s turn', () => {
  const d = analyze('Delegate count so far:\n\nMaria Ortiz: 1,204.\n\nSam Lee: 981.\n\nMaria Ortiz: We will win this.\n');
  assert.deepEqual(triples(d).map((t) => [t[0], t[2]]), [['Maria Ortiz', 'We will win this']]);
});

test('X told Z that Y keeps the recipient out of the content', () => {
  assert.deepEqual(one('An aide told reporters that the talks had collapsed.'), [['An aide', 'told', 'that the talks had collapsed']]);
});

test('according to X, at the start and at the end', () => {
  assert.deepEqual(one('According to a city report, the pier is unsafe.'), [['a city report', 'According to', 'the pier is unsafe']]);
  assert.deepEqual(one('The pier is unsafe, according to the inspectors.'), [['the inspectors', 'according to', 'The pier is unsafe']]);
});

test('cue plus infinitive and participial cues', () => {
  assert.deepEqual(one('The senator called for the chief to be fired.'), [['The senator', 'called for', 'the chief to be fired']]);
  const d = one('The army shelled the town, saying it targeted rebels.');
  assert.deepEqual(d, [['The army', 'saying', 'it targeted rebels']]);
});

test('hedges are recorded and mixed quotes typed', () => {
  const d = analyze('The coach reportedly replied that the players were ‘tired and angry.’');
  assert.equal(d.attributions[0]!.hedge, 'reportedly');
  assert.equal(d.attributions[0]!.quote, 'mixed');
});

test('a nested attribution points to its outer one through via', () => {
  const d = analyze('‘The governor told the mayor that the bridge is safe,’ a city official said.');
  assert.equal(d.attributions.length, 2);
  const inner = d.attributions.find((a) => d.text.slice(a.cue.start, a.cue.end) === 'told')!;
  const outer = d.attributions.find((a) => d.text.slice(a.cue.start, a.cue.end) === 'said')!;
  assert.equal(inner.via, outer.id);
  assert.equal(outer.via, null);
  // The inner content stops where the outer quotation closes, not in its credit.
  const d2 = analyze('‘The governor told the mayor that the bridge is his top priority,’ a city official said.');
  assert.deepEqual(triples(d2).find((t) => t[1] === 'told'), ['The governor', 'told', 'that the bridge is his top priority']);
  // Where a reader runs it on into the credit, the nested-content stage clips it.
  const w = analyzeToWorkingDoc('‘The governor told the mayor that the bridge is his top priority,’ a city official said.');
  const inner2 = w.attributions.find((a) => a.via)!;
  inner2.content = [{ start: inner2.content[0]!.start, end: w.text.indexOf(' said') }];
  nestedContentStage().run(w);
  assert.equal(w.text.slice(inner2.content[0]!.start, inner2.content[0]!.end), 'that the bridge is his top priority');
  assert.equal(inner2.refinedBy?.at(-1), 'attribution:nested-content');
});

test('a speaker\'s "I told" inside its own quotation is one attribution, not a nest; outside quotation marks "I" is the author', () => {
  const d = analyze('“I told the council that the port is safe,” Mayor Dana Okafor said on Monday.');
  assert.deepEqual(triples(d).map((t) => t[1]), ['said'], JSON.stringify(triples(d)));
  const col = analyze('I told the council last year that the port was safe.');
  const a = col.attributions[0]!;
  assert.equal(col.entities.find((e) => e.id === a.source?.entity)?.name, 'the author');
});

test('sentences without a reporting cue yield no attribution', () => {
  assert.deepEqual(one('The bridge closed on Monday after a storm damaged its cables.'), []);
});

test('span conventions: auxiliaries join the cue, appositives and parentheses join the source', () => {
  const aux = analyze('The governor has not said whether the plant will close.');
  assert.deepEqual(triples(aux), [['The governor', 'has not said', 'whether the plant will close']]);
  assert.deepEqual(aux.attributions[0]!.refinedBy, ['attribution:cue-auxiliaries']);
  // A hedge stays out of the cue: the attribution carries it as `hedge`.
  const hedged = analyze('The coach reportedly told players that the season was over.');
  assert.deepEqual(triples(hedged)[0]!.slice(0, 2), ['The coach', 'told']);
  assert.equal(hedged.attributions[0]!.hedge, 'reportedly');
  assert.deepEqual(one('“The levee held,” said Dana Ruiz, an engineer with the county.'), [['Dana Ruiz, an engineer with the county', 'said', '“The levee held,”']]);
  assert.deepEqual(one('Rep. Lena Oyelaran (D-Ore) said the vote was rushed.'), [['Rep. Lena Oyelaran (D-Ore)', 'said', 'the vote was rushed']]);
});

test('coordination: subjects that speak together, and a verb that starts a second attribution', () => {
  assert.deepEqual(one('Mr. Holt and Ms. Varga said the audit was flawed.'), [['Mr. Holt and Ms. Varga', 'said', 'the audit was flawed']]);
  assert.deepEqual(one('Farmers in the valley said the river had dried up.'), [['Farmers in the valley', 'said', 'the river had dried up']]);
  assert.deepEqual(one('The senator said that the bill was flawed and urged colleagues to reject it.'), [
    ['The senator', 'said', 'that the bill was flawed'], ['The senator', 'urged', 'colleagues to reject it'],
  ]);
  assert.deepEqual(analyze('The senator said that the bill was flawed and urged colleagues to reject it.').attributions[0]!.refinedBy, ['attribution:coordinated-verb']);
  assert.deepEqual(one('She urges her husband to leave and repeatedly says the police are coming.').map((x) => x[1]), ['urges', 'repeatedly says']);
  // A coordinated clause with its own subject stays in the content.
  assert.deepEqual(one('She said that prices rose and wages fell.'), [['She', 'said', 'that prices rose and wages fell']]);
  // The coordinated verb speaks with the first cue's source, not with the reported clause's subject.
  assert.deepEqual(one('Okafor, a county spokesman, said he’d battled through three storms in his years in office and called it a common burden of the post.').map((x) => x.slice(0, 2)), [
    ['Okafor, a county spokesman', 'said'], ['Okafor, a county spokesman', 'called'],
  ]);
});

test('a cue ending its paragraph with a colon takes the quotation below it once', () => {
  const d = analyze('The governor added:\n\n“We will rebuild every road.”\n\nThe talks ended.\n');
  assert.equal(d.attributions.length, 1);
  assert.deepEqual(triples(d)[0]!.slice(2), ['“We will rebuild every road.”']);
  const block = analyze('The governor added:\n\nWe will rebuild every road. It will take years.\n\nThe talks ended.\n');
  // The boundary ranker takes the colon into the cue, as PolNeAR marks "added:".
  assert.deepEqual(triples(block), [['The governor', 'added:', 'We will rebuild every road. It will take years.']]);
  assert.equal(block.attributions[0]!.rule, 'attribution:colon-paragraph');
});

test('a time adjunct between source and cue, and a label that opens with its verb', () => {
  assert.deepEqual(one('The Ledger on Saturday wrote that the mayor had lost the vote.'), [['The Ledger', 'wrote', 'that the mayor had lost the vote']]);
  assert.deepEqual(one('The bank just this month announced it would drop the fees.'), [['The bank', 'announced', 'it would drop the fees']]);
  assert.deepEqual(one('Bonuses were large, the Tribune reports.'), [['the Tribune', 'reports', 'Bonuses were large']]);
  assert.deepEqual(one('Said Ortiz: “I don’t think she is interested.”'), [['Ortiz', 'Said', '“I don’t think she is interested.”']]);
  assert.deepEqual(one('Residents, many of whom say the levee is unsafe, left early.')[0]!.slice(0, 2), ['many of whom', 'say']);
  assert.deepEqual(one('The meeting went badly from there, said one party source in the room.'), [['one party source in the room', 'said', 'The meeting went badly from there']]);
  assert.deepEqual(one('His aides say it is too early to discuss a run.'), [['His aides', 'say', 'it is too early to discuss a run']]);
  // A hyphenated participle before a noun is read as an adjective inside the source.
  assert.deepEqual(one('The plan would cut taxes, according to the left-leaning Budget Institute.'), [['the left-leaning Budget Institute', 'according to', 'The plan would cut taxes']]);
});

test('"is expected to": an expectation with no source, subject and infinitive as content', () => {
  const d = analyze('The new bridge is expected to reopen in May.');
  assert.deepEqual(triples(d), [['', 'is expected', 'The new bridge', 'to reopen in May']]);
  assert.equal(d.attributions[0]!.rule, 'attribution:expectation');
  // An agent makes it an ordinary passive attribution, and an active "expected" is the source's own.
  assert.ok(!analyze('The bridge was expected by engineers to reopen.').attributions.some((a) => a.rule === 'attribution:expectation'));
  assert.ok(!analyze('Engineers expected the bridge to reopen.').attributions.some((a) => a.rule === 'attribution:expectation'));
});

test('a trailing "in polls" reports a finding only from a named or sourced poll', () => {
  assert.deepEqual(one('The senator is still ahead in national polls.'), []);
  assert.deepEqual(one('The mayor had 38 percent support in a new Gazette poll.'), [['a new Gazette poll', 'in', 'The mayor had 38 percent support']]);
});

test('a relative pronoun\'s cue reads its content after the cue, not the main clause before it', () => {
  // The rules read "who | added | to her lead"; the object-reading stage then drops it ("added"
  // with a plain object is an act). Either way the main clause is no one's content.
  assert.ok(!one('The mayor lost three wards to Ortiz, who added to her lead.').some((t) => t[2]!.includes('three wards')));
  assert.deepEqual(one('The mayor lost three wards to Ortiz, who criticized the count.'), [['who', 'criticized', 'the count']]);
});

test('a participle whose subject lies inside an earlier report speaks with that report\'s source', () => {
  const got = one('The mayor is noting the problems the council had with the budget and saying she could not sign it.');
  assert.deepEqual(got.find((x) => x[1] === 'saying'), ['The mayor', 'saying', 'she could not sign it']);
  assert.equal(analyze('The mayor is noting the problems the council had with the budget and saying she could not sign it.').attributions.find((a) => a.rule === 'attribution:participle-cue')?.refinedBy?.includes('attribution:participle-outer-source'), true);
});

test('"a firm called X" names the thing it introduces; "the mayor called X a Y" is a statement', () => {
  assert.deepEqual(one('Last year the town got a new museum called the Harbor House.'), []);
  assert.deepEqual(one('The mayor called the plan “a disgrace.”'), [['The mayor', 'called', 'the plan “a disgrace.”']]);
});

test('a verb of seeming: the outlet\'s own judgement, no source, subject and complement as content', () => {
  const d = analyze('The senator appeared to soften his stance on the tariff.');
  assert.deepEqual(triples(d), [['', 'appeared', 'The senator', 'to soften his stance on the tariff']]);
  assert.equal(d.attributions[0]!.rule, 'attribution:seeming');
  // Adverbs and negation join the cue; a circumstance of the clause ends the complement.
  assert.deepEqual(one('The plan does not seem workable, despite the new funds.'), [['', 'does not seem', 'The plan', 'workable']]);
  // "it seems" / "there seems": the expletive is part of the cue, the clause is the content.
  assert.deepEqual(one('It seems that the council has already decided.'), [['', 'It seems', 'that the council has already decided']]);
  // A relative pronoun is the subject; a reflexive stresses the one before it.
  assert.deepEqual(one('The mayor himself seemed unconvinced.'), [['', 'seemed', 'The mayor', 'unconvinced']]);
  // Appearing somewhere is no judgement, nor is a seeming that names its own stance verb.
  assert.ok(!analyze('The senator appeared on the radio on Sunday.').attributions.some((a) => a.rule === 'attribution:seeming'));
  assert.ok(!analyze('The senator seemed to suggest a compromise.').attributions.some((a) => a.rule === 'attribution:seeming'));
  // Inside a quotation the seeming is the speaker's, carried by the quotation's attribution.
  assert.deepEqual(one('“Nobody seems worried,” the aide said.'), [['the aide', 'said', '“Nobody seems worried,”']]);
});

test('"In the end, the mayor said, the bridge …": an opening adverbial and the clause after the cue are the content', () => {
  assert.deepEqual(one('In the end, the mayor said, the bridge will be rebuilt.'), [['the mayor', 'said', 'In the end', 'the bridge will be rebuilt']]);
  // As with any parenthetical cue ("The museum, he said, would open").
  assert.deepEqual(one('The museum, he said, would open in May.'), [['he', 'said', 'The museum', 'would open in May']]);
});

test('"Asked whether …" and "when asked about …": a question with no source', () => {
  assert.deepEqual(one('Asked whether she would run again, the mayor smiled.').filter((x) => x[1] === 'Asked'), [['', 'Asked', 'whether she would run again']]);
  assert.deepEqual(one('The mayor smiled, when asked about the fee.').filter((x) => x[1] === 'asked about'), [['', 'asked about', 'the fee']]);
  assert.deepEqual(one('The agency is widely expected to approve the permit.'), [['', 'is widely expected', 'The agency', 'to approve the permit']]);
  // An asker who is named makes it an ordinary attribution.
  assert.ok(!analyze('Reporters asked whether she would run again.').attributions.some((a) => a.rule === 'attribution:asked-question'));
});

test('relative clauses and participles inside a subject leave the main cue outermost', () => {
  const t = one('Farmers and others who want to stop the dam said the vote was rigged.');
  assert.deepEqual(t.find((x) => x[1] === 'want'), ['who', 'want', 'to stop the dam']);
  // The rules take the nearest conjunct with its relative clause. The shipped boundary ranker may
  // widen it to the whole subject, as PolNeAR often marks it: that choice is the model's (the
  // previous release's ranker widened this one, the current one does not), so only the clause is pinned.
  const main = t.find((x) => x[1] === 'said')!;
  assert.ok(main[0]!.endsWith('others who want to stop the dam'), main[0]);
  assert.deepEqual(main.slice(1), ['said', 'the vote was rigged']);
  const rulesOnly = createPipeline([segmentStage(), posStage(), entitiesStage(), attributionsStage({ bounds: null })]);
  const raw = analyzeToWorkingDoc('Farmers and others who want to stop the dam said the vote was rigged.', {}, rulesOnly).toJSON();
  assert.deepEqual(triples(raw).find((x) => x[1] === 'said'), ['others who want to stop the dam', 'said', 'the vote was rigged']);
  const d = analyze('Ms. Okafor, citing the new figures, said the plan would fail.');
  const said = d.attributions.find((a) => d.text.slice(a.cue.start, a.cue.end) === 'said')!;
  assert.equal(said.via, null);
  assert.deepEqual(triples(d).find((x) => x[1] === 'citing'), ['Ms. Okafor', 'citing', 'the new figures']);
  // A sentence-initial plural the tagger reads as a verb ("Aides/VBZ say").
  assert.deepEqual(one('Aides say the governor plans to run.'), [['Aides', 'say', 'the governor plans to run']]);
});

test('"In a poll, …": the poll is the source of its finding', () => {
  assert.deepEqual(one('In a county poll released Monday, the levy led by six points.'), [['a county poll released Monday', 'In', 'the levy led by six points']]);
  assert.deepEqual(one('In a speech on Monday, the mayor praised the crews.').filter((x) => x[1] === 'In'), []);
  // After the clause it reports, in a sentence with no cue verb at all.
  assert.deepEqual(one('But the levy fell to 40 percent in the latest county poll released Wednesday.'), [['the latest county poll released Wednesday', 'in', 'the levy fell to 40 percent']]);
  assert.deepEqual(one('In the spring, Ortiz was winning older voters by 28 points in the same poll, a big swing.'), [['the same poll', 'in', 'Ortiz was winning older voters by 28 points']]);
  // "in the polls" alone is a manner of speaking.
  assert.deepEqual(one('Ms. Varga has a decisive lead in the polls ahead of the vote.'), []);
});

test('a participle after a reported clause speaks with the reporter, not the clause\'s subject', () => {
  const got = one('Senator Mara Quill said she doubted the new rules would hurt farmers, arguing that the drought was the bigger threat.');
  assert.deepEqual(got.map((t) => t.slice(0, 2)), [['Senator Mara Quill', 'said'], ['Senator Mara Quill', 'arguing']]);
  // A participle inside the reported clause keeps that clause's subject.
  const inner = one('Aides said that the mayor objected, telling him the plan was too costly.');
  assert.equal(inner.find((t) => t[1] === 'telling')?.[0], 'the mayor');
});

test('a cue verb inside a free relative ("what he called") stays in the content', () => {
  const got = one('Lately, Ms. Ferro said, the talk about the river is full of what she called wishful thinking about the dam.');
  assert.deepEqual(got.find((t) => t[1] === 'said')?.slice(2), ['Lately', 'the talk about the river is full of what she called wishful thinking about the dam']);
});

test('"Asked to …, X said, “…”": the question is no part of what X said', () => {
  const got = one('Asked to name the donors behind the fund, Ms. Abara said, \u201CThat is not something I will share.\u201D');
  assert.deepEqual(got.find((t) => t[1] === 'said')?.slice(2), ['\u201CThat is not something I will share.\u201D']);
});

test('an object content keeps a participle coordinated with its adjective ("unfounded and invented by …")', () => {
  const got = one('The company called the reports unfounded and invented by rival bidders.');
  assert.deepEqual(got, [['The company', 'called', 'the reports unfounded and invented by rival bidders']]);
});

test('a participle\'s subject may carry an appositive ("Dean, a doctor, then appeared …, saying")', () => {
  const got = one('Ms. Varga, a retired judge, then appeared on the radio on Sunday and began by saying she would never rule on a friend.');
  assert.deepEqual(got.map((t) => t.slice(0, 2)), [['Ms. Varga, a retired judge', 'saying']]);
});

test('"reportedly" on a verb that is no cue: unnamed others report the clause', () => {
  assert.deepEqual(one('Anti-tax delegates reportedly erupted in a chorus of booing.'), [['', 'reportedly', 'Anti-tax delegates', 'erupted in a chorus of booing']]);
  assert.deepEqual(one('Reportedly, he made hostile comments to co-workers.'), [['', 'Reportedly', 'he made hostile comments to co-workers']]);
  // On a cue verb it hedges that cue's attribution instead.
  assert.deepEqual(one('The coach reportedly replied that the players were tired.').map((t) => t[1]), ['replied']);
});

test('a quotation resumed after the cue runs on to its closing mark in a later sentence', () => {
  const got = one('"I think the referee will be fair," the coach said at a rally in Dayton, "but a lot of people are watching. The fans are angry."\n\nNext.');
  assert.deepEqual(got, [['the coach', 'said', '"I think the referee will be fair,"', '"but a lot of people are watching. The fans are angry."']]);
});

test('a participle whose clause verb was read as a participle takes the source of the sentence\'s earlier cue', () => {
  const got = one('Mayor Ana Ruiz (D), the governor\'s rival in the coming race, called Friday for releasing the videos, as well, saying that openness "builds trust."');
  // (The boundary ranker may keep or drop the appositive; the subject is what the rule finds.)
  assert.match(got.find((t) => t[1] === 'saying')?.[0] ?? '', /^Mayor Ana Ruiz \(D\)/);
});

test('a name after a dash or "from" introduces the quotation after its colon', () => {
  const d = analyze('Turnout was high - Philip Bump: \u201CTwo weeks ago, the rural vote was weak.\u201D\n\nMore from Jones: \u201CThe state population is a starting point.\u201D\n');
  assert.deepEqual(triples(d), [['Philip Bump', ':', '\u201CTwo weeks ago, the rural vote was weak.\u201D'], ['Jones', ':', '\u201CThe state population is a starting point.\u201D']]);
  // Not a headline's topic ("Update on the vote: …").
  assert.deepEqual(triples(analyze('The tally - Update on the Vote: \u201CNo change.\u201D\n')), []);
});

test('a cue in an opening subordinate clause: the content ends where the main clause starts', () => {
  const d = analyze('Although the senator said that the bill was flawed, her party voted for it on Tuesday.');
  assert.deepEqual(triples(d)[0], ['the senator', 'said', 'that the bill was flawed']);
  assert.ok(d.attributions[0]!.refinedBy?.includes('attribution:main-clause'));
});

test('a participle content stops before a second coordinated participle', () => {
  const got = one('The governor left the meeting early, saying the talks had failed and warning that a strike was likely.');
  assert.deepEqual(got, [['The governor', 'saying', 'the talks had failed'], ['The governor', 'warning', 'that a strike was likely']]);
});

test('a lower-case particle inside a name stays in the source', () => {
  assert.deepEqual(one('Mayor Bill de Blasio said the city would reopen its schools.'), [['Mayor Bill de Blasio', 'said', 'the city would reopen its schools']]);
  assert.deepEqual(one('Ludwig van Halen said the concert was cancelled.'), [['Ludwig van Halen', 'said', 'the concert was cancelled']]);
});

test('a source never starts inside a recognised name', () => {
  const d = analyze("Experts were wary of North Korea's claim that the test succeeded.");
  assert.deepEqual(triples(d).filter((t) => t[1] === 'claim').map((t) => t[0]), ["North Korea's"]);
});

test('"they" as a source speaks for the plural subject before it that names people, as an unnamed group', () => {
  const d = analyze('The protesters marched downtown on Monday. They said the police had blocked the bridge. They also said the mayor stayed away.');
  const a = d.attributions[0]!;
  assert.equal(d.attributions[1]!.source!.entity, a.source!.entity, 'a second "they" is the same group');
  assert.equal(d.text.slice(a.source!.start, a.source!.end), 'They');
  assert.deepEqual([a.source!.kind, a.source!.descriptor], ['anonymous', 'The protesters']);
  assert.equal(d.entities.find((e) => e.id === a.source!.entity)?.type, 'group');
  const rates = analyze('Interest rates rose sharply on Monday. They said the markets would recover.');
  assert.equal(rates.attributions[0]!.source!.entity, null, 'rates are no people');
});

test('a speaker label after a timestamp sentence the segmenter ran on, and no speaker in a "Live:" kicker', () => {
  const got = one('Live: River floods the town as barrier is overtopped\n\n9:31 a.m. — The council ordered residents to leave by 10 a.m. Council leader Janet Orme: “If you are in the red zone, go now.”');
  assert.ok(!got.some((x) => x[0] === 'Live'));
  assert.deepEqual(got.find((x) => x[1] === ':'), ['Council leader Janet Orme', ':', '“If you are in the red zone, go now.”']);
});
