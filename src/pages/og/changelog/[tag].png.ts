/**
 * `/og/changelog/<slug>.png`: the link-preview card of a release (name, tag, date), beside the
 * release's page `/changelog/<slug>/` (see `socialImagePath` in the model's `site-paths.ts`).
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

export const getStaticPaths = (async () => {
  const releases = await getCollection('releases');
  const paths = await Promise.all(
    releases.map(async ({ data }) => {
      const image = await siteSocialImageInput({
        kind: 'release',
        title: data.title,
        tag: data.tagName,
        date: data.publishedAt,
      });
      return { params: { tag: data.slug }, props: { image }, cacheKey: socialImageKey(image) };
    }),
  );
  await prerenderSocialImages(paths.map((path) => path.props.image));
  return paths;
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) => pngResponse(await cachedSocialImage(props.image));
