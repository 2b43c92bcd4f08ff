import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeToWorkingDoc } from '../analyze.js';
import { windowOf } from './find.js';
import { accordingTo, asCredits, invertedCredits, saidAcross, speechFallbackStage } from './speech-fallback.js';
import { createPipeline, defineStage } from '../core/pipeline.js';
import { segmentStage } from '../text/segment.js';
import { posStage } from '../pos/stage.js';
import { entitiesStage } from '../entities/index.js';
import { attributionsStage } from './stage.js';
import type { LateFind } from './late-finder.js';

const read = (text: string, find: (w: ReturnType<typeof windowOf>) => LateFind[]) => {
  const d = analyzeToWorkingDoc(text);
  const words = (r: [number, number] | null) => (r ? d.text.slice(d.tokens[r[0]]!.start, d.tokens[r[1] - 1]!.end) : null);
  return find(windowOf(d.tokens, 0, 0)).map((f) => [words(f.source), words(f.cue), words(f.content)]);
};

test('a credit after a quotation takes a source that runs on over a restrictive modifier', () => {
  assert.deepEqual(read('“It is going to be hard to finish in time,” said a longtime engineer who has worked on the bridge.', invertedCredits), [
    ['a longtime engineer who has worked on the bridge', 'said', '“It is going to be hard to finish in time,”'],
  ]);
  assert.deepEqual(read('“The bridge is an amazing piece of work,” said the 46-year-old.', invertedCredits).map((r) => r[0]), ['the 46-year-old']);
  // With no quotation the source must end the sentence; the rules read this one first in the pipeline.
  assert.deepEqual(read('The bridge held, said the engineer.', invertedCredits), [['the engineer', 'said', 'The bridge held']]);
  assert.deepEqual(read('The bridge held, said the engineer, and the town cheered.', invertedCredits), []);
  assert.deepEqual(read('“I disagree,” said retired Army Gen. Dana Ruiz, who led the valley command.', invertedCredits).map((r) => r[0]), ['retired Army Gen. Dana Ruiz']);
});

test('an aside between the verb and its clause, and a polled subject', () => {
  assert.deepEqual(read('The engineer said, however, that the bridge would hold.', saidAcross), [['The engineer', 'said', 'that the bridge would hold']]);
  assert.deepEqual(read('Most of those surveyed said the levy should pass.', saidAcross).map((r) => [r[1], r[2]]), [['said', 'the levy should pass']]);
  assert.deepEqual(read('One count says there are 2,400 wells, while another says there are about 1,800.', saidAcross), [['another', 'says', 'there are about 1,800']]);
  assert.deepEqual(read('Yet another said, “The levy will pass.”', saidAcross), [['another', 'said', '“The levy will pass.”']]);
});

test('an inverted credit may share its source with another attribution, not its cue or content', () => {
  const text = '“It will hold,” said a longtime engineer on the project, speaking on condition of anonymity.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  // The models' reading of the participle, whose source is the credit's source too.
  const participle = defineStage('participle', { requires: ['attributions'], assigns: ['participle'] }, () => (doc) => {
    doc.attributions.push({ id: 'a1', source: { ...at('a longtime engineer on the project'), entity: null, kind: 'unknown', count: null, descriptor: null },
      cue: at('speaking'), content: [at('on condition of anonymity')], quote: 'indirect', via: null, hedge: null, rule: 'model:test' });
  });
  const pipe = createPipeline([segmentStage(), posStage(), entitiesStage(), attributionsStage({ model: null, roles: null, cues: null, bounds: null }), participle(), speechFallbackStage()]);
  const d = analyzeToWorkingDoc(text, {}, pipe);
  assert.deepEqual(d.attributions.filter((a) => a.rule === 'attribution:speech-fallback').map((a) => text.slice(a.cue.start, a.cue.end)), ['said']);
});

test('a hyphen and a name credit the quotation before them, also from a sentence of their own', () => {
  for (const gap of [' ', '\n\n']) {
    const d = analyzeToWorkingDoc(`The bill went nowhere.\n\n"Boeing and the others pay no taxes at all."${gap}- Sanders.\n\nThis is a complex issue.`);
    const a = d.attributions.find((x) => x.rule === 'attribution:speech-fallback');
    assert.deepEqual(a && [d.slice(a.source!), d.slice(a.cue), a.content.map((c) => d.slice(c))], ['Sanders', '-', ['"Boeing and the others pay no taxes at all."']], JSON.stringify(gap));
    assert.equal(a?.quote, 'direct');
  }
});

test('a credit after a reported clause with no quotation, where the source ends the sentence', () => {
  assert.deepEqual(read('Keeping the bridge open is within the council’s power, said a handful of engineers who worked on it.', invertedCredits), [
    ['a handful of engineers who worked on it', 'said', 'Keeping the bridge open is within the council’s power'],
  ]);
  assert.deepEqual(read('In the end, said the engineer, the bridge held.', invertedCredits), []);
});

test('a credit whose content holds another attribution whole takes it in as nested', () => {
  const text = 'The mayor warned the council not to vote on the levy, said an official who attended the meeting.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const warned = defineStage('warned', { requires: ['attributions'], assigns: ['warned'] }, () => (doc) => {
    doc.attributions = [{ id: 'a1', source: { ...at('The mayor'), entity: null, kind: 'unknown', count: null, descriptor: null },
      cue: at('warned'), content: [at('the council not to vote on the levy')], quote: 'indirect', via: null, hedge: null, rule: 'model:test' }];
  });
  const pipe = createPipeline([segmentStage(), posStage(), entitiesStage(), attributionsStage({ model: null, roles: null, cues: null, bounds: null }), warned(), speechFallbackStage()]);
  const d = analyzeToWorkingDoc(text, {}, pipe);
  const said = d.attributions.find((a) => a.rule === 'attribution:speech-fallback');
  const inner = d.attributions.find((a) => a.rule === 'model:test');
  assert.deepEqual(said && [d.slice(said.source!), d.slice(said.content[0]!)], ['an official who attended the meeting', 'The mayor warned the council not to vote on the levy']);
  assert.equal(inner?.via, said?.id);
  assert.deepEqual(d.attributions.map((a) => a.id), ['a1', 'a2']);
});

test('"as X reported" credits the clause on the far side of its comma', () => {
  assert.deepEqual(read('As reported by the Ledger, the county found 2,200 faulty meters.', asCredits), [['the Ledger', 'reported', 'the county found 2,200 faulty meters']]);
  assert.deepEqual(read('As the Ledger first reported, the county found faulty meters.', asCredits), [['the Ledger', 'reported', 'the county found faulty meters']]);
  assert.deepEqual(read('The levy is a classic scare tactic, as Dana Ruiz noted in the Ledger.', asCredits), [['Dana Ruiz', 'noted', 'The levy is a classic scare tactic']]);
  assert.deepEqual(read('The meters, as reported, were faulty.', asCredits), []);
});

test('"according to X" before or after the clause it credits', () => {
  assert.deepEqual(read('The plan would cost $1 billion a year, according to the document the council released.', accordingTo), [['the document the council released', 'according to', 'The plan would cost $1 billion a year']]);
  assert.deepEqual(read('According to a 2016 study by the Ledger, most wells are dry.', accordingTo), [['a 2016 study by the Ledger', 'According to', 'most wells are dry']]);
  assert.deepEqual(read('The wells, according to the study, are dry.', accordingTo), []);
});
