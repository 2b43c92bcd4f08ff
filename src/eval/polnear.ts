import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Span } from '../core/types.js';

/** One gold attribution: spans may be discontinuous, so each role is a list. */
export interface GoldAttribution {
  /** Null for PolNeAR's `Attribution-no-source`. */
  source: Span[] | null;
  cue: Span[];
  content: Span[];
}

/** A gold article: its text and its attributions (UTF-16 offsets into `text`). */
export interface GoldArticle {
  /** File stem of the text (`<outlet>_<date>_<slug>`). */
  id: string;
  text: string;
  attributions: GoldAttribution[];
  /** Who annotated it (the `.ann` file's suffix), where known. */
  annotator?: string;
}

/**
 * Builds a code-point → UTF-16 offset table for a text. PolNeAR counts code points; JavaScript
 * strings count UTF-16 units, which differ after any character outside the BMP.
 */
export function codePointToUtf16(text: string): (cp: number) => number {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) { astral = true; break; }
  }
  if (!astral) return (cp) => cp;
  const table: number[] = [];
  let u = 0;
  for (const ch of text) { table.push(u); u += ch.length; }
  table.push(u);
  return (cp) => table[Math.min(Math.max(cp, 0), table.length - 1)]!;
}

/**
 * Parses one brat standoff file of PolNeAR attributions. `E` lines join `Source`, `Cue`,
 * `Content` (and `Content2`) text-bound spans; attributions without a cue are dropped (a handful
 * of unfinished annotations), since no prediction could ever match them.
 */
export function parsePolnearAnn(ann: string, text: string): GoldAttribution[] {
  const toU = codePointToUtf16(text);
  const spans = new Map<string, Span[]>();
  const events: string[] = [];
  for (const line of ann.split(/\r?\n/)) {
    if (line.startsWith('T')) {
      const m = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
      if (!m) continue;
      const parts: Span[] = [];
      for (const piece of m[3]!.trim().split(';')) {
        const [a, b] = piece.trim().split(/\s+/).map(Number);
        if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) continue;
        parts.push({ start: toU(a), end: toU(b) });
      }
      spans.set(m[1]!, parts);
    } else if (line.startsWith('E')) {
      events.push(line);
    }
  }
  const out: GoldAttribution[] = [];
  for (const line of events) {
    const fields = line.split('\t')[1]?.trim().split(/\s+/) ?? [];
    let source: Span[] | null = null;
    const cue: Span[] = [];
    const content: Span[] = [];
    for (const f of fields) {
      const colon = f.lastIndexOf(':');
      if (colon < 0) continue;
      const role = f.slice(0, colon);
      const ref = spans.get(f.slice(colon + 1));
      if (!ref) continue;
      if (role === 'Source') source = [...(source ?? []), ...ref];
      else if (role === 'Cue') cue.push(...ref);
      else if (role.startsWith('Content')) content.push(...ref);
    }
    if (cue.length === 0) continue;
    const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
    cue.sort(byStart);
    content.sort(byStart);
    source?.sort(byStart);
    out.push({ source, cue, content });
  }
  return out;
}

/**
 * Reads PolNeAR-layout gold: `DIR/SPLIT/text/*.txt` and `DIR/SPLIT/attributions/<id>_<annotator>.ann`,
 * taking the first annotation file per article in sorted order. Articles without any annotation
 * file are skipped. Sorted by id, so runs are deterministic.
 */
export async function readPolnear(dir: string, split: 'train' | 'dev'): Promise<GoldArticle[]> {
  return (await readAnnotated(dir, split, 1)).map(({ id, text, annotations }) => ({ id, text, attributions: annotations[0]!.attributions, annotator: annotations[0]!.annotator }));
}

/** An article annotated by several annotators, each file parsed (in sorted file order: the first is {@link readPolnear}'s gold). */
export interface MultiAnnotatedArticle {
  id: string;
  text: string;
  annotations: { annotator: string; attributions: GoldAttribution[] }[];
}

/** The articles of a split that have at least two annotation files, for inter-annotator agreement. */
export async function readPolnearAnnotators(dir: string, split: 'train' | 'dev'): Promise<MultiAnnotatedArticle[]> {
  return (await readAnnotated(dir, split, Infinity)).filter((a) => a.annotations.length >= 2);
}

async function readAnnotated(dir: string, split: 'train' | 'dev', most: number): Promise<MultiAnnotatedArticle[]> {
  const textDir = path.join(dir, split, 'text');
  const annDir = path.join(dir, split, 'attributions');
  const texts = (await readdir(textDir)).filter((f) => f.endsWith('.txt')).sort();
  const anns = (await readdir(annDir)).filter((f) => f.endsWith('.ann')).sort();
  const files = new Map<string, string[]>();
  for (const a of anns) {
    const id = a.slice(0, a.lastIndexOf('_'));
    const list = files.get(id) ?? [];
    if (list.length < most) list.push(a);
    files.set(id, list);
  }
  const out: MultiAnnotatedArticle[] = [];
  for (const t of texts) {
    const id = t.slice(0, -4);
    const list = files.get(id);
    if (!list) continue;
    const text = await readFile(path.join(textDir, t), 'utf8');
    const annotations = await Promise.all(list.map(async (f) => ({
      annotator: f.slice(id.length + 1, -4),
      attributions: parsePolnearAnn(await readFile(path.join(annDir, f), 'utf8'), text),
    })));
    out.push({ id, text, annotations });
  }
  return out;
}
