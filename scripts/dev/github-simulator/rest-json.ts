/**
 * REST representations (snake_case, GitHub's field names and value spellings). API addresses point
 * back at the simulator so a client that follows them stays on it; web addresses are github.com's.
 */
import { createHash } from 'node:crypto';
import { githubTime } from './github-time.ts';
import { webUrls } from './github-urls.ts';
import { nodeId } from './node-ids.ts';
import type {
  ReactionContent,
  SimActor,
  SimComment,
  SimIssue,
  SimLabel,
  SimMilestone,
  SimPullRequest,
  SimReaction,
  SimRelease,
} from './store-types.ts';
import type { RepoIndex, WorldIndex } from './world-index.ts';

export interface RestRenderContext {
  index: WorldIndex;
  /** The simulator's base address, e.g. `http://127.0.0.1:4010`. */
  apiUrl: string;
}

/** What GitHub shows in place of a deleted account. */
export const GHOST = {
  login: 'ghost',
  id: 10137,
  node_id: 'MDQ6VXNlcjEwMTM3',
  avatar_url: 'https://avatars.githubusercontent.com/u/10137?v=4',
  html_url: 'https://github.com/ghost',
  type: 'User',
} as const;

export function actorJson(context: RestRenderContext, actor: SimActor): Record<string, unknown> {
  return {
    login: actor.login,
    id: actor.id,
    node_id: nodeId(actor.type, actor.id),
    avatar_url: webUrls.avatar(actor.id),
    gravatar_id: '',
    url: `${context.apiUrl}/users/${encodeURIComponent(actor.login)}`,
    html_url: webUrls.actor(actor),
    type: actor.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The account behind `login`; GitHub's `ghost` user when it was deleted. */
export function userJson(context: RestRenderContext, login: string | null): Record<string, unknown> {
  const actor = login === null ? undefined : context.index.user(login);
  if (!actor) {
    return { ...GHOST, gravatar_id: '', url: `${context.apiUrl}/users/ghost`, user_view_type: 'public', site_admin: false };
  }
  return actorJson(context, actor);
}

/** Labels have no database id in the world; this one is stable and unique enough. */
export function labelDatabaseId(repoId: number, name: string): number {
  return createHash('sha1').update(`${String(repoId)}:${name}`).digest().readUInt32BE(0);
}

export function labelJson(context: RestRenderContext, repo: RepoIndex, label: SimLabel): Record<string, unknown> {
  return {
    id: labelDatabaseId(repo.repo.id, label.name),
    node_id: nodeId('Label', repo.repo.id, label.name),
    url: `${context.apiUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

export function milestoneJson(context: RestRenderContext, repo: RepoIndex, milestone: SimMilestone): Record<string, unknown> {
  const url = `${context.apiUrl}/repos/${repo.fullName}/milestones/${String(milestone.number)}`;
  const counts = context.index.milestoneIssueCounts(repo, milestone.number);
  return {
    url,
    html_url: webUrls.milestone(repo.fullName, milestone.number),
    labels_url: `${url}/labels`,
    id: milestone.id,
    node_id: nodeId('Milestone', repo.repo.id, milestone.number),
    number: milestone.number,
    title: milestone.title,
    description: milestone.description,
    creator: null,
    open_issues: counts.open,
    closed_issues: counts.closed,
    state: milestone.state === 'OPEN' ? 'open' : 'closed',
    created_at: githubTime(milestone.createdAt),
    updated_at: githubTime(milestone.updatedAt),
    due_on: githubTime(milestone.dueOn),
    closed_at: githubTime(milestone.closedAt),
  };
}

const REST_REACTION_KEYS: Record<ReactionContent, string> = {
  THUMBS_UP: '+1',
  THUMBS_DOWN: '-1',
  LAUGH: 'laugh',
  HOORAY: 'hooray',
  CONFUSED: 'confused',
  HEART: 'heart',
  ROCKET: 'rocket',
  EYES: 'eyes',
};

export function reactionsJson(url: string, reactions: readonly SimReaction[]): Record<string, unknown> {
  const counts: Record<string, number> = {};
  for (const key of Object.values(REST_REACTION_KEYS)) counts[key] = 0;
  for (const reaction of reactions) {
    const key = REST_REACTION_KEYS[reaction.content];
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return { url: `${url}/reactions`, total_count: reactions.length, ...counts };
}

function issueUrls(context: RestRenderContext, repo: RepoIndex, number: number): Record<string, string> {
  const repositoryUrl = `${context.apiUrl}/repos/${repo.fullName}`;
  const url = `${repositoryUrl}/issues/${String(number)}`;
  return {
    url,
    repository_url: repositoryUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
  };
}

export function issueJson(context: RestRenderContext, repo: RepoIndex, issue: SimIssue): Record<string, unknown> {
  const urls = issueUrls(context, repo, issue.number);
  const milestone = issue.milestone === null ? undefined : repo.milestones.get(issue.milestone);
  return {
    ...urls,
    html_url: webUrls.issue(repo.fullName, issue.number),
    id: issue.id,
    node_id: context.index.issueNodeId(repo, issue),
    number: issue.number,
    title: issue.title,
    user: userJson(context, issue.author),
    labels: issue.labels.map((name) =>
      labelJson(context, repo, repo.labels.get(name.toLowerCase()) ?? { name, color: 'ededed', description: null }),
    ),
    state: issue.state === 'OPEN' ? 'open' : 'closed',
    locked: issue.locked,
    assignee: null,
    assignees: [],
    milestone: milestone ? milestoneJson(context, repo, milestone) : null,
    comments: issue.comments.length,
    created_at: githubTime(issue.createdAt),
    updated_at: githubTime(issue.updatedAt),
    closed_at: githubTime(issue.closedAt),
    author_association: issue.authorAssociation,
    type: null,
    active_lock_reason: null,
    // GitHub sends `null`, not an empty string, for an issue without a description.
    body: issue.body === '' ? null : issue.body,
    reactions: reactionsJson(urls['url'] ?? '', issue.reactions),
    timeline_url: `${urls['url'] ?? ''}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason === null ? null : issue.stateReason.toLowerCase(),
  };
}

/** `GET /repos/{owner}/{repo}/issues` lists pull requests too, marked by a `pull_request` key. */
export function pullRequestAsIssueJson(context: RestRenderContext, repo: RepoIndex, pullRequest: SimPullRequest): Record<string, unknown> {
  const urls = issueUrls(context, repo, pullRequest.number);
  const htmlUrl = webUrls.pullRequest(repo.fullName, pullRequest.number);
  return {
    ...urls,
    html_url: htmlUrl,
    id: pullRequest.id,
    node_id: nodeId('PullRequest', repo.repo.id, pullRequest.number),
    number: pullRequest.number,
    title: pullRequest.title,
    user: userJson(context, pullRequest.author),
    labels: [],
    state: pullRequest.state === 'OPEN' ? 'open' : 'closed',
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: 0,
    created_at: githubTime(pullRequest.createdAt),
    updated_at: githubTime(pullRequest.mergedAt ?? pullRequest.createdAt),
    closed_at: githubTime(pullRequest.mergedAt),
    author_association: 'NONE',
    type: null,
    active_lock_reason: null,
    draft: false,
    pull_request: {
      url: `${context.apiUrl}/repos/${repo.fullName}/pulls/${String(pullRequest.number)}`,
      html_url: htmlUrl,
      diff_url: `${htmlUrl}.diff`,
      patch_url: `${htmlUrl}.patch`,
      merged_at: githubTime(pullRequest.mergedAt),
    },
    body: null,
    reactions: reactionsJson(urls['url'] ?? '', []),
    timeline_url: `${urls['url'] ?? ''}/timeline`,
    performed_via_github_app: null,
    state_reason: null,
  };
}

export function issueCommentJson(
  context: RestRenderContext,
  repo: RepoIndex,
  issueNumber: number,
  comment: SimComment,
): Record<string, unknown> {
  const url = `${context.apiUrl}/repos/${repo.fullName}/issues/comments/${String(comment.id)}`;
  return {
    url,
    html_url: webUrls.issueComment(repo.fullName, issueNumber, comment.id),
    issue_url: `${context.apiUrl}/repos/${repo.fullName}/issues/${String(issueNumber)}`,
    id: comment.id,
    node_id: nodeId('IssueComment', repo.repo.id, issueNumber, comment.id),
    user: userJson(context, comment.author),
    created_at: githubTime(comment.createdAt),
    updated_at: githubTime(comment.updatedAt),
    author_association: comment.authorAssociation,
    body: comment.body,
    reactions: reactionsJson(url, comment.reactions),
    performed_via_github_app: null,
  };
}

export function releaseJson(context: RestRenderContext, repo: RepoIndex, release: SimRelease): Record<string, unknown> {
  const url = `${context.apiUrl}/repos/${repo.fullName}/releases/${String(release.id)}`;
  const tag = encodeURIComponent(release.tagName);
  return {
    url,
    assets_url: `${url}/assets`,
    upload_url: `https://uploads.github.com/repos/${repo.fullName}/releases/${String(release.id)}/assets{?name,label}`,
    html_url: webUrls.release(repo.fullName, release.tagName),
    id: release.id,
    author: userJson(context, release.author),
    node_id: nodeId('Release', repo.repo.id, release.id),
    tag_name: release.tagName,
    target_commitish: repo.repo.defaultBranch,
    name: release.name,
    draft: release.isDraft,
    prerelease: release.isPrerelease,
    created_at: githubTime(release.createdAt),
    published_at: githubTime(release.publishedAt),
    assets: [],
    tarball_url: `${context.apiUrl}/repos/${repo.fullName}/tarball/${tag}`,
    zipball_url: `${context.apiUrl}/repos/${repo.fullName}/zipball/${tag}`,
    body: release.body,
  };
}

export function repositoryJson(context: RestRenderContext, repo: RepoIndex): Record<string, unknown> {
  const { repo: repository, fullName } = repo;
  const owner = context.index.user(repository.owner) ?? { login: repository.owner, type: 'Organization' as const, id: 0 };
  const openIssues =
    repository.issues.filter((issue) => issue.state === 'OPEN').length +
    repository.pullRequests.filter((pr) => pr.state === 'OPEN').length;
  return {
    id: repository.id,
    node_id: nodeId('Repository', repository.id),
    name: repository.name,
    full_name: fullName,
    private: repository.isPrivate,
    owner: actorJson(context, owner),
    html_url: webUrls.repository(fullName),
    description: repository.description,
    fork: false,
    url: `${context.apiUrl}/repos/${fullName}`,
    default_branch: repository.defaultBranch,
    visibility: repository.isPrivate ? 'private' : 'public',
    has_issues: true,
    has_discussions: repository.discussionCategories.length > 0,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    open_issues: openIssues,
  };
}
