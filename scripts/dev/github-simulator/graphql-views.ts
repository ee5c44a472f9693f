/**
 * The GraphQL objects the sync reads, built over the world. Each view is a plain object whose
 * fields are values or functions of the field's arguments (graphql-js calls them); nested objects
 * are built only when the query selects them.
 */
import { GraphQLError } from 'graphql';
import { actorView, ownerView } from './graphql-actors.ts';
import {
  bodyHtml,
  commentsConnection,
  discussionCommentView,
  escapeHtml,
  issueCommentView,
  reactionGroups,
  reactionsConnection,
  timeKey,
} from './graphql-comments.ts';
import { connectionOf, directionOf, type PageArgs, type SortValue, type View } from './graphql-connections.ts';
import { canSee, type ResolverContext } from './graphql-context.ts';
import { timelineItemsConnection } from './graphql-timeline.ts';
import { githubTime } from './github-time.ts';
import { resourcePath, webUrls } from './github-urls.ts';
import { decodeNodeId, nodeId } from './node-ids.ts';
import type {
  SimDiscussion,
  SimDiscussionCategory,
  SimIssue,
  SimLabel,
  SimMilestone,
  SimPullRequest,
  SimRelease,
} from './store-types.ts';
import type { RepoIndex } from './world-index.ts';

interface OrderBy {
  field: string;
  direction: string;
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type: 'NOT_FOUND' } });
}

function emptyConnection(args: PageArgs): View {
  return connectionOf([], args, { key: () => [], direction: 'ASC' }, () => null);
}

// Labels ---------------------------------------------------------------------------------------

/** A label an item carries but the repository no longer defines still shows, in GitHub's grey. */
function labelFor(repo: RepoIndex, name: string): SimLabel {
  return repo.labels.get(name.toLowerCase()) ?? { name, color: 'ededed', description: null };
}

export function labelView(context: ResolverContext, repo: RepoIndex, label: SimLabel): View {
  const url = webUrls.label(repo.fullName, label.name);
  return {
    __typename: 'Label',
    id: nodeId('Label', repo.repo.id, label.name),
    name: label.name,
    color: label.color,
    description: label.description,
    isDefault: false,
    createdAt: null,
    updatedAt: null,
    url,
    resourcePath: resourcePath(url),
    repository: () => repositoryView(context, repo),
    issues: (args: IssueArgs) =>
      issuesConnection(
        context,
        repo,
        repo.repo.issues.filter((issue) => issue.labels.some((name) => name.toLowerCase() === label.name.toLowerCase())),
        args,
      ),
  };
}

interface LabelArgs extends PageArgs {
  orderBy?: OrderBy | null;
  query?: string | null;
}

function labelsConnection(context: ResolverContext, repo: RepoIndex, labels: readonly SimLabel[], args: LabelArgs): View {
  const query = args.query?.toLowerCase();
  const matching = query ? labels.filter((label) => label.name.toLowerCase().includes(query)) : labels;
  const position = (label: SimLabel): number => repo.labelPositions.get(label) ?? Number.MAX_SAFE_INTEGER;
  const byName = args.orderBy?.field === 'NAME';
  return connectionOf(
    matching,
    args,
    {
      key: (label): SortValue[] => (byName ? [label.name.toLowerCase(), position(label)] : [position(label), label.name]),
      direction: directionOf(args.orderBy, 'ASC'),
    },
    (label) => labelView(context, repo, label),
  );
}

// Milestones -----------------------------------------------------------------------------------

export function milestoneView(context: ResolverContext, repo: RepoIndex, milestone: SimMilestone): View {
  const url = webUrls.milestone(repo.fullName, milestone.number);
  return {
    __typename: 'Milestone',
    id: nodeId('Milestone', repo.repo.id, milestone.number),
    number: milestone.number,
    title: milestone.title,
    description: milestone.description,
    state: milestone.state,
    closed: milestone.state === 'CLOSED',
    dueOn: githubTime(milestone.dueOn),
    createdAt: githubTime(milestone.createdAt),
    updatedAt: githubTime(milestone.updatedAt),
    closedAt: githubTime(milestone.closedAt),
    creator: null,
    url,
    resourcePath: resourcePath(url),
    progressPercentage: () => {
      const { open, closed } = context.index.milestoneIssueCounts(repo, milestone.number);
      return open + closed === 0 ? 0 : (closed / (open + closed)) * 100;
    },
    repository: () => repositoryView(context, repo),
    issues: (args: IssueArgs) =>
      issuesConnection(
        context,
        repo,
        repo.repo.issues.filter((issue) => issue.milestone === milestone.number),
        args,
      ),
  };
}

interface MilestoneArgs extends PageArgs {
  states?: string[] | null;
  orderBy?: OrderBy | null;
  query?: string | null;
}

function milestonesConnection(context: ResolverContext, repo: RepoIndex, args: MilestoneArgs): View {
  const query = args.query?.toLowerCase();
  const matching = repo.repo.milestones.filter(
    (milestone) =>
      (!args.states?.length || args.states.includes(milestone.state)) &&
      (!query || milestone.title.toLowerCase().includes(query)),
  );
  const field = args.orderBy?.field ?? 'NUMBER';
  return connectionOf(
    matching,
    args,
    {
      key: (milestone): SortValue[] => {
        if (field === 'CREATED_AT') return [timeKey(milestone.createdAt), milestone.number];
        if (field === 'UPDATED_AT') return [timeKey(milestone.updatedAt), milestone.number];
        if (field === 'DUE_DATE') return [timeKey(milestone.dueOn), milestone.number];
        return [milestone.number];
      },
      direction: directionOf(args.orderBy, 'ASC'),
    },
    (milestone) => milestoneView(context, repo, milestone),
  );
}

// Commits and pull requests --------------------------------------------------------------------

export function commitView(repo: RepoIndex, sha: string, message: string): View {
  const url = webUrls.commit(repo.fullName, sha);
  const [headline = '', ...rest] = message.split('\n');
  return {
    __typename: 'Commit',
    id: nodeId('Commit', repo.repo.id, sha),
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    message,
    messageHeadline: headline,
    messageBody: rest.join('\n').trim(),
    url,
    commitUrl: url,
    resourcePath: resourcePath(url),
  };
}

/** The message GitHub writes for a squash merge, which names the pull request. */
export function mergeCommitMessage(pullRequest: SimPullRequest): string {
  return `${pullRequest.title} (#${String(pullRequest.number)})`;
}

export function pullRequestView(context: ResolverContext, repo: RepoIndex, pullRequest: SimPullRequest): View {
  const id = nodeId('PullRequest', repo.repo.id, pullRequest.number);
  const url = webUrls.pullRequest(repo.fullName, pullRequest.number);
  const self = (): View => pullRequestView(context, repo, pullRequest);
  return {
    __typename: 'PullRequest',
    id,
    databaseId: pullRequest.id,
    fullDatabaseId: String(pullRequest.id),
    number: pullRequest.number,
    title: pullRequest.title,
    titleHTML: escapeHtml(pullRequest.title),
    body: '',
    bodyText: '',
    bodyHTML: '',
    url,
    permalink: url,
    resourcePath: resourcePath(url),
    author: () => actorView(context, pullRequest.author),
    authorAssociation: 'NONE',
    state: pullRequest.state,
    closed: pullRequest.state !== 'OPEN',
    closedAt: githubTime(pullRequest.mergedAt),
    merged: pullRequest.state === 'MERGED',
    mergedAt: githubTime(pullRequest.mergedAt),
    mergedBy: null,
    mergeCommit: pullRequest.mergeCommit ? commitView(repo, pullRequest.mergeCommit, mergeCommitMessage(pullRequest)) : null,
    isDraft: false,
    isCrossRepository: false,
    locked: false,
    activeLockReason: null,
    baseRefName: repo.repo.defaultBranch,
    createdAt: githubTime(pullRequest.createdAt),
    updatedAt: githubTime(pullRequest.mergedAt ?? pullRequest.createdAt),
    publishedAt: githubTime(pullRequest.createdAt),
    repository: () => repositoryView(context, repo),
    labels: (args: LabelArgs) => labelsConnection(context, repo, [], args),
    comments: emptyConnection,
    assignees: emptyConnection,
    reactions: (args: PageArgs) => reactionsConnection(context, id, self, [], args),
    reactionGroups: () => reactionGroups(context, self, []),
    closingIssuesReferences: (args: PageArgs & { orderBy?: OrderBy | null }) => {
      const issues: { repo: RepoIndex; issue: SimIssue }[] = [];
      for (const ref of pullRequest.closes) {
        const resolved = context.index.resolveRef(ref);
        if (resolved?.kind === 'issue' && canSee(context, resolved.repo.repo)) {
          issues.push({ repo: resolved.repo, issue: resolved.issue });
        }
      }
      return connectionOf(
        issues,
        args,
        { key: (entry) => issueSortKey(entry.issue, args.orderBy?.field, entry.repo.repo.id), direction: directionOf(args.orderBy, 'ASC') },
        (entry) => issueView(context, entry.repo, entry.issue),
      );
    },
  };
}

// Issues ---------------------------------------------------------------------------------------

function issueSortKey(issue: SimIssue, field: string | undefined, repoId = 0): SortValue[] {
  if (field === 'UPDATED_AT') return [timeKey(issue.updatedAt), repoId, issue.number];
  if (field === 'COMMENTS') return [issue.comments.length, repoId, issue.number];
  return [timeKey(issue.createdAt), repoId, issue.number];
}

interface IssueArgs extends PageArgs {
  states?: string[] | null;
  labels?: string[] | null;
  orderBy?: OrderBy | null;
  filterBy?: {
    since?: string | null;
    labels?: string[] | null;
    states?: string[] | null;
    createdBy?: string | null;
    assignee?: string | null;
    mentioned?: string | null;
    milestone?: string | null;
    milestoneNumber?: string | null;
  } | null;
}

/** GraphQL label filters match items with ANY of the labels (REST's `labels` needs all of them). */
function hasAnyLabel(issue: SimIssue, wanted: readonly string[] | null | undefined): boolean {
  if (!wanted?.length) return true;
  const lowered = new Set(wanted.map((name) => name.toLowerCase()));
  return issue.labels.some((name) => lowered.has(name.toLowerCase()));
}

function matchesIssueFilters(issue: SimIssue, args: IssueArgs): boolean {
  if (args.states?.length && !args.states.includes(issue.state)) return false;
  if (!hasAnyLabel(issue, args.labels)) return false;
  const filter = args.filterBy;
  if (!filter) return true;
  if (filter.states?.length && !filter.states.includes(issue.state)) return false;
  if (!hasAnyLabel(issue, filter.labels)) return false;
  if (filter.since && timeKey(issue.updatedAt) < timeKey(filter.since)) return false;
  if (filter.createdBy && issue.author?.toLowerCase() !== filter.createdBy.toLowerCase()) return false;
  // Nobody is ever assigned in the world: only "no assignee" matches.
  if (filter.assignee && filter.assignee !== 'none') return false;
  if (filter.mentioned && !issue.body.includes(`@${filter.mentioned}`)) return false;
  if (filter.milestoneNumber != null) {
    if (filter.milestoneNumber === '*') return issue.milestone !== null;
    if (filter.milestoneNumber === 'none') return issue.milestone === null;
    if (String(issue.milestone) !== filter.milestoneNumber) return false;
  }
  if (filter.milestone != null) {
    if (filter.milestone === '*') return issue.milestone !== null;
    if (filter.milestone === 'none') return issue.milestone === null;
    if (String(issue.milestone) !== filter.milestone) return false;
  }
  return true;
}

function issuesConnection(context: ResolverContext, repo: RepoIndex, issues: readonly SimIssue[], args: IssueArgs): View {
  return connectionOf(
    issues.filter((issue) => matchesIssueFilters(issue, args)),
    args,
    { key: (issue) => issueSortKey(issue, args.orderBy?.field), direction: directionOf(args.orderBy, 'ASC') },
    (issue) => issueView(context, repo, issue),
  );
}

export function issueView(context: ResolverContext, repo: RepoIndex, issue: SimIssue): View {
  const id = context.index.issueNodeId(repo, issue);
  const url = webUrls.issue(repo.fullName, issue.number);
  const self = (): View => issueView(context, repo, issue);
  const repository = (): View => repositoryView(context, repo);
  return {
    __typename: 'Issue',
    id,
    databaseId: issue.id,
    fullDatabaseId: String(issue.id),
    number: issue.number,
    title: issue.title,
    titleHTML: escapeHtml(issue.title),
    body: issue.body,
    bodyText: issue.body,
    bodyHTML: bodyHtml(issue.body),
    url,
    resourcePath: resourcePath(url),
    author: () => actorView(context, issue.author),
    authorAssociation: issue.authorAssociation,
    editor: null,
    state: issue.state,
    closed: issue.state === 'CLOSED',
    // GitHub added DUPLICATE later and hides it from clients that do not opt in.
    stateReason: (args: { enableDuplicate?: boolean | null }) =>
      issue.stateReason === 'DUPLICATE' && !args.enableDuplicate ? 'NOT_PLANNED' : issue.stateReason,
    locked: issue.locked,
    activeLockReason: null,
    createdAt: githubTime(issue.createdAt),
    updatedAt: githubTime(issue.updatedAt),
    closedAt: githubTime(issue.closedAt),
    publishedAt: githubTime(issue.createdAt),
    lastEditedAt: null,
    createdViaEmail: false,
    includesCreatedEdit: false,
    isPinned: false,
    viewerDidAuthor: issue.author?.toLowerCase() === context.viewer.login.toLowerCase(),
    viewerCanReact: !issue.locked,
    viewerCanUpdate: true,
    viewerCannotUpdateReasons: [],
    repository,
    milestone: () => {
      const milestone = issue.milestone === null ? undefined : repo.milestones.get(issue.milestone);
      return milestone ? milestoneView(context, repo, milestone) : null;
    },
    labels: (args: LabelArgs) => labelsConnection(context, repo, issue.labels.map((name) => labelFor(repo, name)), args),
    assignees: emptyConnection,
    comments: (args: PageArgs & { orderBy?: OrderBy | null }) =>
      commentsConnection(issue.comments, args, (comment) => issueCommentView(context, repo, issue, comment, self, repository)),
    reactions: (args: PageArgs) => reactionsConnection(context, id, self, issue.reactions, args),
    reactionGroups: () => reactionGroups(context, self, issue.reactions),
    timelineItems: (args: Parameters<typeof timelineItemsConnection>[3]) => timelineItemsConnection(context, repo, issue, args),
    // The field is documented as "open pull requests"; merged ones still show (they are what
    // closed the issue), and only pull requests closed without merging need `includeClosedPrs`.
    closedByPullRequestsReferences: (args: PageArgs & { includeClosedPrs?: boolean | null }) =>
      connectionOf(
        context.index
          .closingPullRequests(repo, issue.number)
          .filter(
            (entry) => canSee(context, entry.repo.repo) && (args.includeClosedPrs || entry.pullRequest.state !== 'CLOSED'),
          ),
        args,
        {
          key: (entry) => [timeKey(entry.pullRequest.createdAt), entry.repo.repo.id, entry.pullRequest.number],
          direction: 'ASC',
        },
        (entry) => pullRequestView(context, entry.repo, entry.pullRequest),
      ),
  };
}

// Discussions ----------------------------------------------------------------------------------

export function categoryView(context: ResolverContext, repo: RepoIndex, category: SimDiscussionCategory): View {
  return {
    __typename: 'DiscussionCategory',
    id: nodeId('DiscussionCategory', repo.repo.id, category.id),
    name: category.name,
    slug: category.slug,
    emoji: category.emoji,
    emojiHTML: `<div>${escapeHtml(category.emoji)}</div>`,
    description: category.description,
    isAnswerable: category.slug === 'q-a',
    repository: () => repositoryView(context, repo),
  };
}

export function discussionView(context: ResolverContext, repo: RepoIndex, discussion: SimDiscussion): View {
  const id = nodeId('Discussion', repo.repo.id, discussion.number);
  const url = webUrls.discussion(repo.fullName, discussion.number);
  const self = (): View => discussionView(context, repo, discussion);
  const category = repo.categoriesBySlug.get(discussion.category);
  return {
    __typename: 'Discussion',
    id,
    databaseId: discussion.id,
    number: discussion.number,
    title: discussion.title,
    body: discussion.body,
    bodyText: discussion.body,
    bodyHTML: bodyHtml(discussion.body),
    url,
    resourcePath: resourcePath(url),
    author: () => actorView(context, discussion.author),
    authorAssociation: discussion.authorAssociation,
    editor: null,
    category: () =>
      categoryView(
        context,
        repo,
        category ?? { id: 0, name: discussion.category, slug: discussion.category, emoji: ':speech_balloon:', description: '' },
      ),
    closed: discussion.closed,
    closedAt: githubTime(discussion.closedAt),
    stateReason: discussion.stateReason,
    locked: discussion.locked,
    activeLockReason: null,
    createdAt: githubTime(discussion.createdAt),
    updatedAt: githubTime(discussion.updatedAt),
    publishedAt: githubTime(discussion.createdAt),
    lastEditedAt: null,
    createdViaEmail: false,
    includesCreatedEdit: false,
    upvoteCount: discussion.upvoteCount,
    viewerHasUpvoted: false,
    viewerCanUpvote: true,
    viewerDidAuthor: discussion.author?.toLowerCase() === context.viewer.login.toLowerCase(),
    answer: null,
    answerChosenAt: null,
    answerChosenBy: null,
    isAnswered: category?.slug === 'q-a' ? false : null,
    repository: () => repositoryView(context, repo),
    labels: (args: LabelArgs) =>
      labelsConnection(context, repo, discussion.labels.map((name) => labelFor(repo, name)), args),
    comments: (args: PageArgs) =>
      commentsConnection(discussion.comments, args, (comment) => discussionCommentView(context, repo, discussion, comment, self)),
    reactions: (args: PageArgs) => reactionsConnection(context, id, self, discussion.reactions, args),
    reactionGroups: () => reactionGroups(context, self, discussion.reactions),
  };
}

interface DiscussionArgs extends PageArgs {
  categoryId?: string | null;
  states?: string[] | null;
  answered?: boolean | null;
  orderBy?: OrderBy | null;
}

function discussionsConnection(context: ResolverContext, repo: RepoIndex, args: DiscussionArgs): View {
  let categorySlug: string | null = null;
  if (args.categoryId) {
    const decoded = decodeNodeId(args.categoryId);
    const category =
      decoded?.kind === 'DiscussionCategory' && decoded.parts[0] === String(repo.repo.id)
        ? repo.categoriesById.get(Number(decoded.parts[1]))
        : undefined;
    // An id from elsewhere matches nothing rather than everything.
    categorySlug = category?.slug ?? '\u0000';
  }
  const matching = repo.repo.discussions.filter(
    (discussion) =>
      (categorySlug === null || discussion.category === categorySlug) &&
      (!args.states?.length || args.states.includes(discussion.closed ? 'CLOSED' : 'OPEN')) &&
      // Nothing in the world is ever marked as answered.
      args.answered !== true,
  );
  const byCreation = args.orderBy?.field === 'CREATED_AT';
  return connectionOf(
    matching,
    args,
    {
      key: (discussion) => [timeKey(byCreation ? discussion.createdAt : discussion.updatedAt), discussion.number],
      direction: directionOf(args.orderBy, 'DESC'),
    },
    (discussion) => discussionView(context, repo, discussion),
  );
}

// Releases -------------------------------------------------------------------------------------

/** The release GitHub badges "Latest": newest by creation, neither draft nor pre-release. */
export function latestRelease(releases: readonly SimRelease[]): SimRelease | undefined {
  let latest: SimRelease | undefined;
  for (const release of releases) {
    if (release.isDraft || release.isPrerelease) continue;
    if (!latest || timeKey(release.createdAt) > timeKey(latest.createdAt)) latest = release;
  }
  return latest;
}

export function releaseView(context: ResolverContext, repo: RepoIndex, release: SimRelease): View {
  const id = nodeId('Release', repo.repo.id, release.id);
  const url = webUrls.release(repo.fullName, release.tagName);
  const self = (): View => releaseView(context, repo, release);
  return {
    __typename: 'Release',
    id,
    databaseId: release.id,
    tagName: release.tagName,
    name: release.name,
    description: release.body,
    descriptionHTML: bodyHtml(release.body),
    url,
    resourcePath: resourcePath(url),
    isDraft: release.isDraft,
    isPrerelease: release.isPrerelease,
    isLatest: () => latestRelease(repo.repo.releases) === release,
    createdAt: githubTime(release.createdAt),
    updatedAt: githubTime(release.publishedAt ?? release.createdAt),
    publishedAt: githubTime(release.publishedAt),
    // `Release.author` is typed `User` on GitHub.
    author: () => actorView(context, release.author, 'User'),
    tagCommit: () => commitView(repo, release.tagCommit, release.name ?? release.tagName),
    tag: () => ({ __typename: 'Ref', id: nodeId('Commit', repo.repo.id, `refs/tags/${release.tagName}`), name: release.tagName, prefix: 'refs/tags/' }),
    repository: () => repositoryView(context, repo),
    releaseAssets: emptyConnection,
    reactions: (args: PageArgs) => reactionsConnection(context, id, self, [], args),
    reactionGroups: () => reactionGroups(context, self, []),
    viewerCanReact: true,
  };
}

function visibleReleases(context: ResolverContext, repo: RepoIndex): SimRelease[] {
  // Drafts are visible to collaborators only; every valid token counts as one here.
  return context.authenticated ? repo.repo.releases : repo.repo.releases.filter((release) => !release.isDraft);
}

// Repositories ---------------------------------------------------------------------------------

export function repositoryView(context: ResolverContext, repo: RepoIndex): View {
  const { repo: repository, fullName } = repo;
  const url = webUrls.repository(fullName);
  return {
    __typename: 'Repository',
    id: nodeId('Repository', repository.id),
    databaseId: repository.id,
    name: repository.name,
    nameWithOwner: fullName,
    owner: () => ownerView(context, repository.owner),
    url,
    resourcePath: resourcePath(url),
    description: repository.description,
    isPrivate: repository.isPrivate,
    visibility: repository.isPrivate ? 'PRIVATE' : 'PUBLIC',
    isArchived: false,
    isDisabled: false,
    isFork: false,
    isTemplate: false,
    isLocked: false,
    hasIssuesEnabled: true,
    hasDiscussionsEnabled: repository.discussionCategories.length > 0,
    viewerPermission: context.authenticated ? 'WRITE' : 'READ',
    defaultBranchRef: {
      __typename: 'Ref',
      id: nodeId('Commit', repository.id, `refs/heads/${repository.defaultBranch}`),
      name: repository.defaultBranch,
      prefix: 'refs/heads/',
    },
    labels: (args: LabelArgs) => labelsConnection(context, repo, repository.labels, args),
    label: (args: { name: string }) => {
      const label = repo.labels.get(args.name.toLowerCase());
      return label ? labelView(context, repo, label) : null;
    },
    milestones: (args: MilestoneArgs) => milestonesConnection(context, repo, args),
    milestone: (args: { number: number }) => {
      const milestone = repo.milestones.get(args.number);
      return milestone ? milestoneView(context, repo, milestone) : null;
    },
    releases: (args: PageArgs & { orderBy?: OrderBy | null }) => {
      const byName = args.orderBy?.field === 'NAME';
      return connectionOf(
        visibleReleases(context, repo),
        args,
        {
          key: (release): SortValue[] =>
            byName ? [(release.name ?? release.tagName).toLowerCase(), release.id] : [timeKey(release.createdAt), release.id],
          direction: directionOf(args.orderBy, 'ASC'),
        },
        (release) => releaseView(context, repo, release),
      );
    },
    release: (args: { tagName: string }) => {
      const release = repo.releasesByTag.get(args.tagName);
      return release && visibleReleases(context, repo).includes(release) ? releaseView(context, repo, release) : null;
    },
    latestRelease: () => {
      const release = latestRelease(repository.releases);
      return release ? releaseView(context, repo, release) : null;
    },
    discussionCategories: (args: PageArgs) =>
      connectionOf(
        repository.discussionCategories,
        args,
        { key: (category) => [category.id], direction: 'ASC' },
        (category) => categoryView(context, repo, category),
      ),
    discussionCategory: (args: { slug: string }) => {
      const category = repo.categoriesBySlug.get(args.slug);
      return category ? categoryView(context, repo, category) : null;
    },
    discussions: (args: DiscussionArgs) => discussionsConnection(context, repo, args),
    discussion: (args: { number: number }) => {
      const discussion = repo.discussions.get(args.number);
      if (!discussion) throw notFound(`Could not resolve to a Discussion with the number of ${String(args.number)}.`);
      return discussionView(context, repo, discussion);
    },
    issues: (args: IssueArgs) => issuesConnection(context, repo, [...repo.issues.values()], args),
    issue: (args: { number: number }) => {
      const issue = repo.issues.get(args.number);
      if (!issue) throw notFound(`Could not resolve to an Issue with the number of ${String(args.number)}.`);
      return issueView(context, repo, issue);
    },
    pullRequests: (args: PageArgs & { states?: string[] | null; orderBy?: OrderBy | null }) =>
      connectionOf(
        repository.pullRequests.filter((pr) => !args.states?.length || args.states.includes(pr.state)),
        args,
        {
          key: (pr) => [timeKey(args.orderBy?.field === 'UPDATED_AT' ? (pr.mergedAt ?? pr.createdAt) : pr.createdAt), pr.number],
          direction: directionOf(args.orderBy, 'ASC'),
        },
        (pr) => pullRequestView(context, repo, pr),
      ),
    pullRequest: (args: { number: number }) => {
      const pullRequest = repo.pullRequests.get(args.number);
      if (!pullRequest) throw notFound(`Could not resolve to a PullRequest with the number of ${String(args.number)}.`);
      return pullRequestView(context, repo, pullRequest);
    },
    issueOrPullRequest: (args: { number: number }) => {
      const issue = repo.issues.get(args.number);
      if (issue) return issueView(context, repo, issue);
      const pullRequest = repo.pullRequests.get(args.number);
      if (pullRequest) return pullRequestView(context, repo, pullRequest);
      throw notFound(`Could not resolve to an issue or pull request with the number of ${String(args.number)}.`);
    },
  };
}
