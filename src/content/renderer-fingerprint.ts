/**
 * A fingerprint of the code that turns the model into content entries: the Markdown renderer and
 * its sanitizer, the view entries, the UI strings, and the exact dependency versions (the lock
 * file). Stored entries built by other code are built again, so a changed sanitizer rule or a
 * security update of a rehype plugin reaches every page, not only the requests that changed.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Relative to the project root; a directory stands for every file in it. */
const RENDERER_SOURCES = ['src/markdown', 'src/content/view-entries.ts', 'src/content/entry-schemas.ts', 'src/i18n', 'package-lock.json'];

async function filesOf(path: string): Promise<string[]> {
  try {
    const entries = await readdir(path, { withFileTypes: true, recursive: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    // Not a directory: the path is a file, or missing (then it hashes as missing).
    return [path];
  }
}

/** Changes whenever any renderer source under `root` changes; the same for the same files. */
export async function rendererFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const source of RENDERER_SOURCES) {
    for (const file of await filesOf(join(root, source))) {
      const contents = await readFile(file).catch(() => null);
      hash.update(`${file.slice(root.length)}\0${contents === null ? 'missing' : createHash('sha256').update(contents).digest('hex')}\0`);
    }
  }
  return hash.digest('hex');
}
