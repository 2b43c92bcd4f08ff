import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupPersonNames, samePersonName } from './same-name.js';

test('names that can be one person', () => {
  assert.ok(samePersonName('Ruiz', 'Ana Ruiz'));
  assert.ok(samePersonName('Loretta E. Lynch', 'Loretta Lynch'));
  assert.ok(samePersonName('Mr. Reilly', 'Tom Reilly'));
  assert.ok(!samePersonName('J.J. Goldberg', 'Jonah Goldberg'));
  assert.ok(!samePersonName('Donald Trump', 'Donald Trump Jr.'));
  assert.ok(!samePersonName('Martin Luther King Jr.', 'Martin Luther King III'));
  assert.ok(samePersonName('James B. Comey Jr.', 'James B. Comey'));
  assert.ok(samePersonName('Xi', 'Xi Jinping'));
  assert.ok(samePersonName('Mr. Kim', 'Kim Jong Un'));
  assert.ok(samePersonName('Ruiz', 'Ana Ruiz-Lopez'));
  assert.ok(samePersonName('Sen. Ana Ruiz', 'Ana Ruiz'));
  assert.ok(!samePersonName('Ana Ruiz', 'Ana Ruiz Jr.'));
  assert.ok(!samePersonName('Ana Ruiz', 'Tomas Ruiz'));
  assert.ok(!samePersonName('Ana Ruiz', 'Tom Reilly'));
});

test('a surname alone joins the one person of that name, and stays apart beside two', () => {
  const g = groupPersonNames([
    { name: 'Donald Trump', weight: 50 }, { name: 'Trump', weight: 3 }, { name: 'Loretta E. Lynch', weight: 2 }, { name: 'Loretta Lynch', weight: 5 },
    { name: 'Steve King', weight: 2 }, { name: 'Larry King', weight: 1 }, { name: 'King', weight: 4 }, { name: 'Obama', weight: 1 },
    { name: 'Larry David', weight: 1 }, { name: 'David', weight: 1 }, { name: 'the defense secretary', weight: 1 }, { name: 'Secretary', weight: 1 },
    { name: 'JOEL BENENSON', weight: 3 }, { name: 'Joel Benenson', weight: 1 },
    { name: 'Ruiz', weight: 1 }, { name: 'Ana Ruiz-Lopez', weight: 1 },
    { name: 'Donald Trump Jr.', weight: 1 },
  ]);
  assert.equal(g.get('Ruiz'), 'Ana Ruiz-Lopez');
  assert.equal(g.get('Donald Trump Jr.'), 'Donald Trump Jr.');
  assert.equal(g.get('David'), 'David');
  assert.equal(g.get('Secretary'), 'Secretary');
  assert.equal(g.get('JOEL BENENSON'), 'Joel Benenson');
  // Donald Trump Jr. is another person of that name, so "Trump" alone could be either.
  assert.equal(g.get('Trump'), 'Trump');
  assert.equal(g.get('Loretta Lynch'), 'Loretta E. Lynch');
  assert.equal(g.get('King'), 'King');
  assert.equal(g.get('Steve King'), 'Steve King');
  assert.equal(g.get('Larry King'), 'Larry King');
  assert.equal(g.get('Obama'), 'Obama');
});
