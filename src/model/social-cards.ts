/**
 * Which requests get a link-preview card of their own. Cards are the heaviest files of the site
 * (about 40 KB each, against about 10 KB for a request's page) and the slowest to render, so a
 * roadmap of 100,000 requests cannot have one per request and still fit GitHub Pages' 1 GB. The
 * most voted requests, the ones people share, get theirs; every other request shows the site's
 * card (`site.socialImages` in the configuration).
 */
import { compareByVotes, type Rankable } from './ranking.ts';

/** The keys of the `limit` requests that get their own card: most votes first, as the "top" list ranks them. */
export function requestsWithOwnCard(requests: readonly Pick<Rankable, 'key' | 'votes' | 'updatedAt'>[], limit: number): Set<string> {
  return new Set(
    [...requests]
      .sort(compareByVotes)
      .slice(0, Math.max(0, limit))
      .map((request) => request.key),
  );
}
