import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analyze.js';
import { WorkingDoc } from '../core/working-doc.js';
import { segmentStage } from '../text/segment.js';
import { closeQuotedContents } from './quote-close.js';

test('a content that ends inside a quotation it opens runs to the closing mark', () => {
  const text = 'China said it is committed to the “one country, two systems” formula granting the city autonomy.';
  const doc = new WorkingDoc(text, { path: null, type: 'text' }, { date: '2019-11-20' });
  segmentStage().run(doc);
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  doc.attributions = [{ id: 'a1', source: { ...at('China'), entity: null, kind: 'unknown', count: null, descriptor: null }, cue: at('said'), content: [at('it is committed to the “one country')], quote: 'mixed', via: null, hedge: null, rule: 'model' }];
  closeQuotedContents(doc);
  const a = doc.attributions[0]!;
  assert.equal(text.slice(a.content[0]!.start, a.content[0]!.end), 'it is committed to the “one country, two systems”');
  assert.deepEqual(a.refinedBy, ['attribution:quote-close']);
});

test('a content with no quotation left open is left as it was', () => {
  const d = analyze('The mayor said the plan was “final,” and the council agreed on Monday.', { date: '2019-11-20' });
  assert.ok(d.attributions.length > 0);
  for (const a of d.attributions) assert.ok(!a.refinedBy?.includes('attribution:quote-close'), JSON.stringify(a));
});
