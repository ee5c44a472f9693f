/**
 * The one place that talks HTTP to GitHub. Octokit with the retry and throttling plugins for
 * REST; GraphQL goes through the same Octokit instance so both share rate-limit handling, but
 * with our own retry policy (a slow GraphQL query is retried with a smaller page, not as is).
 */
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { SyncError } from './sync-error.ts';
import type { SyncProgress } from './progress.ts';

const ThrottledOctokit = Octokit.plugin(retry, throttling);

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
}

export interface GraphqlResult<T> {
  data: T;
  cost: number | null;
  remaining: number | null;
}

export interface GitHubClient {
  readonly endpoints: GitHubEndpoints;
  rest<T>(route: string, parameters?: Record<string, unknown>): Promise<{ data: T; headers: Record<string, string | number | undefined>; status: number }>;
  graphql<T>(query: string, variables: Record<string, unknown>, options?: { timeoutMs?: number }): Promise<GraphqlResult<T>>;
}

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
  const policy: RateLimitPolicy = { maxWaitSeconds: 300, delayScale: 1, ...options.policy };
  const { progress, endpoints } = options;
  let stopReason: SyncError | null = null;

  const octokit = new ThrottledOctokit({
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
        progress.warn(`GitHub asked us to slow down (secondary rate limit on ${describe(request)}); waiting ${retryAfter}s.`);
        return retryCount < 5;
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

  return {
    endpoints,
    async rest(route, parameters = {}) {
      try {
        const response = await octokit.request(route, parameters);
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
        throw rateLimitError(error) ?? translateHttpError(error, route);
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
            signal: AbortSignal.timeout(graphqlOptions.timeoutMs ?? 30_000),
          },
        });
      } catch (error) {
        throw rateLimitError(error) ?? translateHttpError(error, 'GraphQL');
      }
      const body = response.data as { data?: unknown; errors?: Array<{ type?: string; message?: string; path?: unknown }> };
      const rateLimit = (body.data as { rateLimit?: { cost?: number; remaining?: number } } | undefined)?.rateLimit;
      progress.request('graphql', rateLimit?.cost ?? null, response.headers);
      if (body.errors?.length) {
        // A response with both `data` and `errors` is a partial answer: GitHub could not resolve
        // part of it. Treating it as complete would silently drop data, so the source fails.
        throw graphqlErrors(body.errors);
      }
      return { data: body.data as never, cost: rateLimit?.cost ?? null, remaining: rateLimit?.remaining ?? null };
    },
  };
}

function describe(request: RateLimitedRequest): string {
  return `${request.method ?? 'GET'} ${request.url ?? ''}`.trim();
}

/** Transient failures the caller may retry, with a smaller page for GraphQL. */
export class TransientGitHubError extends SyncError {
  override name = 'TransientGitHubError';
}

function translateHttpError(error: unknown, what: string): Error {
  if (error instanceof SyncError) return error;
  const status = (error as { status?: number }).status;
  const name = (error as { name?: string }).name;
  const message = (error as Error).message ?? String(error);
  if (/Something went wrong while executing your query/.test(message)) {
    // GitHub's answer when a query ran too long: `errors` beside partial (or no) `data`.
    return new TransientGitHubError(
      `GitHub answered ${what} with errors and incomplete data ("Something went wrong while executing your query").`,
      'Nothing was published. GitHub usually answers this when a query runs too long; run the sync again later.',
      { cause: error },
    );
  }
  if (name === 'TimeoutError' || name === 'AbortError' || /aborted|timed? ?out/i.test(message)) {
    return new TransientGitHubError(`${what} request timed out.`, 'GitHub was slow to answer; run the sync again.', { cause: error });
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

function graphqlErrors(errors: Array<{ type?: string; message?: string; path?: unknown }>): SyncError {
  const first = errors[0] ?? {};
  const where = Array.isArray(first.path) ? ` at ${first.path.join('.')}` : '';
  const summary = `${first.type ? `${first.type}: ` : ''}${first.message ?? 'unknown error'}${where}`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  if (first.type === 'NOT_FOUND') {
    return new SyncError(
      `GitHub could not find something the sync asked for: ${summary}${more}.`,
      'Check the repository names in roadmap.config.ts and that the token can see them.',
    );
  }
  if (first.type === 'RATE_LIMITED') {
    return new SyncError(`GitHub's GraphQL rate limit is used up: ${summary}.`, 'Run the sync again after the reset; it resumes where it stopped.', {
      resumable: true,
    });
  }
  return new SyncError(
    `GitHub answered with errors: ${summary}${more}.`,
    'The answer was incomplete, so nothing was published. Run the sync again; if it keeps failing, the query may need a smaller page (report it).',
  );
}
