import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const ENTRY = fileURLToPath(new URL('../index.js', import.meta.url));

// The core promises to run in a browser: bundle dist/index.js for the browser platform (any Node
// built-in reached from the core fails the build) and run analyze() inside headless Chromium.
test('the core bundles for the browser and analyses an article inside Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} absent: install Debian's chromium to run the browser test` }, async () => {
  const esbuild = await import('esbuild');
  const built = await esbuild.build({ entryPoints: [ENTRY], bundle: true, platform: 'browser', format: 'iife', globalName: 'hearsay', write: false, logLevel: 'silent' });
  const code = built.outputFiles[0]!.text;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>hearsay in a browser</title>');
    await page.addScriptTag({ content: code });
    const inputs: [string, { date?: string }][] = [
      ['Two senior officials told the Harbor Gazette that the pier would reopen. “We are ready,” said Mayor Ana Ruiz on Friday.', { date: '2025-05-01' }],
      ['<html><body><article><p>The council said the vote was delayed, a spokeswoman told reporters.</p></article></body></html>', {}],
    ];
    const inBrowser = await page.evaluate((xs) => {
      const h = (globalThis as unknown as { hearsay: { analyze: (t: string, o: object) => unknown } }).hearsay;
      return xs.map(([t, o]) => h.analyze(t, o));
    }, inputs);
    const { analyze } = await import('../analyze.js');
    // The same documents, field for field, as in Node.
    assert.deepEqual(inBrowser, inputs.map(([t, o]) => analyze(t, o)));
    const first = inBrowser[0] as { attributions: { source: { kind: string } | null }[] };
    assert.deepEqual(first.attributions.map((a) => a.source?.kind), ['anonymous', 'person']);
  } finally {
    await browser.close();
  }
});
