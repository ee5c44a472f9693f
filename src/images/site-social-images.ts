/**
 * The site's social images: which cards a roadmap has (one for the site, one per release, one per
 * most voted request), what each shows (the page's data plus the roadmap's title, theme, language
 * and status names from `roadmap.config.ts`), and their PNGs through the cache.
 *
 * They are not Astro routes: the social images integration renders them on worker threads while
 * Astro builds the pages, and writes them into the output after (see `integrations/social-images.ts`).
 */
import type { RoadmapConfig } from '../config/index.ts';
import { pluralSamples, translator } from '../i18n/messages.ts';
import { SITE_PATHS, socialImagePath } from '../model/site-paths.ts';
import { requestsWithOwnCard } from '../model/social-cards.ts';
import type { ReleaseRef, Request } from '../model/types.ts';
import { cachedImage, warmImageCache } from './image-cache.ts';
import { renderOnWorkers, type PoolOptions } from './social-image-pool.ts';
import { renderSocialImage, SOCIAL_IMAGE_RENDERER_VERSION, type SocialImageInput } from './render-social-image.ts';

type SiteInputs = Pick<SocialImageInput, 'projectName' | 'theme' | 'locale' | 'labels'>;

/** A card and where it goes. */
export interface SocialImageFile {
  /** Site path without the base: `/og/requests/12-dark-mode.png`. */
  path: string;
  input: SocialImageInput;
}

/** What every card of the site shares: the roadmap's name, theme and wording, in its language. */
export function siteInputsOf(config: RoadmapConfig): SiteInputs {
  const language = config.site.language;
  const t = translator(language);
  const votes = Object.fromEntries([...pluralSamples(language)].map(([category, count]) => [category, t('request.votes', { count })]));
  return {
    projectName: config.site.title,
    theme: { accent: config.site.theme.accent, background: config.site.theme.background },
    locale: language,
    labels: {
      request: t('socialImage.request'),
      release: t('socialImage.release'),
      site: t('board.title'),
      votes: { ...votes, other: votes['other'] ?? t('request.votes', { count: 2 }) },
      released: t('socialImage.released', { date: '{date}' }),
      statuses: config.statuses.names,
    },
  };
}

/**
 * Every card of the site: the roadmap's own (`/og/site.png`, shown by pages without one), one per
 * release, and one per request among the `site.socialImages.requests` most voted (`social-cards.ts`).
 * The pages link the same paths (`socialImagePath`).
 */
export function socialImageFiles(
  config: RoadmapConfig,
  roadmap: {
    requests: ReadonlyArray<Pick<Request, 'key' | 'updatedAt' | 'title' | 'status' | 'path'> & { votes: Pick<Request['votes'], 'total'> }>;
    releases: ReadonlyArray<Pick<ReleaseRef, 'name' | 'tagName' | 'publishedAt' | 'path'>>;
  },
): SocialImageFile[] {
  const site = siteInputsOf(config);
  const ownCard = requestsWithOwnCard(roadmap.requests, config.site.socialImages.requests);
  return [
    { path: SITE_PATHS.socialImage, input: { ...site, kind: 'site', title: config.site.description || config.site.title } },
    ...roadmap.releases.map((release) => ({
      path: socialImagePath(release.path),
      input: { ...site, kind: 'release' as const, title: release.name?.trim() || release.tagName, tag: release.tagName, date: release.publishedAt },
    })),
    ...roadmap.requests
      .filter((request) => ownCard.has(request.key))
      .map((request) => ({
        path: socialImagePath(request.path),
        input: { ...site, kind: 'request' as const, title: request.title, status: request.status, votes: request.votes.total },
      })),
  ];
}

/** The PNG for `input`, from `.cache/images/` when an earlier build already rendered it. */
export function cachedSocialImage(input: SocialImageInput): Promise<Buffer> {
  return cachedImage(input, () => renderSocialImage(input), { version: SOCIAL_IMAGE_RENDERER_VERSION });
}

/**
 * Renders every image in `inputs` not yet cached, on `pool.threads` workers. Best effort: if a
 * worker fails, it warns and leaves the rest to `cachedSocialImage`, which renders on the calling
 * thread.
 */
export async function prerenderSocialImages(
  inputs: readonly SocialImageInput[],
  pool: PoolOptions,
  warn: (message: string) => void,
): Promise<void> {
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
    warn(`Social images will be rendered one at a time: ${error instanceof Error ? error.message : String(error)}`);
  }
}
