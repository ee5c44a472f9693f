/**
 * Social images during a build (`src/images/site-social-images.ts` says which cards there are).
 *
 * Rendering a thousand cards takes about 25 s of CPU, while Astro generates pages on a single
 * thread. So the cards are rendered on worker threads from the start of the build, alongside
 * Astro's bundling and page generation, and written into the output once the pages are done.
 * A card whose inputs an earlier build already rendered comes from `.cache/images/`.
 *
 * The build log says what the cache did: how many cards were rendered and how many reused. A
 * rebuild after one request changed should render about one; a number close to the request count
 * means the cache was not restored.
 *
 * `astro dev` serves the same cards under the same addresses, rendered on request.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadRoadmap } from '../content/load-roadmap.ts';
import { imageCacheStats, resetImageCacheStats } from '../images/image-cache.ts';
import { cachedSocialImage, prerenderSocialImages, socialImageFiles, type SocialImageFile } from '../images/site-social-images.ts';
import { outputFilesMiddleware, serveInDev, writeAfterPages, writeOutputFiles, type Middleware } from './output-files.ts';

export interface SocialImagesOptions {
  /**
   * Worker threads for rendering; 0 renders on the main thread. Default: one per core but one,
   * which Astro's thread needs while it generates the pages (one worker on two cores).
   */
  threads?: number;
  /**
   * Fewer images to render than this are rendered on the main thread, where there is no worker
   * to start first.
   * @default 50
   */
  minImagesForWorkers?: number;
  /** The cards to write. Default: the site's, from the snapshot (`socialImageFiles`). */
  files?: () => Promise<SocialImageFile[]>;
}

async function siteCards(): Promise<SocialImageFile[]> {
  const { config, roadmap } = await loadRoadmap();
  return socialImageFiles(config, roadmap);
}

export default function socialImagesIntegration(options: SocialImagesOptions = {}): AstroIntegration {
  const threads = options.threads ?? imageThreads(availableParallelism());
  const minImages = options.minImagesForWorkers ?? 50;
  const files = options.files ?? siteCards;
  let rendering: Promise<SocialImageFile[]> | undefined;
  return {
    name: 'open-roadmap:social-images',
    hooks: {
      ...serveInDev((base) => socialImagesMiddleware(files, base)),
      'astro:build:start': ({ logger }) => {
        resetImageCacheStats();
        // Not awaited: the cards render while Astro bundles and generates the pages.
        rendering = files().then(async (cards) => {
          if (threads > 0) {
            const workerFile = fileURLToPath(new URL('../images/social-image-worker.ts', import.meta.url));
            await prerenderSocialImages(
              cards.map((card) => card.input),
              { workerFile, threads, minImages },
              (message) => logger.warn(message),
            );
          }
          return cards;
        });
        // Its failure is reported where it is awaited, at the end of the build.
        rendering.catch(() => {});
      },
      ...writeAfterPages(async (outDir, logger) => {
        const cards = await (rendering ?? files());
        rendering = undefined;
        await writeSocialImages(outDir, cards, logger);
      }),
    },
  };
}

/**
 * Image workers for a machine with `cores` cores: all but the one Astro's single thread needs
 * while it generates the pages. The cards render beside the pages, and a card costs about 24 ms,
 * so on two cores one worker draws a thousand while Astro bundles and generates 11,500 pages. A
 * second worker finished them sooner but took its core from Astro, and builds of 10,000 requests
 * from empty caches took 8 to 10 s longer.
 */
export function imageThreads(cores: number): number {
  return Math.max(1, cores - 1);
}

/** Writes every card under `outDir`, rendering those the workers did not. */
export async function writeSocialImages(
  outDir: string,
  cards: readonly SocialImageFile[],
  logger: Pick<AstroIntegrationLogger, 'info'>,
): Promise<void> {
  await writeOutputFiles(outDir, cards, async (card) => [
    { path: card.path, contentType: 'image/png', body: await cachedSocialImage(card.input) },
  ]);
  const { rendered, reused, renderMilliseconds } = imageCacheStats();
  if (rendered + reused === 0) return;
  logger.info(
    `Social images: ${rendered} rendered in ${(renderMilliseconds / 1000).toFixed(2)}s, ${reused} reused from the cache.`,
  );
}

/** For `astro dev`: `/og/….png`, rendered on request (and cached like a build's). */
export function socialImagesMiddleware(files: () => Promise<SocialImageFile[]>, base: string): Middleware {
  return outputFilesMiddleware({
    base,
    handles: (path) => /\/og\/.+\.png$/.test(path),
    find: async (path) => {
      const card = (await files()).find((file) => file.path === path);
      return card && { path: card.path, contentType: 'image/png', body: await cachedSocialImage(card.input) };
    },
  });
}
