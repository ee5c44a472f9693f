/**
 * The releases as feed items, shared by the RSS and Atom changelog feeds: title, address,
 * the sanitized notes plus the list of requests each release shipped.
 */
import { escapeXml } from '../xml/xml-escape.ts';
import { absoluteUrl, href } from '../site/href.ts';
import { USER_CONTENT_PATH } from '../images/user-content-images.ts';
import type { UiStrings } from '../i18n/strings.ts';
import { SITE_PATHS } from '../model/site-paths.ts';
import type { ReleaseEntry } from './collections.ts';

/** Feeds carry the latest releases only: feed readers keep what they have already seen. */
export const RELEASES_PER_FEED = 30;

export interface ChangelogFeedItem {
  id: string;
  title: string;
  url: string;
  publishedAt: string;
  author: string | undefined;
  isPrerelease: boolean;
  summary: string;
  html: string;
}

export function changelogFeedItems(releases: readonly ReleaseEntry[], site: URL | undefined, strings: UiStrings): ChangelogFeedItem[] {
  return releases.slice(0, RELEASES_PER_FEED).map(({ data: release, rendered }) => {
    const shipped = release.shipped.length
      ? `<h2>${escapeXml(strings.changelog.shippedHeading)}</h2><ul>${release.shipped
          .map((request) => `<li><a href="${escapeXml(absoluteUrl(request.path, site))}">${escapeXml(request.title)}</a> (${escapeXml(strings.request.votesCount(request.votes))})</li>`)
          .join('')}</ul>`
      : '';
    return {
      id: absoluteUrl(release.path, site),
      title: release.isPrerelease ? `${release.title} (${strings.changelog.prerelease})` : release.title,
      url: absoluteUrl(release.path, site),
      publishedAt: release.publishedAt,
      author: release.author?.login,
      isPrerelease: release.isPrerelease,
      summary: release.excerpt,
      // The site's copies of external images and its request pages (references such as #12), at
      // full addresses: a feed reader is not on the site.
      html: `${(rendered?.html ?? '')
        .replaceAll(`src="${href(USER_CONTENT_PATH)}`, `src="${absoluteUrl(USER_CONTENT_PATH, site)}`)
        .replaceAll(`href="${href(SITE_PATHS.requests)}`, `href="${absoluteUrl(SITE_PATHS.requests, site)}`)}${shipped}`,
    };
  });
}
