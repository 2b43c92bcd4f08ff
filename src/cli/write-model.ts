import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './io.js';

/**
 * Writes a trained model as JSON (`out`) and, unless `moduleFlag` is `none`, as the generated
 * TypeScript module the core imports (so the shipped model needs no file reads at run time).
 */
export async function writeModel(io: CliIo, out: string, moduleFlag: string, model: unknown, renderModule: () => string): Promise<void> {
  const json = JSON.stringify(model);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, json + '\n');
  io.stdout(`wrote ${path.relative(io.cwd, out)} (${(json.length / 1e6).toFixed(2)} MB)\n`);
  if (moduleFlag !== 'none') {
    const mod = path.resolve(io.cwd, moduleFlag);
    await writeFile(mod, renderModule());
    io.stdout(`wrote ${path.relative(io.cwd, mod)}\n`);
  }
}
