/**
 * The two files beside every request page: its status feed (`atom.xml`), for people who follow
 * one request in a feed reader, and its vote badge (`badge.svg`), for READMEs. The same files
 * are at the request's stable address (`/requests/12/badge.svg`, the one to paste: it survives
 * renames) and at every address it had before (so pasted copies of those keep working).
 *
 * They are plain text made from the model, so they are not Astro routes: Astro spends a few
 * milliseconds on every route, and these would be two of every three routes of a large site.
 * The `request-files` integration writes them after Astro's build and serves them in `astro dev`.
 */
import type { RoadmapConfig } from '../config/index.ts';
import type { OutputFile } from '../integrations/output-files.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { uiStrings } from '../i18n/strings.ts';
import { requestBadgePath, requestFeedPath } from '../model/site-paths.ts';
import type { Request } from '../model/types.ts';
import { atomFeed, type AtomEntry } from './atom-feed.ts';
import { voteBadgeSvg } from './vote-badge.ts';

/** What a request's feed and badge show. */
export type RequestFileSubject = Pick<Request, 'path' | 'stablePath' | 'title' | 'votes' | 'statusHistory' | 'shippedIn' | 'updatedAt'>;

/** The absolute URL of a site path: `site.url`, then `site.base`, then the path. */
export function siteUrl(path: string, site: Pick<RoadmapConfig['site'], 'url' | 'base'>): string {
  return new URL(`${site.base.replace(/\/+$/, '')}${path}`, site.url).href;
}

export function requestFeed(request: RequestFileSubject, config: RoadmapConfig): string {
  const pageUrl = siteUrl(request.path, config.site);
  // Ids come from the stable address, so a rename leaves a subscriber's feed and entries as they were.
  const stableUrl = siteUrl(request.stablePath, config.site);
  const feedUrl = siteUrl(requestFeedPath(request.stablePath), config.site);
  const strings = uiStrings(config.site.language);
  const entries: AtomEntry[] = request.statusHistory.map((change, index) => {
    const name = config.statuses.names[change.status];
    return {
      id: `${stableUrl}#status-${index}`,
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
      id: `${stableUrl}#release-${release.id}`,
      title: `${strings.request.shippedFeedEntry(name)}: ${request.title}`,
      url: siteUrl(release.path, config.site),
      updated: release.publishedAt,
      published: release.publishedAt,
      summary: strings.request.shippedFeedEntry(name),
    });
  }
  entries.sort((a, b) => b.updated.localeCompare(a.updated));
  return atomFeed({
    id: feedUrl,
    title: `${request.title} · ${config.site.title}`,
    subtitle: strings.request.feedSubtitle,
    selfUrl: feedUrl,
    pageUrl,
    updated: entries[0]?.updated ?? request.updatedAt,
    author: config.site.title,
    entries,
  });
}

export function requestBadge(request: RequestFileSubject, config: RoadmapConfig): string {
  const strings = uiStrings(config.site.language);
  return voteBadgeSvg({
    label: strings.badge.label,
    value: formatNumber(request.votes.total, config.site.language),
    title: `${strings.request.votesCount(request.votes.total)}: ${request.title}`,
    color: config.site.theme.accent,
  });
}

/**
 * A request's feed and badge, with where each goes: beside its page, or at each of `addresses`
 * (request paths such as its stable one), the same bytes everywhere.
 */
export function requestFiles(request: RequestFileSubject, config: RoadmapConfig, addresses: readonly string[] = [request.path]): OutputFile[] {
  const feed = requestFeed(request, config);
  const badge = requestBadge(request, config);
  return addresses.flatMap((address) => [
    { path: requestFeedPath(address), contentType: 'application/atom+xml; charset=utf-8', body: feed },
    { path: requestBadgePath(address), contentType: 'image/svg+xml; charset=utf-8', body: badge },
  ]);
}
