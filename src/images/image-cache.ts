/**
 * A content-addressed store for rendered images, so an image whose inputs have not changed is
 * never rendered twice, across builds too: `.cache/images/<sha256>.png`, where the hash covers the
 * inputs and the renderer's version. CI restores `.cache/` between runs.
 *
 * Entries are never invalidated, only superseded: a changed input or renderer version is a new key.
 * Files are written to a temporary name and renamed, so a build that is killed mid-write, or two
 * builds sharing the cache, never leave a truncated PNG behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { inProject } from '../config/project-dir.ts';
import { processGlobal } from '../workers/process-global.ts';

/** Relative to the working directory, which is the project root during `astro build`. */
export const DEFAULT_IMAGE_CACHE_DIR = '.cache/images';

export interface ImageCacheOptions {
  /** Where the PNGs live. Default: `$ROADMAP_IMAGE_CACHE_DIR`, else `.cache/images`. */
  directory?: string | undefined;
  /** Mixed into every key; bump it when the same inputs start to render differently. */
  version: number | string;
}

/** What the cache did during this process: the build logs it, the benchmark reads it. */
export interface ImageCacheStats {
  rendered: number;
  /** Images served from files an earlier build rendered. */
  reused: number;
  /** Wall time spent rendering. */
  renderMilliseconds: number;
  /** Files rendered by this process, so that serving them later does not count as reuse. */
  renderedFiles: Set<string>;
}

/**
 * Counters for the whole process: a build may load this module more than once, from the
 * integrations in `astro.config.mjs` and inside Astro's bundle.
 */
export function imageCacheStats(): ImageCacheStats {
  return processGlobal<ImageCacheStats>('image-cache-stats', () => ({ rendered: 0, reused: 0, renderMilliseconds: 0, renderedFiles: new Set() }));
}

export function resetImageCacheStats(): void {
  Object.assign(imageCacheStats(), { rendered: 0, reused: 0, renderMilliseconds: 0, renderedFiles: new Set() });
}

/** The cache key: SHA-256 of the version and the inputs in a canonical JSON form. */
export function imageCacheKey(inputs: unknown, version: number | string): string {
  return createHash('sha256').update(canonicalJson({ version, inputs })).digest('hex');
}

/** Where the PNG for `inputs` is (or would be) cached. */
export function imageCacheFile(inputs: unknown, options: ImageCacheOptions): string {
  const directory = resolve(options.directory ?? process.env['ROADMAP_IMAGE_CACHE_DIR'] ?? inProject(DEFAULT_IMAGE_CACHE_DIR));
  return join(directory, `${imageCacheKey(inputs, options.version)}.png`);
}

/** Returns the cached PNG for `inputs`, or renders, stores and returns it. */
export async function cachedImage(
  inputs: unknown,
  render: () => Promise<Buffer>,
  options: ImageCacheOptions,
): Promise<Buffer> {
  const file = imageCacheFile(inputs, options);
  const stats = imageCacheStats();

  try {
    const cached = await readFile(file);
    if (!stats.renderedFiles.has(file)) stats.reused += 1;
    return cached;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }

  const started = performance.now();
  const image = await render();
  stats.renderMilliseconds += performance.now() - started;
  await storeImage(file, image);
  return image;
}

/**
 * Renders every image of `items` that is not cached yet, ahead of the requests for them, with
 * `renderMissing` (e.g. on several threads) storing each through the `store` it is given. Items
 * whose inputs are equal are rendered once.
 */
export async function warmImageCache<T>(
  items: readonly T[],
  inputsOf: (item: T) => unknown,
  renderMissing: (missing: T[], store: (item: T, png: Buffer) => Promise<void>) => Promise<void>,
  options: ImageCacheOptions,
): Promise<void> {
  const missing = new Map<string, T>();
  for (const item of items) {
    const file = imageCacheFile(inputsOf(item), options);
    if (!missing.has(file) && !existsSync(file)) missing.set(file, item);
  }
  if (missing.size === 0) return;
  const stats = imageCacheStats();
  const started = performance.now();
  try {
    await renderMissing([...missing.values()], (item, png) => storeImage(imageCacheFile(inputsOf(item), options), png));
  } finally {
    stats.renderMilliseconds += performance.now() - started;
  }
}

/** Writes a rendered image under its final name, atomically, and counts it. */
async function storeImage(file: string, image: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, image);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const stats = imageCacheStats();
  stats.rendered += 1;
  stats.renderedFiles.add(file);
}

/**
 * JSON with object keys sorted at every level and `undefined` members left out, so two equal
 * inputs always hash the same whatever order their properties were written in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    return Object.fromEntries(
      Object.entries(member as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}
