/**
 * The one place that talks HTTP to GitHub. Octokit with the retry and throttling plugins for
 * REST; GraphQL goes through the same Octokit instance so both share rate-limit handling, but
 * with our own retry policy (a slow GraphQL query is retried with a smaller page, not as is).
 */
import { Octokit, type OctokitOptions } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { SyncError } from './sync-error.ts';
import type { SyncProgress } from './progress.ts';

interface AttemptOptions {
  onAttempt?: (url: string) => void;
  translateFailure?: (error: unknown, url: string) => Error | null;
}

/**
 * Registered before the retry and throttling plugins, so its hooks run on every attempt they
 * make: each request sent is counted and gets its own timeout (`request.timeoutMs`; a signal made
 * once would run down while the plugins wait between attempts), and failures that asking again
 * the same way cannot help (a timeout, a refused connection) leave as our own errors, which the
 * retry plugin passes through instead of retrying silently.
 */
function attempts(octokit: Octokit, octokitOptions: OctokitOptions): void {
  const options = octokitOptions as AttemptOptions;
  octokit.hook.before('request', (request) => {
    options.onAttempt?.(String(request.url));
    const timeoutMs = (request.request as { timeoutMs?: number } | undefined)?.timeoutMs;
    if (timeoutMs !== undefined && request.request) request.request.signal = AbortSignal.timeout(timeoutMs);
  });
  octokit.hook.error('request', (error, request) => {
    throw options.translateFailure?.(error, String(request.url)) ?? error;
  });
}

const ThrottledOctokit = Octokit.plugin(attempts, retry, throttling);

export interface GitHubEndpoints {
  /** REST base URL: `https://api.github.com`, `https://ghes.example.com/api/v3`, or the simulator. */
  apiUrl: string;
  /** GraphQL endpoint: `https://api.github.com/graphql`, `https://ghes.example.com/api/graphql`. */
  graphqlUrl: string;
}

/**
 * Reads the endpoints the way GitHub Actions provides them (also on GitHub Enterprise Server,
 * where Actions sets both variables to the instance's API).
 */
export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): GitHubEndpoints {
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const graphqlUrl = (env.GITHUB_GRAPHQL_URL || defaultGraphqlUrl(apiUrl)).replace(/\/+$/, '');
  for (const [name, value] of [
    ['GITHUB_API_URL', apiUrl],
    ['GITHUB_GRAPHQL_URL', graphqlUrl],
  ] as const) {
    if (!/^https?:\/\/[^\s]+$/.test(value)) {
      throw new SyncError(
        `${name} is not a URL: "${value}".`,
        `Set ${name} to an http(s) URL such as https://api.github.com, or unset it to use github.com.`,
      );
    }
  }
  return { apiUrl, graphqlUrl };
}

function defaultGraphqlUrl(apiUrl: string): string {
  // GHES serves REST under /api/v3 and GraphQL under /api/graphql.
  return apiUrl.endsWith('/api/v3') ? `${apiUrl.slice(0, -'/v3'.length)}/graphql` : `${apiUrl}/graphql`;
}

export interface RateLimitPolicy {
  /** Wait for a primary rate-limit reset when it is at most this far away; otherwise stop. */
  maxWaitSeconds: number;
  /** Multiplier for Retry-After and backoff delays (1 in production; tests may shrink it). */
  delayScale: number;
  /** How long one request may take before it is abandoned and retried (REST and GraphQL). */
  timeoutMs: number;
}

export interface GraphqlError {
  type?: string;
  message?: string;
  path?: unknown;
}

/** An error GitHub reported for one item of a query (`nodes.3`, `item7.reactions`); the rest of the answer stands. */
export interface GraphqlItemError {
  /** What `itemOf` returned for the error's path: the index of the item in the query. */
  item: number;
  type: string | null;
  message: string;
}

export interface GraphqlResult<T> {
  data: T;
  cost: number | null;
  remaining: number | null;
  /** Errors that concern single items (only when the caller passed `itemOf`); their items are null in `data`'s caller's eyes. */
  itemErrors: GraphqlItemError[];
}

export interface GraphqlOptions {
  timeoutMs?: number;
  /**
   * Which item of the query an error path points into (e.g. `nodes.99.timelineItems` → 99), or
   * null when the error concerns the query as a whole. Without it, any error fails the request.
   */
  itemOf?: (path: readonly (string | number)[]) => number | null;
}

export interface GitHubClient {
  readonly endpoints: GitHubEndpoints;
  rest<T>(route: string, parameters?: Record<string, unknown>): Promise<{ data: T; headers: Record<string, string | number | undefined>; status: number }>;
  graphql<T>(query: string, variables: Record<string, unknown>, options?: GraphqlOptions): Promise<GraphqlResult<T>>;
}

/** REST attempts at a request that keeps timing out before the sync gives up on it. */
const REST_TIMEOUT_ATTEMPTS = 3;

interface RateLimitedRequest {
  method?: string;
  url?: string;
}

export function createGitHubClient(options: {
  token: string;
  endpoints: GitHubEndpoints;
  progress: SyncProgress;
  policy?: Partial<RateLimitPolicy>;
}): GitHubClient {
  const policy: RateLimitPolicy = { maxWaitSeconds: 300, delayScale: 1, timeoutMs: 30_000, ...options.policy };
  const { progress, endpoints } = options;
  let stopReason: SyncError | null = null;
  const kindOf = (url: string): 'rest' | 'graphql' => (url === endpoints.graphqlUrl ? 'graphql' : 'rest');

  const octokit = new ThrottledOctokit({
    onAttempt: (url: string) => progress.sent(kindOf(url)),
    translateFailure: (error: unknown, url: string) => {
      // Dropped connections stay as they are, for the retry plugin to ask again (REST).
      const failure = unreachable(error, endpoints, kindOf(url), policy.timeoutMs);
      return failure instanceof TransientGitHubError && !(failure instanceof GitHubTimeoutError) ? null : failure;
    },
    auth: options.token,
    baseUrl: endpoints.apiUrl,
    userAgent: 'open-roadmap-sync',
    // Octokit logs request failures itself; we report them once, in our own words.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { retryAfterBaseValue: 1000 * policy.delayScale },
    throttle: {
      retryAfterBaseValue: 1000 * policy.delayScale,
      // The sync sends read-only queries one after another, so the one-per-second pacing the
      // plugin applies to writes (GraphQL counts as one) is not needed here.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      onSecondaryRateLimit: (retryAfter: number, request: RateLimitedRequest, _octokit: unknown, retryCount: number) => {
        // https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
        if (retryCount < SECONDARY_LIMIT_RETRIES) {
          progress.warn(`GitHub asked us to slow down (secondary rate limit on ${describe(request)}); waiting ${retryAfter}s.`);
          return true;
        }
        stopReason = new SyncError(
          `GitHub's secondary rate limit kept refusing requests (on ${describe(request)}), ${SECONDARY_LIMIT_RETRIES} waits in a row.`,
          'Nothing was published. Secondary limits come from many requests in a short time, not from the token. Wait a few minutes and run the sync again: it resumes from where it stopped.',
          { resumable: true },
        );
        return false;
      },
      onRateLimit: (retryAfter: number, request: RateLimitedRequest) => {
        if (retryAfter <= policy.maxWaitSeconds) {
          progress.warn(`Rate limit used up; it resets in ${retryAfter}s, waiting.`);
          return true;
        }
        stopReason = new SyncError(
          `GitHub's rate limit is used up (on ${describe(request)}) and resets in ${Math.ceil(retryAfter / 60)} minutes.`,
          'Nothing was published. Run the sync again after the reset: it resumes from where it stopped.',
          { resumable: true },
        );
        return false;
      },
    },
  });

  const rateLimitError = (cause: unknown): SyncError | null => {
    if (stopReason) {
      const error = stopReason;
      stopReason = null;
      return new SyncError(error.message, error.hint, { cause, resumable: true });
    }
    return null;
  };

  const sendRest = async (route: string, parameters: Record<string, unknown>) => {
    try {
      const response = await octokit.request(route, { ...parameters, request: { timeoutMs: policy.timeoutMs } });
      progress.request('rest', null, response.headers);
      return {
        data: response.data as never,
        headers: response.headers as Record<string, string | number | undefined>,
        status: response.status,
      };
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 304) {
        const headers = ((error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {});
        progress.request('rest', null, headers);
        return { data: null as never, headers, status: 304 };
      }
      throw rateLimitError(error) ?? unreachable(error, endpoints, 'rest', policy.timeoutMs) ?? translateHttpError(error, route);
    }
  };

  return {
    endpoints,
    async rest(route, parameters = {}) {
      // A stalled REST page is abandoned after the timeout and asked again, with a line saying so,
      // as GraphQL queries are (there with a smaller page).
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await sendRest(route, parameters);
        } catch (error) {
          if (!(error instanceof GitHubTimeoutError)) throw error;
          if (attempt >= REST_TIMEOUT_ATTEMPTS) {
            throw new SyncError(`${error.message} It timed out ${attempt} times in a row.`, error.hint, { cause: error });
          }
          progress.warn(`${error.message} Retrying.`);
        }
      }
    },
    async graphql(query, variables, graphqlOptions = {}) {
      let response;
      try {
        response = await octokit.request({
          method: 'POST',
          url: endpoints.graphqlUrl,
          query,
          variables,
          request: {
            retries: 0,
            timeoutMs: graphqlOptions.timeoutMs ?? policy.timeoutMs,
          },
        });
      } catch (error) {
        // The retry plugin turns a 200 whose first error is GitHub's "Something went wrong" into
        // an exception; with `data` beside it, that is a partial answer like any other.
        const answered = (error as { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> } }).response;
        if (answered?.status !== 200) {
          throw rateLimitError(error) ?? unreachable(error, endpoints, 'graphql', policy.timeoutMs) ?? translateHttpError(error, 'GraphQL');
        }
        response = answered as { data: unknown; headers: Record<string, unknown> };
      }
      const body = response.data as { data?: unknown; errors?: GraphqlError[] };
      const rateLimit = (body.data as { rateLimit?: { cost?: number; remaining?: number } } | undefined)?.rateLimit;
      progress.request('graphql', rateLimit?.cost ?? null, response.headers);
      const itemErrors: GraphqlItemError[] = [];
      if (body.errors?.length) {
        // A response with both `data` and `errors` is a partial answer: GitHub could not resolve
        // part of it. Errors inside one item cost only that item, when the caller can tell which
        // (GitHub answers an item deleted since it was listed with null and NOT_FOUND at its
        // path); any other error fails the request, since treating the answer as complete would
        // silently drop data.
        // https://docs.github.com/graphql/guides/forming-calls-with-graphql#about-errors
        const { itemOf } = graphqlOptions;
        const located = body.errors.map((error) => ({ error, item: itemOf && Array.isArray(error.path) ? itemOf(error.path) : null }));
        if (!body.data || located.some((entry) => entry.item === null)) throw graphqlErrors(located.filter((entry) => entry.item === null).map((entry) => entry.error), body.errors);
        for (const { error, item } of located) {
          itemErrors.push({ item: item as number, type: error.type ?? null, message: error.message ?? 'unknown error' });
        }
      }
      return { data: body.data as never, cost: rateLimit?.cost ?? null, remaining: rateLimit?.remaining ?? null, itemErrors };
    },
  };
}

function describe(request: RateLimitedRequest): string {
  return `${request.method ?? 'GET'} ${request.url ?? ''}`.trim();
}

/** Secondary rate limits waited out in a row before the sync stops (and can be resumed). */
const SECONDARY_LIMIT_RETRIES = 5;

/** Transient failures the caller may retry, with a smaller page for GraphQL. */
export class TransientGitHubError extends SyncError {
  override name = 'TransientGitHubError';
}

/** A request abandoned after the timeout; asked again (GraphQL: with a smaller page). */
export class GitHubTimeoutError extends TransientGitHubError {
  override name = 'GitHubTimeoutError';
}

/** Node's names for the ways a connection fails; `retry` says whether asking again can help. */
const NETWORK_FAILURES: Record<string, { what: string; retry: boolean }> = {
  ECONNREFUSED: { what: 'connection refused', retry: false },
  ENOTFOUND: { what: 'host name not found', retry: false },
  EAI_AGAIN: { what: 'host name lookup failed', retry: true },
  ECONNRESET: { what: 'connection reset', retry: true },
  EPIPE: { what: 'connection closed while sending', retry: true },
  UND_ERR_SOCKET: { what: 'connection closed before an answer', retry: true },
  ETIMEDOUT: { what: 'connection timed out', retry: true },
  UND_ERR_CONNECT_TIMEOUT: { what: 'connection timed out', retry: true },
  EHOSTUNREACH: { what: 'host unreachable', retry: false },
  ENETUNREACH: { what: 'network unreachable', retry: false },
};

/** The `code` of an error or of one of its causes (fetch wraps the socket's error, sometimes in an AggregateError). */
function networkCode(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== 'object' || depth > 5) return null;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (code in NETWORK_FAILURES || code.startsWith('CERT_') || code.includes('TLS') || code.includes('SSL'))) return code;
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const found = networkCode(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * A request that never got an answer: timed out, or the connection failed. Octokit reports these
 * as status 500 with the cause inside, which would read as GitHub answering 500. Null for real answers.
 */
function unreachable(error: unknown, endpoints: GitHubEndpoints, kind: 'rest' | 'graphql', timeoutMs: number): Error | null {
  if (error instanceof SyncError) return error;
  const name = (error as { name?: string }).name;
  const causeName = ((error as { cause?: { name?: string } }).cause)?.name;
  const what = kind === 'graphql' ? 'GraphQL' : 'REST';
  if (name === 'TimeoutError' || name === 'AbortError' || causeName === 'TimeoutError' || causeName === 'AbortError') {
    return new GitHubTimeoutError(
      `A ${what} request got no answer within ${formatSeconds(timeoutMs)}.`,
      'GitHub was slow to answer; run the sync again. (ROADMAP_SYNC_TIMEOUT_MS sets how long a request may take.)',
      { cause: error },
    );
  }
  const code = networkCode(error);
  if (!code) return null;
  const [variable, url] = kind === 'graphql' ? ['GITHUB_GRAPHQL_URL', endpoints.graphqlUrl] : ['GITHUB_API_URL', endpoints.apiUrl];
  const failure = NETWORK_FAILURES[code] ?? { what: 'secure connection failed', retry: false };
  const message = `Could not reach ${variable} (${url}): ${failure.what} (${code}).`;
  return failure.retry
    ? new TransientGitHubError(message, 'The network or the server dropped the connection; run the sync again in a few minutes.', { cause: error })
    : new SyncError(
        message,
        `Check that ${variable} is right (unset it to use github.com) and that the server is up and reachable from here, then run the sync again.`,
        { cause: error },
      );
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function translateHttpError(error: unknown, what: string): Error {
  if (error instanceof SyncError) return error;
  const status = (error as { status?: number }).status;
  const message = (error as Error).message ?? String(error);
  if (/Something went wrong while executing your query/.test(message)) {
    // GitHub's answer when a query ran too long: `errors` beside partial (or no) `data`.
    return new TransientGitHubError(
      `GitHub answered ${what} with errors and incomplete data ("Something went wrong while executing your query").`,
      'Nothing was published. GitHub usually answers this when a query runs too long; run the sync again later.',
      { cause: error },
    );
  }
  if (status === 401) {
    return new SyncError(
      'GitHub rejected the token (401 Bad credentials).',
      'Check GITHUB_TOKEN: it may be expired or revoked. In GitHub Actions, pass `secrets.GITHUB_TOKEN`.',
      { cause: error },
    );
  }
  if (status === 403 || status === 429) {
    return new SyncError(
      `GitHub refused ${what} (${status}): ${message}`,
      'The token may lack access to this repository, or a rate limit was hit. Check the token\'s permissions (issues: read, discussions: read, contents: read) and run again later.',
      { cause: error },
    );
  }
  if (status === 404) {
    return new SyncError(
      `GitHub answered 404 for ${what}.`,
      'Check the repository name in roadmap.config.ts and that the token can see it (private repositories need a token with access).',
      { cause: error },
    );
  }
  if (status !== undefined && status >= 500) {
    return new TransientGitHubError(`GitHub answered ${status} for ${what}.`, 'GitHub had a problem; run the sync again in a few minutes.', { cause: error });
  }
  if (status === undefined) {
    return new TransientGitHubError(
      `Could not reach GitHub for ${what}: ${message}`,
      'Check the network and GITHUB_API_URL / GITHUB_GRAPHQL_URL, then run the sync again.',
      { cause: error },
    );
  }
  return new SyncError(`GitHub answered ${status} for ${what}: ${message}`, 'Run the sync again; if it keeps failing, report it with this message.', { cause: error });
}

/** Errors that concern the query or the repository as a whole: the source fails, with a hint that fits. */
function graphqlErrors(queryErrors: GraphqlError[], allErrors: GraphqlError[]): SyncError {
  const first = queryErrors[0] ?? allErrors[0] ?? {};
  const where = Array.isArray(first.path) ? ` at ${first.path.join('.')}` : '';
  const summary = `${first.type ? `${first.type}: ` : ''}${first.message ?? 'unknown error'}${where}`;
  const more = allErrors.length > 1 ? ` (and ${allErrors.length - 1} more)` : '';
  const onRepository = Array.isArray(first.path) && first.path.length === 1 && first.path[0] === 'repository';
  // GitHub's words when a query ran too long, with or without a type.
  const tooLong = /Something went wrong while executing your query/.test(first.message ?? '');
  switch (tooLong ? 'SERVICE_UNAVAILABLE' : first.type) {
    case 'NOT_FOUND':
      return new SyncError(
        onRepository ? `GitHub found no such repository: ${summary}.` : `GitHub could not find something the sync asked for: ${summary}${more}.`,
        onRepository
          ? 'Check `sources[].repo` in roadmap.config.ts, and that GITHUB_TOKEN can read it (a private repository needs a token with access to it).'
          : 'Check the repository names in roadmap.config.ts and that the token can see them.',
      );
    case 'FORBIDDEN':
    case 'INSUFFICIENT_SCOPES':
      return new SyncError(
        `GitHub refused part of the query: ${summary}${more}.`,
        'Check the token\'s permissions: it needs read access to issues, Discussions and contents of every configured repository (a classic token: the `repo` or `public_repo` scope).',
      );
    case 'RATE_LIMITED':
      return new SyncError(`GitHub's GraphQL rate limit is used up: ${summary}.`, 'Nothing was published. Run the sync again after the reset: it resumes from where it stopped.', {
        resumable: true,
      });
    case 'SERVICE_UNAVAILABLE':
      return new TransientGitHubError(
        `GitHub answered GraphQL with errors and incomplete data: ${summary}${more}.`,
        'Nothing was published. GitHub could not finish the query; run the sync again later.',
      );
    default:
      return new SyncError(
        `GitHub answered with errors: ${summary}${more}.`,
        'The answer was incomplete, so nothing was published. Run the sync again; if it keeps failing, the query may need a smaller page (report it).',
      );
  }
}
