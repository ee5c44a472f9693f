/**
 * Snapshot → canonical requests: the publishable items, duplicates folded in, votes counted
 * as people, a status and its history, the release that shipped each one, and a trending
 * score; plus the duplicate markings that could not be followed. Pure: the same snapshot and
 * configuration always give the same requests.
 */
import type { RoadmapConfig } from '../config/schema.ts';
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import type { Comment, Item, PullRequestRef, Release, RepositorySnapshot } from '../snapshot/schema.ts';
import { isExcludedAccount } from './excluded-accounts.ts';
import { itemKey } from './item-key.ts';
import type { DuplicateProblem } from './duplicate-problems.ts';
import { publishableItems, publishedReleases, unavailableReasonOf } from './publishable-items.ts';
import { trendingScore } from './ranking.ts';
import { resolveDuplicates } from './resolve-duplicates.ts';
import { releaseRef } from './release-ref.ts';
import { releasesOf, shipRequests, type ShipmentGroup } from './shipments.ts';
import { formerRequestPaths, requestPath, requestSlug, requestStablePath } from './site-paths.ts';
import { entryOfRequest, projectEntries, projectStatus } from './project-fields.ts';
import { isStatusLabel, statusOf } from './status.ts';
import { statusHistory } from './status-history.ts';
import type { ItemSummary, MilestoneSummary, ReleaseRef, Request, RequestLabel } from './types.ts';
import { uniqueVoters } from './unique-voters.ts';
import { importedItems, NO_IMPORTS, type ImportedChannels } from './imported-requests.ts';

export type ModelConfig = Pick<RoadmapConfig, 'sources' | 'statuses' | 'duplicates' | 'votes' | 'exclude'> & Partial<Pick<RoadmapConfig, 'project'>>;

const DEFAULT_LABEL_COLOR = 'ededed';

/**
 * Votes carry only logins; anyone who also wrote something has a known avatar. For the rest,
 * GitHub serves avatars by login.
 */
function avatarDirectory(snapshot: Snapshot): (login: string) => string {
  const known = new Map<string, string>();
  const remember = (actor: { login: string; avatarUrl: string } | null): void => {
    if (actor && !known.has(actor.login.toLowerCase())) known.set(actor.login.toLowerCase(), actor.avatarUrl);
  };
  for (const item of snapshot.items) {
    remember(item.author);
    for (const comment of item.comments) remember(comment.author);
  }
  for (const repository of snapshot.repositories) for (const release of repository.releases) remember(release.author);
  return (login) => known.get(login.toLowerCase()) ?? `https://avatars.githubusercontent.com/${encodeURIComponent(login)}`;
}

function repositoryIndex(snapshot: Snapshot): Map<string, RepositorySnapshot> {
  return new Map(snapshot.repositories.map((repository) => [repository.repository.toLowerCase(), repository]));
}

function summary(item: Item, config: ModelConfig): ItemSummary {
  return {
    key: itemKey(item),
    repository: item.repository,
    number: item.number,
    type: item.type,
    title: item.title,
    url: item.url,
    slug: requestSlug(item, config.sources),
    path: requestPath(item, config.sources),
    channel: null,
  };
}

function topicLabels(item: Item, repository: RepositorySnapshot | undefined, config: ModelConfig): RequestLabel[] {
  const hidden = new Set([config.duplicates.label, ...config.exclude.labels].map((label) => label.toLowerCase()));
  const colors = new Map(repository?.labels.map((label) => [label.name.toLowerCase(), label.color]) ?? []);
  return item.labels
    .filter((label) => !hidden.has(label.toLowerCase()) && !isStatusLabel(label, config.statuses))
    .map((name) => ({ name, color: colors.get(name.toLowerCase()) ?? DEFAULT_LABEL_COLOR }));
}

function milestoneOf(item: Item, repository: RepositorySnapshot | undefined): MilestoneSummary | null {
  if (item.type !== 'issue' || item.milestone === null) return null;
  const milestone = repository?.milestones.find((candidate) => candidate.number === item.milestone);
  if (!milestone) return null;
  return {
    repository: item.repository,
    number: milestone.number,
    title: milestone.title,
    dueOn: milestone.dueOn,
    url: milestone.url,
    state: milestone.state,
  };
}

function closingPullRequestsOf(items: readonly Item[]): PullRequestRef[] {
  const seen = new Map<string, PullRequestRef>();
  for (const item of items) {
    if (item.type !== 'issue') continue;
    for (const pr of item.closingPullRequests) seen.set(`${pr.repository.toLowerCase()}#${pr.number}`, pr);
  }
  return [...seen.values()].sort(
    (a, b) => (a.mergedAt ?? '').localeCompare(b.mergedAt ?? '') || a.url.localeCompare(b.url),
  );
}

function visibleComments(item: Item, config: ModelConfig): Comment[] {
  return item.comments.filter(
    (comment) => !isExcludedAccount(comment.author?.login ?? null, comment.author?.type ?? null, config.exclude),
  );
}

export interface ResolvedRequests {
  requests: Request[];
  /** Duplicate markings that could not be followed (see `duplicate-problems.ts`). */
  problems: DuplicateProblem[];
}

/** The canonical requests of a snapshot. */
export function buildRequests(snapshot: Snapshot, config: ModelConfig, imports: ImportedChannels = NO_IMPORTS): Request[] {
  return resolveRequests(snapshot, config, imports).requests;
}

/** The canonical requests of a snapshot, and the duplicate markings that could not be followed. */
export function resolveRequests(snapshot: Snapshot, config: ModelConfig, imports: ImportedChannels = NO_IMPORTS): ResolvedRequests {
  const published = publishableItems(snapshot, config);
  // Imported requests are items like any other; they are always requests of their own.
  const channels = importedItems(imports, config);
  const items = [...published.items, ...channels.items];
  const inScope = (item: Item): boolean => channels.isImported(item) || published.inScope(item);
  const byKey = new Map(items.map((item) => [itemKey(item), item]));
  const repositories = repositoryIndex(snapshot);
  const avatarFor = avatarDirectory(snapshot);
  const isIgnoredCommenter = (comment: Comment): boolean =>
    isExcludedAccount(comment.author?.login ?? null, comment.author?.type ?? null, config.exclude);

  const resolution = resolveDuplicates(items, {
    label: config.duplicates.label,
    isIgnoredCommenter,
    canBeCanonical: inScope,
    whyUnavailable: unavailableReasonOf(snapshot, config),
    declaredOriginal: channels.declaredOriginal,
  });
  const canonicalItems = items.filter((item) => resolution.canonicalOf.get(itemKey(item)) === itemKey(item) && inScope(item));
  const canonicalKeys = new Set(canonicalItems.map(itemKey));

  const groups: ShipmentGroup[] = canonicalItems.map((item) => {
    const duplicateKeys = resolution.duplicatesOf.get(itemKey(item)) ?? [];
    const duplicates = duplicateKeys.map((key) => byKey.get(key)).filter((duplicate) => duplicate !== undefined);
    return { key: itemKey(item), items: [item, ...duplicates] };
  });

  const releases = publishedReleases(snapshot, config);
  const shipments = shipRequests(releases, groups, {
    milestoneTitle: (repository, number) =>
      repositories.get(repository.toLowerCase())?.milestones.find((milestone) => milestone.number === number)?.title ?? null,
    canonicalKeyOf: (ref) => {
      const canonical = resolution.canonicalOf.get(itemKey(ref));
      return canonical !== undefined && canonicalKeys.has(canonical) ? canonical : null;
    },
  });
  const refOf = (release: Release): ReleaseRef => releaseRef(release, config.sources);

  const now = snapshot.manifest.syncedAt;
  const inProject = projectEntries(snapshot, config.project);
  const requests = groups.map((group): Request => {
    const [item, ...duplicates] = group.items as [Item, ...Item[]];
    const repository = repositories.get(item.repository.toLowerCase());
    const counted = channels.addVoters(uniqueVoters(group.items, { votes: config.votes, exclude: config.exclude, avatarFor }), group.items);
    const votes = counted.tally;
    const voteTimes = [
      ...votes.people.map((voter) => voter.votedAt),
      ...counted.voteTimes,
      ...Array.from({ length: votes.anonymous }, () => votes.anonymousSince ?? item.createdAt),
    ];
    const importedStatus = channels.statusOf(item);
    // An imported request is in no GitHub Project: its file says its status.
    const projectEntry = importedStatus ? null : entryOfRequest(group.items.map(itemKey), inProject);
    const fromProject = importedStatus ? null : projectStatus(projectEntry, item.state === 'OPEN', config.project);
    const status = importedStatus?.status ?? fromProject ?? statusOf(item, config.statuses);
    const history = importedStatus?.history ?? statusHistory(item, config.statuses);
    if (fromProject !== null && history.at(-1)?.status !== fromProject) {
      // The project's field changed last when its item was last updated.
      const lastAt = history.at(-1)?.at ?? item.createdAt;
      const at = projectEntry?.item.updatedAt ?? lastAt;
      history.push({ status: fromProject, at: at > lastAt ? at : lastAt });
    }
    const shipment = shipments.get(group.key);
    const releasesOfRequest = shipment === undefined ? [] : releasesOf(shipment).map(refOf);
    const release = shipment === undefined ? null : refOf(shipment.firstStable ?? shipment.first);
    const shippedAt = release?.publishedAt ?? (status === 'shipped' ? (item.closedAt ?? item.updatedAt) : null);
    return {
      key: group.key,
      repository: item.repository,
      number: item.number,
      type: item.type,
      title: item.title,
      body: item.body,
      url: item.url,
      channel: null,
      slug: requestSlug(item, config.sources),
      path: requestPath(item, config.sources),
      stablePath: requestStablePath(item, config.sources),
      formerPaths: formerRequestPaths(item, config.sources),
      author: item.author,
      status,
      statusHistory: history,
      labels: topicLabels(item, repository, config),
      milestone: milestoneOf(item, repository),
      votes,
      duplicates: duplicates.map((duplicate) => summary(duplicate, config)),
      closingPullRequests: closingPullRequestsOf(group.items),
      release,
      shippedIn: releasesOfRequest,
      shippedAt,
      commentCount: item.commentCount,
      comments: visibleComments(item, config),
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      closedAt: item.closedAt,
      trendingScore: trendingScore(voteTimes, now, config.votes.trendingHalfLifeDays),
    };
  });
  return { requests: requests.map(channels.finish), problems: resolution.problems };
}
