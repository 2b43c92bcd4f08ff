import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { renderModelModule } from '../cli/write-model.js';
import { embeddedString } from './embedded.js';

test('embeddedString reads a plain literal from the source and falls back to calling otherwise', () => {
  // Double quotes on purpose: generated modules write them, and the check must handle both kinds.
  function plain(): string { return "QUJDRA=="; }
  function single(): string { return 'QUJD'; }
  function escaped(): string { return "a\u0062c"; }
  function computed(): string { return 'ab' + 'cd'; }
  function quoted(): string { return "say \"hi\""; }
  for (const f of [plain, single, escaped, computed, quoted, () => 'arrow']) assert.equal(embeddedString(f), f());
});

test('renderModelModule: ASCII source, perceptron data behind getters, same JSON', async () => {
  const model = {
    format: 'toy/1',
    source: 'naïve café – “quoted”',
    inner: { perceptron: { format: 'hearsay-perceptron/1', classes: ['a', 'b'], quantum: 1, features: 1, weights: 2, data: 'AAECAwQ=' } },
    other: { format: 'hearsay-perceptron/1', classes: ['x'], quantum: 0.5, features: 0, weights: 0, data: '' },
    plain: { data: 'not a perceptron' },
  };
  const code = renderModelModule({ header: '// toy', typeName: 'ToyJson', typeFrom: './toy.js', constName: 'TOY_MODEL', doc: 'A toy.', model });
  assert.match(code, /^[\x00-\x7e]*$/, 'the module source is ASCII (one byte a character in V8)');
  assert.equal(code.match(/get data\(\)/g)?.length, 2);
  // Run the module as the build would: transpiled, next to dist/model/ so its import resolves.
  const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = mkdtempSync(join(dist, '.render-test-'));
  try {
    const file = join(dir, 'toy-data.js');
    writeFileSync(file, ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
    const mod = (await import(pathToFileURL(file).href)) as { TOY_MODEL: unknown };
    assert.equal(JSON.stringify(mod.TOY_MODEL), JSON.stringify(model));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the shipped model modules hold the models/*.json they were generated from', async () => {
  const shipped: [string, string, string][] = [
    ['../pos/model-data.js', 'POS_MODEL', 'pos.json'],
    ['../attribution-model/model-data.js', 'ATTR_MODEL', 'attr-perceptron.json'],
    ['../attribution-model/roles-data.js', 'ROLE_MODEL', 'attr-roles.json'],
    ['../attribution-model/cues-data.js', 'CUE_MODEL', 'attr-cues.json'],
    ['../attribution-model/bounds-data.js', 'BOUNDS_MODEL', 'attr-bounds.json'],
    ['../wordnet/supersenses-data.js', 'SUPERSENSE_TABLE', 'supersenses.json'],
  ];
  for (const [from, name, json] of shipped) {
    const value = ((await import(from)) as Record<string, unknown>)[name];
    assert.equal(JSON.stringify(value), readFileSync(resolve(process.cwd(), 'models', json), 'utf8').trimEnd(), name);
  }
});
