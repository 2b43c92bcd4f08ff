import { readPolnear } from '../dist/eval/polnear.js';
const gold = await readPolnear('../shared/polnear', process.argv[2] ?? 'train');
const pats = [', which', ', who', ', including', ', but', ' but ', ', and', ' because ', ', according', ' when ', ', saying', ' after ', ' as ', ', while', ' while ', ' in a ', ' on ', ' to '];
const cut = new Map(), inside = new Map();
for (const a of gold) for (const g of a.attributions) {
  if (!g.content.length) continue;
  const e = g.content.at(-1).end, s = g.content[0].start;
  const after = a.text.slice(e, e + 15);
  const body = a.text.slice(s, e);
  for (const p of pats) {
    const pp = p.trimStart().startsWith(',') ? p : p;
    if (after.replace(/^["”'’]+/, '').startsWith(p.startsWith(' ') ? p.slice(1) : p) || after.startsWith(p)) cut.set(p, (cut.get(p) ?? 0) + 1);
    if (body.includes(p)) inside.set(p, (inside.get(p) ?? 0) + 1);
  }
}
for (const p of pats) console.log(JSON.stringify(p).padEnd(16), 'cut before', cut.get(p) ?? 0, ' inside', inside.get(p) ?? 0);
