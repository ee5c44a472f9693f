/**
 * Every text a built site publishes, to search for what must never be in it: each output file
 * but the PNGs, gzipped ones (Pagefind's index) decompressed, lower-cased, by path under `dist`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export type OutputText = Map<string, string>;

export async function readOutputText(dist: string): Promise<OutputText> {
  const outputs: OutputText = new Map();
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.png')) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    outputs.set(path.slice(dist.length + 1), (gzipped ? gunzipSync(bytes) : bytes).toString('utf8').toLowerCase());
  }
  return outputs;
}

/** The output files holding `text`, whatever its case. */
export function filesContaining(outputs: OutputText, text: string): string[] {
  const needle = text.toLowerCase();
  return [...outputs].filter(([, contents]) => contents.includes(needle)).map(([path]) => path);
}
