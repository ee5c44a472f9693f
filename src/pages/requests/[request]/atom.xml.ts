/**
 * `/requests/<number>-<slug>/atom.xml`: a request's status changes (and the release that
 * shipped it), for people who follow one request in a feed reader.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { allRequests } from '../../../content/collections.ts';
import { formatDate } from '../../../i18n/format.ts';
import { strings } from '../../../i18n/strings.ts';
import { atomFeed, atomResponse, type AtomEntry } from '../../../layouts/atom-feed.ts';
import { absoluteUrl } from '../../../layouts/href.ts';
import { pageCacheKey } from '../../../layouts/page-cache-key.ts';
import { siteConfig } from '../../../layouts/site-config.ts';
import { requestFeedPath } from '../../../model/site-paths.ts';

export const getStaticPaths = (async () =>
  Promise.all(
    (await allRequests()).map(async (entry) => ({
      params: { request: entry.id },
      props: { request: entry.data },
      cacheKey: await pageCacheKey(entry.digest ?? entry.data),
    })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const { request } = props;
  const config = await siteConfig();
  const pageUrl = absoluteUrl(request.path, site);
  const entries: AtomEntry[] = request.statusHistory.map((change, index) => {
    const name = config.statuses.names[change.status];
    return {
      id: `${pageUrl}#status-${index}`,
      title: `${strings.request.statusChanged(name)}: ${request.title}`,
      url: pageUrl,
      updated: change.at,
      published: change.at,
      summary: `${strings.request.statusChanged(name)} · ${formatDate(change.at, config.site.language)}`,
    };
  });
  for (const release of request.shippedIn) {
    const name = release.name ?? release.tagName;
    entries.push({
      id: `${pageUrl}#release-${release.id}`,
      title: `${strings.request.shippedFeedEntry(name)}: ${request.title}`,
      url: absoluteUrl(release.path, site),
      updated: release.publishedAt,
      published: release.publishedAt,
      summary: strings.request.shippedFeedEntry(name),
    });
  }
  entries.sort((a, b) => b.updated.localeCompare(a.updated));
  return atomResponse(
    atomFeed({
      id: absoluteUrl(requestFeedPath(request.path), site),
      title: `${request.title} · ${config.site.title}`,
      subtitle: request.excerpt,
      selfUrl: absoluteUrl(requestFeedPath(request.path), site),
      pageUrl,
      updated: entries[0]?.updated ?? request.updatedAt,
      author: config.site.title,
      entries,
    }),
  );
};
