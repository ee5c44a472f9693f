/**
 * `/og/requests/<slug>.png`: the link-preview card of a request (title, status, votes), beside
 * the request's page `/requests/<slug>/` (see `socialImagePath` in the model's `site-paths.ts`).
 * Only the most voted requests have one (see `social-cards.ts`); the others show `/og/site.png`.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCollection } from 'astro:content';
import {
  cachedSocialImage,
  pngResponse,
  prerenderSocialImages,
  siteSocialImageInput,
  socialImageKey,
} from '../../../images/site-social-images.ts';
import { siteConfig } from '../../../layouts/site-config.ts';
import { requestsWithOwnCard } from '../../../model/social-cards.ts';

export const getStaticPaths = (async () => {
  const [requests, config] = await Promise.all([getCollection('requests'), siteConfig()]);
  const ownCard = requestsWithOwnCard(
    requests.map((entry) => entry.data),
    config.site.socialImages.requests,
  );
  const paths = await Promise.all(
    requests
      .filter(({ data }) => ownCard.has(data.key))
      .map(async ({ data }) => {
        const image = await siteSocialImageInput({ kind: 'request', title: data.title, status: data.status, votes: data.votes.total });
        return { params: { slug: data.slug }, props: { image }, cacheKey: socialImageKey(image) };
      }),
  );
  await prerenderSocialImages(paths.map((path) => path.props.image));
  return paths;
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) => pngResponse(await cachedSocialImage(props.image));
