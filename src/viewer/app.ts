/**
 * The viewer page's browser module. It consumes only hearsay/1 JSON from `POST /api/analyze`, and
 * hearsay-compare/1 JSON from `POST /api/compare` when a second version is given.
 * Document text is only ever inserted with `textContent` / text nodes — never as HTML — so an
 * article containing `<script>` or `onerror=` is shown, not run.
 */
import type { Comparison } from '../compare/compare.js';
import { CHANGE_MARK, describeChanges, tally, type ChangeSection } from '../compare/describe.js';
import type { HearsayDocument } from '../core/types.js';
import {
  attributionsCsv, buildRenderModel, excerpt, KIND_LABELS, percent, segmentClasses,
  type RenderModel, type Segment, type SourceGroup,
} from './render-model.js';

type Child = Node | string | null | undefined | false;

/** Creates an element; string children become text nodes. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`missing #${id}`);
  return e as T;
}

function clear(e: HTMLElement): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}

const HTML_RE = /^\s*(?:<!doctype html|<html|<head|<body)|<(?:div|p|article|meta|title)[\s>]/i;

interface State {
  doc: HearsayDocument;
  model: RenderModel;
  spans: HTMLElement[];
  groupOf: Map<string, SourceGroup>;
  selected: string | null;
}

let state: State | null = null;
/** The last comparison shown, for its download. */
let comparison: Comparison | null = null;
let fileName: string | null = null;

function setStatus(text: string, error = false): void {
  const s = byId('status');
  s.textContent = text;
  s.className = error ? 'error' : '';
}

/** Posts JSON and returns the parsed answer, or throws with the API's error code and message. */
async function postJson(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as unknown;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } }).error;
    throw new Error(`Error ${res.status}${err?.code ? ` (${err.code})` : ''}: ${err?.message ?? res.statusText}`);
  }
  return json;
}

function requestFor(input: string, path: string | null): Record<string, string> {
  const mode = byId<HTMLSelectElement>('input-type').value;
  const date = byId<HTMLInputElement>('date').value;
  const isHtml = mode === 'html' || (mode === 'auto' && HTML_RE.test(input.slice(0, 4096)));
  const body: Record<string, string> = isHtml ? { html: input } : { text: input };
  if (date) body.date = date;
  if (path) body.path = path;
  return body;
}

async function analyzeInput(): Promise<void> {
  const input = byId<HTMLTextAreaElement>('input').value;
  const revised = byId<HTMLTextAreaElement>('revised').value;
  const button = byId<HTMLButtonElement>('analyze');
  button.disabled = true;
  setStatus(revised.trim() ? 'Analyzing both versions…' : 'Analyzing…');
  const t0 = performance.now();
  try {
    const doc = (await postJson('/api/analyze', requestFor(input, fileName))) as HearsayDocument;
    if (!revised.trim()) {
      comparison = null;
      show(doc);
      setStatus(`Analyzed ${doc.text.length.toLocaleString()} characters in ${Math.round(performance.now() - t0)} ms.`);
      return;
    }
    const after = (await postJson('/api/analyze', requestFor(revised, null))) as HearsayDocument;
    comparison = (await postJson('/api/compare', { before: doc, after })) as Comparison;
    show(after);
    renderChanges(comparison, doc, after);
    setStatus(`Analyzed and compared both versions in ${Math.round(performance.now() - t0)} ms; the page shows the second.`);
  } catch (e) {
    setStatus(e instanceof Error && e.message.startsWith('Error ') ? e.message : `Request failed: ${e instanceof Error ? e.message : String(e)}`, true);
  } finally {
    button.disabled = false;
  }
}

const SECTION_TITLES: Record<ChangeSection, string> = {
  meta: 'Story details', sentences: 'Sentences', attributions: 'Attributions', sources: 'Sources cited', voice: 'Loaded words', events: 'Events', times: 'Dates and times',
};

/** The "What changed" card: every change, grouped, words from whichever version has them. */
function renderChanges(cmp: Comparison, before: HearsayDocument, after: HearsayDocument): void {
  const box = byId('changes');
  clear(box);
  box.hidden = false;
  byId('dl-compare').hidden = false;
  box.append(el('h2', {}, 'What changed from the first version'),
    el('p', { class: 'muted' }, `Sentences: ${tally(cmp.summary.sentences)}. Attributions: ${tally(cmp.summary.attributions)}.`));
  const lines = describeChanges(cmp, before, after);
  for (const section of ['meta', 'attributions', 'sources', 'sentences', 'voice', 'times', 'events'] as const) {
    const mine = lines.filter((l) => l.section === section);
    if (!mine.length) continue;
    const ul = el('ul', { class: 'changes', 'data-section': section });
    for (const l of mine) {
      ul.append(el('li', { class: l.kind },
        el('span', { class: 'mark', 'aria-label': l.kind }, CHANGE_MARK[l.kind]),
        excerpt(l.text, 160),
        ...l.details.map((d) => el('span', { class: 'detail' }, d))));
    }
    box.append(el('h3', {}, SECTION_TITLES[section]), ul);
  }
}

function describe(seg: Segment): string {
  if (!state) return '';
  const parts: string[] = [];
  const st = seg.primary ? state.model.statements.get(seg.primary) : undefined;
  if (st) parts.push(`${st.sourceLabel}${st.kind ? ` (${st.kind})` : ''} — ${st.quote} — “${excerpt(st.content, 80)}”`);
  if (seg.loaded) parts.push(`loaded word${seg.loaded.kind ? ` (${seg.loaded.kind})` : ''} in the ${seg.loaded.voice === 'authorial' ? "author's" : "source's"} voice`);
  if (seg.time) parts.push(`${seg.time.grain === 'duration' ? 'length of time' : 'time'}: ${seg.time.value ?? 'not resolved'}`);
  if (seg.evaluative) parts.push(`evaluative word${seg.evaluative.kind ? ` (${seg.evaluative.kind})` : ''} in the ${seg.evaluative.voice === 'authorial' ? "author's" : "source's"} voice`);
  return parts.join('\n');
}

function show(doc: HearsayDocument): void {
  const model = buildRenderModel(doc);
  const groupOf = new Map(model.groups.map((g) => [g.key, g]));
  state = { doc, model, spans: [], groupOf, selected: null };
  byId('result').hidden = false;
  renderArticle();
  renderSummary();
  renderMeta();
  renderSources();
  renderChains();
  renderMessages();
  renderDetails(null);
  const st = byId('statements');
  st.hidden = true;
  clear(st);
  const changes = byId('changes');
  changes.hidden = true;
  clear(changes);
  byId('dl-compare').hidden = true;
}

function renderArticle(): void {
  const s = state!;
  const article = byId('article');
  clear(article);
  const frag = document.createDocumentFragment();
  s.spans = [];
  s.model.segments.forEach((seg, i) => {
    const cls = segmentClasses(seg);
    const plain = !seg.roles.length && !seg.loaded && !seg.evaluative && !seg.time && !seg.outsideBody;
    if (plain) {
      frag.append(document.createTextNode(seg.text));
      return;
    }
    const span = el('span', { class: cls.join(' '), 'data-i': String(i) }, seg.text);
    if (seg.sourceKey) span.dataset.source = seg.sourceKey;
    const tip = describe(seg);
    if (tip) span.title = tip;
    s.spans[i] = span;
    frag.append(span);
  });
  article.append(frag);
}

function renderSummary(): void {
  const m = state!.model;
  const n = state!.doc.attributions.length;
  byId('summary').textContent = `${n} attribution${n === 1 ? '' : 's'} from ${m.groups.length} source${m.groups.length === 1 ? '' : 's'} · `
    + `${percent(m.attributedShare)} of the story in attributed voice`;
}

function kv(rows: [string, string | null][]): HTMLElement {
  const dl = el('dl', { class: 'kv' });
  for (const [k, v] of rows) if (v) dl.append(el('dt', {}, k), el('dd', {}, v));
  return dl;
}

function renderMeta(): void {
  const m = state!.model.meta;
  const box = byId('meta');
  clear(box);
  box.append(el('h2', {}, 'Story'), kv([
    ['Title', m.title], ['Credited outlet', m.outlet ?? '—'], ['Host site', m.site ?? '—'],
    ['Published', m.published], ['Byline', m.byline], ['URL', m.url],
  ]));
}

function renderSources(): void {
  const s = state!;
  const box = byId('sources');
  clear(box);
  box.append(el('h2', {}, 'Sources'));
  if (!s.model.kinds.length) {
    box.append(el('p', { class: 'muted' }, 'No attributions found.'));
    return;
  }
  for (const k of s.model.kinds) {
    box.append(el('h3', { class: `kind kind-${k.kind}` }, `${KIND_LABELS[k.kind]} — ${k.count} statement${k.count === 1 ? '' : 's'} · ${percent(k.share)} of the story`));
    const ul = el('ul', { class: 'groups' });
    for (const g of k.groups) {
      // CSSOM, not a style attribute: the page's CSP forbids inline styles.
      const fill = el('i');
      fill.style.width = `${Math.min(100, g.share * 100).toFixed(1)}%`;
      const bar = el('span', { class: 'bar' }, fill);
      const b = el('button', { type: 'button', class: 'group', 'data-key': g.key, 'aria-pressed': 'false' },
        el('span', { class: 'label' }, g.label),
        // A first-name guess says so, as the text itself does not.
        ...(g.gender ? [el('span', { class: 'gender', title: g.genderRule ?? '' }, g.genderRule === 'entities:gender-first-name' ? `${g.gender}?` : g.gender)] : []),
        el('span', { class: 'count' }, `${g.attributions.length} · ${percent(g.share)}`),
        bar);
      b.addEventListener('click', () => select(g.key));
      ul.append(el('li', {}, b));
    }
    box.append(ul);
  }
}

function renderChains(): void {
  const box = byId('chains');
  clear(box);
  const chains = state!.model.chains;
  box.hidden = chains.length === 0;
  if (!chains.length) return;
  box.append(el('h2', {}, 'Chains'));
  const ul = el('ul', { class: 'chains' });
  for (const c of chains) {
    const li = el('li', { 'data-ids': c.ids.join(' ') });
    c.labels.forEach((label, i) => {
      if (i) li.append(' → ');
      li.append(el('span', { class: 'hop' }, label));
    });
    li.append(`: ${c.excerpt}`);
    ul.append(li);
  }
  box.append(ul);
}

function renderMessages(): void {
  const box = byId('messages');
  clear(box);
  const msgs = state!.model.messages;
  box.hidden = msgs.length === 0;
  if (!msgs.length) return;
  const ul = el('ul', {});
  for (const m of msgs) ul.append(el('li', { class: m.severity }, `${m.severity} ${m.code}: ${m.text}`));
  box.append(el('h2', {}, 'Messages'), ul);
}

function renderDetails(seg: Segment | null): void {
  const box = byId('details');
  clear(box);
  box.append(el('h2', {}, 'Attribution'));
  if (!seg || !state) {
    box.append(el('p', { class: 'muted' }, 'Hover a highlighted span to see who says it; click a source to list everything it says.'));
    return;
  }
  if (seg.primary) {
    const st = state.model.statements.get(seg.primary)!;
    box.append(kv([
      ['Source', `${st.sourceLabel}${st.kind ? ` (${st.kind})` : ''}`],
      ['Cue', st.cue],
      ['Says', st.content],
      ['Quotation', st.stance ? 'stance (an attitude, in the outlet’s words)' : st.quote],
      ['Hedge', st.hedge],
      ['Via', st.via.length ? st.via.join(' → ') : null],
      ['Voice', seg.voice === 'attributed' ? 'attributed (the source speaks)' : 'authorial (the writer speaks)'],
      ['Rule', st.rule],
      ['Refined by', st.refinedBy.length ? st.refinedBy.join(', ') : null],
    ]));
  }
  if (seg.loaded) {
    box.append(el('p', {}, `Loaded word “${seg.text}”${seg.loaded.kind ? ` (${seg.loaded.kind})` : ''} in the ${seg.loaded.voice === 'authorial' ? "author's own" : "source's"} voice.`));
  }
  if (seg.evaluative) {
    box.append(el('p', {}, `Evaluative word “${seg.text}”${seg.evaluative.kind ? ` (${seg.evaluative.kind})` : ''} in the ${seg.evaluative.voice === 'authorial' ? "author's own" : "source's"} voice.`));
  }
}

function select(key: string | null): void {
  const s = state!;
  s.selected = s.selected === key ? null : key;
  const group = s.selected ? s.groupOf.get(s.selected) : undefined;
  const ids = new Set(group?.attributions ?? []);
  s.model.segments.forEach((seg, i) => {
    const span = s.spans[i];
    if (!span) return;
    const on = !!group && (seg.sourceKey === s.selected || seg.attributions.some((id) => ids.has(id) && seg.roles.includes('content')));
    span.classList.toggle('hs-selected', on);
  });
  document.querySelectorAll<HTMLButtonElement>('button.group').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.key === s.selected));
  });
  const box = byId('statements');
  clear(box);
  box.hidden = !group;
  if (!group) return;
  box.append(el('h2', {}, `Everything attributed to ${group.label} (${group.attributions.length})`));
  const ul = el('ul', { class: 'statements' });
  for (const id of group.attributions) {
    const st = s.model.statements.get(id)!;
    ul.append(el('li', { 'data-id': id },
      el('strong', {}, st.cue),
      el('span', { class: 'quote-tag' }, st.stance ? 'stance' : st.quote),
      st.hedge ? el('span', { class: 'quote-tag' }, st.hedge) : null,
      st.via.length ? el('div', { class: 'muted' }, `via ${st.via.join(' → ')}`) : null,
      el('div', {}, st.content)));
  }
  box.append(ul);
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function baseName(): string {
  return (fileName ?? 'hearsay').replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_') || 'hearsay';
}

async function loadFile(file: File): Promise<void> {
  const text = await file.text();
  byId<HTMLTextAreaElement>('input').value = text;
  fileName = file.name;
  const sel = byId<HTMLSelectElement>('input-type');
  sel.value = /\.x?html?$/i.test(file.name) ? 'html' : /\.te?xt$/i.test(file.name) ? 'text' : 'auto';
  setStatus(`Loaded ${file.name} (${text.length.toLocaleString()} characters).`);
}

function init(): void {
  byId('form').addEventListener('submit', (e) => {
    e.preventDefault();
    void analyzeInput();
  });
  byId<HTMLTextAreaElement>('input').addEventListener('input', () => { fileName = null; });
  byId<HTMLInputElement>('file').addEventListener('change', (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) void loadFile(f);
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const f = e.dataTransfer?.files?.[0];
    if (f) void loadFile(f);
  });

  const article = byId('article');
  let hovered: HTMLElement | null = null;
  article.addEventListener('mouseover', (e) => {
    const span = (e.target as HTMLElement).closest<HTMLElement>('span[data-i]');
    if (!span || span === hovered || !state) return;
    hovered?.classList.remove('hs-hover');
    hovered = span;
    span.classList.add('hs-hover');
    renderDetails(state.model.segments[Number(span.dataset.i)] ?? null);
  });
  article.addEventListener('click', (e) => {
    const span = (e.target as HTMLElement).closest<HTMLElement>('span[data-source]');
    if (span?.dataset.source) select(span.dataset.source);
  });

  byId('dl-json').addEventListener('click', () => {
    if (state) download(`${baseName()}.hearsay.json`, 'application/json', `${JSON.stringify(state.doc, null, 2)}\n`);
  });
  byId('dl-compare').addEventListener('click', () => {
    if (comparison) download(`${baseName()}.compare.json`, 'application/json', `${JSON.stringify(comparison, null, 2)}\n`);
  });
  byId('dl-csv').addEventListener('click', () => {
    if (state) download(`${baseName()}.attributions.csv`, 'text/csv', attributionsCsv(state.doc));
  });
}

init();
