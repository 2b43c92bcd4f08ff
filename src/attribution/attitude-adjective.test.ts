import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeToWorkingDoc } from '../analyze.js';
import { createPipeline } from '../core/pipeline.js';
import { entitiesStage } from '../entities/index.js';
import { posStage } from '../pos/stage.js';
import { segmentStage } from '../text/segment.js';
import { attributionRefinerStages } from './refiners.js';
import { attributionsStage } from './stage.js';
import type { Attribution, HearsayDocument } from '../core/types.js';

const show = (d: HearsayDocument, a: Attribution) => ({
  source: a.source ? d.text.slice(a.source.start, a.source.end) : null,
  cue: d.text.slice(a.cue.start, a.cue.end),
  content: a.content.map((c) => d.text.slice(c.start, c.end)),
  stance: a.stance ?? false,
});
const attitudes = (text: string) => {
  const d = analyze(text);
  return d.attributions.filter((a) => a.rule === 'attribution:attitude-adjective').map((a) => show(d, a));
};

test('a linking verb and an attitude adjective report the subject’s view of a clause', () => {
  assert.deepEqual(attitudes('Many growers are afraid that the frost will return.'), [
    { source: 'Many growers', cue: 'are afraid', content: ['that the frost will return'], stance: false },
  ]);
});

test('before a phrase the preposition joins the cue and the attribution is a stance', () => {
  assert.deepEqual(attitudes('The county commissioners have been critical of the new landfill since March.'), [
    { source: 'The county commissioners', cue: 'have been critical of', content: ['the new landfill'], stance: true },
  ]);
  assert.deepEqual(attitudes('The mayor was eager to finish the bridge before the winter.').map((a) => a.content), [['to finish the bridge']]);
});

test('"made clear" reports its clause; "it is not clear" and raising "certain to" report nothing', () => {
  // The cue detector may take "made clear" first (its cue may then keep the time adjunct, as
  // the annotators do about half the time); either way the source and content are the same.
  const d = analyze('The governor made clear on Monday that she would veto the bill.');
  assert.deepEqual(d.attributions.map((a) => show(d, a)).map((a) => [a.source, a.cue.startsWith('made clear'), a.content[0]]), [
    ['The governor', true, 'that she would veto the bill'],
  ]);
  // Without the detector, this finder reads it.
  const pipe = createPipeline([segmentStage(), posStage(), entitiesStage(), attributionsStage({ cues: null }), ...attributionRefinerStages()]);
  const w = analyzeToWorkingDoc('The governor made clear on Monday that she would veto the bill.', {}, pipe);
  assert.deepEqual(w.attributions.map((a) => [a.rule, w.text.slice(a.cue.start, a.cue.end)]), [['attribution:attitude-adjective', 'made clear']]);
  assert.deepEqual(attitudes('It is not clear whether the bridge will reopen.'), []);
  assert.deepEqual(attitudes('The toll is certain to rise next year.'), []);
});

test('inside quotation marks, or where another attribution holds it, the adjective adds nothing', () => {
  assert.deepEqual(attitudes('“I am sure the levy will pass,” the treasurer said.'), []);
  const d = analyze('The treasurer said residents are worried that taxes will rise.');
  assert.equal(d.attributions.filter((a) => a.rule === 'attribution:attitude-adjective').length, 0);
  assert.ok(d.attributions.some((a) => d.text.slice(a.cue.start, a.cue.end) === 'said'));
});

test('ids stay in text order when attitudes are added among other attributions', () => {
  const d = analyze('Farmers are worried about the drought. The minister said rain would come.');
  assert.deepEqual(d.attributions.map((a) => a.id), ['a1', 'a2']);
  assert.deepEqual(d.attributions.map((a) => d.text.slice(a.cue.start, a.cue.end)), ['are worried about', 'said']);
});
