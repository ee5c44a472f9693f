/**
 * The REST endpoints the sync uses, answered from the world. Anything else is GitHub's 404.
 * Each handler returns the response body; the server adds ETags, rate-limit headers and the log.
 */
import { z } from 'zod';
import { formatGithubTime, githubTime, timeValue } from './github-time.ts';
import { webUrls } from './github-urls.ts';
import { notFoundResponse, restError, type SimResponse } from './http-response.ts';
import { nodeId } from './node-ids.ts';
import { resetEpochSeconds, usedOf, type RateLimitBucket, type RateLimits } from './rate-limits.ts';
import {
  issueCommentJson,
  issueJson,
  pullRequestAsIssueJson,
  releaseJson,
  repositoryJson,
  userJson,
  type RestRenderContext,
} from './rest-json.ts';
import { paginate } from './rest-pagination.ts';
import type { SimActor, SimComment, SimIssue, SimPullRequest, SimRelease } from './store-types.ts';
import type { RepoIndex, WorldIndex } from './world-index.ts';

export interface RestRequest {
  method: string;
  /** Absolute address on the simulator, query string included. */
  url: URL;
  body: string;
  index: WorldIndex;
  authenticated: boolean;
  viewer: SimActor;
  apiUrl: string;
  now: Date;
  rateLimits: RateLimits;
}

type Handler = (request: RestRequest, params: string[]) => SimResponse;

const DOCS = {
  listIssues: 'https://docs.github.com/rest/issues/issues#list-repository-issues',
  getIssue: 'https://docs.github.com/rest/issues/issues#get-an-issue',
  createComment: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  listComments: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
  locking: 'https://docs.github.com/articles/locking-conversations/',
};

function ok(body: unknown, link: string | null = null): SimResponse {
  return { status: 200, body, ...(link ? { headers: { link } } : {}) };
}

function renderContext(request: RestRequest): RestRenderContext {
  return { index: request.index, apiUrl: request.apiUrl };
}

/** The repository, unless it does not exist or is private and the caller has no valid token. */
function findRepo(request: RestRequest, owner: string, name: string): RepoIndex | undefined {
  const repo = request.index.repoByName(owner, name);
  return repo && (request.authenticated || !repo.repo.isPrivate) ? repo : undefined;
}

function validationFailed(resource: string, field: string, code: string, documentationUrl: string): SimResponse {
  return {
    status: 422,
    body: { message: 'Validation Failed', errors: [{ resource, field, code }], documentation_url: documentationUrl, status: '422' },
  };
}

// GET /rate_limit ------------------------------------------------------------------------------

function bucketJson(bucket: RateLimitBucket): Record<string, number> {
  return {
    limit: bucket.limit,
    used: usedOf(bucket),
    remaining: Math.max(0, bucket.remaining),
    reset: resetEpochSeconds(bucket),
  };
}

const rateLimit: Handler = (request) => {
  const core = bucketJson(request.rateLimits.core);
  const staticBucket = (limit: number): Record<string, number> => ({
    limit,
    used: 0,
    remaining: limit,
    reset: Math.floor(request.now.getTime() / 1000) + 60,
  });
  return ok({
    resources: {
      core,
      graphql: bucketJson(request.rateLimits.graphql),
      search: staticBucket(30),
      integration_manifest: staticBucket(5000),
      code_search: staticBucket(10),
    },
    rate: core,
  });
};

// GET /repos/{owner}/{repo} --------------------------------------------------------------------

const getRepository: Handler = (request, [owner = '', name = '']) => {
  const repo = findRepo(request, owner, name);
  return repo ? ok(repositoryJson(renderContext(request), repo)) : notFoundResponse();
};

// GET /repos/{owner}/{repo}/issues -------------------------------------------------------------

const listIssuesQuery = z.object({
  state: z.enum(['open', 'closed', 'all']).default('open'),
  sort: z.enum(['created', 'updated', 'comments']).default('created'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  since: z.iso.datetime({ offset: true }).optional(),
  labels: z.string().optional(),
  milestone: z.string().optional(),
  creator: z.string().optional(),
  assignee: z.string().optional(),
  mentioned: z.string().optional(),
});

type ListedItem = { kind: 'issue'; issue: SimIssue } | { kind: 'pullRequest'; pullRequest: SimPullRequest };

function listedFields(item: ListedItem): {
  number: number;
  state: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  comments: number;
  labels: string[];
  milestone: number | null;
  author: string | null;
  body: string;
} {
  if (item.kind === 'issue') {
    const { issue } = item;
    return {
      number: issue.number,
      state: issue.state === 'OPEN' ? 'open' : 'closed',
      createdAt: issue.createdAt,
      updatedAt: issue.updatedAt,
      comments: issue.comments.length,
      labels: issue.labels,
      milestone: issue.milestone,
      author: issue.author,
      body: issue.body,
    };
  }
  const { pullRequest } = item;
  return {
    number: pullRequest.number,
    state: pullRequest.state === 'OPEN' ? 'open' : 'closed',
    createdAt: pullRequest.createdAt,
    updatedAt: pullRequest.mergedAt ?? pullRequest.createdAt,
    comments: 0,
    labels: [],
    milestone: null,
    author: pullRequest.author,
    body: '',
  };
}

const listIssues: Handler = (request, [owner = '', name = '']) => {
  const repo = findRepo(request, owner, name);
  if (!repo) return notFoundResponse();
  const parsed = listIssuesQuery.safeParse(Object.fromEntries(request.url.searchParams));
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'query');
    return validationFailed('Issue', field, 'invalid', DOCS.listIssues);
  }
  const query = parsed.data;
  // REST `labels` wants every label listed (GraphQL's `labels` filter wants any of them).
  const wantedLabels = (query.labels ?? '')
    .split(',')
    .map((label) => label.trim().toLowerCase())
    .filter((label) => label !== '');
  const since = query.since === undefined ? null : timeValue(query.since);
  const items: ListedItem[] = [
    ...repo.repo.issues.map((issue): ListedItem => ({ kind: 'issue', issue })),
    ...repo.repo.pullRequests.map((pullRequest): ListedItem => ({ kind: 'pullRequest', pullRequest })),
  ];
  const matching = items
    .map((item) => ({ item, fields: listedFields(item) }))
    .filter(({ fields }) => {
      if (query.state !== 'all' && fields.state !== query.state) return false;
      if (since !== null && timeValue(fields.updatedAt) < since) return false;
      if (wantedLabels.length > 0) {
        const carried = new Set(fields.labels.map((label) => label.toLowerCase()));
        if (!wantedLabels.every((label) => carried.has(label))) return false;
      }
      if (query.milestone !== undefined) {
        if (query.milestone === 'none' ? fields.milestone !== null : query.milestone === '*' ? fields.milestone === null : String(fields.milestone) !== query.milestone) {
          return false;
        }
      }
      if (query.creator !== undefined && fields.author?.toLowerCase() !== query.creator.toLowerCase()) return false;
      // Nobody is ever assigned in the world: only "no assignee" matches.
      if (query.assignee !== undefined && query.assignee !== 'none') return false;
      if (query.mentioned !== undefined && !fields.body.includes(`@${query.mentioned}`)) return false;
      return true;
    });
  const sortValue = (fields: ReturnType<typeof listedFields>): number =>
    query.sort === 'comments' ? fields.comments : timeValue(query.sort === 'updated' ? fields.updatedAt : fields.createdAt);
  const sign = query.direction === 'asc' ? 1 : -1;
  const sorted = matching
    .map((entry) => ({ ...entry, sortValue: sortValue(entry.fields) }))
    .sort((a, b) => sign * (a.sortValue - b.sortValue || a.fields.number - b.fields.number));
  const page = paginate(sorted, request.url);
  const context = renderContext(request);
  return ok(
    page.items.map(({ item }) =>
      item.kind === 'issue' ? issueJson(context, repo, item.issue) : pullRequestAsIssueJson(context, repo, item.pullRequest),
    ),
    page.link,
  );
};

// GET /repos/{owner}/{repo}/issues/{number} ----------------------------------------------------

const getIssue: Handler = (request, [owner = '', name = '', number = '']) => {
  const repo = findRepo(request, owner, name);
  if (!repo) return notFoundResponse();
  const context = renderContext(request);
  const issue = repo.issues.get(Number(number));
  if (issue) {
    const lastClose = issue.events.filter((event) => event.kind === 'closed').at(-1);
    return ok({
      ...issueJson(context, repo, issue),
      closed_by: issue.state === 'CLOSED' && lastClose ? userJson(context, lastClose.actor) : null,
    });
  }
  const pullRequest = repo.pullRequests.get(Number(number));
  if (pullRequest) return ok(pullRequestAsIssueJson(context, repo, pullRequest));
  // GitHub answers 410 for a deleted issue, and 301 to the new address for a transferred one.
  if (repo.repo.issues.some((candidate) => candidate.number === Number(number) && candidate.deletedAfterListing === true)) {
    return restError(410, 'This issue was deleted', DOCS.getIssue);
  }
  const moved = request.index.transferredIssue(repo.repo.id, Number(number));
  if (moved && (request.authenticated || !moved.repo.repo.isPrivate)) {
    const location = `${request.apiUrl}/repos/${moved.repo.fullName}/issues/${String(moved.issue.number)}`;
    return { status: 301, headers: { location }, body: { message: 'Moved Permanently', url: location, documentation_url: DOCS.getIssue } };
  }
  return notFoundResponse();
};

// /repos/{owner}/{repo}/issues/{number}/comments -----------------------------------------------

const listComments: Handler = (request, [owner = '', name = '', number = '']) => {
  const repo = findRepo(request, owner, name);
  if (!repo) return notFoundResponse(DOCS.listComments);
  const issue = repo.issues.get(Number(number));
  // Pull requests are issues to this endpoint, but the world keeps no comments on them.
  if (!issue && !repo.pullRequests.has(Number(number))) return notFoundResponse(DOCS.listComments);
  const sinceParam = request.url.searchParams.get('since');
  const since = sinceParam === null ? null : timeValue(sinceParam);
  const comments = (issue?.comments ?? [])
    .filter((comment) => since === null || timeValue(comment.updatedAt) >= since)
    .sort((a, b) => timeValue(a.createdAt) - timeValue(b.createdAt) || a.id - b.id);
  const page = paginate(comments, request.url);
  const context = renderContext(request);
  return ok(
    page.items.map((comment) => issueCommentJson(context, repo, Number(number), comment)),
    page.link,
  );
};

const newCommentBody = z.object({ body: z.string() });

function nextCommentId(index: WorldIndex): number {
  let highest = 0;
  for (const repo of index.world.repositories) {
    for (const item of [...repo.issues, ...repo.discussions]) {
      for (const comment of item.comments) highest = Math.max(highest, comment.id);
    }
  }
  return highest + 1;
}

const createComment: Handler = (request, [owner = '', name = '', number = '']) => {
  if (!request.authenticated) return restError(401, 'Requires authentication', DOCS.createComment);
  const repo = findRepo(request, owner, name);
  const issue = repo?.issues.get(Number(number));
  if (!repo || !issue) return notFoundResponse(DOCS.createComment);
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return restError(400, 'Problems parsing JSON', DOCS.createComment);
  }
  const parsed = newCommentBody.safeParse(json);
  if (!parsed.success) {
    return restError(422, 'Invalid request.\n\n"body" wasn\'t supplied.', DOCS.createComment);
  }
  if (parsed.data.body.trim() === '') return validationFailed('IssueComment', 'body', 'missing_field', DOCS.createComment);
  if (issue.locked) return restError(403, 'Unable to create comment because issue is locked.', DOCS.locking);

  // The comment's author must be an account of the world, like every other login in it.
  if (!request.index.user(request.viewer.login)) request.index.addUser(request.viewer);
  const now = formatGithubTime(request.now);
  const comment: SimComment = {
    id: nextCommentId(request.index),
    author: request.viewer.login,
    authorAssociation: 'NONE',
    body: parsed.data.body,
    createdAt: now,
    updatedAt: now,
    isMinimized: false,
    minimizedReason: null,
    reactions: [],
  };
  issue.comments.push(comment);
  issue.updatedAt = now;
  const json201 = issueCommentJson(renderContext(request), repo, issue.number, comment);
  return { status: 201, headers: { location: String(json201['url']) }, body: json201 };
};

// Releases -------------------------------------------------------------------------------------

/** Drafts are for collaborators; every valid token counts as one. */
function visibleReleases(request: RestRequest, repo: RepoIndex): SimRelease[] {
  return request.authenticated ? repo.repo.releases : repo.repo.releases.filter((release) => !release.isDraft);
}

const listReleases: Handler = (request, [owner = '', name = '']) => {
  const repo = findRepo(request, owner, name);
  if (!repo) return notFoundResponse();
  const releases = [...visibleReleases(request, repo)].sort(
    (a, b) => timeValue(b.createdAt) - timeValue(a.createdAt) || b.id - a.id,
  );
  const page = paginate(releases, request.url);
  const context = renderContext(request);
  return ok(
    page.items.map((release) => releaseJson(context, repo, release)),
    page.link,
  );
};

/** GitHub's "latest": newest by creation among releases that are neither drafts nor pre-releases. */
const latestRelease: Handler = (request, [owner = '', name = '']) => {
  const repo = findRepo(request, owner, name);
  if (!repo) return notFoundResponse();
  const latest = repo.repo.releases
    .filter((release) => !release.isDraft && !release.isPrerelease)
    .sort((a, b) => timeValue(b.createdAt) - timeValue(a.createdAt) || b.id - a.id)[0];
  return latest ? ok(releaseJson(renderContext(request), repo, latest)) : notFoundResponse();
};

const releaseByTag: Handler = (request, [owner = '', name = '', tag = '']) => {
  const repo = findRepo(request, owner, name);
  const release = repo?.releasesByTag.get(tag);
  // A draft has no tag yet on GitHub, so it cannot be found by one.
  return repo && release && !release.isDraft ? ok(releaseJson(renderContext(request), repo, release)) : notFoundResponse();
};

const releaseById: Handler = (request, [owner = '', name = '', id = '']) => {
  const repo = findRepo(request, owner, name);
  const release = repo?.releasesById.get(Number(id));
  return repo && release && visibleReleases(request, repo).includes(release)
    ? ok(releaseJson(renderContext(request), repo, release))
    : notFoundResponse();
};

// GET /repos/{owner}/{repo}/compare/{base}...{head} --------------------------------------------

interface ResolvedCommitRef {
  sha: string;
  /** Commits merged after this moment are not part of the ref. */
  time: number;
}

function mergedPullRequests(repo: RepoIndex): SimPullRequest[] {
  return repo.repo.pullRequests.filter((pr) => pr.state === 'MERGED' && pr.mergedAt !== null && pr.mergeCommit !== null);
}

function resolveCommitRef(request: RestRequest, repo: RepoIndex, ref: string): ResolvedCommitRef | null {
  const release = repo.releasesByTag.get(ref) ?? repo.repo.releases.find((candidate) => isSameSha(candidate.tagCommit, ref));
  if (release) return { sha: release.tagCommit, time: timeValue(release.publishedAt ?? release.createdAt) };
  const pullRequest = mergedPullRequests(repo).find((candidate) => isSameSha(candidate.mergeCommit ?? '', ref));
  if (pullRequest?.mergeCommit) return { sha: pullRequest.mergeCommit, time: timeValue(pullRequest.mergedAt) };
  if (ref === repo.repo.defaultBranch || ref === 'HEAD') {
    const newest = mergedPullRequests(repo).sort((a, b) => timeValue(b.mergedAt) - timeValue(a.mergedAt))[0];
    return { sha: newest?.mergeCommit ?? '0'.repeat(40), time: request.now.getTime() };
  }
  return null;
}

function isSameSha(full: string, ref: string): boolean {
  return ref.length >= 7 && /^[0-9a-f]+$/i.test(ref) && full.toLowerCase().startsWith(ref.toLowerCase());
}

const MAX_COMPARE_COMMITS = 250;

const compare: Handler = (request, [owner = '', name = '', basehead = '']) => {
  const repo = findRepo(request, owner, name);
  const separator = basehead.indexOf('...');
  if (!repo || separator <= 0) return notFoundResponse();
  const base = resolveCommitRef(request, repo, basehead.slice(0, separator));
  const head = resolveCommitRef(request, repo, basehead.slice(separator + 3));
  if (!base || !head) return notFoundResponse();
  const between = (from: number, to: number): SimPullRequest[] =>
    mergedPullRequests(repo)
      .filter((pr) => timeValue(pr.mergedAt) > from && timeValue(pr.mergedAt) <= to)
      .sort((a, b) => timeValue(a.mergedAt) - timeValue(b.mergedAt) || a.number - b.number);
  const ahead = between(base.time, head.time);
  const behind = between(head.time, base.time);
  const context = renderContext(request);
  const commitJson = (sha: string, message: string, author: string | null, date: string | null): Record<string, unknown> => ({
    sha,
    node_id: nodeId('Commit', repo.repo.id, sha),
    commit: {
      author: { name: author ?? 'ghost', email: `${author ?? 'ghost'}@users.noreply.github.com`, date: githubTime(date) },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: githubTime(date) },
      message,
      url: `${request.apiUrl}/repos/${repo.fullName}/git/commits/${sha}`,
      comment_count: 0,
    },
    url: `${request.apiUrl}/repos/${repo.fullName}/commits/${sha}`,
    html_url: webUrls.commit(repo.fullName, sha),
    author: author === null ? null : userJson(context, author),
    committer: null,
    parents: [],
  });
  const htmlUrl = `${webUrls.repository(repo.fullName)}/compare/${basehead}`;
  return ok({
    url: `${request.apiUrl}/repos/${repo.fullName}/compare/${basehead}`,
    html_url: htmlUrl,
    permalink_url: htmlUrl,
    diff_url: `${htmlUrl}.diff`,
    patch_url: `${htmlUrl}.patch`,
    base_commit: commitJson(base.sha, '', null, null),
    merge_base_commit: commitJson(base.sha, '', null, null),
    status: ahead.length > 0 ? (behind.length > 0 ? 'diverged' : 'ahead') : behind.length > 0 ? 'behind' : 'identical',
    ahead_by: ahead.length,
    behind_by: behind.length,
    total_commits: ahead.length,
    // Like GitHub, at most 250 commits come back; `total_commits` still counts them all.
    commits: ahead
      .slice(0, MAX_COMPARE_COMMITS)
      .map((pr) => commitJson(pr.mergeCommit ?? '', `${pr.title} (#${String(pr.number)})`, pr.author, pr.mergedAt)),
    files: [],
  });
};

// Routing --------------------------------------------------------------------------------------

const REPO = '/repos/([^/]+)/([^/]+)';

const ROUTES: { method: string; pattern: RegExp; handler: Handler }[] = [
  { method: 'GET', pattern: /^\/rate_limit$/, handler: rateLimit },
  { method: 'GET', pattern: new RegExp(`^${REPO}$`), handler: getRepository },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues$`), handler: listIssues },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/(\\d+)$`), handler: getIssue },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`), handler: listComments },
  { method: 'POST', pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`), handler: createComment },
  { method: 'GET', pattern: new RegExp(`^${REPO}/releases$`), handler: listReleases },
  { method: 'GET', pattern: new RegExp(`^${REPO}/releases/latest$`), handler: latestRelease },
  { method: 'GET', pattern: new RegExp(`^${REPO}/releases/tags/(.+)$`), handler: releaseByTag },
  { method: 'GET', pattern: new RegExp(`^${REPO}/releases/(\\d+)$`), handler: releaseById },
  { method: 'GET', pattern: new RegExp(`^${REPO}/compare/(.+)$`), handler: compare },
];

/** `GET /rate_limit` is free, as on GitHub; every other REST request costs one. */
export function isFreeRestPath(pathname: string): boolean {
  return pathname === '/rate_limit';
}

export function answerRest(request: RestRequest): SimResponse {
  const pathname = request.url.pathname.replace(/\/+$/, '') || '/';
  for (const route of ROUTES) {
    if (route.method !== request.method) continue;
    const match = pathname.match(route.pattern);
    if (!match) continue;
    let params: string[];
    try {
      params = match.slice(1).map((part) => decodeURIComponent(part));
    } catch {
      return notFoundResponse();
    }
    return route.handler(request, params);
  }
  return notFoundResponse();
}
