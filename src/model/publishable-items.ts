/**
 * Which items of a snapshot may reach the site at all, and which of them are requests.
 *
 * - Items of a private repository are never published unless its source sets `allowPrivate`,
 *   so a token that can read private repositories cannot leak them.
 * - Items with an excluded label (spam) or opened by an excluded account (bots, `exclude.users`)
 *   are dropped entirely: they are not shown and their votes never count.
 * - An item is *in scope* when its source publishes it (issue labels, Discussion categories).
 *   Items out of scope can still fold into a request as duplicates (a bug report closed as a
 *   duplicate of a feature request brings its voters along), but never become requests.
 */
import type { RoadmapConfig, SourceConfig } from '../config/schema.ts';
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import type { Item, ItemRef, Release, RepositorySnapshot } from '../snapshot/schema.ts';
import type { UnavailableReason } from './duplicate-problems.ts';
import { isExcludedAccount } from './excluded-accounts.ts';
import { itemKey, sameRepository } from './item-key.ts';

export interface PublishableItems {
  /** Every item that may be published or counted, in snapshot order. */
  items: Item[];
  /** Whether an item of `items` may be a request of its own. */
  inScope: (item: Item) => boolean;
}

type PublishingConfig = Pick<RoadmapConfig, 'sources' | 'exclude'>;

export function sourceFor(repository: string, sources: readonly SourceConfig[]): SourceConfig | undefined {
  return sources.find((source) => sameRepository(source.repo, repository));
}

function hasAnyLabel(item: Item, labels: readonly string[]): boolean {
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  return item.labels.some((label) => wanted.has(label.toLowerCase()));
}

function isSourceInScope(item: Item, source: SourceConfig): boolean {
  if (item.type === 'issue') {
    if (source.issues === false) return false;
    return source.issues.labels.length === 0 || hasAnyLabel(item, source.issues.labels);
  }
  if (source.discussions === false) return false;
  const categories = source.discussions.categories.map((category) => category.toLowerCase());
  return (
    categories.length === 0 ||
    categories.includes(item.category.slug.toLowerCase()) ||
    categories.includes(item.category.name.toLowerCase())
  );
}

/** A configured repository whose content may be published: public, or private and allowed. */
export function isPublishedRepository(repository: RepositorySnapshot, sources: readonly SourceConfig[]): boolean {
  const source = sourceFor(repository.repository, sources);
  return source !== undefined && (!repository.isPrivate || source.allowPrivate);
}

/** Releases of the repositories that may be published. */
export function publishedReleases(snapshot: Snapshot, config: Pick<RoadmapConfig, 'sources'>): Release[] {
  return snapshot.repositories
    .filter((repository) => isPublishedRepository(repository, config.sources))
    .flatMap((repository) => repository.releases);
}

export function publishableItems(snapshot: Snapshot, config: PublishingConfig): PublishableItems {
  const publicRepositories = new Set(
    snapshot.repositories
      .filter((repository) => isPublishedRepository(repository, config.sources))
      .map((repository) => repository.repository.toLowerCase()),
  );
  const items = snapshot.items.filter(
    (item) =>
      publicRepositories.has(item.repository.toLowerCase()) &&
      !hasAnyLabel(item, config.exclude.labels) &&
      !isExcludedAccount(item.author?.login ?? null, item.author?.type ?? null, config.exclude),
  );
  return {
    items,
    inScope: (item) => {
      const source = sourceFor(item.repository, config.sources);
      return source !== undefined && isSourceInScope(item, source);
    },
  };
}

/**
 * Why an item that is not among the publishable items is not, for the duplicate report:
 * a duplicate of it stands on its own. Private repositories are named as such even though
 * their items never reach the snapshot without `allowPrivate`.
 */
export function unavailableReasonOf(snapshot: Snapshot, config: PublishingConfig): (ref: ItemRef) => UnavailableReason {
  const repositories = new Map(snapshot.repositories.map((repository) => [repository.repository.toLowerCase(), repository]));
  let items: Map<string, Item> | undefined;
  return (ref) => {
    const source = sourceFor(ref.repository, config.sources);
    if (source === undefined) return 'other-repository';
    if (repositories.get(ref.repository.toLowerCase())?.isPrivate === true && !source.allowPrivate) return 'private';
    // Built on first use: most snapshots have no such reference at all.
    items ??= new Map(snapshot.items.map((item) => [itemKey(item), item]));
    const item = items.get(itemKey(ref));
    if (item === undefined) return 'not-found';
    if (hasAnyLabel(item, config.exclude.labels)) return 'excluded-label';
    if (isExcludedAccount(item.author?.login ?? null, item.author?.type ?? null, config.exclude)) return 'excluded-author';
    return 'not-found';
  };
}
