/**
 * Builds the search index once Astro has written the site: Pagefind reads the HTML in the output
 * folder and writes its bundle (the `pagefind.js` API, WebAssembly and index fragments) to
 * `<outDir>/pagefind/`, which `public/search.js` loads on the search page.
 *
 * What gets indexed is decided by the pages: only those with a `data-pagefind-body` element
 * (requests and releases; Pagefind reads no others, see `SEARCHABLE_PAGES_GLOB`) are, and only
 * what those elements hold (the title and the text of the request or release, never the status,
 * labels, votes or headings around them). Their `data-pagefind-filter` / `-sort` / `-meta`
 * attributes, read wherever they are on the page, give the search page its filters, its vote
 * ordering and its result titles.
 * https://pagefind.app/docs/indexing/
 *
 * The index stores paths from the output folder's root (`/requests/…/`); the search page adds the
 * site's `base` with Pagefind's `baseUrl` option, so the index is the same whatever the base.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SEARCHABLE_PAGES_GLOB } from '../model/site-paths.ts';

/** Where the bundle goes, relative to the output folder; the search page imports it from here. */
export const PAGEFIND_BUNDLE_DIR = 'pagefind';

export interface SearchIndexResult {
  /** Pages in the index: those with a `data-pagefind-body` element. */
  pageCount: number;
  milliseconds: number;
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'open-roadmap:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex({ outDir: fileURLToPath(dir), logger });
      },
    },
  };
}

/** Indexes `outDir` and writes the bundle to `<outDir>/pagefind/`. Throws if Pagefind reports any error. */
export async function buildSearchIndex({
  outDir,
  logger,
}: {
  outDir: string;
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>;
}): Promise<SearchIndexResult> {
  const started = performance.now();
  try {
    const { index } = checked(await pagefind.createIndex({}), 'create the index', logger);
    if (!index) throw new Error('Pagefind did not create an index and gave no reason.');

    const { page_count: htmlFiles } = checked(
      await index.addDirectory({ path: outDir, glob: SEARCHABLE_PAGES_GLOB }),
      'index the site',
      logger,
    );

    const outputPath = join(outDir, PAGEFIND_BUNDLE_DIR);
    checked(await index.writeFiles({ outputPath }), 'write the search bundle', logger);

    const pageCount = await indexedPageCount(outputPath);
    if (pageCount === 0) {
      // Not fatal: a roadmap with no requests yet is valid. But the search page will find nothing.
      logger.warn(
        `Pagefind read ${htmlFiles} HTML files but indexed none: no page has a data-pagefind-body element, so search will return no results.`,
      );
    }
    const milliseconds = performance.now() - started;
    logger.info(`Indexed ${pageCount} of ${htmlFiles} pages for search in ${formatDuration(milliseconds)}.`);
    return { pageCount, milliseconds };
  } finally {
    // Pagefind runs a native service process; leaving it running would keep the build from exiting.
    await pagefind.close();
  }
}

/**
 * `addDirectory` counts every HTML file it read, including those it then skipped for having no
 * `data-pagefind-body` (a merged duplicate's redirect, a list such as `/requests/newest/`); the
 * bundle's entry file has the number of pages actually in the index.
 */
async function indexedPageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((total, language) => total + (language.page_count ?? 0), 0);
}

/** Pagefind reports problems in `errors` rather than throwing: log them all, then fail the build. */
function checked<T extends { errors: string[] }>(
  response: T,
  step: string,
  logger: Pick<AstroIntegrationLogger, 'error'>,
): T {
  if (response.errors.length === 0) return response;
  for (const error of response.errors) logger.error(`Pagefind: ${error}`);
  throw new Error(
    `Search indexing failed: Pagefind could not ${step} (${response.errors.length} error${response.errors.length === 1 ? '' : 's'} above). Fix them and build again.`,
  );
}

function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)}ms` : `${(milliseconds / 1000).toFixed(2)}s`;
}
