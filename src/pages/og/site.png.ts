/**
 * `/og/site.png`: the roadmap's own link-preview card (its title and description), shown by every
 * page that has no card of its own: the board, the lists, and requests beyond
 * `site.socialImages.requests` (see `social-cards.ts`).
 */
import type { APIRoute } from 'astro';
import { cachedSocialImage, pngResponse, siteSocialImageInput } from '../../images/site-social-images.ts';
import { siteConfig } from '../../layouts/site-config.ts';

export const GET: APIRoute = async () => {
  const { site } = await siteConfig();
  const image = await siteSocialImageInput({ kind: 'site', title: site.description || site.title });
  return pngResponse(await cachedSocialImage(image));
};
