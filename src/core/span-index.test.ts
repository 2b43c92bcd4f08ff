import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containersOf, overlappersOf, SpanIndex } from './span-index.js';

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

test('overlappersOf finds the spans sharing a character, in the order given, as a scan would', () => {
  const entries = [sp(30, 100), sp(40, 45), sp(0, 5), sp(38, 50), sp(45, 45), sp(99, 120)];
  const near = overlappersOf(entries, (e) => e);
  const scan = (x: { start: number; end: number }) => entries.filter((e) => e.start < x.end && e.end > x.start);
  for (let a = 0; a < 125; a++) for (const len of [0, 1, 3, 20]) {
    const x = sp(a, a + len);
    assert.deepEqual(near(x), scan(x), `at [${a}, ${a + len})`);
  }
  assert.deepEqual(containersOf(entries.map((span) => ({ span })))(sp(5, 5)).map((e) => e.span), [sp(0, 5)]);
});

test('SpanIndex finds the next start and the last end around a position, as a scan would', () => {
  const spans = [sp(30, 100), sp(40, 45), sp(0, 5), sp(38, 50), sp(45, 45)];
  const idx = new SpanIndex(spans);
  for (let at = -1; at < 110; at++) {
    const starts = spans.map((x) => x.start).filter((s) => s >= at);
    const ends = spans.map((x) => x.end).filter((e) => e <= at);
    assert.equal(idx.firstStartFrom(at), starts.length ? Math.min(...starts) : null, `start from ${at}`);
    assert.equal(idx.lastEndUntil(at), ends.length ? Math.max(...ends) : null, `end until ${at}`);
  }
  assert.equal(new SpanIndex([]).firstStartFrom(0), null);
});
