import { readPolnear } from '../dist/eval/polnear.js';
const gold = await readPolnear('../shared/polnear', process.argv[2] ?? 'train');
const W = ['And','But','So','Yet','Still','However','Meanwhile','Instead','Now','Also','Indeed','Then','Or'];
const inc = new Map(), exc = new Map();
for (const a of gold) for (const g of a.attributions) {
  if (!g.content.length) continue;
  const s = g.content[0].start;
  const pre = a.text.slice(Math.max(0, s - 40), s);
  const txt = a.text.slice(s, s + 20);
  // content starts with W at sentence start
  const m1 = /^([A-Z][a-z]+)\b/.exec(txt);
  const atSent = /(^|[.!?]["”'’]?\s+|\n\s*)$/.test(pre);
  if (m1 && W.includes(m1[1]) && atSent) inc.set(m1[1], (inc.get(m1[1])??0)+1);
  const m2 = /(?:^|[.!?]["”'’]?\s+|\n\s*)([A-Z][a-z]+),?\s+$/.exec(pre);
  if (m2 && W.includes(m2[1])) exc.set(m2[1], (exc.get(m2[1])??0)+1);
}
console.log('included', [...inc]); console.log('excluded', [...exc]);
