/** `/changelog/atom.xml`: the latest releases, with their notes and the requests they shipped. */
import type { APIRoute } from 'astro';
import { allReleases } from '../../content/collections.ts';
import { changelogFeedItems } from '../../content/changelog-feed.ts';
import { uiStrings } from '../../i18n/strings.ts';
import { atomFeed, atomResponse } from '../../xml/atom-feed.ts';
import { absoluteUrl } from '../../site/href.ts';
import { siteConfig } from '../../site/site-config.ts';
import { SITE_PATHS } from '../../model/site-paths.ts';

export const GET: APIRoute = async ({ site }) => {
  const [config, releases] = await Promise.all([siteConfig(), allReleases()]);
  const strings = uiStrings(config.site.language);
  const items = changelogFeedItems(releases, site, strings);
  return atomResponse(
    atomFeed({
      id: absoluteUrl(SITE_PATHS.changelog, site),
      title: `${strings.changelog.title} · ${config.site.title}`,
      subtitle: strings.changelog.description,
      selfUrl: absoluteUrl(SITE_PATHS.changelogAtom, site),
      pageUrl: absoluteUrl(SITE_PATHS.changelog, site),
      updated: items[0]?.publishedAt ?? new Date(0).toISOString(),
      author: config.site.title,
      entries: items.map((item) => ({
        id: item.id,
        title: item.title,
        url: item.url,
        updated: item.publishedAt,
        published: item.publishedAt,
        ...(item.author ? { author: item.author } : {}),
        summary: item.summary,
        contentHtml: item.html,
      })),
    }),
  );
};
