/**
 * What a release shipped, in the form the notifier needs: each shipped request with the items to
 * comment on (the request and every duplicate), the people who asked for it, and the addresses
 * of its pages. The answer comes from the model (`buildRequests`, `buildChangelog`, which ask
 * `shipments.ts`), in the changelog page's order. A request is announced once, with the release
 * that shipped it (`Request.release`: the first stable one), so a later release never announces it
 * again, and a prerelease, whose changelog page lists what it shipped first, announces nothing:
 * what it shipped is announced with the first stable release that contains it. Pure.
 */
import type { RoadmapConfig } from '../config/schema.ts';
import { buildChangelog } from '../model/build-changelog.ts';
import { buildRequests } from '../model/build-requests.ts';
import { isExcludedAccount } from '../model/excluded-accounts.ts';
import { itemKey } from '../model/item-key.ts';
import { releaseId } from '../model/shipments.ts';
import type { ItemKey, Request } from '../model/types.ts';
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import type { Item, Release } from '../snapshot/schema.ts';
import { NotifyError } from './notify-error.ts';
import { siteUrl } from './absolute-urls.ts';

export interface ShippedItem {
  key: ItemKey;
  repository: string;
  number: number;
  type: 'issue' | 'discussion';
  /** GitHub's GraphQL node id. */
  nodeId: string;
  url: string;
  /** Locked when the snapshot was synced; the notifier checks again before commenting. */
  locked: boolean;
  /** The request itself, rather than one of its duplicates. */
  canonical: boolean;
}

export interface ShippedRequest {
  key: ItemKey;
  repository: string;
  number: number;
  /** Untrusted: written by whoever opened the request. */
  title: string;
  url: string;
  /** The request's page on the roadmap, absolute. */
  pageUrl: string;
  /** Unique people (see `unique-voters.ts`); `anonymous` of them are Discussion upvotes GitHub does not name. */
  votes: { total: number; anonymous: number };
  /** The request first, then its duplicates, oldest first. */
  items: ShippedItem[];
  /** Lower-cased logins of everyone who voted for, or opened, the request or one of its duplicates. */
  askedBy: ReadonlySet<string>;
}

export interface ReleaseShipment {
  /** `owner/name@tag`, lower-cased repository (`releaseId`). */
  id: string;
  repository: string;
  tagName: string;
  name: string | null;
  /** The release on GitHub. */
  url: string;
  /** Untrusted Markdown release notes. */
  body: string;
  isPrerelease: boolean;
  publishedAt: string;
  /** The release's page in the roadmap's changelog, absolute. */
  changelogUrl: string;
  /** Shipped requests, most wanted first, as the changelog lists them. */
  requests: ShippedRequest[];
}

function shippedItem(item: Item, canonical: boolean): ShippedItem {
  return {
    key: itemKey(item),
    repository: item.repository,
    number: item.number,
    type: item.type,
    nodeId: item.id,
    url: item.url,
    locked: item.locked,
    canonical,
  };
}

/** Whether `release` is the one a request is announced with: the first stable release that shipped it. */
export function announcedWith(request: Pick<Request, 'release'>, release: string): boolean {
  return request.release !== null && !request.release.isPrerelease && request.release.id === release;
}

export function releaseShipment(snapshot: Snapshot, config: RoadmapConfig, release: Release): ReleaseShipment {
  const id = releaseId(release);
  const requests = buildRequests(snapshot, config);
  const entry = buildChangelog(snapshot, config, requests).find((candidate) => candidate.id === id);
  if (!entry) {
    throw new NotifyError(
      `${release.repository} ${release.tagName} is not on the roadmap's changelog.`,
      'Only releases of the repositories in roadmap.config.ts are announced, and never those of a private repository unless its source sets allowPrivate.',
    );
  }
  const requestsByKey = new Map(requests.map((request) => [request.key, request]));
  const itemsByKey = new Map(snapshot.items.map((item) => [itemKey(item), item]));

  const shipped = entry.shipped.flatMap((key): ShippedRequest[] => {
    const request = requestsByKey.get(key);
    const item = itemsByKey.get(key);
    if (!request || !item || !announcedWith(request, id)) return [];
    const duplicates = request.duplicates
      .map((duplicate) => itemsByKey.get(duplicate.key))
      .filter((duplicate) => duplicate !== undefined);
    const askedBy = new Set(request.votes.people.map((voter) => voter.login.toLowerCase()));
    // Whoever opened the request or a duplicate asked for it, whether or not votes count authors.
    for (const asked of [item, ...duplicates]) {
      const author = asked.author;
      if (author && !isExcludedAccount(author.login, author.type, config.exclude)) askedBy.add(author.login.toLowerCase());
    }
    return [
      {
        key,
        repository: request.repository,
        number: request.number,
        title: request.title,
        url: request.url,
        pageUrl: siteUrl(config.site, request.path),
        votes: { total: request.votes.total, anonymous: request.votes.anonymous },
        items: [shippedItem(item, true), ...duplicates.map((duplicate) => shippedItem(duplicate, false))],
        askedBy,
      },
    ];
  });

  return {
    id,
    repository: release.repository,
    tagName: release.tagName,
    name: release.name,
    url: release.url,
    body: release.body,
    isPrerelease: release.isPrerelease,
    publishedAt: release.publishedAt,
    changelogUrl: siteUrl(config.site, entry.path),
    requests: shipped,
  };
}
