/**
 * Social images during a build: lends the image endpoints a pool of worker threads, so that a
 * cold build renders on every core, and reports what the cache did — how many cards were
 * rendered and how many came from `.cache/images/`. A rebuild after one request changed should
 * render about one; a number close to the request count means the cache was not restored.
 */
import type { AstroIntegration } from 'astro';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { imageCacheStats, resetImageCacheStats } from '../images/image-cache.ts';
import { provideSocialImagePool } from '../images/site-social-images.ts';

export interface SocialImagesOptions {
  /** Worker threads for rendering; 0 renders on the main thread. Default: one per core. */
  threads?: number;
  /**
   * Fewer images to render than this are rendered on the main thread, where there is no worker
   * to start first.
   * @default 50
   */
  minImagesForWorkers?: number;
}

export default function socialImagesIntegration(options: SocialImagesOptions = {}): AstroIntegration {
  const threads = options.threads ?? availableParallelism();
  const minImages = options.minImagesForWorkers ?? 50;
  return {
    name: 'open-roadmap:social-images',
    hooks: {
      'astro:build:start': () => {
        resetImageCacheStats();
        provideSocialImagePool(
          threads > 0
            ? { workerFile: fileURLToPath(new URL('../images/social-image-worker.ts', import.meta.url)), threads, minImages }
            : undefined,
        );
      },
      'astro:build:done': ({ logger }) => {
        provideSocialImagePool(undefined);
        const { rendered, reused, renderMilliseconds } = imageCacheStats();
        if (rendered + reused === 0) return;
        logger.info(
          `Social images: ${rendered} rendered in ${(renderMilliseconds / 1000).toFixed(2)}s, ${reused} reused from the cache.`,
        );
      },
    },
  };
}
