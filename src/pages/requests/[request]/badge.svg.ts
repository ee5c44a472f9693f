/** `/requests/<number>-<slug>/badge.svg`: "votes | 42" for a README, linking people to the request. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { allRequests } from '../../../content/collections.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { strings } from '../../../i18n/strings.ts';
import { pageCacheKey } from '../../../layouts/page-cache-key.ts';
import { siteConfig } from '../../../layouts/site-config.ts';
import { svgResponse, voteBadgeSvg } from '../../../layouts/vote-badge.ts';

export const getStaticPaths = (async () =>
  Promise.all(
    (await allRequests()).map(async (entry) => ({
      params: { request: entry.id },
      props: { request: entry.data },
      cacheKey: await pageCacheKey({ votes: entry.data.votes.total, title: entry.data.title }),
    })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) => {
  const { request } = props;
  const { site } = await siteConfig();
  return svgResponse(
    voteBadgeSvg({
      label: strings.badge.label,
      value: formatNumber(request.votes.total, site.language),
      title: `${strings.request.votesCount(request.votes.total)}: ${request.title}`,
      color: site.theme.accent,
    }),
  );
};
