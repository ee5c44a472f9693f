/**
 * Syncs one repository: its facts, labels, milestones and releases, its Discussions and its
 * issues. Incremental by default (only what changed since the cursors), full on request (also
 * catches deletions, transfers and vote changes, which GitHub does not reflect in `updatedAt`).
 *
 * All progress lives in a plain `SourceCheckpoint` object so that a run stopped by the rate limit
 * can be saved and resumed without fetching again what it already has.
 */
import { ErrorsData } from '../errors/errors-data.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';
import type {
  DiscussionItem,
  IssueItem,
  Item,
  Label,
  Milestone,
  ReactionContent,
  Release,
  RepositorySnapshot,
} from '../snapshot/schema.ts';
import { SNAPSHOT_SCHEMA_VERSION } from '../snapshot/schema.ts';
import { inAdaptiveBatches, shrinkingSizes, withShrinkingPage } from './adaptive-pages.ts';
import {
  discussionByNumberResponseSchema,
  discussionNumbersResponseSchema,
  discussionsPageResponseSchema,
  followUpNodeSchema,
  issueDetailsResponseSchema,
  labelsPageResponseSchema,
  milestonesPageResponseSchema,
  releasesPageResponseSchema,
  repositoryOverviewResponseSchema,
  repositoryVisibilityResponseSchema,
  restIssueSchema,
  type GqlDiscussion,
  type GqlRelease,
  type GqlTimelineNode,
  type RestIssue,
} from './api-schemas.ts';
import type { GitHubClient, GraphqlItemError } from './github-client.ts';
import {
  discussionByNumberQuery,
  discussionNumbersQuery,
  discussionsPageQuery,
  followUpDocument,
  issueDetailsDocument,
  labelsPageQuery,
  milestonesPageQuery,
  releasesPageQuery,
  repositoryOverviewQuery,
  repositoryVisibilityQuery,
  type FollowUp,
} from './graphql-documents.ts';
import { parseResponse } from './parse-response.ts';
import type { SyncProgress } from './progress.ts';
import {
  discussionItemFromGraphql,
  issueItemFromRest,
  releaseFromGraphql,
  restVoteCount,
  votesFromReactions,
  type IssueDetails,
} from './to-snapshot.ts';

export interface SourceOptions {
  repository: string;
  issues: { labels: string[] } | false;
  discussions: { categories: string[] } | false;
  allowPrivate: boolean;
  voteContents: ReactionContent[];
  keepComments: number;
  /** Labels that carry a status: an item with one gets its timeline fetched for status history. */
  statusLabels: string[];
  duplicateLabel: string;
}

export interface PreviousSource {
  repository: RepositorySnapshot;
  items: Item[];
  issuesCursor: string | null;
  discussionsCursor: string | null;
}

/** An item GitHub could not return, twice: what became of it, for the summary. */
export interface ItemProblem {
  type: 'issue' | 'discussion';
  number: number;
  updatedAt: string;
  /** GitHub's error, e.g. "NOT_FOUND: Could not resolve to a node with the global id of '…'". */
  error: string;
  /** removed: GitHub says it no longer exists; kept: the previous snapshot's copy stays; left out: there is none. */
  outcome: 'removed' | 'kept' | 'left out';
}

/** Everything fetched so far for one source; JSON-serialisable so a stopped run can resume. */
export interface SourceCheckpoint {
  repository: string;
  full: boolean;
  overview: {
    url: string;
    description: string | null;
    isPrivate: boolean;
    labels: Label[];
    milestones: Milestone[];
    releases: Release[];
  } | null;
  discussions: {
    done: boolean;
    after: string | null;
    items: DiscussionItem[];
    /** Numbers listed in this pass (all of them on a full pass). */
    seen: number[];
    maxUpdatedAt: string | null;
  };
  issues: {
    listed: boolean;
    nextPage: number;
    raw: RestIssue[];
    done: IssueItem[];
    /** Issues deleted between listing and details (optional: checkpoints from before it lack it). */
    gone?: number[];
  };
  problems?: ItemProblem[];
}

export interface SourceResult {
  repository: RepositorySnapshot;
  items: Item[];
  issuesCursor: string | null;
  discussionsCursor: string | null;
  /** Items GitHub could not return; how each was settled. */
  problems: ItemProblem[];
  skippedPrivate: boolean;
}

const DETAILS_BATCH = 100;
const FOLLOW_UPS_PER_QUERY = 50;
const INCREMENTAL_PROBE = 10;

export function newCheckpoint(repository: string, full: boolean): SourceCheckpoint {
  return {
    repository,
    full,
    overview: null,
    discussions: { done: false, after: null, items: [], seen: [], maxUpdatedAt: null },
    issues: { listed: false, nextPage: 1, raw: [], done: [], gone: [] },
    problems: [],
  };
}

/**
 * `knownItemIds`: the node ids of every item of the previous snapshot, in any source. An item
 * among them has its former addresses from that snapshot; a new one that was edited since it
 * was opened may have been renamed, so its timeline is read for `RenamedTitleEvent`s.
 */
export async function syncSource(
  client: GitHubClient,
  options: SourceOptions,
  previous: PreviousSource | null,
  checkpoint: SourceCheckpoint,
  progress: SyncProgress,
  /** The previous snapshot's items of this repository, kept for items GitHub fails to return (also on a full pass). */
  fallback: readonly Item[] = previous?.items ?? [],
  knownItemIds: ReadonlySet<string> = new Set(),
): Promise<SourceResult> {
  const [owner, name] = options.repository.split('/') as [string, string];
  const full = checkpoint.full || previous === null;
  const voteContent = options.voteContents.length === 1 ? options.voteContents[0] : null;
  const commentsFirst = Math.max(10, options.keepComments);
  const step = (message: string) => progress.step(options.repository, message);

  // 0. Visibility: a private repository that may not be published is asked nothing more.
  if (!checkpoint.overview && !options.allowPrivate) {
    const { data } = await client.graphql(repositoryVisibilityQuery, { owner, name });
    const repo = parseResponse(repositoryVisibilityResponseSchema, data, `the visibility of ${options.repository}`).repository;
    if (!repo) throw repositoryNotFound(options.repository);
    if (repo.isPrivate) return skipPrivate(options.repository, repo.url, progress);
  }

  // 1. Overview: one query for the repository's facts, labels, milestones, newest releases and
  //    most recently updated Discussions.
  let firstDiscussions: DiscussionsPage | null = null;
  if (!checkpoint.overview) {
    const withDiscussions = options.discussions !== false;
    const discussionsFirst = full ? 100 : INCREMENTAL_PROBE;
    const overview = await withShrinkingPage(
      withDiscussions ? shrinkingSizes(discussionsFirst) : [1],
      async (pageSize) => {
        const { data, itemErrors } = await client.graphql(
          repositoryOverviewQuery,
          {
            owner,
            name,
            releasesFirst: full ? 100 : INCREMENTAL_PROBE,
            discussionsFirst: pageSize,
            withDiscussions,
            commentsFirst,
            voteContent,
          },
          { itemOf: listedDiscussionOf },
        );
        const failed = takeFailedDiscussions(data, itemErrors);
        return { ...parseResponse(repositoryOverviewResponseSchema, data, `the overview of ${options.repository}`), failed, pageSize };
      },
      progress,
    );
    const repo = overview.repository;
    if (!repo) throw repositoryNotFound(options.repository);
    // Made private between the two queries: what the overview brought is dropped unread.
    if (repo.isPrivate && !options.allowPrivate) return skipPrivate(options.repository, repo.url, progress);
    const labels = await restOfPages(repo.labels, async (after) => {
      const { data } = await client.graphql(labelsPageQuery, { owner, name, after });
      return parseResponse(labelsPageResponseSchema, data, 'labels').repository?.labels ?? null;
    });
    const milestones = await restOfPages(repo.milestones, async (after) => {
      const { data } = await client.graphql(milestonesPageQuery, { owner, name, after });
      return parseResponse(milestonesPageResponseSchema, data, 'milestones').repository?.milestones ?? null;
    });
    const releases = await syncReleases(client, options.repository, repo.releases, previous, full);
    checkpoint.overview = {
      url: repo.url,
      description: repo.description,
      isPrivate: repo.isPrivate,
      labels: labels.map((label) => ({ name: label.name, color: label.color, description: label.description })),
      milestones: milestones.map((milestone) => ({ ...milestone })),
      releases,
    };
    if (repo.discussions) {
      firstDiscussions = {
        nodes: repo.discussions.nodes,
        hasNextPage: repo.discussions.pageInfo.hasNextPage,
        endCursor: repo.discussions.pageInfo.endCursor,
        first: overview.pageSize,
        after: null,
        failed: overview.failed,
      };
    }
    step(`${labels.length} labels, ${milestones.length} milestones, ${releases.length} releases`);
  }

  // 2. Discussions, newest update first, until the cursor (incremental) or the end (full).
  if (options.discussions !== false && !checkpoint.discussions.done) {
    await syncDiscussions(client, options, previous, checkpoint, firstDiscussions, full, progress, fallback);
  }
  checkpoint.discussions.done = true;

  // 3. Issues: listed through REST (no GraphQL points), details through GraphQL where needed.
  if (options.issues !== false) {
    await listIssues(client, options, previous, checkpoint, full, progress);
    await fetchIssueDetails(client, options, previous, checkpoint, progress, fallback, knownItemIds);
  }

  return mergeSource(options, previous, checkpoint, full);
}

function repositoryNotFound(repository: string): RoadmapError {
  return new RoadmapError(ErrorsData.RepositoryNotFound, { repository });
}

/**
 * A private repository whose source does not set `allowPrivate`: the snapshot records only that
 * it is private (so the site can leave it out and say why a duplicate of it stands alone), none
 * of its description, labels, milestones, releases or items.
 */
function skipPrivate(repository: string, url: string, progress: SyncProgress): SourceResult {
  progress.warn(
    `${repository}: skipped: private and allowPrivate is not set, so nothing of it is fetched or published. Set \`allowPrivate: true\` on this source in roadmap.config.ts only if it may be published.`,
  );
  return {
    repository: {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      repository,
      url,
      description: null,
      isPrivate: true,
      labels: [],
      milestones: [],
      releases: [],
    },
    items: [],
    issuesCursor: null,
    discussionsCursor: null,
    problems: [],
    skippedPrivate: true,
  };
}

async function restOfPages<T>(
  first: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] },
  next: (after: string) => Promise<{ pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] } | null>,
): Promise<T[]> {
  const nodes = [...first.nodes];
  let pageInfo = first.pageInfo;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    const page = await next(pageInfo.endCursor);
    if (!page) break;
    nodes.push(...page.nodes);
    pageInfo = page.pageInfo;
  }
  return nodes;
}

async function syncReleases(
  client: GitHubClient,
  repository: string,
  first: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlRelease[] },
  previous: PreviousSource | null,
  full: boolean,
): Promise<Release[]> {
  const [owner, name] = repository.split('/') as [string, string];
  const known = new Map((previous?.repository.releases ?? []).map((release) => [release.tagName, release]));
  const fetched: GqlRelease[] = [...first.nodes];
  let pageInfo = first.pageInfo;
  // Incremental: releases come newest first; once a page holds a release we already have, the
  // rest are known too (edits to old release notes are picked up by the next full pass).
  const needMore = () => full || fetched.every((release) => !known.has(release.tagName));
  while (pageInfo.hasNextPage && pageInfo.endCursor && needMore()) {
    const { data } = await client.graphql(releasesPageQuery, { owner, name, after: pageInfo.endCursor });
    const page = parseResponse(releasesPageResponseSchema, data, `the releases of ${repository}`).repository?.releases;
    if (!page) break;
    fetched.push(...page.nodes);
    pageInfo = page.pageInfo;
  }
  const byTag = new Map<string, Release>(full ? [] : known);
  for (const node of fetched) {
    const release = releaseFromGraphql(repository, node);
    if (release) byTag.set(release.tagName, release);
    else byTag.delete(node.tagName); // turned back into a draft
  }
  return [...byTag.values()].sort(
    (a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.tagName.localeCompare(b.tagName),
  );
}

/** One page of the Discussions listing, as asked (`first`, `after`) and as answered. */
interface DiscussionsPage {
  nodes: GqlDiscussion[];
  hasNextPage: boolean;
  endCursor: string | null;
  first: number;
  after: string | null;
  /** Listed Discussions GitHub answered with an error instead, taken out of `nodes`. */
  failed: FailedListing;
}

/** What the page says of its failed Discussions: their errors by position, and the numbers at every position. */
interface FailedListing {
  errors: Map<number, GraphqlItemError>;
  /** The number at each position of the page as answered; null where GitHub left none. */
  numbers: Array<number | null>;
  /** Update times where GitHub left them. */
  updatedAt: Array<string | null>;
}

/** `repository.discussions.nodes.3.body` → 3: an error inside one listed Discussion. */
function listedDiscussionOf(path: readonly (string | number)[]): number | null {
  return path[0] === 'repository' && path[1] === 'discussions' && path[2] === 'nodes' && typeof path[3] === 'number' ? path[3] : null;
}

/**
 * Takes the Discussions that errors point into out of a listing answer (what GitHub left of one
 * may lack fields, or be null: GitHub nulls the nearest nullable field above a failed one), keeping
 * what identifies them. https://spec.graphql.org/October2021/#sec-Handling-Field-Errors
 */
function takeFailedDiscussions(data: unknown, itemErrors: readonly GraphqlItemError[]): FailedListing {
  const errors = new Map<number, GraphqlItemError>();
  for (const error of itemErrors) if (!errors.has(error.item)) errors.set(error.item, error);
  const discussions = (data as { repository?: { discussions?: { nodes?: unknown[] } } | null } | null)?.repository?.discussions;
  const nodes = (discussions?.nodes ?? []) as Array<{ number?: unknown; updatedAt?: unknown } | null>;
  const failed: FailedListing = {
    errors,
    numbers: nodes.map((node) => (typeof node?.number === 'number' ? node.number : null)),
    updatedAt: nodes.map((node) => (typeof node?.updatedAt === 'string' ? node.updatedAt : null)),
  };
  if (discussions && errors.size > 0) discussions.nodes = nodes.filter((_node, index) => !errors.has(index));
  return failed;
}

/**
 * The Discussions a listing page answered with an error, each asked once more on its own by
 * number (found from the page, or from a listing of numbers only when GitHub nulled the whole
 * node): those GitHub returns now, and those it failed to return twice, to settle like issues.
 */
async function askFailedDiscussionsAgain(
  client: GitHubClient,
  options: SourceOptions,
  page: DiscussionsPage,
  cursor: string | null,
  progress: SyncProgress,
): Promise<{ nodes: GqlDiscussion[]; failed: Array<{ number: number; updatedAt: string; error: GraphqlItemError }> }> {
  const [owner, name] = options.repository.split('/') as [string, string];
  const { errors, numbers, updatedAt } = page.failed;
  const failures = [...errors].map(([index, error]) => ({ index, error, number: numbers[index] ?? null, updatedAt: updatedAt[index] ?? null }));
  if (failures.some((failure) => failure.number === null || failure.updatedAt === null)) {
    const { data } = await client.graphql(discussionNumbersQuery, { owner, name, first: page.first, after: page.after });
    const listed = parseResponse(discussionNumbersResponseSchema, data, `the Discussions of ${options.repository}`).repository?.discussions.nodes ?? [];
    // A Discussion updated in between moves to the front and shifts the others: the positions
    // are trusted only if every Discussion the page did return is still where it was.
    const same = numbers.every((number, index) => number === null || listed[index]?.number === number);
    const first = failures[0] as (typeof failures)[number];
    if (!same) {
      throw new RoadmapError(ErrorsData.DiscussionListingChanged, { repository: options.repository, detail: describeError(first.error) });
    }
    for (const failure of failures) {
      failure.number ??= listed[failure.index]?.number ?? null;
      failure.updatedAt ??= listed[failure.index]?.updatedAt ?? null;
    }
  }
  // One the numbers listing no longer has was deleted in between: like any deleted Discussion, the
  // next full pass removes it. One older than the cursor is beyond what this sync reads.
  const identified = failures.filter(
    (failure): failure is typeof failure & { number: number; updatedAt: string } =>
      failure.number !== null && failure.updatedAt !== null && !(cursor && failure.updatedAt < cursor),
  );
  const result: Awaited<ReturnType<typeof askFailedDiscussionsAgain>> = { nodes: [], failed: [] };
  if (identified.length === 0) return result;
  progress.warn(`GitHub could not return ${describeItems('Discussion', identified)} of ${options.repository} (${describeError((identified[0] as (typeof identified)[number]).error)}); asking again.`);
  for (const failure of identified) {
    const { data, itemErrors } = await client.graphql(
      discussionByNumberQuery,
      { owner, name, number: failure.number, commentsFirst: Math.max(10, options.keepComments), voteContent: options.voteContents.length === 1 ? options.voteContents[0] : null },
      { itemOf: (path) => (path[0] === 'repository' && path[1] === 'discussion' ? 0 : null) },
    );
    const error = itemErrors[0];
    const node = error ? null : parseResponse(discussionByNumberResponseSchema, data, `Discussion #${failure.number} of ${options.repository}`).repository?.discussion;
    if (node) result.nodes.push(node);
    else result.failed.push({ number: failure.number, updatedAt: failure.updatedAt, error: error ?? { item: 0, type: 'NOT_FOUND', message: `Discussion #${failure.number} is gone.` } });
  }
  return result;
}

function matchesCategory(discussion: GqlDiscussion, categories: readonly string[]): boolean {
  if (categories.length === 0) return true;
  const wanted = categories.map((category) => category.toLowerCase());
  return wanted.includes(discussion.category.slug.toLowerCase()) || wanted.includes(discussion.category.name.toLowerCase());
}

async function syncDiscussions(
  client: GitHubClient,
  options: SourceOptions,
  previous: PreviousSource | null,
  checkpoint: SourceCheckpoint,
  firstPage: DiscussionsPage | null,
  full: boolean,
  progress: SyncProgress,
  fallback: readonly Item[],
): Promise<void> {
  const [owner, name] = options.repository.split('/') as [string, string];
  const state = checkpoint.discussions;
  const cursor = full ? null : previous?.discussionsCursor ?? null;
  const categories = options.discussions === false ? [] : options.discussions.categories;
  const voteContent = options.voteContents.length === 1 ? options.voteContents[0] : null;
  const commentsFirst = Math.max(10, options.keepComments);
  const previousByNumber = new Map(
    (previous?.items ?? []).filter((item): item is DiscussionItem => item.type === 'discussion').map((item) => [item.number, item]),
  );

  // A loop of our own rather than @octokit/plugin-paginate-graphql: the plugin asks every page
  // with the same variables and throws on any error, while this loop shrinks `first` after a 502
  // or a timeout, keeps a partial answer (an erroring Discussion costs only itself), saves
  // `after` in the checkpoint after each page, and stops early at the previous sync's cursor.
  let page = firstPage;
  let pageSize = 100;
  for (;;) {
    if (!page) {
      const after = state.after;
      page = await withShrinkingPage(
        shrinkingSizes(pageSize),
        async (first) => {
          pageSize = first;
          const { data, itemErrors } = await client.graphql(
            discussionsPageQuery,
            { owner, name, first, after, commentsFirst, voteContent },
            { itemOf: listedDiscussionOf },
          );
          const failed = takeFailedDiscussions(data, itemErrors);
          const discussions = parseResponse(discussionsPageResponseSchema, data, `the Discussions of ${options.repository}`)
            .repository?.discussions;
          if (!discussions) throw new RoadmapError(ErrorsData.RepositoryDisappeared, { repository: options.repository });
          return { nodes: discussions.nodes, hasNextPage: discussions.pageInfo.hasNextPage, endCursor: discussions.pageInfo.endCursor, first, after, failed };
        },
        progress,
      );
    }
    // A Discussion the page answered with an error costs only that Discussion.
    const again = await askFailedDiscussionsAgain(client, options, page, cursor, progress);
    for (const failure of again.failed) {
      state.seen.push(failure.number);
      const before = fallback.find((item): item is DiscussionItem => item.type === 'discussion' && item.number === failure.number);
      settleFailedItem(checkpoint, { type: 'discussion', ...failure }, failure.error, before, progress);
    }
    const nodes = [...page.nodes, ...again.nodes].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    let reachedCursor = false;
    const followUps: Array<{ discussion: DiscussionItem; after: string; reactions: IssueDetails['reactions'] }> = [];
    for (const node of nodes) {
      if (cursor && node.updatedAt < cursor) {
        reachedCursor = true;
        break;
      }
      state.seen.push(node.number);
      if (!state.maxUpdatedAt || node.updatedAt > state.maxUpdatedAt) state.maxUpdatedAt = node.updatedAt;
      if (!matchesCategory(node, categories)) continue;
      const before = previousByNumber.get(node.number);
      const unchanged =
        before &&
        before.updatedAt === node.updatedAt &&
        before.upvoteCount === node.upvoteCount &&
        before.votes.length === node.reactions.totalCount;
      if (unchanged) {
        state.items.push(before);
        continue;
      }
      const item = discussionItemFromGraphql(options.repository, node, node.reactions.nodes, {
        voteContents: options.voteContents,
        keepComments: options.keepComments,
      });
      state.items.push(item);
      if (node.reactions.pageInfo.hasNextPage && node.reactions.pageInfo.endCursor) {
        followUps.push({ discussion: item, after: node.reactions.pageInfo.endCursor, reactions: [...node.reactions.nodes] });
      }
    }
    if (followUps.length > 0) {
      const more = await fetchFollowUps(
        client,
        followUps.map((entry) => ({ id: entry.discussion.id, connection: 'discussionVotes', after: entry.after })),
        voteContent,
        progress,
      );
      for (const entry of followUps) {
        const failure = more.failed.get(entry.discussion.id);
        if (failure) {
          // Its votes are incomplete: the previous copy stands in, or it waits for the next sync.
          state.items = state.items.filter((item) => item !== entry.discussion);
          const before = fallback.find((item): item is DiscussionItem => item.type === 'discussion' && item.number === entry.discussion.number);
          settleFailedItem(checkpoint, entry.discussion, failure, before, progress);
          continue;
        }
        const reactions = [...entry.reactions, ...(more.reactions.get(entry.discussion.id) ?? [])];
        entry.discussion.votes = votesFromReactions(reactions, options.voteContents);
      }
    }
    progress.step(options.repository, `${state.items.length} Discussions`);
    state.after = page.endCursor;
    if (reachedCursor || !page.hasNextPage || !page.endCursor) break;
    page = null;
  }
  state.done = true;
}

async function listIssues(
  client: GitHubClient,
  options: SourceOptions,
  previous: PreviousSource | null,
  checkpoint: SourceCheckpoint,
  full: boolean,
  progress: SyncProgress,
): Promise<void> {
  const state = checkpoint.issues;
  if (state.listed) return;
  const [owner, repo] = options.repository.split('/') as [string, string];
  const since = full ? undefined : previous?.issuesCursor ?? undefined;
  // Newest update first: if an issue changes while we page, it moves to a page already read and
  // the others shift towards later pages — seen twice, never skipped. Its newer `updated_at` is
  // then above the cursor, so the next run picks it up.
  const pages = client.restPages<unknown>('GET /repos/{owner}/{repo}/issues', {
    owner,
    repo,
    state: 'all',
    sort: 'updated',
    direction: 'desc',
    per_page: 100,
    page: state.nextPage,
    ...(since ? { since } : {}),
  });
  for await (const { data } of pages) {
    const page = parseResponse(restIssueSchema.array(), data, `the issues of ${options.repository}`);
    state.raw.push(...page.filter((issue) => issue.pull_request === undefined));
    progress.step(options.repository, `${state.raw.length} issues listed (page ${state.nextPage})`);
    state.nextPage += 1;
  }
  state.listed = true;
}

function matchesLabels(labels: readonly string[], wanted: readonly string[]): boolean {
  return wanted.length === 0 || labels.some((label) => wanted.includes(label));
}

function restLabels(issue: RestIssue): string[] {
  return issue.labels.map((label) => (typeof label === 'string' ? label : label.name));
}

async function fetchIssueDetails(
  client: GitHubClient,
  options: SourceOptions,
  previous: PreviousSource | null,
  checkpoint: SourceCheckpoint,
  progress: SyncProgress,
  fallback: readonly Item[],
  knownItemIds: ReadonlySet<string>,
): Promise<void> {
  const state = checkpoint.issues;
  const wantedLabels = options.issues === false ? [] : options.issues.labels;
  const previousByNumber = new Map(
    (previous?.items ?? []).filter((item): item is IssueItem => item.type === 'issue').map((item) => [item.number, item]),
  );
  const doneNumbers = new Set(state.done.map((item) => item.number));
  const voteContent = options.voteContents.length === 1 ? options.voteContents[0] : null;
  const itemOptions = { voteContents: options.voteContents, keepComments: options.keepComments };

  // The same issue can be listed twice when it changed during paging; the later listing is older.
  const latest = new Map<number, RestIssue>();
  for (const issue of state.raw) {
    const seen = latest.get(issue.number);
    if (!seen || issue.updated_at > seen.updated_at) latest.set(issue.number, issue);
  }

  const groups = new Map<string, RestIssue[]>();
  for (const issue of latest.values()) {
    if (doneNumbers.has(issue.number) || !matchesLabels(restLabels(issue), wantedLabels)) continue;
    const votes = restVoteCount(issue, options.voteContents);
    const before = previousByNumber.get(issue.number);
    if (before && before.updatedAt === issue.updated_at && before.votes.length === votes && before.commentCount === issue.comments) {
      state.done.push(before);
      continue;
    }
    const labels = restLabels(issue);
    const withVotes = votes > 0;
    // A timeline is needed for comments, duplicate markings (they come with a comment or a close
    // as duplicate), closes and their closing pull request, status history, and former titles.
    // A rename bumps `updated_at`, so an issue never updated since it was opened was never renamed.
    const withTimeline =
      (!knownItemIds.has(issue.node_id) && issue.updated_at !== issue.created_at) ||
      issue.comments > 0 ||
      issue.state === 'closed' ||
      issue.state_reason != null ||
      labels.some((label) => label === options.duplicateLabel || options.statusLabels.includes(label));
    if (!withVotes && !withTimeline) {
      state.done.push(issueItemFromRest(options.repository, issue, null, itemOptions));
      continue;
    }
    const key = `${withVotes}:${withTimeline}`;
    const group = groups.get(key);
    if (group) group.push(issue);
    else groups.set(key, [issue]);
  }

  const fallbackByNumber = new Map(fallback.filter((item): item is IssueItem => item.type === 'issue').map((item) => [item.number, item]));
  for (const [key, issues] of groups) {
    const [withVotes, withTimeline] = key.split(':').map((flag) => flag === 'true') as [boolean, boolean];
    const ask = (batch: RestIssue[]) =>
      issueDetails(client, options.repository, batch, { withVotes, withTimeline, voteContent }, progress);
    await inAdaptiveBatches(
      issues,
      DETAILS_BATCH,
      async (batch) => {
        const { details, failed } = await ask(batch);
        if (failed.size > 0) {
          // An error about one item costs only that item: asked once more on its own, then settled.
          const again = batch.filter((issue) => failed.has(issue.node_id));
          progress.warn(`GitHub could not return ${describeItems('issue', again)} (${describeError(failed.get(again[0]?.node_id ?? '') as GraphqlItemError)}); asking again.`);
          const retried = await ask(again);
          failed.clear();
          for (const [id, detail] of retried.details) details.set(id, detail);
          for (const [id, error] of retried.failed) failed.set(id, error);
        }
        for (const issue of batch) {
          const detail = details.get(issue.node_id);
          const failure = failed.get(issue.node_id);
          if (detail) state.done.push(issueItemFromRest(options.repository, issue, detail, itemOptions));
          else if (failure) settleFailedItem(checkpoint, { type: 'issue', number: issue.number, updatedAt: issue.updated_at }, failure, fallbackByNumber.get(issue.number), progress);
          // A null node without an error: deleted between listing and details, like NOT_FOUND.
          else (state.gone ??= []).push(issue.number);
        }
        progress.step(options.repository, `${state.done.length} issues synced`);
      },
      progress,
    );
  }
}

/** One IssueDetails query (and its follow-ups): the details it got, and the errors of the issues it did not. */
async function issueDetails(
  client: GitHubClient,
  repository: string,
  batch: RestIssue[],
  flags: { withVotes: boolean; withTimeline: boolean; voteContent: ReactionContent | null | undefined },
  progress: SyncProgress,
): Promise<{ details: Map<string, IssueDetails>; failed: Map<string, GraphqlItemError> }> {
  const { data, itemErrors } = await client.graphql(
    issueDetailsDocument,
    { ids: batch.map((issue) => issue.node_id), ...flags },
    { itemOf: (path) => (path[0] === 'nodes' && typeof path[1] === 'number' ? path[1] : null) },
  );
  const failed = new Map<string, GraphqlItemError>();
  for (const error of itemErrors) {
    const issue = batch[error.item];
    if (issue && !failed.has(issue.node_id)) failed.set(issue.node_id, error);
    // What GitHub left of a failed node may lack fields: it is not used.
    const nodes = (data as { nodes?: unknown[] } | null)?.nodes;
    if (nodes && error.item < nodes.length) nodes[error.item] = null;
  }
  const response = parseResponse(issueDetailsResponseSchema, data, `issue details of ${repository}`);
  const details = new Map<string, IssueDetails>();
  const followUps: FollowUp[] = [];
  for (const node of response.nodes) {
    if (!node) continue;
    details.set(node.id, {
      stateReason: node.stateReason,
      reactions: [...(node.reactions?.nodes ?? [])],
      timeline: [...(node.timelineItems?.nodes ?? [])],
    });
    if (node.reactions?.pageInfo.hasNextPage && node.reactions.pageInfo.endCursor) {
      followUps.push({ id: node.id, connection: 'votes', after: node.reactions.pageInfo.endCursor });
    }
    if (node.timelineItems?.pageInfo.hasNextPage && node.timelineItems.pageInfo.endCursor) {
      followUps.push({ id: node.id, connection: 'timeline', after: node.timelineItems.pageInfo.endCursor });
    }
  }
  if (followUps.length > 0) {
    const more = await fetchFollowUps(client, followUps, flags.voteContent, progress);
    for (const [id, entry] of details) {
      const failure = more.failed.get(id);
      if (failure) {
        details.delete(id);
        failed.set(id, failure);
        continue;
      }
      entry.reactions.push(...(more.reactions.get(id) ?? []));
      entry.timeline.push(...(more.timeline.get(id) ?? []));
    }
  }
  return { details, failed };
}

function describeError(error: GraphqlItemError): string {
  return `${error.type ? `${error.type}: ` : ''}${error.message}`;
}

function describeItems(type: string, items: readonly { number: number }[]): string {
  const numbers = items.map((item) => `#${item.number}`);
  return `${type} ${numbers.slice(0, 5).join(', ')}${numbers.length > 5 ? ` and ${numbers.length - 5} more` : ''}`;
}

/**
 * An item GitHub failed to return twice: gone if GitHub says it does not exist (deleted or
 * transferred since it was listed), else the previous snapshot's copy stays, else it waits for
 * the next sync (the cursor stops before it, see mergeSource). Reported in the summary.
 */
function settleFailedItem(
  checkpoint: SourceCheckpoint,
  item: { type: 'issue' | 'discussion'; number: number; updatedAt: string },
  error: GraphqlItemError,
  before: Item | undefined,
  progress: SyncProgress,
): void {
  const outcome: ItemProblem['outcome'] = error.type === 'NOT_FOUND' ? 'removed' : before ? 'kept' : 'left out';
  if (outcome === 'removed' && item.type === 'issue') (checkpoint.issues.gone ??= []).push(item.number);
  if (outcome === 'kept' && before?.type === 'issue') checkpoint.issues.done.push(before);
  if (outcome === 'kept' && before?.type === 'discussion') checkpoint.discussions.items.push(before);
  (checkpoint.problems ??= []).push({ type: item.type, number: item.number, updatedAt: item.updatedAt, error: describeError(error), outcome });
  progress.warn(`${checkpoint.repository} ${item.type} #${item.number}: ${describeError(error)}; ${describeOutcome(outcome)}.`);
}

export function describeOutcome(outcome: ItemProblem['outcome']): string {
  switch (outcome) {
    case 'removed':
      return 'GitHub no longer has it, so it leaves the snapshot';
    case 'kept':
      return 'the previous snapshot\'s copy is kept, and the next sync asks again';
    default:
      return 'it is left out until the next sync asks again';
  }
}

interface FollowUpResults {
  reactions: Map<string, IssueDetails['reactions']>;
  timeline: Map<string, GqlTimelineNode[]>;
  /** Items whose further pages GitHub failed to return twice, by id. */
  failed: Map<string, GraphqlItemError>;
}

/** Fetches further pages of votes and timelines for the few items that have more than one page. */
async function fetchFollowUps(
  client: GitHubClient,
  initial: FollowUp[],
  voteContent: ReactionContent | null | undefined,
  progress: SyncProgress,
): Promise<FollowUpResults> {
  const results: FollowUpResults = { reactions: new Map(), timeline: new Map(), failed: new Map() };
  const askedAgain = new Set<FollowUp>();
  let pending = initial;
  while (pending.length > 0) {
    const next: FollowUp[] = [];
    await inAdaptiveBatches(
      pending,
      FOLLOW_UPS_PER_QUERY,
      async (batch) => {
        const { query, variables } = followUpDocument(batch);
        const usesVotes = batch.some((followUp) => followUp.connection !== 'timeline');
        const { data, itemErrors } = await client.graphql(query, usesVotes ? { ...variables, voteContent } : variables, {
          itemOf: (path) => (typeof path[0] === 'string' && /^item\d+$/.test(path[0]) ? Number(path[0].slice('item'.length)) : null),
        });
        const errors = new Map(itemErrors.map((error) => [error.item, error]));
        batch.forEach((followUp, index) => {
          const error = errors.get(index);
          if (error) {
            // Asked once more in the next round; a second failure costs the item its details.
            if (askedAgain.has(followUp)) results.failed.set(followUp.id, error);
            else {
              askedAgain.add(followUp);
              next.push(followUp);
            }
            return;
          }
          const node = parseResponse(followUpNodeSchema, (data as Record<string, unknown>)[`item${index}`], 'a follow-up page');
          if (!node) return;
          if (followUp.connection === 'timeline' && node.timelineItems) {
            results.timeline.set(followUp.id, [...(results.timeline.get(followUp.id) ?? []), ...node.timelineItems.nodes]);
            if (node.timelineItems.pageInfo.hasNextPage && node.timelineItems.pageInfo.endCursor) {
              next.push({ ...followUp, after: node.timelineItems.pageInfo.endCursor });
            }
          } else if (node.reactions) {
            results.reactions.set(followUp.id, [...(results.reactions.get(followUp.id) ?? []), ...node.reactions.nodes]);
            if (node.reactions.pageInfo.hasNextPage && node.reactions.pageInfo.endCursor) {
              next.push({ ...followUp, after: node.reactions.pageInfo.endCursor });
            }
          }
        });
      },
      progress,
    );
    pending = next;
  }
  return results;
}

function mergeSource(options: SourceOptions, previous: PreviousSource | null, checkpoint: SourceCheckpoint, full: boolean): SourceResult {
  const overview = checkpoint.overview;
  if (!overview) throw new Error('mergeSource called before the overview was fetched');
  const wantedLabels = options.issues === false ? [] : options.issues.labels;
  const items = new Map<string, Item>();
  const key = (item: { type: string; number: number }) => `${item.type}:${item.number}`;

  if (!full && previous) {
    for (const item of previous.items) {
      // A channel switched off in the config drops its items.
      if (item.type === 'issue' && options.issues === false) continue;
      if (item.type === 'discussion' && options.discussions === false) continue;
      items.set(key(item), item);
    }
  }

  // Items listed in this pass that no longer match the filters leave the snapshot.
  for (const issue of checkpoint.issues.raw) {
    if (!matchesLabels(restLabels(issue), wantedLabels)) items.delete(`issue:${issue.number}`);
  }
  // Discussions were filtered by category as they were listed.
  const keptDiscussions = new Set(checkpoint.discussions.items.map((item) => item.number));
  for (const number of checkpoint.discussions.seen) {
    if (!keptDiscussions.has(number)) items.delete(`discussion:${number}`);
  }
  for (const item of [...checkpoint.discussions.items, ...checkpoint.issues.done]) items.set(key(item), item);
  for (const number of checkpoint.issues.gone ?? []) items.delete(`issue:${number}`);

  const maxIssueUpdate = checkpoint.issues.raw.reduce<string | null>(
    (max, issue) => (max === null || issue.updated_at > max ? issue.updated_at : max),
    null,
  );
  // The cursors stop just before an item GitHub failed to return, so the next sync asks for it again.
  const retryFrom = (type: ItemProblem['type']) =>
    (checkpoint.problems ?? [])
      .filter((problem) => problem.type === type && problem.outcome !== 'removed')
      .map((problem) => new Date(Date.parse(problem.updatedAt) - 1000).toISOString().replace(/\.000Z$/, 'Z'))
      .sort()[0];
  const earlier = (a: string | null, b: string | undefined) => (b !== undefined && (a === null || b < a) ? b : a);
  const later = (a: string | null | undefined, b: string | null | undefined) => ((a ?? '') > (b ?? '') ? a ?? null : b ?? null);

  return {
    repository: {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      repository: options.repository,
      url: overview.url,
      description: overview.description,
      isPrivate: overview.isPrivate,
      labels: [...overview.labels].sort((a, b) => a.name.localeCompare(b.name)),
      milestones: [...overview.milestones].sort((a, b) => a.number - b.number),
      releases: overview.releases,
    },
    items: [...items.values()],
    issuesCursor: earlier(later(full ? null : previous?.issuesCursor, maxIssueUpdate), retryFrom('issue')),
    discussionsCursor: earlier(later(full ? null : previous?.discussionsCursor, checkpoint.discussions.maxUpdatedAt), retryFrom('discussion')),
    problems: checkpoint.problems ?? [],
    skippedPrivate: false,
  };
}
