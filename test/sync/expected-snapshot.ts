/**
 * What the snapshot must hold for a simulator world, derived straight from the world (not from the
 * sync's code), so tests can compare field by field on worlds the sync has never seen.
 */
import type { SimIssue, SimRepository, SimWorld, SimDiscussion } from '../../scripts/dev/github-simulator/store-types.ts';
import type { Item } from '../../src/snapshot/schema.ts';

const MAINTAINERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export interface ExpectedItem {
  type: 'issue' | 'discussion';
  number: number;
  title: string;
  body: string;
  author: string | null;
  labels: string[];
  state: 'OPEN' | 'CLOSED';
  stateReason: string | null;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  milestone?: number | null;
  votes: Array<[string | null, string]>;
  commentCount: number;
  commentBodies: string[];
  duplicateOf?: Array<[string, number]>;
  closingPullRequests?: Array<[number, boolean, string | null, string | null]>;
  upvoteCount?: number;
  category?: string;
  formerAddresses: Array<[string, number, string]>;
}

function keptComments(comments: SimIssue['comments'], keep: number): string[] {
  const visible = comments.filter((comment) => !comment.isMinimized);
  return visible
    .filter((comment, index) => index < keep || (MAINTAINERS.has(comment.authorAssociation) && /\bduplicate\s+of\b/i.test(comment.body)))
    .map((comment) => comment.body);
}

/** The titles an issue had where it is now: renames since it last arrived by transfer. */
function formerTitles(repository: string, issue: SimIssue): Array<[string, number, string]> {
  const lastTransfer = issue.events.findLastIndex((event) => event.kind === 'transferred');
  const titles = issue.events
    .slice(lastTransfer + 1)
    .flatMap((event) => (event.kind === 'renamed' && event.previousTitle !== issue.title ? [event.previousTitle] : []));
  return [...new Set(titles)].sort().map((title): [string, number, string] => [repository, issue.number, title]);
}

function votesOf(reactions: SimIssue['reactions']): Array<[string | null, string]> {
  return reactions
    .filter((reaction) => reaction.content === 'THUMBS_UP')
    .map((reaction): [string | null, string] => [reaction.user, reaction.createdAt])
    .sort((a, b) => a[1].localeCompare(b[1]) || (a[0] ?? '').localeCompare(b[0] ?? ''));
}

export function expectedIssue(world: SimWorld, issue: SimIssue, keep: number, repository: string): ExpectedItem {
  const prs = new Map<string, SimWorld['repositories'][number]['pullRequests'][number]>(
    world.repositories.flatMap((r) => r.pullRequests.map((pr) => [`${r.owner}/${r.name}#${pr.number}`, pr] as const)),
  );
  const closers = issue.events.flatMap((event) => (event.kind === 'closed' && event.closer ? [event.closer] : []));
  return {
    type: 'issue',
    number: issue.number,
    title: issue.title,
    body: issue.body,
    author: issue.author,
    labels: [...issue.labels].sort(),
    state: issue.state,
    stateReason: issue.stateReason,
    locked: issue.locked,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    milestone: issue.milestone,
    votes: votesOf(issue.reactions),
    commentCount: issue.comments.length,
    commentBodies: keptComments(issue.comments, keep),
    duplicateOf: issue.events.flatMap((event) =>
      event.kind === 'marked_as_duplicate' ? [[event.canonical.repository, event.canonical.number] as [string, number]] : [],
    ),
    closingPullRequests: closers.map((ref) => {
      const pr = prs.get(`${ref.repository}#${ref.number}`);
      return [ref.number, pr?.state === 'MERGED', pr?.mergedAt ?? null, pr?.mergeCommit ?? null];
    }),
    formerAddresses: formerTitles(repository, issue),
  };
}

export function expectedDiscussion(repo: SimRepository, discussion: SimDiscussion, keep: number): ExpectedItem {
  return {
    type: 'discussion',
    number: discussion.number,
    title: discussion.title,
    body: discussion.body,
    author: discussion.author,
    labels: [...discussion.labels].sort(),
    state: discussion.closed ? 'CLOSED' : 'OPEN',
    stateReason: discussion.stateReason,
    locked: discussion.locked,
    createdAt: discussion.createdAt,
    updatedAt: discussion.updatedAt,
    closedAt: discussion.closedAt,
    votes: votesOf(discussion.reactions),
    commentCount: discussion.comments.length,
    commentBodies: keptComments(discussion.comments, keep),
    upvoteCount: discussion.upvoteCount,
    category: repo.discussionCategories.find((category) => category.slug === discussion.category)?.slug ?? discussion.category,
    formerAddresses: [],
  };
}

/** The expected items of one repository, given the source's label and category filters. */
export function expectedItems(
  world: SimWorld,
  repository: string,
  filters: { labels: string[]; categories: string[]; keepComments: number },
): ExpectedItem[] {
  const repo = world.repositories.find((r) => `${r.owner}/${r.name}` === repository);
  if (!repo) throw new Error(`no repository ${repository} in the world`);
  const issues = repo.issues
    .filter((issue) => filters.labels.length === 0 || issue.labels.some((label) => filters.labels.includes(label)))
    .map((issue) => expectedIssue(world, issue, filters.keepComments, repository));
  const discussions = repo.discussions
    .filter((discussion) => filters.categories.length === 0 || filters.categories.includes(discussion.category))
    .map((discussion) => expectedDiscussion(repo, discussion, filters.keepComments));
  return [...issues, ...discussions].sort((a, b) => a.number - b.number);
}

/** The same projection of a snapshot item, for comparison with `expectedItems`. */
export function projectItem(item: Item): ExpectedItem {
  const common = {
    type: item.type,
    number: item.number,
    title: item.title,
    body: item.body,
    author: item.author?.login ?? null,
    labels: item.labels,
    state: item.state,
    stateReason: item.stateReason,
    locked: item.locked,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    closedAt: item.closedAt,
    votes: item.votes.map((vote): [string | null, string] => [vote.login, vote.createdAt]),
    commentCount: item.commentCount,
    commentBodies: item.comments.map((comment) => comment.body),
    formerAddresses: item.formerAddresses.map((address): [string, number, string] => [address.repository, address.number, address.title]),
  };
  if (item.type === 'issue') {
    return {
      ...common,
      milestone: item.milestone,
      duplicateOf: item.events.flatMap((event) =>
        event.kind === 'marked_as_duplicate' ? [[event.canonical.repository, event.canonical.number] as [string, number]] : [],
      ),
      closingPullRequests: item.closingPullRequests.map((pr) => [pr.number, pr.merged, pr.mergedAt, pr.mergeCommit]),
    };
  }
  return { ...common, upvoteCount: item.upvoteCount, category: item.category.slug };
}
