/**
 * Social images as the site's endpoints need them: the roadmap's title, theme, language and status
 * names from `roadmap.config.ts`, the card rendered through the cache. The endpoints under
 * `src/pages/og/` stay one-liners.
 */
import { loadConfig } from '../config/index.ts';
import { cachedImage, imageCacheKey, warmImageCache } from './image-cache.ts';
import { renderOnWorkers, type PoolOptions } from './social-image-pool.ts';
import { renderSocialImage, SOCIAL_IMAGE_RENDERER_VERSION, type SocialImageInput } from './render-social-image.ts';

type SiteInputs = Pick<SocialImageInput, 'projectName' | 'theme' | 'locale' | 'labels'>;

let siteInputsPromise: Promise<SiteInputs> | undefined;

/** Read once per build: thousands of images share it. */
function siteInputs(): Promise<SiteInputs> {
  siteInputsPromise ??= loadConfig().then((config) => ({
    projectName: config.site.title,
    theme: { accent: config.site.theme.accent, background: config.site.theme.background },
    locale: config.site.language,
    labels: { statuses: config.statuses.names },
  }));
  return siteInputsPromise;
}

/** The card's full inputs: what the page knows, plus the site's name, theme and wording. */
export async function siteSocialImageInput(input: Omit<SocialImageInput, keyof SiteInputs>): Promise<SocialImageInput> {
  return { ...(await siteInputs()), ...input };
}

/**
 * Identifies the picture `input` gives. Endpoints return it as `cacheKey` from `getStaticPaths`,
 * so Astro's incremental build (`experimental.incrementalBuild`) skips unchanged images entirely.
 */
export function socialImageKey(input: SocialImageInput): string {
  return imageCacheKey(input, SOCIAL_IMAGE_RENDERER_VERSION);
}

/** The PNG for `input`, from `.cache/images/` when an earlier build already rendered it. */
export function cachedSocialImage(input: SocialImageInput): Promise<Buffer> {
  return cachedImage(input, () => renderSocialImage(input), { version: SOCIAL_IMAGE_RENDERER_VERSION });
}

const POOL_KEY = Symbol.for('open-roadmap.social-image-pool');

/**
 * Lets endpoints render on worker threads. The social images integration calls this, because
 * only it knows where `social-image-worker.ts` is: endpoints run from Astro's bundle.
 */
export function provideSocialImagePool(options: PoolOptions | undefined): void {
  (globalThis as { [POOL_KEY]?: PoolOptions | undefined })[POOL_KEY] = options;
}

/**
 * Renders every image in `inputs` not yet cached, on all cores, before Astro asks for them one
 * by one. Best effort: without the pool (the integration is not installed), or if a worker
 * fails, the images are rendered as their endpoints are called, as before.
 */
export async function prerenderSocialImages(inputs: readonly SocialImageInput[]): Promise<void> {
  const pool = (globalThis as { [POOL_KEY]?: PoolOptions | undefined })[POOL_KEY];
  if (!pool) return;
  try {
    await warmImageCache(
      inputs,
      (input) => input,
      async (missing, store) => {
        if (missing.length < pool.minImages) return;
        await renderOnWorkers(missing, (index, png) => store(missing[index] as SocialImageInput, png), pool);
      },
      { version: SOCIAL_IMAGE_RENDERER_VERSION },
    );
  } catch (error) {
    console.warn(`Social images will be rendered one at a time: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The HTTP response an image endpoint returns. */
export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
