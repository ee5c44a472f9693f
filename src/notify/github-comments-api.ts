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
import { z } from 'zod';
import { ErrorsData } from '../errors/errors-data.ts';
import { RoadmapError, type ErrorArguments, type ErrorData } from '../errors/roadmap-error.ts';
import { createGitHubConnection, type GitHubApi } from '../github/create-octokit.ts';
import { MAINTAINER_ASSOCIATIONS } from '../github/enums.ts';
import { DEFAULT_TIMEOUT_MS, type GitHubEndpoints } from '../github/endpoints.ts';
import { hasShippedMarker } from './comment-marker.ts';
import type { ShippedItem } from './release-shipments.ts';

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
export class GitHubRequestError<P = unknown> extends RoadmapError<P> {
  override name = 'GitHubRequestError';
  readonly mayHaveCommented: boolean;
  readonly stopsRun: boolean;

  constructor(entry: ErrorData<P>, params: P, options: { mayHaveCommented?: boolean; stopsRun?: boolean; cause?: unknown } = {}) {
    super(entry, ...([params, options] as ErrorArguments<P>));
    this.mayHaveCommented = options.mayHaveCommented ?? false;
    this.stopsRun = options.stopsRun ?? false;
  }
}

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
  message?: string;
}

export function createGitHubCommentsApi(options: GitHubCommentsApiOptions): GitHubCommentsApi {
  const { octokit, endpoints, failure } = createGitHubConnection({
    command: 'notifier',
    token: options.token,
    endpoints: options.endpoints,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    delayScale: options.delayScale,
    maxWaitSeconds: options.maxWaitSeconds ?? 300,
    warn: options.log,
  });

  const translate = (error: unknown, api: GitHubApi, what: string, write: boolean): Error => {
    if (error instanceof GitHubRequestError || error instanceof ItemLockedError) return error;
    const status = (error as HttpFailure).status;
    const detail = (error as HttpFailure).message ?? String(error);
    if (/locked/i.test(detail) && (status === 403 || status === 422 || status === undefined)) return new ItemLockedError(detail);
    const shared = failure(error, api);
    if (shared) {
      // No answer: a write may have landed before the answer was lost, so look before trying again.
      // A rate limit that stopped, or a rejected token: no further request can succeed.
      const unanswered = shared.transient || shared.is(ErrorsData.GitHubUnreachable);
      return new GitHubRequestError(shared.entry as ErrorData<unknown>, shared.params, { mayHaveCommented: write && unanswered, stopsRun: !unanswered, cause: error });
    }
    if (status === 403 || status === 404 || status === 410) return new GitHubRequestError(ErrorsData.CommentRefused, { what, status, detail, write }, { cause: error });
    if (status !== undefined && status >= 400 && status < 500) return new GitHubRequestError(ErrorsData.CommentUnexpectedStatus, { what, status, detail }, { cause: error });
    return status === undefined
      ? new GitHubRequestError(ErrorsData.CommentNoAnswer, { what, detail }, { mayHaveCommented: write, cause: error })
      : new GitHubRequestError(ErrorsData.CommentServerError, { what, status }, { mayHaveCommented: write, cause: error });
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
        request: { retries: write ? 0 : 3 },
      });
    } catch (error) {
      throw translate(error, 'graphql', what, write);
    }
    const body = graphqlBodySchema.safeParse(response.data);
    if (!body.success) throw new GitHubRequestError(ErrorsData.CommentNotGraphql, { what });
    const first = body.data.errors?.[0];
    if (first) {
      if (/locked/i.test(first.message)) throw new ItemLockedError(first.message);
      throw new GitHubRequestError(ErrorsData.CommentGraphqlError, { what, type: first.type ?? null, detail: first.message }, { stopsRun: first.type === 'RATE_LIMITED' });
    }
    return body.data.data;
  };

  return {
    async findShippedComment(item, marker) {
      // A cursor of our own rather than @octokit/plugin-paginate-graphql: one page usually settles
      // it (newest first), and each answer goes through `graphql` above, which checks its shape and
      // reads GitHub's errors for a locked conversation; the plugin would save the three lines
      // that follow `startCursor` but send through `octokit.graphql`, with errors of its own shape.
      let before: string | null = null;
      let locked = item.locked;
      for (;;) {
        const data = threadSchema.safeParse(await graphql(THREAD_QUERY, { id: item.nodeId, before }, `the comments of ${item.url}`, false));
        if (!data.success || data.data.node === null || data.data.node.comments === undefined) {
          throw new GitHubRequestError(ErrorsData.CommentsMissing, { url: item.url });
        }
        const node = data.data.node;
        const comments = node.comments as z.infer<typeof commentPageSchema>;
        locked = node.locked ?? locked;
        // Anyone can paste our marker into a comment; only ours, a bot's or a maintainer's counts.
        const found = comments.nodes.some(
          (comment) =>
            comment !== null &&
            hasShippedMarker(comment.body, marker) &&
            (comment.viewerDidAuthor || comment.author?.__typename === 'Bot' || MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation)),
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
        if (!data.success) throw new GitHubRequestError(ErrorsData.CommentUnconfirmed, { url: item.url, on: 'Discussion' }, { mayHaveCommented: true });
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
          request: { retries: 0 },
        });
      } catch (error) {
        throw translate(error, 'rest', `commenting on ${item.url}`, true);
      }
      const created = createdIssueCommentSchema.safeParse(response.data);
      if (!created.success) throw new GitHubRequestError(ErrorsData.CommentUnconfirmed, { url: item.url, on: 'issue' }, { mayHaveCommented: true });
      return { url: created.data.html_url };
    },
  };
}
