/**
 * Which release shipped a request: one answer, read from each item's timeline and the releases,
 * that the site, the JSON API, the feeds and the notifier all use. Pure: the same items and
 * releases always give the same answer.
 *
 * A request ships in the first published release that contains the change that *finally* closed
 * it as completed, and only if it was closed, and stayed closed, when that release was published.
 * The canonical request is what people voted on, so it decides:
 *
 * 1. The canonical item must be closed now, and its last close (GitHub's `ClosedEvent`, with no
 *    `ReopenedEvent` after it) was as completed (issues: `COMPLETED`, or no reason as before
 *    GitHub had reasons; Discussions: `RESOLVED` or none). Open again means not shipped any more.
 * 2. A release can only ship it if published at or after that last close.
 * 3. Such a release ships it when any item of the request (the canonical one or a duplicate)
 *    credits it:
 *    - the item's last close was as completed by a merged pull request of the release's
 *      repository, merged no later than the release was published;
 *    - the item's last close was as completed, no later than the release was published, and the
 *      item was in a milestone named like the release (`v1.4.0`, `1.4.0`, or the release's name)
 *      at that moment (milestone changes are replayed from `MilestonedEvent`/`DemilestonedEvent`);
 *    - the release notes name it (`Closes #12`, see `item-references.ts`) and it was closed then.
 * 4. Of the releases that qualify, the first one published ships it; where it is a prerelease,
 *    the first stable one that qualifies is named as well (a stable release's changelog lists
 *    what its prereleases shipped, and "shipped in" promises a stable release).
 *
 * "The release contains the change" is approximated by time: a pull request merged before a
 * release was published counts as in it. The snapshot has the merge commit and the tagged
 * commit, but not the history between them, so a release cut from another branch (a backport
 * line) published after the merge is credited too.
 */
import type { Item, ItemRef, PullRequestRef, Release } from '../snapshot/schema.ts';
import { findClosingReferences } from './item-references.ts';
import { itemKey, sameRepository } from './item-key.ts';
import type { ItemKey } from './types.ts';

export interface ShipmentGroup {
  /** The canonical request's key. */
  key: ItemKey;
  /** The canonical item first, then its duplicates. */
  items: readonly Item[];
}

export interface ShipmentContext {
  /** The title of milestone `number` of `repository`, or null when unknown. */
  milestoneTitle: (repository: string, number: number) => string | null;
  /** The canonical request an item reference belongs to, or null when it is not a published request. */
  canonicalKeyOf: (ref: ItemRef) => ItemKey | null;
}

/** The releases that shipped one request. */
export interface RequestShipment {
  /** The first release, prerelease or stable, that shipped it. */
  first: Release;
  /** The first stable release that shipped it: `first` itself when that is stable; null while only prereleases have. */
  firstStable: Release | null;
}

/** `owner/name@tag`, lower-cased repository: unique across every configured repository. */
export function releaseId(release: Pick<Release, 'repository' | 'tagName'>): string {
  return `${release.repository.toLowerCase()}@${release.tagName}`;
}

function normaliseVersion(name: string): string {
  return name.trim().toLowerCase().replace(/^v(?=\d)/, '');
}

/** How an item was last closed, if it is closed now. */
export interface LastClose {
  at: string;
  /** Closed as completed (done), rather than as not planned, a duplicate or outdated. */
  completed: boolean;
  /** The merged pull request whose merge closed it, if that is how. */
  closer: PullRequestRef | null;
}

/**
 * A snapshot whose timeline lacks the close (written by hand, or an issue closed before
 * timelines were kept) still names the pull requests that closed it: GitHub closes an issue when
 * the pull request merges, so the last one merged by then is the closer.
 */
function closerWithoutTimeline(pullRequests: readonly PullRequestRef[], closedAt: string): PullRequestRef | null {
  const merged = pullRequests.filter((pr) => pr.merged && pr.mergedAt !== null && pr.mergedAt <= closedAt);
  return merged.sort((a, b) => (a.mergedAt ?? '').localeCompare(b.mergedAt ?? '')).at(-1) ?? null;
}

export function lastClose(item: Item): LastClose | null {
  if (item.state !== 'CLOSED') return null;
  if (item.type === 'discussion') {
    // Discussions have no timeline: their close is the last one, and a reopened one is open.
    const completed = item.stateReason === null || item.stateReason === 'RESOLVED';
    return { at: item.closedAt ?? item.updatedAt, completed, closer: null };
  }
  const lastIndex = item.events.findLastIndex((event) => event.kind === 'closed' || event.kind === 'reopened');
  const last = item.events[lastIndex];
  if (last?.kind === 'closed') {
    const reason = last.stateReason ?? item.stateReason;
    return { at: last.createdAt, completed: reason === null || reason === 'COMPLETED', closer: last.closer?.merged ? last.closer : null };
  }
  // Closed now, but the timeline ends open or has no close: the item's own fields are all there is.
  const at = item.closedAt ?? item.updatedAt;
  const completed = item.stateReason === null || item.stateReason === 'COMPLETED';
  return { at, completed, closer: last === undefined ? closerWithoutTimeline(item.closingPullRequests, at) : null };
}

/**
 * The title of the milestone an issue was in at `at`: its milestone events replayed from the
 * one it started with (the first event tells: removed means it had one), or today's milestone
 * throughout when it has no milestone events.
 */
export function milestoneTitleAt(item: Item, at: string, context: Pick<ShipmentContext, 'milestoneTitle'>): string | null {
  if (item.type !== 'issue') return null;
  const changes = item.events.filter((event) => event.kind === 'milestoned' || event.kind === 'demilestoned');
  const first = changes[0];
  if (first === undefined) return item.milestone === null ? null : context.milestoneTitle(item.repository, item.milestone);
  let title: string | null = first.kind === 'demilestoned' ? first.milestoneTitle : null;
  for (const change of changes) {
    if (change.createdAt > at) break;
    // An issue is in one milestone at most: removing one leaves none.
    title = change.kind === 'milestoned' ? change.milestoneTitle : null;
  }
  return title;
}

function namesRelease(title: string, release: Release): boolean {
  const wanted = normaliseVersion(title);
  return wanted === normaliseVersion(release.tagName) || (release.name !== null && wanted === normaliseVersion(release.name));
}

/** Whether an item's own last close credits `release` (by its closing pull request or its milestone). */
function itemCredits(item: Item, close: LastClose | null, release: Release, context: ShipmentContext): boolean {
  if (close === null || !close.completed || close.at > release.publishedAt) return false;
  const pr = close.closer;
  if (pr?.mergedAt != null && pr.mergedAt <= release.publishedAt && sameRepository(pr.repository, release.repository)) return true;
  if (!sameRepository(item.repository, release.repository)) return false;
  const title = milestoneTitleAt(item, release.publishedAt, context);
  return title !== null && namesRelease(title, release);
}

function byPublication(a: Release, b: Release): number {
  return a.publishedAt.localeCompare(b.publishedAt) || a.repository.localeCompare(b.repository) || a.tagName.localeCompare(b.tagName);
}

/** The releases that shipped each request, by the request's key; requests not shipped are absent. */
export function shipRequests(
  releases: readonly Release[],
  groups: readonly ShipmentGroup[],
  context: ShipmentContext,
): Map<ItemKey, RequestShipment> {
  const ordered = [...releases].sort(byPublication);
  // Which items each release's notes name, by the request they belong to.
  const named = new Map<string, Map<ItemKey, ItemKey[]>>();
  for (const release of ordered) {
    const byRequest = new Map<ItemKey, ItemKey[]>();
    for (const ref of findClosingReferences(release.body, release.repository)) {
      const key = context.canonicalKeyOf(ref);
      if (key !== null) byRequest.set(key, [...(byRequest.get(key) ?? []), itemKey(ref)]);
    }
    named.set(releaseId(release), byRequest);
  }

  const shipments = new Map<ItemKey, RequestShipment>();
  for (const group of groups) {
    const [canonical] = group.items;
    if (canonical === undefined) continue;
    const closes = new Map(group.items.map((item) => [itemKey(item), lastClose(item)]));
    const canonicalClose = closes.get(itemKey(canonical)) ?? null;
    if (canonicalClose === null || !canonicalClose.completed) continue;
    // A named item must have been closed when the notes were published; one that is not among the
    // published items (a bug report along a duplicate chain) is vouched for by the canonical's close.
    const namedAndClosed = (release: Release): boolean =>
      (named.get(releaseId(release))?.get(group.key) ?? []).some((key) => {
        if (!closes.has(key)) return true;
        const close = closes.get(key) ?? null;
        return close !== null && close.at <= release.publishedAt;
      });
    let first: Release | null = null;
    let firstStable: Release | null = null;
    for (const release of ordered) {
      if (release.publishedAt < canonicalClose.at) continue;
      if (release.isPrerelease && first !== null) continue;
      const credited = namedAndClosed(release) || group.items.some((item) => itemCredits(item, closes.get(itemKey(item)) ?? null, release, context));
      if (!credited) continue;
      first ??= release;
      if (!release.isPrerelease) {
        firstStable = release;
        break;
      }
    }
    if (first !== null) shipments.set(group.key, { first, firstStable });
  }
  return shipments;
}

/** The releases a shipment lists the request in, oldest first: the first one, and the first stable one when that is later. */
export function releasesOf(shipment: RequestShipment): Release[] {
  return shipment.firstStable === null || shipment.firstStable === shipment.first ? [shipment.first] : [shipment.first, shipment.firstStable];
}

/** What every release shipped, by `releaseId`, in the order of `groups`. */
export function shipReleases(
  releases: readonly Release[],
  groups: readonly ShipmentGroup[],
  context: ShipmentContext,
): Map<string, ItemKey[]> {
  const shipments = shipRequests(releases, groups, context);
  const byRelease = new Map<string, ItemKey[]>(releases.map((release) => [releaseId(release), []]));
  for (const group of groups) {
    const shipment = shipments.get(group.key);
    if (shipment === undefined) continue;
    for (const release of releasesOf(shipment)) byRelease.get(releaseId(release))?.push(group.key);
  }
  return byRelease;
}
