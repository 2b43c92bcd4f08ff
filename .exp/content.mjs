import { analyzeToWorkingDoc } from '../dist/analyze.js';
import { readPolnear } from '../dist/eval/polnear.js';
import { matchArticle, wordTokens } from '../dist/eval/attributions.js';
const split = process.argv[2] ?? 'dev';
const gold = await readPolnear('../shared/polnear', split);
const words = (text, tok, spans) => { const s = new Set(); const n=tok.length/2; for (const sp of spans) for (let i=0;i<n;i++) if (tok[2*i] < sp.end && tok[2*i+1] > sp.start) s.add(i); return [...s].sort((a,b)=>a-b); };
const cat = new Map(); const ex = new Map();
let n=0, exact=0;
const wt = (text) => { const out=[]; const re=/[\p{L}\p{M}\p{N}]+/gu; let m; while((m=re.exec(text))) out.push([m.index, m.index+m[0].length, m[0]]); return out; };
for (const a of gold) {
  const doc = analyzeToWorkingDoc(a.text, { path: a.id+'.txt', inputType: 'text' });
  const tok = wordTokens(a.text);
  const W = wt(a.text);
  const m = matchArticle(a.text, a.attributions, doc.attributions, tok);
  a.attributions.forEach((g, gi) => {
    const pi = m.goldToPred[gi]; if (pi < 0) return;
    const p = m.predicted[pi];
    n++;
    const G = words(a.text, tok, g.content), P = words(a.text, tok, p.content);
    if (G.join() === P.join()) { exact++; return; }
    if (!G.length || !P.length) { cat.set("empty",(cat.get("empty")??0)+1); return; }
    const key = [];
    const gmin=G[0], gmax=G[G.length-1], pmin=P[0], pmax=P[P.length-1];
    if (pmin < gmin) key.push('start+ ' + W[pmin][2].toLowerCase()); else if (pmin > gmin) key.push('start- ' + W[gmin][2].toLowerCase());
    if (pmax > gmax) key.push('end+ ' + W[gmax+1]?.[2].toLowerCase()); else if (pmax < gmax) key.push('end- ' + W[pmax+1]?.[2].toLowerCase());
    if (!key.length) key.push('inner');
    for (const k0 of key) { const kk = k0.split(' ')[0]; const k = kk; cat.set(kk,(cat.get(kk)??0)+1); cat.set(k0,(cat.get(k0)??0)+1); if(!ex.has(k)) ex.set(k, []); const e=ex.get(k); if (e.length<40) { const s = Math.min(g.content[0].start, p.content[0]?.start ?? 1e9); const en = Math.max(g.content.at(-1).end, p.content.at(-1)?.end ?? 0); e.push(`G[${g.content.map(c=>a.text.slice(c.start,c.end)).join(' … ')}]\n     P[${p.content.map(c=>a.text.slice(c.start,c.end)).join(' … ')}]`);} }
  });
}
console.log('matched', n, 'exact content', exact);
console.log([...cat].sort((a,b)=>b[1]-a[1]).slice(0,60).map(([k,v])=>v+'\t'+k).join('\n'));
if (process.argv[3]) for (const k of process.argv.slice(3)) console.log('\n##', k, '\n' + (ex.get(k)??[]).join('\n'));
