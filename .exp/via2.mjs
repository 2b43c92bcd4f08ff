import { analyze } from '../dist/index.js';
for (const t of ['Mayor Ana Ruiz said that she told reporters the council said the bridge would close.', 'Clinton noted„Clinton said H refuse t', '“I told them the council said no,” Mayor Ana Ruiz said.']) {
  const d = analyze(t);
  console.log(t, d.attributions.map((a) => `${a.id} ${a.source ? t.slice(a.source.start, a.source.end) : '-'} ${t.slice(a.cue.start, a.cue.end)} via=${a.via}`));
}
