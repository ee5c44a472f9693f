/**
 * Content Layer loaders for the roadmap: `requests`, `releases` and the one-entry `roadmap`
 * overview, all from the model's output (see `load-roadmap.ts`). Their schemas are in
 * `entry-schemas.ts`; `content.config.ts` attaches them, so the entries are typed.
 *
 * Each entry is stored with a digest of its inputs and of the code that builds it (see
 * `renderer-fingerprint.ts`). Astro keeps the store between builds, so an entry whose digest is
 * unchanged is not built again: its Markdown is not rendered twice. The Markdown of the entries
 * that changed is rendered on worker threads, one per core (`markdown-batch.ts`). Entries that no
 * longer exist (a request merged into another, a deleted issue) are removed from the store.
 * The copies of external images an entry shows are part of its digest (`entry-images.ts`).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { renderInBatch, type MarkdownRenderer } from '../markdown/markdown-batch.ts';
import { entryImages } from './entry-images.ts';
import { loadRoadmap, type LoadedRoadmap } from './load-roadmap.ts';
import { rendererFingerprint } from './renderer-fingerprint.ts';
import { overviewEntry, releaseEntry, requestEntry, type PendingViewEntry } from './view-entries.ts';

/** The worker's source file: beside this module, or under the project root if this module was bundled. */
function markdownWorkerFile(root: string): string | undefined {
  const candidates = [join(root, 'src/markdown/markdown-worker.ts')];
  if (import.meta.url.startsWith('file:')) candidates.unshift(fileURLToPath(new URL('../markdown/markdown-worker.ts', import.meta.url)));
  return candidates.find((file) => existsSync(file));
}

async function storeEntries(
  context: LoaderContext,
  entries: readonly PendingViewEntry<Record<string, unknown>>[],
  site: LoadedRoadmap['config']['site'],
): Promise<{ built: number }> {
  const { store, parseData, generateDigest } = context;
  // The loader context of a build has the project root; outside one, the working directory is it.
  const root = context.config === undefined ? process.cwd() : fileURLToPath(context.config.root);
  const fingerprint = await rendererFingerprint(root);
  const images = await entryImages(
    entries.map((pending) => pending.inputs),
    { mode: externalImagesMode(site.externalImages), base: site.base, info: (message) => context.logger.info(message) },
  );
  const seen = new Set<string>();
  const changed: { pending: PendingViewEntry<Record<string, unknown>>; digest: string; images: Record<string, string> }[] = [];
  for (const [index, pending] of entries.entries()) {
    seen.add(pending.id);
    const copies = images[index] ?? {};
    const digest = generateDigest(JSON.stringify([fingerprint, pending.inputs, copies]));
    if (store.get(pending.id)?.digest !== digest) changed.push({ pending, digest, images: copies });
  }
  // The changed entries' Markdown is rendered on every core at once.
  const built = await renderInBatch(
    changed.map(
      ({ pending, images: copies }) =>
        (render: MarkdownRenderer) =>
          pending.build({ ...render, html: (markdown, options) => render.html(markdown, { ...options, images: copies }) }),
    ),
    {
      workerFile: markdownWorkerFile(root),
      threads: availableParallelism(),
      warn: (message) => context.logger.warn(message),
    },
  );
  for (const [index, entry] of built.entries()) {
    const data = await parseData({ id: entry.id, data: entry.data });
    const digest = changed[index]?.digest ?? '';
    store.set({ id: entry.id, data, digest, ...(entry.html === '' ? {} : { rendered: { html: entry.html } }) });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  return { built: built.length };
}

/**
 * `site.externalImages`, unless `ROADMAP_EXTERNAL_IMAGES` says otherwise for this build: `link`
 * for a build without network, `fetch` for a preview with the images.
 */
function externalImagesMode(configured: 'fetch' | 'link'): 'fetch' | 'link' {
  const given = process.env['ROADMAP_EXTERNAL_IMAGES'];
  if (given === undefined || given === '') return configured;
  if (given === 'fetch' || given === 'link') return given;
  throw new Error(`ROADMAP_EXTERNAL_IMAGES is "${given}", which is neither "fetch" nor "link". Set one of the two, or unset it to follow site.externalImages.`);
}

function roadmapLoader(
  name: string,
  entriesOf: (loaded: LoadedRoadmap, context: LoaderContext) => PendingViewEntry<Record<string, unknown>>[],
): Loader {
  return {
    name,
    load: async (context) => {
      const loaded = await loadRoadmap();
      const entries = entriesOf(loaded, context);
      const { built } = await storeEntries(context, entries, loaded.config.site);
      context.logger.info(`${entries.length} entries from the snapshot of ${loaded.roadmap.syncedAt}, ${built} of them new or changed`);
    },
  };
}

/** Canonical requests, by their URL slug (`12-dark-mode`). */
export function requestsLoader(): Loader {
  return roadmapLoader('open-roadmap-requests', (loaded, context) => {
    if (loaded.roadmap.requests.length === 0) {
      // Not an error: a new project has no requests yet, and the site says so.
      context.logger.warn('The snapshot holds no published requests, so the roadmap is empty. Check `sources` in roadmap.config.ts.');
    }
    // Duplicate markings that could not be followed: the item stands alone; the maintainer page lists them too.
    for (const problem of loaded.roadmap.problems) context.logger.warn(`${problem.message} To fix: ${problem.hint}.`);
    return loaded.roadmap.requests.map((request) => requestEntry(request, loaded));
  });
}

/** Published releases, by their URL slug (`v1.6.0`), each with the requests it shipped. */
export function releasesLoader(): Loader {
  return roadmapLoader('open-roadmap-releases', (loaded) => {
    const byKey = new Map(loaded.roadmap.requests.map((request) => [request.key, request]));
    return loaded.roadmap.releases.map((release) => releaseEntry(release, loaded, byKey));
  });
}

/** One entry, `overview`: when the snapshot was taken, its repositories and the Now / Next / Later milestones. */
export function overviewLoader(): Loader {
  return roadmapLoader('open-roadmap-overview', (loaded) => [overviewEntry(loaded)]);
}
