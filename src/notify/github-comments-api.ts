/**
 * The notifier's side of GitHub: find its earlier "shipped" comment on an item, and comment.
 * Issues are commented through REST, Discussions through the `addDiscussionComment` mutation
 * (REST has no Discussion endpoints); both are listed through GraphQL, which tells whether a
 * comment is ours (`viewerDidAuthor`) and whether the item is locked, in one request per page.
 *
 * GitHub limits how fast content may be created: writes go one at a time, at least a second
 * apart, and three seconds apart for those that notify people (the throttling plugin's groups);
 * a secondary rate limit is waited out as GitHub asks (`retry-after`).
 * @see https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
 * @see https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests
 */
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { z } from 'zod';
import type { GitHubEndpoints } from '../sync/github-client.ts';
import { hasShippedMarker } from './comment-marker.ts';
import type { ShippedItem } from './release-shipments.ts';

const ThrottledOctokit = Octokit.plugin(retry, throttling);

export interface CommentThread {
  /** Locked conversations take comments from collaborators only; we never force one open. */
  locked: boolean;
  /** One of our comments on the item already carries the marker. */
  hasMarker: boolean;
}

export interface GitHubCommentsApi {
  findShippedComment(item: ShippedItem, marker: string): Promise<CommentThread>;
  postComment(item: ShippedItem, body: string): Promise<{ url: string }>;
}

/** GitHub refused the comment because the conversation is locked. */
export class ItemLockedError extends Error {
  override name = 'ItemLockedError';
}

/**
 * A request that failed. `mayHaveCommented` when the answer was lost after the request left
 * (a timeout, a dropped connection, a 5xx): the comment may exist, so look before trying again.
 * `stopsRun` when no further request can succeed (bad token, rate limit far from its reset).
 */
export class GitHubRequestError extends Error {
  override name = 'GitHubRequestError';
  readonly mayHaveCommented: boolean;
  readonly stopsRun: boolean;
  readonly hint: string;

  constructor(message: string, hint: string, options: { mayHaveCommented?: boolean; stopsRun?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = hint;
    this.mayHaveCommented = options.mayHaveCommented ?? false;
    this.stopsRun = options.stopsRun ?? false;
  }
}

const MAINTAINERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

const commentPageSchema = z.object({
  nodes: z.array(
    z
      .object({
        body: z.string(),
        viewerDidAuthor: z.boolean(),
        authorAssociation: z.string(),
        author: z.object({ __typename: z.string(), login: z.string() }).nullable(),
      })
      .nullable(),
  ),
  pageInfo: z.object({ hasPreviousPage: z.boolean(), startCursor: z.string().nullable() }),
});

const threadSchema = z.object({
  node: z
    .object({
      __typename: z.string(),
      locked: z.boolean().optional(),
      comments: commentPageSchema.optional(),
    })
    .nullable(),
});

const graphqlBodySchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.object({ type: z.string().optional(), message: z.string() })).optional(),
});

const createdIssueCommentSchema = z.object({ html_url: z.string().url() });
const createdDiscussionCommentSchema = z.object({
  addDiscussionComment: z.object({ comment: z.object({ url: z.string().url() }) }),
});

// Newest first: on a second run our comment is among the latest, so one page usually settles it.
export const THREAD_QUERY = `query ShippedCommentThread($id: ID!, $before: String) {
  node(id: $id) {
    __typename
    ... on Issue { locked comments(last: 100, before: $before) { ...Comments } }
    ... on Discussion { locked comments(last: 100, before: $before) { ...DiscussionComments } }
  }
}
fragment Comments on IssueCommentConnection {
  nodes { body viewerDidAuthor authorAssociation author { __typename login } }
  pageInfo { hasPreviousPage startCursor }
}
fragment DiscussionComments on DiscussionCommentConnection {
  nodes { body viewerDidAuthor authorAssociation author { __typename login } }
  pageInfo { hasPreviousPage startCursor }
}`;

export const ADD_DISCUSSION_COMMENT = `mutation AddShippedComment($discussionId: ID!, $body: String!) {
  addDiscussionComment(input: { discussionId: $discussionId, body: $body }) { comment { url } }
}`;

export interface GitHubCommentsApiOptions {
  token: string;
  endpoints: GitHubEndpoints;
  /** Multiplies every wait (1 in production; tests shrink it). */
  delayScale: number;
  /** Progress and warnings, one line each. */
  log: (line: string) => void;
  /** Wait for a primary rate-limit reset at most this long; otherwise stop. Default 300 s. */
  maxWaitSeconds?: number;
}

interface HttpFailure {
  status?: number;
  name?: string;
  message?: string;
  response?: { data?: unknown };
}

function describeRequest(request: { method?: string; url?: string }): string {
  return `${request.method ?? 'GET'} ${request.url ?? ''}`.trim();
}

export function createGitHubCommentsApi(options: GitHubCommentsApiOptions): GitHubCommentsApi {
  const { endpoints, log } = options;
  const maxWaitSeconds = options.maxWaitSeconds ?? 300;
  let stopReason: GitHubRequestError | null = null;

  const octokit = new ThrottledOctokit({
    auth: options.token,
    baseUrl: endpoints.apiUrl,
    userAgent: 'open-roadmap-notify',
    // Octokit logs failures itself; we report them once, in our own words, without the token.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { retryAfterBaseValue: 1000 * options.delayScale },
    throttle: {
      retryAfterBaseValue: 1000 * options.delayScale,
      fallbackSecondaryRateRetryAfter: 60,
      // The plugin's own pacing, with waits scaled for tests.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 1000 * options.delayScale }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3000 * options.delayScale }),
      onSecondaryRateLimit: (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
        log(`GitHub asked us to slow down (secondary rate limit on ${describeRequest(request)}); waiting ${retryAfter}s.`);
        return retryCount < 5;
      },
      onRateLimit: (retryAfter: number, request: { method?: string; url?: string }) => {
        if (retryAfter <= maxWaitSeconds) {
          log(`GitHub's rate limit is used up; it resets in ${retryAfter}s, waiting.`);
          return true;
        }
        stopReason = new GitHubRequestError(
          `GitHub's rate limit is used up (on ${describeRequest(request)}) and resets in ${Math.ceil(retryAfter / 60)} minutes.`,
          'Run the notifier again after the reset: what was already announced is skipped.',
          { stopsRun: true },
        );
        return false;
      },
    },
  });

  const translate = (error: unknown, what: string, write: boolean): Error => {
    if (stopReason) {
      const reason = stopReason;
      stopReason = null;
      return reason;
    }
    if (error instanceof GitHubRequestError || error instanceof ItemLockedError) return error;
    const failure = error as HttpFailure;
    const status = failure.status;
    const message = failure.message ?? String(error);
    if (/locked/i.test(message) && (status === 403 || status === 422 || status === undefined)) {
      return new ItemLockedError(message);
    }
    if (status === 401) {
      return new GitHubRequestError(
        'GitHub rejected the token (401 Bad credentials).',
        'Check GITHUB_TOKEN: it may be expired or revoked. In GitHub Actions, pass `secrets.GITHUB_TOKEN`.',
        { stopsRun: true, cause: error },
      );
    }
    if (status === 403 || status === 404 || status === 410) {
      return new GitHubRequestError(
        `GitHub refused ${what} (${status}): ${message}`,
        write
          ? 'The token needs write access to issues and Discussions of this repository (issues: write, discussions: write), and the item must still exist.'
          : 'Check that the token can read this repository and that the item still exists.',
        { cause: error },
      );
    }
    if (status !== undefined && status >= 400 && status < 500) {
      return new GitHubRequestError(`GitHub answered ${status} to ${what}: ${message}`, 'Report this with the message above.', { cause: error });
    }
    return new GitHubRequestError(
      status === undefined ? `${what} got no answer from GitHub: ${message}` : `GitHub answered ${status} to ${what}.`,
      'GitHub or the network had a problem; run the notifier again later.',
      { mayHaveCommented: write, cause: error },
    );
  };

  const graphql = async (query: string, variables: Record<string, unknown>, what: string, write: boolean): Promise<unknown> => {
    let response;
    try {
      response = await octokit.request({
        method: 'POST',
        url: endpoints.graphqlUrl,
        query,
        variables,
        // A mutation sent twice comments twice: never retried blindly, the caller looks first.
        request: { retries: write ? 0 : 3, signal: AbortSignal.timeout(30_000) },
      });
    } catch (error) {
      throw translate(error, what, write);
    }
    const body = graphqlBodySchema.safeParse(response.data);
    if (!body.success) throw new GitHubRequestError(`GitHub answered ${what} with something that is not GraphQL.`, 'Check GITHUB_GRAPHQL_URL.');
    const first = body.data.errors?.[0];
    if (first) {
      if (/locked/i.test(first.message)) throw new ItemLockedError(first.message);
      throw new GitHubRequestError(
        `GitHub answered ${what} with an error: ${first.type ? `${first.type}: ` : ''}${first.message}`,
        first.type === 'NOT_FOUND'
          ? 'The item may have been deleted or moved, or the token cannot see it.'
          : first.type === 'FORBIDDEN'
            ? 'The token needs write access to Discussions (discussions: write).'
            : 'Run the notifier again; if it keeps failing, report it with this message.',
        { stopsRun: first.type === 'RATE_LIMITED' },
      );
    }
    return body.data.data;
  };

  return {
    async findShippedComment(item, marker) {
      let before: string | null = null;
      let locked = item.locked;
      for (;;) {
        const data = threadSchema.safeParse(await graphql(THREAD_QUERY, { id: item.nodeId, before }, `the comments of ${item.url}`, false));
        if (!data.success || data.data.node === null || data.data.node.comments === undefined) {
          throw new GitHubRequestError(`GitHub did not return the comments of ${item.url}.`, 'The item may have been deleted or moved, or the token cannot see it.');
        }
        const node = data.data.node;
        const comments = node.comments as z.infer<typeof commentPageSchema>;
        locked = node.locked ?? locked;
        // Anyone can paste our marker into a comment; only ours, a bot's or a maintainer's counts.
        const found = comments.nodes.some(
          (comment) =>
            comment !== null &&
            hasShippedMarker(comment.body, marker) &&
            (comment.viewerDidAuthor || comment.author?.__typename === 'Bot' || MAINTAINERS.has(comment.authorAssociation)),
        );
        if (found) return { locked, hasMarker: true };
        if (!comments.pageInfo.hasPreviousPage || comments.pageInfo.startCursor === null) return { locked, hasMarker: false };
        before = comments.pageInfo.startCursor;
      }
    },

    async postComment(item, body) {
      if (item.type === 'discussion') {
        const data = createdDiscussionCommentSchema.safeParse(
          await graphql(ADD_DISCUSSION_COMMENT, { discussionId: item.nodeId, body }, `commenting on ${item.url}`, true),
        );
        if (!data.success) throw new GitHubRequestError(`GitHub did not confirm the comment on ${item.url}.`, 'Look at the Discussion; run the notifier again, it checks before commenting.', { mayHaveCommented: true });
        return { url: data.data.addDiscussionComment.comment.url };
      }
      const [owner = '', repo = ''] = item.repository.split('/');
      let response;
      try {
        response = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner,
          repo,
          issue_number: item.number,
          body,
          request: { retries: 0, signal: AbortSignal.timeout(30_000) },
        });
      } catch (error) {
        throw translate(error, `commenting on ${item.url}`, true);
      }
      const created = createdIssueCommentSchema.safeParse(response.data);
      if (!created.success) throw new GitHubRequestError(`GitHub did not confirm the comment on ${item.url}.`, 'Look at the issue; run the notifier again, it checks before commenting.', { mayHaveCommented: true });
      return { url: created.data.html_url };
    },
  };
}
