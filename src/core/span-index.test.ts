import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containersOf, SpanIndex } from './span-index.js';

const sp = (start: number, end: number) => ({ start, end });

test('SpanIndex answers overlap and containment like a scan would', () => {
  const spans = [sp(10, 20), sp(0, 5), sp(30, 100), sp(40, 45)];
  const idx = new SpanIndex(spans);
  const scanOverlap = (x: { start: number; end: number }) => spans.some((s) => s.start < x.end && x.start < s.end);
  const scanHolds = (x: { start: number; end: number }) => spans.some((s) => s.start <= x.start && s.end >= x.end);
  for (let a = 0; a < 110; a += 3) for (let b = a; b < a + 30; b += 4) {
    assert.equal(idx.overlaps(sp(a, b)), scanOverlap(sp(a, b)), `overlaps ${a}-${b}`);
    assert.equal(idx.holds(sp(a, b)), scanHolds(sp(a, b)), `holds ${a}-${b}`);
  }
  assert.equal(new SpanIndex([]).overlaps(sp(0, 10)), false);
});

test('containersOf returns the holders in the order they were given', () => {
  const entries = [{ span: sp(30, 100), id: 'long' }, { span: sp(40, 45), id: 'inner' }, { span: sp(0, 5), id: 'early' }, { span: sp(38, 50), id: 'mid' }];
  const holders = containersOf(entries);
  assert.deepEqual(holders(sp(41, 43)).map((e) => e.id), ['long', 'inner', 'mid']);
  assert.deepEqual(holders(sp(60, 61)).map((e) => e.id), ['long']);
  assert.deepEqual(holders(sp(6, 7)), []);
});
