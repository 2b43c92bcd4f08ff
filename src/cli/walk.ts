import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The files under a folder whose names `accept` matches, depth first in name order: hidden
 * entries are left out, links are followed (a folder met twice, as through a link loop, is read
 * once), and a subfolder that cannot be read is named in `problems` while the rest is read. Paths
 * keep the folder as given.
 */
export async function filesUnder(dir: string, cwd: string, accept: RegExp): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      const real = await realpath(resolve(cwd, d));
      if (seen.has(real)) return;
      seen.add(real);
      entries = await readdir(real, { withFileTypes: true });
    } catch (e) {
      problems.push(`${d}: cannot read the folder: ${(e as Error).message}`);
      return;
    }
    entries = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = await stat(resolve(cwd, path));
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          problems.push(`${path}: a link to nothing`);
          continue;
        }
      }
      if (isDir) await walk(path);
      else if (isFile && accept.test(e.name)) files.push(path);
    }
  };
  await walk(dir);
  return { files, problems };
}

/** Whether a path names a folder (following links); false where it cannot be read. */
export async function isFolder(path: string, cwd: string): Promise<boolean> {
  try {
    return (await stat(resolve(cwd, path))).isDirectory();
  } catch {
    return false;
  }
}
