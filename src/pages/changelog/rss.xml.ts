/** `/changelog/rss.xml`: the same releases as the Atom feed, for readers that want RSS. */
import type { APIRoute } from 'astro';
import { allReleases } from '../../content/collections.ts';
import { changelogFeedItems } from '../../content/changelog-feed.ts';
import { uiStrings } from '../../i18n/strings.ts';
import { absoluteUrl } from '../../site/href.ts';
import { rssFeed } from '../../xml/rss-feed.ts';
import { siteConfig } from '../../site/site-config.ts';
import { SITE_PATHS } from '../../model/site-paths.ts';

export const GET: APIRoute = async ({ site }) => {
  const [config, releases] = await Promise.all([siteConfig(), allReleases()]);
  const strings = uiStrings(config.site.language);
  const xml = rssFeed({
    title: `${strings.changelog.title} · ${config.site.title}`,
    description: config.site.description || strings.changelog.description,
    pageUrl: absoluteUrl(SITE_PATHS.changelog, site),
    selfUrl: absoluteUrl(SITE_PATHS.changelogRss, site),
    language: config.site.language,
    items: changelogFeedItems(releases, site, strings).map((item) => ({
      title: item.title,
      url: item.url,
      guid: item.id,
      publishedAt: item.publishedAt,
      descriptionHtml: item.html,
      categories: item.isPrerelease ? [strings.changelog.prerelease] : [],
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
