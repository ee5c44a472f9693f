/**
 * `Issue.timelineItems`: the world's events interleaved with the issue's comments by time, as
 * GitHub shows them, filtered by `itemTypes` and `since`.
 */
import { actorView } from './graphql-actors.ts';
import { issueCommentView, timeKey } from './graphql-comments.ts';
import { connectionOf, type PageArgs, type View } from './graphql-connections.ts';
import { canSee, type ResolverContext } from './graphql-context.ts';
import { issueView, labelView, pullRequestView, repositoryView } from './graphql-views.ts';
import { githubTime } from './github-time.ts';
import { resourcePath, webUrls } from './github-urls.ts';
import { nodeId, type NodeKind } from './node-ids.ts';
import type { SimComment, SimIssue, SimRef, SimTimelineEvent } from './store-types.ts';
import type { RepoIndex } from './world-index.ts';

type TimelineEntry = { kind: 'comment'; comment: SimComment } | { kind: 'event'; event: SimTimelineEvent };

const EVENT_TYPES: Record<SimTimelineEvent['kind'], { typename: NodeKind; itemType: string }> = {
  marked_as_duplicate: { typename: 'MarkedAsDuplicateEvent', itemType: 'MARKED_AS_DUPLICATE_EVENT' },
  unmarked_as_duplicate: { typename: 'UnmarkedAsDuplicateEvent', itemType: 'UNMARKED_AS_DUPLICATE_EVENT' },
  closed: { typename: 'ClosedEvent', itemType: 'CLOSED_EVENT' },
  reopened: { typename: 'ReopenedEvent', itemType: 'REOPENED_EVENT' },
  labeled: { typename: 'LabeledEvent', itemType: 'LABELED_EVENT' },
  unlabeled: { typename: 'UnlabeledEvent', itemType: 'UNLABELED_EVENT' },
  renamed: { typename: 'RenamedTitleEvent', itemType: 'RENAMED_TITLE_EVENT' },
  transferred: { typename: 'TransferredEvent', itemType: 'TRANSFERRED_EVENT' },
  milestoned: { typename: 'MilestonedEvent', itemType: 'MILESTONED_EVENT' },
  demilestoned: { typename: 'DemilestonedEvent', itemType: 'DEMILESTONED_EVENT' },
};

function itemTypeOf(entry: TimelineEntry): string {
  return entry.kind === 'comment' ? 'ISSUE_COMMENT' : EVENT_TYPES[entry.event.kind].itemType;
}

function createdAtOf(entry: TimelineEntry): string {
  return entry.kind === 'comment' ? entry.comment.createdAt : entry.event.createdAt;
}

/** An issue or pull request named by a cross-reference, or `null` if it is gone or hidden. */
function issueOrPullRequestView(context: ResolverContext, ref: SimRef): View | null {
  const resolved = context.index.resolveRef(ref);
  if (!resolved || !canSee(context, resolved.repo.repo)) return null;
  return resolved.kind === 'issue'
    ? issueView(context, resolved.repo, resolved.issue)
    : pullRequestView(context, resolved.repo, resolved.pullRequest);
}

export function timelineEventView(context: ResolverContext, repo: RepoIndex, issue: SimIssue, event: SimTimelineEvent): View {
  const { typename } = EVENT_TYPES[event.kind];
  const self = (): View => issueView(context, repo, issue);
  const base: View = {
    __typename: typename,
    id: nodeId(typename, repo.repo.id, issue.number, event.id),
    databaseId: event.id,
    actor: () => actorView(context, event.actor),
    createdAt: githubTime(event.createdAt),
  };
  switch (event.kind) {
    case 'marked_as_duplicate':
    case 'unmarked_as_duplicate':
      return {
        ...base,
        canonical: () => issueOrPullRequestView(context, event.canonical),
        duplicate: self,
        isCrossRepository: event.canonical.repository.toLowerCase() !== repo.fullName.toLowerCase(),
      };
    case 'closed': {
      const url = webUrls.issueEvent(repo.fullName, issue.number, event.id);
      return {
        ...base,
        closable: self,
        // No `enableDuplicate` here, so DUPLICATE stays hidden as on `Issue.stateReason`.
        stateReason: event.stateReason === 'DUPLICATE' ? 'NOT_PLANNED' : event.stateReason,
        closer: () => {
          if (!event.closer) return null;
          const closer = issueOrPullRequestView(context, event.closer);
          return closer?.['__typename'] === 'PullRequest' ? closer : null;
        },
        url,
        resourcePath: resourcePath(url),
      };
    }
    case 'reopened':
      return { ...base, closable: self, stateReason: 'REOPENED' };
    case 'labeled':
    case 'unlabeled':
      return {
        ...base,
        labelable: self,
        label: () =>
          labelView(context, repo, repo.labels.get(event.label.toLowerCase()) ?? { name: event.label, color: 'ededed', description: null }),
      };
    case 'renamed':
      return { ...base, subject: self, previousTitle: event.previousTitle, currentTitle: event.currentTitle };
    case 'transferred': {
      // The repository it came from, when it still exists and the caller may see it.
      const from = context.index.repoByFullName(event.from.repository);
      return { ...base, issue: self, fromRepository: () => (from && canSee(context, from.repo) ? repositoryView(context, from) : null) };
    }
    case 'milestoned':
    case 'demilestoned':
      // The title as it was then: GitHub keeps it on the event, even after the milestone is renamed or deleted.
      return { ...base, subject: self, milestoneTitle: event.milestoneTitle };
  }
}

interface TimelineArgs extends PageArgs {
  itemTypes?: string[] | null;
  since?: string | null;
  skip?: number | null;
}

export function timelineItemsConnection(context: ResolverContext, repo: RepoIndex, issue: SimIssue, args: TimelineArgs): View {
  const wanted = args.itemTypes?.length ? new Set(args.itemTypes) : null;
  const since = args.since ? timeKey(args.since) : null;
  const entries: TimelineEntry[] = [
    ...issue.comments.map((comment): TimelineEntry => ({ kind: 'comment', comment })),
    ...issue.events.map((event): TimelineEntry => ({ kind: 'event', event })),
  ].filter((entry) => (!wanted || wanted.has(itemTypeOf(entry))) && (since === null || timeKey(createdAtOf(entry)) >= since));
  const key = (entry: TimelineEntry): number[] => [
    timeKey(createdAtOf(entry)),
    // Comments and events have separate id spaces: the kind breaks ties between them.
    entry.kind === 'event' ? 0 : 1,
    entry.kind === 'event' ? entry.event.id : entry.comment.id,
  ];
  // `skip` is GitHub's offset pagination: drop that many items from the front, then page.
  const remaining = args.skip
    ? entries
        .map((entry) => ({ entry, key: key(entry) }))
        .sort((a, b) => compareNumbers(a.key, b.key))
        .slice(args.skip)
        .map(({ entry }) => entry)
    : entries;
  const self = (): View => issueView(context, repo, issue);
  const repository = (): View => repositoryView(context, repo);
  const connection = connectionOf(remaining, args, { key, direction: 'ASC' }, (entry) =>
    entry.kind === 'comment'
      ? issueCommentView(context, repo, issue, entry.comment, self, repository)
      : timelineEventView(context, repo, issue, entry.event),
  );
  const nodes = connection['nodes'] as () => unknown[];
  return {
    ...connection,
    totalCount: entries.length,
    filteredCount: entries.length,
    pageCount: () => nodes().length,
    updatedAt: githubTime(issue.updatedAt),
  };
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
