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

/** What {@link renderModelModule} writes. */
export interface ModelModuleSpec {
  /** First line, a `//` comment naming the command that generated the module and the data's origin. */
  header: string;
  /** The model's JSON type and the module (relative, `.js`) it is imported from. */
  typeName: string;
  typeFrom: string;
  /** Name and TSDoc line of the exported constant. */
  constName: string;
  doc: string;
  model: unknown;
}

/** Stand-in for an embedded string while the JSON is rendered; no model string contains NUL. */
const MARK = '\u0000embedded:';

/**
 * A generated model module: the model as a typed constant, importable by the browser-safe core
 * (so the shipped model needs no file reads at run time). Two things keep the imported module
 * small in memory, without changing any value:
 * - every perceptron's base64 `data` becomes a getter over a function returning the literal, read
 *   by `embeddedString` from the module's source text, so the engine holds it once (see
 *   `model/embedded.ts`);
 * - characters outside ASCII are written as `\u` escapes: V8 stores a source text with any of
 *   them at two bytes a character, which doubled the 4.7 MB POS model's.
 */
export function renderModelModule(spec: ModelModuleSpec): string {
  const embedded: string[] = [];
  let json = JSON.stringify(spec.model, function (this: unknown, key: string, value: unknown) {
    if (key === 'data' && typeof value === 'string' && (this as { format?: unknown }).format === 'hearsay-perceptron/1') {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new Error('perceptron data is not base64');
      embedded.push(value);
      return `${MARK}${embedded.length - 1}`;
    }
    return value;
  });
  json = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const name = (i: number) => `embeddedData${i}`;
  embedded.forEach((_, i) => {
    const stub = `"data":${JSON.stringify(`${MARK}${i}`)}`;
    if (json.split(stub).length !== 2) throw new Error(`embedded string ${i} not found once in the rendered model`);
    json = json.replace(stub, () => `get data() { return embeddedString(${name(i)}); }`);
  });
  const lines = [
    spec.header,
    `import type { ${spec.typeName} } from '${spec.typeFrom}';`,
    ...(embedded.length ? [`import { embeddedString } from '../model/embedded.js';`] : []),
    '',
    `/** ${spec.doc} */`,
    `export const ${spec.constName}: ${spec.typeName} = ${json};`,
  ];
  embedded.forEach((text, i) => {
    lines.push('', `/** Base64 weights of perceptron ${i} above, read through \`embeddedString\`. */`, `function ${name(i)}(): string { return "${text}"; }`);
  });
  return lines.join('\n') + '\n';
}
