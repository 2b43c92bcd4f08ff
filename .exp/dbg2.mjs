import { analyzeToWorkingDoc, defaultStages } from '../dist/analyze.js';
import { readFileSync } from 'node:fs';
const input = readFileSync('/tmp/fuzz3/fail-1.min.txt', 'utf8');
const stages = defaultStages();
const doc = analyzeToWorkingDoc(input, { skip: stages.map((s) => s.name) });
for (const s of stages) { if (s.name === 'attributions') break; if (!s.when || s.when(doc)) s.run(doc); }
console.log(JSON.stringify(doc.text), doc.sentences.map(s=>JSON.stringify(doc.text.slice(s.start,s.end))), doc.body);
