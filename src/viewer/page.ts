/**
 * The viewer's static HTML and CSS, kept as strings so `tsc` alone ships them (no asset copying).
 * The page loads only `/viewer/app.js` (an ES module) and `/viewer/style.css`: no CDN, no inline
 * script, so a strict Content-Security-Policy applies.
 */

/** The viewer page served at `/`. */
export const VIEWER_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hearsay — who said what, according to whom</title>
<link rel="stylesheet" href="/viewer/style.css">
<script type="module" src="/viewer/app.js"></script>
</head>
<body>
<header class="top">
  <h1>hearsay</h1>
  <p>who said what, according to whom</p>
</header>
<main>
<section id="input-panel" aria-label="Article input">
  <form id="form">
    <textarea id="input" spellcheck="false" placeholder="Paste an article here (plain text or HTML), or drop a .txt / .html file anywhere on the page"></textarea>
    <details id="revision">
      <summary>Compare with another version (a revision, or a repost)</summary>
      <textarea id="revised" spellcheck="false" placeholder="Paste the other version here: the page then shows it, with what changed from the first"></textarea>
    </details>
    <div class="controls">
      <label>Input
        <select id="input-type">
          <option value="auto">auto-detect</option>
          <option value="text">plain text</option>
          <option value="html">HTML</option>
        </select>
      </label>
      <label>Date <input type="date" id="date" title="Publication date, used when the article states none"></label>
      <label class="file-button">Open file… <input type="file" id="file" accept=".txt,.text,.html,.htm,text/plain,text/html"></label>
      <button id="analyze" type="submit">Analyze</button>
      <span id="status" role="status" aria-live="polite"></span>
    </div>
  </form>
</section>
<section id="result" hidden>
  <div id="summary"></div>
  <div id="legend" aria-label="Legend">
    <span class="hs-source">source</span>
    <span class="hs-cue">cue</span>
    <span class="hs-content hs-direct">direct quote</span>
    <span class="hs-content hs-indirect">paraphrase</span>
    <span class="hs-content hs-mixed">mixed</span>
    <span class="hs-loaded hs-loaded-authorial">loaded, author's voice</span>
    <span class="hs-loaded hs-loaded-attributed">loaded, source's voice</span>
    <span class="hs-evaluative hs-evaluative-authorial">evaluative, author's voice</span>
    <span class="hs-time">date or time (hover for its value)</span>
    <span class="hs-outside">outside the article</span>
  </div>
  <div class="cols">
    <article id="article" aria-label="Article text"></article>
    <aside id="panel">
      <section id="changes" class="card" hidden></section>
      <section id="details" class="card"><h2>Attribution</h2><p class="muted">Hover a highlighted span to see who says it; click a source to list everything it says.</p></section>
      <section id="statements" class="card" hidden></section>
      <section id="meta" class="card"></section>
      <section id="sources" class="card"></section>
      <section id="chains" class="card"></section>
      <section id="downloads" class="card"><h2>Download</h2>
        <button id="dl-json" type="button">JSON</button>
        <button id="dl-csv" type="button">CSV of attributions</button>
        <button id="dl-compare" type="button" hidden>Comparison JSON</button>
      </section>
      <section id="messages" class="card" hidden></section>
    </aside>
  </div>
</section>
</main>
</body>
</html>
`;

/** The viewer stylesheet served at `/viewer/style.css`. */
export const VIEWER_CSS = `
:root { --src: #1f5fbf; --src-bg: #dbe8fb; --cue: #b35900; --direct: #c9f0cf; --indirect: #fff2bf; --mixed: #d8f1f1;
  --loaded-auth: #c62828; --loaded-attr: #7b1fa2; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; background: #fafafa; }
header.top { display: flex; align-items: baseline; gap: 1em; padding: .6em 1.2em; background: #20242c; color: #fff; }
header.top h1 { margin: 0; font-size: 1.4em; letter-spacing: .02em; }
header.top p { margin: 0; color: #bbb; }
main { padding: 1em 1.2em; }
textarea { width: 100%; min-height: 9em; font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace; padding: .6em; border: 1px solid #bbb; border-radius: 4px; }
body.dragging textarea { outline: 3px dashed var(--src); }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: .8em; margin-top: .5em; }
.controls label { display: inline-flex; gap: .4em; align-items: center; }
.file-button { border: 1px solid #bbb; border-radius: 4px; padding: .2em .6em; background: #fff; cursor: pointer; }
.file-button input { display: none; }
button { font: inherit; padding: .3em .9em; border-radius: 4px; border: 1px solid #888; background: #fff; cursor: pointer; }
button#analyze { background: var(--src); color: #fff; border-color: var(--src); font-weight: 600; }
#status { color: var(--muted); }
#status.error { color: var(--loaded-auth); font-weight: 600; }
#summary { margin: 1em 0 .3em; font-weight: 600; }
#legend { display: flex; flex-wrap: wrap; gap: .6em; font-size: 13px; margin-bottom: .6em; }
#legend span { padding: 0 .3em; }
.cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18em, 2fr); gap: 1.2em; align-items: start; }
@media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
#article { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; padding: 1em 1.2em; border: 1px solid var(--line); border-radius: 6px; font: 16px/1.65 Georgia, "Times New Roman", serif; }
#panel { position: sticky; top: .5em; max-height: calc(100vh - 1em); overflow: auto; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6em .9em; margin-bottom: .8em; }
.card h2 { font-size: 1em; margin: 0 0 .4em; }
.card h3 { font-size: .92em; margin: .6em 0 .2em; color: #333; }
.muted { color: var(--muted); }
.hs-source { color: var(--src); background: var(--src-bg); border-radius: 2px; cursor: pointer; font-weight: 600; }
.hs-cue { color: var(--cue); font-weight: 700; border-bottom: 2px solid var(--cue); }
.hs-content.hs-direct { background: var(--direct); }
.hs-content.hs-indirect { background: var(--indirect); }
.hs-content.hs-mixed { background: var(--mixed); }
.hs-content.hs-direct.hs-source, .hs-content.hs-indirect.hs-source, .hs-content.hs-mixed.hs-source { background: var(--src-bg); }
.hs-loaded { text-decoration: underline wavy; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
.hs-loaded-authorial { text-decoration-color: var(--loaded-auth); }
.hs-loaded-attributed { text-decoration-color: var(--loaded-attr); text-decoration-style: dashed; }
.hs-time { border-bottom: 2px solid #2e7d32; }
.hs-evaluative { text-decoration: underline dotted; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
.hs-evaluative-authorial { text-decoration-color: var(--loaded-auth); }
.hs-evaluative-attributed { text-decoration-color: var(--loaded-attr); }
.hs-outside { color: #999; }
#article .hs-selected { outline: 2px solid #111; outline-offset: 1px; }
#article .hs-hover { box-shadow: 0 0 0 2px #ffb300; }
dl.kv { display: grid; grid-template-columns: auto 1fr; gap: .1em .8em; margin: 0; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; overflow-wrap: anywhere; }
ul.groups, ul.chains, ul.statements { list-style: none; margin: 0; padding: 0; }
ul.groups li { margin: .15em 0; }
button.group { display: grid; grid-template-columns: 1fr auto auto; column-gap: .4em; width: 100%; text-align: left; border: 1px solid transparent; padding: .1em .3em; background: none; }
button.group:hover, button.group[aria-pressed="true"] { border-color: var(--src); background: var(--src-bg); }
.group .gender { font-size: 12px; color: #666; }
.bar { grid-column: 1 / -1; height: 4px; background: #eee; border-radius: 2px; }
.bar > i { display: block; height: 100%; background: var(--src); border-radius: 2px; }
ul.chains li { margin: .3em 0; padding: .3em .4em; background: #f4f6fa; border-left: 3px solid var(--src); font-size: 14px; }
ul.chains .hop { color: var(--src); font-weight: 600; }
ul.statements li { margin: .4em 0; padding-bottom: .3em; border-bottom: 1px dotted var(--line); font-size: 14px; }
.quote-tag { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; padding: 0 .35em; border-radius: 3px; background: #eee; margin-left: .3em; }
#downloads button { margin-right: .4em; }
#revision { margin-top: .4em; }
#revision summary { cursor: pointer; color: var(--src); }
#revision textarea { margin-top: .3em; }
ul.changes { list-style: none; margin: 0; padding: 0; font-size: 14px; }
ul.changes li { margin: .3em 0; padding-left: 1.3em; text-indent: -1.3em; }
ul.changes .mark { display: inline-block; width: 1.3em; text-indent: 0; font-weight: 700; }
ul.changes li.added .mark { color: #2e7d32; }
ul.changes li.removed .mark { color: var(--loaded-auth); }
ul.changes li.changed .mark { color: var(--cue); }
ul.changes .detail { display: block; color: var(--muted); text-indent: 0; }
#messages li.error { color: var(--loaded-auth); }
`;
