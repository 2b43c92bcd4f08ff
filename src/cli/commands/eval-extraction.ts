/** `hearsay eval extraction DIR [--limit N] [--baseline]`: the ScrapingHub benchmark. */
import path from 'node:path';
import { access } from 'node:fs/promises';
import { evaluateExtraction, formatExtractionReport } from '../../eval/extraction.js';
import { flagString, parseArgs, type Command } from '../io.js';

/** Runs the extraction benchmark on DIR; `--baseline` adds Readability alone, measured in the same run. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['baseline', 'json']);
  const dir = p.positionals[0];
  if (!dir) {
    io.stderr('usage: hearsay eval extraction DIR [--limit N] [--baseline] [--json]\n');
    return 2;
  }
  const abs = path.resolve(io.cwd, dir);
  try {
    await access(path.join(abs, 'ground-truth.json'));
  } catch {
    io.stderr(`${abs}: no ground-truth.json (expected the ScrapingHub benchmark layout)\n`);
    return 2;
  }
  const limitRaw = flagString(p, 'limit');
  const limit = limitRaw === undefined ? undefined : Number(limitRaw);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    io.stderr(`--limit must be a positive integer, got ${limitRaw}\n`);
    return 2;
  }
  const report = await evaluateExtraction(abs, {
    limit,
    baseline: p.flags.has('baseline'),
    onProgress: (done, total) => { if (done % 20 === 0 || done === total) io.stderr(`extraction: ${done}/${total} pages\n`); },
  });

  io.stdout(p.flags.has('json') ? JSON.stringify({ hearsay: report.hearsay, baseline: report.baseline }, null, 2) + '\n' : formatExtractionReport(report));
  return 0;
};
