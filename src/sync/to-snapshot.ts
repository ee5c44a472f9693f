/**
 * Turns GitHub's answers (REST and GraphQL shapes) into snapshot items. Pure functions: every
 * decision about what the snapshot keeps is made here and unit-tested.
 */
import type {
  Actor,
  Comment,
  DiscussionItem,
  FormerAddress,
  IssueItem,
  Item,
  ItemEvent,
  PullRequestRef,
  ReactionContent,
  Release,
  Vote,
} from '../snapshot/schema.ts';
import { ACTOR_TYPES, AUTHOR_ASSOCIATIONS, MAINTAINER_ASSOCIATIONS } from '../github/enums.ts';
import type { GqlComment, GqlDiscussion, GqlPullRequest, GqlRelease, GqlTimelineNode, RestIssue } from './api-schemas.ts';

/** GitHub shows deleted accounts as the "ghost" user in REST and as `null` in GraphQL. */
const DELETED_ACCOUNT_LOGIN = 'ghost';
/** `Duplicate of #12`, `duplicate of owner/repo#12`, `Duplicate of https://…/issues/12`. */
const DUPLICATE_REFERENCE = /\bduplicate\s+of\b/i;

/** REST reaction summary keys for each GraphQL reaction content. */
export const REST_REACTION_KEYS: Record<ReactionContent, keyof NonNullable<RestIssue['reactions']>> = {
  THUMBS_UP: '+1',
  THUMBS_DOWN: '-1',
  LAUGH: 'laugh',
  HOORAY: 'hooray',
  CONFUSED: 'confused',
  HEART: 'heart',
  ROCKET: 'rocket',
  EYES: 'eyes',
};

function actorType(value: string): Actor['type'] {
  return (ACTOR_TYPES as readonly string[]).includes(value) ? (value as Actor['type']) : 'User';
}

function association(value: string): IssueItem['authorAssociation'] {
  return (AUTHOR_ASSOCIATIONS as readonly string[]).includes(value) ? (value as IssueItem['authorAssociation']) : 'NONE';
}

export function actorFromRest(user: RestIssue['user']): Actor | null {
  if (!user || user.login === DELETED_ACCOUNT_LOGIN) return null;
  return { login: user.login, type: actorType(user.type), avatarUrl: user.avatar_url };
}

export function actorFromGraphql(actor: { __typename: string; login: string; avatarUrl: string } | null): Actor | null {
  if (!actor) return null;
  return { login: actor.login, type: actorType(actor.__typename), avatarUrl: actor.avatarUrl };
}

/** How many vote reactions REST reports for an issue, summed over the configured contents. */
export function restVoteCount(issue: RestIssue, contents: readonly ReactionContent[]): number {
  if (!issue.reactions) return 0;
  return contents.reduce((sum, content) => sum + (issue.reactions?.[REST_REACTION_KEYS[content]] ?? 0), 0);
}

export function votesFromReactions(
  reactions: ReadonlyArray<ReactionNode>,
  contents: readonly ReactionContent[],
): Vote[] {
  const wanted = new Set<string>(contents);
  return reactions
    .filter((reaction) => wanted.has(reaction.content))
    .map((reaction) => ({
      login: reaction.user?.login ?? null,
      type: reaction.user ? actorType(reaction.user.__typename ?? 'User') : null,
      content: reaction.content as ReactionContent,
      createdAt: reaction.createdAt,
    }))
    .sort(compareVotes);
}

function compareVotes(a: Vote, b: Vote): number {
  return a.createdAt.localeCompare(b.createdAt) || (a.login ?? '').localeCompare(b.login ?? '') || a.content.localeCompare(b.content);
}

function commentFromGraphql(comment: GqlComment): Comment {
  return {
    id: comment.id,
    author: actorFromGraphql(comment.author),
    authorAssociation: association(comment.authorAssociation),
    body: comment.body,
    createdAt: comment.createdAt,
    url: comment.url,
  };
}

/**
 * Keeps the first `keep` comments that are not minimized (what a request page shows), plus any
 * later maintainer comment that names a duplicate (what duplicate detection reads). Minimized
 * comments (spam, abuse, off-topic) are never kept.
 */
export function selectComments(comments: readonly GqlComment[], keep: number): Comment[] {
  const visible = comments.filter((comment) => !comment.isMinimized);
  const selected = visible.filter(
    (comment, index) =>
      index < keep || (MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation) && DUPLICATE_REFERENCE.test(comment.body)),
  );
  return selected.map(commentFromGraphql);
}

function pullRequestRef(pr: GqlPullRequest): PullRequestRef {
  return {
    repository: pr.repository.nameWithOwner,
    number: pr.number,
    title: pr.title,
    url: pr.url,
    merged: pr.merged,
    mergedAt: pr.mergedAt,
    mergeCommit: pr.mergeCommit?.oid ?? null,
  };
}

function canonicalRef(canonical: { number?: number | undefined; repository?: { nameWithOwner: string } | undefined } | null) {
  if (!canonical?.number || !canonical.repository) return null;
  return { repository: canonical.repository.nameWithOwner, number: canonical.number };
}

export function eventsFromTimeline(nodes: readonly GqlTimelineNode[]): { events: ItemEvent[]; closingPullRequests: PullRequestRef[] } {
  const events: ItemEvent[] = [];
  const closingPullRequests: PullRequestRef[] = [];
  for (const node of nodes) {
    switch (node.__typename) {
      case 'IssueComment':
        break;
      case 'MarkedAsDuplicateEvent':
      case 'UnmarkedAsDuplicateEvent': {
        const canonical = canonicalRef(node.canonical);
        // The canonical item may have been deleted or be invisible to the token: nothing to link.
        if (!canonical) break;
        events.push({
          kind: node.__typename === 'MarkedAsDuplicateEvent' ? 'marked_as_duplicate' : 'unmarked_as_duplicate',
          createdAt: node.createdAt,
          actor: node.actor?.login ?? null,
          canonical,
        });
        break;
      }
      case 'ClosedEvent': {
        const closer = node.closer && 'number' in node.closer ? pullRequestRef(node.closer as GqlPullRequest) : null;
        if (closer && !closingPullRequests.some((pr) => pr.repository === closer.repository && pr.number === closer.number)) {
          closingPullRequests.push(closer);
        }
        const reason = node.stateReason;
        events.push({
          kind: 'closed',
          createdAt: node.createdAt,
          actor: node.actor?.login ?? null,
          stateReason: reason === 'COMPLETED' || reason === 'NOT_PLANNED' || reason === 'DUPLICATE' ? reason : null,
          closer,
        });
        break;
      }
      case 'ReopenedEvent':
        events.push({ kind: 'reopened', createdAt: node.createdAt, actor: node.actor?.login ?? null });
        break;
      case 'LabeledEvent':
      case 'UnlabeledEvent':
        events.push({
          kind: node.__typename === 'LabeledEvent' ? 'labeled' : 'unlabeled',
          createdAt: node.createdAt,
          actor: node.actor?.login ?? null,
          label: node.label.name,
        });
        break;
      case 'MilestonedEvent':
      case 'DemilestonedEvent':
        events.push({
          kind: node.__typename === 'MilestonedEvent' ? 'milestoned' : 'demilestoned',
          createdAt: node.createdAt,
          actor: node.actor?.login ?? null,
          milestoneTitle: node.milestoneTitle,
        });
        break;
      case 'RenamedTitleEvent':
      case 'TransferredEvent':
        break;
    }
  }
  return { events, closingPullRequests };
}

function compareAddresses(a: FormerAddress, b: FormerAddress): number {
  return a.repository.localeCompare(b.repository) || a.number - b.number || a.title.localeCompare(b.title);
}

/**
 * An item's former addresses, sorted, each once, without the address it has now. Repository
 * names compare without case, as on GitHub.
 */
export function normalizeFormerAddresses(
  current: { repository: string; number: number; title: string },
  addresses: readonly FormerAddress[],
): FormerAddress[] {
  const key = (address: FormerAddress) => JSON.stringify([address.repository.toLowerCase(), address.number, address.title]);
  const seen = new Set([key(current)]);
  const kept: FormerAddress[] = [];
  for (const address of addresses) {
    if (seen.has(key(address))) continue;
    seen.add(key(address));
    kept.push({ repository: address.repository, number: address.number, title: address.title });
  }
  return kept.sort(compareAddresses);
}

/**
 * The titles an issue had at its present repository and number, from its timeline's
 * `RenamedTitleEvent`s. Renames before its last `TransferredEvent` happened under another
 * number, which GitHub's event does not give (only `fromRepository`): those addresses can only
 * come from an earlier snapshot (see `carryFormerAddresses`).
 */
export function formerAddressesFromTimeline(
  current: { repository: string; number: number; title: string },
  nodes: readonly GqlTimelineNode[],
): FormerAddress[] {
  let titles: string[] = [];
  for (const node of nodes) {
    if (node.__typename === 'TransferredEvent') titles = [];
    else if (node.__typename === 'RenamedTitleEvent') titles.push(node.previousTitle);
  }
  return normalizeFormerAddresses(
    current,
    titles.map((title) => ({ repository: current.repository, number: current.number, title })),
  );
}

/**
 * Keeps the addresses of the previous snapshot: GitHub keeps an item's node id through renames
 * and transfers, so an item whose id was in the previous snapshot under another repository,
 * number or title had that address, and every one the previous snapshot recorded for it.
 */
export function carryFormerAddresses<T extends Item>(items: readonly T[], previousItems: readonly Item[]): T[] {
  const previousById = new Map(previousItems.map((item) => [item.id, item]));
  return items.map((item) => {
    const before = previousById.get(item.id);
    if (!before) return item;
    const formerAddresses = normalizeFormerAddresses(item, [
      ...item.formerAddresses,
      ...before.formerAddresses,
      { repository: before.repository, number: before.number, title: before.title },
    ]);
    return formerAddresses.length === item.formerAddresses.length && formerAddresses.every((address, index) => compareAddresses(address, item.formerAddresses[index]!) === 0)
      ? item
      : { ...item, formerAddresses };
  });
}

function issueStateReason(value: string | null | undefined): IssueItem['stateReason'] {
  const upper = value?.toUpperCase();
  return upper === 'COMPLETED' || upper === 'NOT_PLANNED' || upper === 'DUPLICATE' || upper === 'REOPENED' ? upper : null;
}

export type ReactionNode = { content: string; createdAt: string; user: { __typename?: string | undefined; login: string } | null };

export interface IssueDetails {
  stateReason: string | null;
  reactions: ReactionNode[];
  timeline: GqlTimelineNode[];
}

export function issueItemFromRest(
  repository: string,
  issue: RestIssue,
  details: IssueDetails | null,
  options: { voteContents: readonly ReactionContent[]; keepComments: number },
): IssueItem {
  const comments = (details?.timeline ?? []).filter((node): node is Extract<GqlTimelineNode, { __typename: 'IssueComment' }> => node.__typename === 'IssueComment');
  const { events, closingPullRequests } = eventsFromTimeline(details?.timeline ?? []);
  const current = { repository, number: issue.number, title: issue.title };
  return {
    type: 'issue',
    repository,
    number: issue.number,
    id: issue.node_id,
    url: issue.html_url,
    title: issue.title,
    body: issue.body ?? '',
    author: actorFromRest(issue.user),
    authorAssociation: association(issue.author_association),
    labels: issue.labels.map((label) => (typeof label === 'string' ? label : label.name)).sort(),
    locked: issue.locked,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    closedAt: issue.closed_at,
    votes: votesFromReactions(details?.reactions ?? [], options.voteContents),
    commentCount: issue.comments,
    comments: selectComments(comments, options.keepComments),
    formerAddresses: formerAddressesFromTimeline(current, details?.timeline ?? []),
    state: issue.state === 'open' ? 'OPEN' : 'CLOSED',
    // GraphQL with `enableDuplicate: true` tells DUPLICATE apart from NOT_PLANNED; prefer it.
    stateReason: issueStateReason(details?.stateReason ?? issue.state_reason),
    milestone: issue.milestone?.number ?? null,
    events,
    closingPullRequests,
  };
}

export function discussionItemFromGraphql(
  repository: string,
  discussion: GqlDiscussion,
  reactions: Parameters<typeof votesFromReactions>[0],
  options: { voteContents: readonly ReactionContent[]; keepComments: number },
): DiscussionItem {
  const reason = discussion.stateReason;
  return {
    type: 'discussion',
    repository,
    number: discussion.number,
    id: discussion.id,
    url: discussion.url,
    title: discussion.title,
    body: discussion.body,
    author: actorFromGraphql(discussion.author),
    authorAssociation: association(discussion.authorAssociation),
    labels: (discussion.labels?.nodes ?? []).map((label) => label.name).sort(),
    locked: discussion.locked,
    createdAt: discussion.createdAt,
    updatedAt: discussion.updatedAt,
    closedAt: discussion.closedAt,
    votes: votesFromReactions(reactions, options.voteContents),
    commentCount: discussion.comments.totalCount,
    comments: selectComments(discussion.comments.nodes, options.keepComments),
    // Discussions have no timeline in GitHub's API: their former addresses come from earlier snapshots.
    formerAddresses: [],
    state: discussion.closed ? 'CLOSED' : 'OPEN',
    stateReason: reason === 'DUPLICATE' || reason === 'OUTDATED' || reason === 'REOPENED' || reason === 'RESOLVED' ? reason : null,
    category: discussion.category,
    upvoteCount: discussion.upvoteCount,
  };
}

/** Published releases only: drafts never reach the snapshot. */
export function releaseFromGraphql(repository: string, release: GqlRelease): Release | null {
  if (release.isDraft || !release.publishedAt) return null;
  return {
    repository,
    tagName: release.tagName,
    name: release.name,
    body: release.description ?? '',
    url: release.url,
    author: actorFromGraphql(release.author),
    isPrerelease: release.isPrerelease,
    createdAt: release.createdAt,
    publishedAt: release.publishedAt,
    tagCommit: release.tagCommit?.oid ?? null,
  };
}
