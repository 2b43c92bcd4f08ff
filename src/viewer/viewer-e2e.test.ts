/**
 * End-to-end tests of the viewer page in headless Chromium (Debian's `chromium`, driven by
 * playwright-core). Skipped with a message where /usr/bin/chromium is absent.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { HearsayDocument } from '../core/types.js';
import { startServer, type RunningServer } from '../server/serve.js';
import { buildRenderModel } from './render-model.js';

const CHROMIUM = '/usr/bin/chromium';

/** An article written for this test: a quotation, an anonymous source, an outlet, a document, and hostile markup. */
const ARTICLE = `Port expansion plan faces budget questions

The harbour expansion will "create thousands of jobs and secure our future," Transport Minister Ana Reyes said on Tuesday.

But two senior officials told the Coastal Herald that Reyes had privately warned the cabinet the project was over budget. According to a report by the Audit Office, costs have doubled since 2023.

Protesters carried a banner reading <script>window.__pwned = 1; alert(1)</script> and another reading <img src=x onerror="window.__pwned = 2; alert(2)">. Opposition leader Tom Baird called the plan "a reckless land grab" and urged the minister to publish the full costings.

"We will not be rushed," Reyes said.
`;

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

interface Watch {
  dialogs: string[];
  external: string[];
  errors: string[];
}

async function openViewer(browser: Browser, server: RunningServer): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, acceptDownloads: true });
  const watch: Watch = { dialogs: [], external: [], errors: [] };
  page.on('dialog', (d) => { watch.dialogs.push(d.message()); void d.dismiss(); });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${server.url}/`) && !u.startsWith('blob:') && !u.startsWith('data:')) watch.external.push(u);
  });
  await page.goto(`${server.url}/`);
  return { page, watch };
}

async function analyzeIn(page: Page, text: string, date: string): Promise<void> {
  await page.fill('#input', text);
  await page.fill('#date', date);
  await page.click('#analyze');
  await page.waitForSelector('#result:not([hidden])');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Analyzed'));
}

function skipWithoutChromium(t: TestContext): boolean {
  if (existsSync(CHROMIUM)) return false;
  t.skip(`${CHROMIUM} absent: install it with "apt-get install -y chromium" to run the viewer end-to-end tests`);
  return true;
}

test('viewer e2e: analyse a pasted article, highlights and panel appear, no script runs', async (t) => {
  if (skipWithoutChromium(t)) return;
  const server = await startServer({ port: 0, host: '127.0.0.1', concurrency: 1 });
  const browser = await launch();
  try {
    const { page, watch } = await openViewer(browser, server);
    await analyzeIn(page, ARTICLE, '2025-03-04');

    // The article is rendered as text, verbatim: the markup is visible, not parsed.
    assert.equal(await page.textContent('#article'), ARTICLE);
    assert.equal(await page.locator('#article script, #article img, #article [onerror]').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(watch.dialogs, []);
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(watch.external, [], 'no request leaves the server');

    // What the API says decides how strict the highlight checks can be.
    const doc = (await (await fetch(`${server.url}/api/analyze`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: ARTICLE, date: '2025-03-04' }),
    })).json()) as HearsayDocument;
    assert.equal(await page.isVisible('#sources'), true);
    assert.equal(await page.isVisible('#meta'), true);
    // The DOM shows exactly what the render model computes from the API's document.
    const model = buildRenderModel(doc);
    for (const role of ['source', 'cue', 'content'] as const) {
      const expected = model.segments.filter((seg) => seg.roles.includes(role)).map((seg) => seg.text);
      assert.deepEqual(await page.locator(`#article .hs-${role}`).allTextContents(), expected, role);
    }
    if (doc.attributions.length) {
      const withSource = doc.attributions.filter((a) => a.source).length;
      assert.ok(await page.locator('#article .hs-cue').count() >= 1);
      assert.ok(await page.locator('#article .hs-content').count() >= 1);
      if (withSource) assert.ok(await page.locator('#article .hs-source').count() >= 1);
      assert.ok(await page.locator('#sources button.group').count() >= 1);
      assert.match((await page.textContent('#summary')) ?? '', new RegExp(`^${doc.attributions.length} attribution`));
      if (doc.attributions.some((a) => a.quote === 'direct' || a.quote === 'mixed')) {
        assert.ok(await page.locator('#article .hs-direct, #article .hs-mixed').count() >= 1);
      }
      if (withSource) {
        const src = page.locator('#article .hs-source').first();
        await src.hover();
        assert.match((await page.textContent('#details')) ?? '', /Source/);
        await src.click();
        assert.equal(await page.isVisible('#statements'), true);
        assert.ok(await page.locator('#statements li').count() >= 1);
        assert.ok(await page.locator('#article .hs-selected').count() >= 1);
      }
    } else {
      t.diagnostic('the engine returned no attributions; only rendering was checked');
    }

    // Downloads: CSV of attributions and the JSON document.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    assert.ok(csvText.startsWith('id,source,source_kind'));
    assert.equal(csvText.trimEnd().split('\r\n').length, 1 + doc.attributions.length);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const downloaded = JSON.parse(readFileSync((await json.path())!, 'utf8')) as HearsayDocument;
    assert.equal(downloaded.schema, 'hearsay/1');
    assert.equal(downloaded.text, ARTICLE);

    await page.mouse.move(0, 0);
    await page.evaluate(() => { document.querySelector('#input')!.scrollTop = 0; });
    const src = page.locator('#article .hs-source').first();
    if (await src.count()) await src.hover();
    const dir = path.resolve(process.cwd(), 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    const shot = path.join(dir, 'viewer.png');
    await page.screenshot({ path: shot, fullPage: true });
    const docs = path.resolve(process.cwd(), 'docs/viewer.png');
    if (process.env.UPDATE === '1' || !existsSync(docs)) {
      mkdirSync(path.dirname(docs), { recursive: true });
      copyFileSync(shot, docs);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test('viewer e2e: a known document renders roles, kinds, shares and chains', async (t) => {
  if (skipWithoutChromium(t)) return;
  const fixture = readFileSync(path.resolve(process.cwd(), 'test/fixtures/viewer/sample.json'), 'utf8');
  const sample = JSON.parse(fixture) as HearsayDocument;
  const server = await startServer({ port: 0, host: '127.0.0.1', concurrency: 1 });
  const browser = await launch();
  try {
    const { page, watch } = await openViewer(browser, server);
    // The page consumes only hearsay/1 JSON, so a canned answer tests it independently of the engine.
    await page.route('**/api/analyze', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: fixture }));
    await analyzeIn(page, sample.text, '2025-03-04');

    assert.equal(await page.textContent('#article'), sample.text);
    assert.equal(await page.locator('#article script, #article img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(watch.dialogs, []);
    assert.deepEqual(watch.errors, []);

    const texts = async (sel: string) => page.locator(sel).allTextContents();
    assert.deepEqual(await texts('#article .hs-source.hs-kind-person'), ['Transport Minister Ana Reyes', 'Reyes']);
    assert.deepEqual(await texts('#article .hs-source.hs-kind-anonymous'), ['two senior officials']);
    assert.ok((await texts('#article .hs-cue')).includes('According to'));
    assert.equal((await texts('#article .hs-content.hs-mixed')).join(''), 'The harbour expansion will "create thousands of jobs,"');
    assert.deepEqual(await texts('#article .hs-loaded-authorial'), ['slammed', 'reckless']);
    assert.ok((await texts('#article .hs-outside')).join('').includes('Subscribe now'));

    const kinds = await texts('#sources h3');
    assert.equal(kinds.length, 4);
    assert.match(kinds[0]!, /^Named people — 2 statements · \d+\.\d% of the story$/);
    assert.match(kinds[1]!, /^Anonymous — 1 statement/);
    assert.deepEqual(await texts('#chains li'), ['Coastal Herald → two senior officials → Ana Reyes: the project was over budget']);
    const meta = (await page.textContent('#meta')) ?? '';
    assert.ok(meta.includes('Coastal Herald') && meta.includes('Harbour Watch Blog'));

    // Click a source: every statement by it, and its spans selected.
    await page.locator('#article .hs-source.hs-kind-person').first().click();
    assert.equal(await page.locator('#statements li').count(), 2);
    assert.match((await page.textContent('#statements h2')) ?? '', /Ana Reyes \(2\)/);
    assert.ok(await page.locator('#article .hs-selected').count() >= 3);
    // Hover inside the nest: the innermost attribution is described, with its path.
    await page.locator('#article .hs-cue', { hasText: 'warned' }).hover();
    const details = (await page.textContent('#details')) ?? '';
    assert.ok(details.includes('Ana Reyes') && details.includes('Coastal Herald → two senior officials') && details.includes('privately'), details);

    const dir = path.resolve(process.cwd(), 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'viewer-fixture.png'), fullPage: true });

    // Opening (or dropping) a file loads it into the input and picks the input type from its name.
    const page2 = '<html><body><p>Reyes said so.</p></body></html>';
    await page.setInputFiles('#file', { name: 'story.html', mimeType: 'text/html', buffer: Buffer.from(page2) });
    await page.waitForFunction(() => (document.querySelector('#input') as HTMLTextAreaElement).value.startsWith('<html>'));
    assert.equal(await page.inputValue('#input-type'), 'html');
    assert.match((await page.textContent('#status')) ?? '', /Loaded story\.html/);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('viewer e2e: two versions compared — the page shows the second, and what changed from the first', async (t) => {
  if (skipWithoutChromium(t)) return;
  const server = await startServer({ port: 0, host: '127.0.0.1', concurrency: 1 });
  const browser = await launch();
  const revised = ARTICLE
    .replace('But two senior officials told the Coastal Herald', 'But deputy minister Paul Okafor told the Coastal Herald')
    .replace('\n"We will not be rushed," Reyes said.\n', '\n');
  try {
    const { page, watch } = await openViewer(browser, server);
    await page.fill('#input', ARTICLE);
    await page.fill('#date', '2025-03-04');
    await page.click('#revision summary');
    await page.fill('#revised', revised);
    await page.click('#analyze');
    await page.waitForSelector('#changes:not([hidden])');
    assert.match((await page.textContent('#status')) ?? '', /compared both versions/);
    assert.equal(await page.textContent('#article'), revised, 'the second version is the one shown');
    const changes = (await page.textContent('#changes')) ?? '';
    assert.match(changes, /source (two )?senior officials → Paul Okafor/);
    assert.match(changes, /kind anonymous → person/);
    assert.ok((await page.locator('#changes ul[data-section="sentences"] li.removed').allTextContents()).some((s) => s.includes('We will not be rushed')));
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(watch.external, [], 'no request leaves the server');
    const dir = path.resolve(process.cwd(), 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'viewer-compare.png'), fullPage: true });
    const docs = path.resolve(process.cwd(), 'docs/viewer-compare.png');
    if (process.env.UPDATE === '1' || !existsSync(docs)) copyFileSync(path.join(dir, 'viewer-compare.png'), docs);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#dl-compare')]);
    assert.equal((JSON.parse(readFileSync((await json.path())!, 'utf8')) as { schema: string }).schema, 'hearsay-compare/1');
    // A single article again: the changes card goes away.
    await page.fill('#revised', '');
    await analyzeIn(page, ARTICLE, '2025-03-04');
    assert.equal(await page.isHidden('#changes'), true);
  } finally {
    await browser.close();
    await server.close();
  }
});
