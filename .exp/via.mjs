import { analyzeToWorkingDoc, defaultStages } from '../dist/analyze.js';
import { createPipeline } from '../dist/core/pipeline.js';
for (const input of ['<p>"I find t cited to"said B', 'Clinton noted„Clinton said H refuse t']) {
  const stages = defaultStages();
  // run stage by stage and check vias after each
  const { WorkingDoc } = await import('../dist/core/working-doc.js');
  const doc = analyzeToWorkingDoc(input, { skip: stages.map((s) => s.name) });
  for (const s of stages) {
    if (!s.when || s.when(doc)) s.run(doc);
    const ids = new Set(doc.attributions.map((a) => a.id));
    const bad = doc.attributions.filter((a) => a.via && !ids.has(a.via));
    if (bad.length) { console.log(JSON.stringify(input), 'after', s.name, bad.map((a) => `${a.id}.via=${a.via} rule=${a.rule}`), doc.attributions.map(a=>a.id+':'+a.rule)); break; }
  }
}
