/**
 * Which requests a release shipped. A request ships in a release of repository R when:
 * - a merged pull request of R that closed it (or one of its duplicates) was merged after R's
 *   previous release and no later than this one was published;
 * - it was closed (not as "not planned") in a milestone named like the release
 *   (`v1.4.0`, `1.4.0`, or the release's name);
 * - the release notes say so: `Closes #12`, `Fixes owner/repo#12`, `Ships #4, #5 and #6`
 *   (see `item-references.ts`).
 *
 * "Previous release" depends on the kind: a stable release covers everything since the
 * previous *stable* release, so what first appeared in `v2.0.0-beta.1` also ships in `v2.0.0`;
 * a prerelease covers only what is new since the release just before it.
 */
import type { Item, ItemRef, Release } from '../snapshot/schema.ts';
import { findClosingReferences } from './item-references.ts';
import { sameRepository } from './item-key.ts';
import type { ItemKey } from './types.ts';

export interface ShipmentGroup {
  /** The canonical request's key. */
  key: ItemKey;
  /** The canonical item and its duplicates. */
  items: readonly Item[];
}

export interface ShipmentContext {
  /** The title of milestone `number` of `repository`, or null when unknown. */
  milestoneTitle: (repository: string, number: number) => string | null;
  /** The canonical request an item reference belongs to, or null when it is not a published request. */
  canonicalKeyOf: (ref: ItemRef) => ItemKey | null;
}

/** `owner/name@tag`, lower-cased repository: unique across every configured repository. */
export function releaseId(release: Pick<Release, 'repository' | 'tagName'>): string {
  return `${release.repository.toLowerCase()}@${release.tagName}`;
}

function normaliseVersion(name: string): string {
  return name.trim().toLowerCase().replace(/^v(?=\d)/, '');
}

function mergedWithin(item: Item, release: Release, since: string | null): boolean {
  if (item.type !== 'issue') return false;
  return item.closingPullRequests.some(
    (pr) =>
      pr.merged &&
      pr.mergedAt !== null &&
      sameRepository(pr.repository, release.repository) &&
      (since === null || pr.mergedAt > since) &&
      pr.mergedAt <= release.publishedAt,
  );
}

function closedInMilestoneOf(item: Item, release: Release, context: ShipmentContext): boolean {
  if (item.type !== 'issue' || item.milestone === null || item.state !== 'CLOSED') return false;
  if (item.stateReason === 'NOT_PLANNED' || item.stateReason === 'DUPLICATE') return false;
  if (!sameRepository(item.repository, release.repository)) return false;
  const title = context.milestoneTitle(item.repository, item.milestone);
  if (title === null) return false;
  const wanted = normaliseVersion(title);
  return wanted === normaliseVersion(release.tagName) || (release.name !== null && wanted === normaliseVersion(release.name));
}

/** The requests `release` shipped, in the order of `groups`. `since` is when the previous release was published. */
export function shipmentsForRelease(
  release: Release,
  since: string | null,
  groups: readonly ShipmentGroup[],
  context: ShipmentContext,
): ItemKey[] {
  const shipped = new Set<ItemKey>();
  for (const ref of findClosingReferences(release.body, release.repository)) {
    const key = context.canonicalKeyOf(ref);
    if (key !== null) shipped.add(key);
  }
  for (const group of groups) {
    if (group.items.some((item) => mergedWithin(item, release, since) || closedInMilestoneOf(item, release, context))) {
      shipped.add(group.key);
    }
  }
  const order = new Map(groups.map((group, index) => [group.key, index]));
  return [...shipped].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** What every release shipped, by `releaseId`. */
export function shipReleases(
  releases: readonly Release[],
  groups: readonly ShipmentGroup[],
  context: ShipmentContext,
): Map<string, ItemKey[]> {
  const byRepository = new Map<string, Release[]>();
  for (const release of releases) {
    const key = release.repository.toLowerCase();
    byRepository.set(key, [...(byRepository.get(key) ?? []), release]);
  }
  const shipments = new Map<string, ItemKey[]>();
  for (const repositoryReleases of byRepository.values()) {
    const ordered = [...repositoryReleases].sort(
      (a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.tagName.localeCompare(b.tagName),
    );
    let previousAny: Release | null = null;
    let previousStable: Release | null = null;
    for (const release of ordered) {
      const previous = release.isPrerelease ? previousAny : previousStable;
      shipments.set(releaseId(release), shipmentsForRelease(release, previous?.publishedAt ?? null, groups, context));
      previousAny = release;
      if (!release.isPrerelease) previousStable = release;
    }
  }
  return shipments;
}
