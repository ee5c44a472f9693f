/**
 * The one place that builds an Octokit: retries, throttling, REST pagination, a timeout on every
 * attempt, and failures that never got an answer (a timeout, a refused connection, a rate limit
 * that stops the run) told in the catalogue's words. The sync (`src/sync/github-client.ts`) and the
 * notifier (`src/notify/github-comments-api.ts`) both build theirs here.
 */
import { Octokit, type OctokitOptions } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { ErrorsData, type Command } from '../errors/errors-data.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';
import type { GitHubEndpoints } from './endpoints.ts';

export type GitHubApi = 'rest' | 'graphql';

interface AttemptOptions {
  onAttempt?: (url: string) => void;
  defaultTimeoutMs?: number;
  failureOf?: (error: unknown, url: string) => RoadmapError | null;
}

/**
 * Registered before the retry and throttling plugins, so its hooks run on every attempt they
 * make: each request sent is counted and gets its own timeout (`request.timeoutMs`, else the
 * client's; a signal made once would run down while the plugins wait between attempts), and
 * failures that asking again the same way cannot help (a timeout, a refused connection) leave as
 * our own errors, which the retry plugin passes through instead of retrying silently.
 */
function attempts(octokit: Octokit, octokitOptions: OctokitOptions): void {
  const options = octokitOptions as AttemptOptions;
  octokit.hook.before('request', (request) => {
    options.onAttempt?.(String(request.url));
    request.request ??= {};
    const timeoutMs = (request.request as { timeoutMs?: number }).timeoutMs ?? options.defaultTimeoutMs;
    if (timeoutMs !== undefined) request.request.signal = AbortSignal.timeout(timeoutMs);
  });
  octokit.hook.error('request', (error, request) => {
    const failure = options.failureOf?.(error, String(request.url));
    // Dropped connections stay as they are, for the retry plugin to ask again.
    throw failure && (!failure.transient || failure.is(ErrorsData.GitHubTimeout)) ? failure : error;
  });
}

const GitHubOctokit = Octokit.plugin(attempts, retry, throttling, paginateRest);
export type RoadmapOctokit = InstanceType<typeof GitHubOctokit>;

export interface GitHubConnectionOptions {
  /** Which command runs: it names the user agent, and the hints say to run it again. */
  command: Command;
  token: string;
  endpoints: GitHubEndpoints;
  /** How long one attempt may take; a request may set its own `request.timeoutMs`. */
  timeoutMs: number;
  /** Multiplier for Retry-After, backoff and pacing delays (1 in production; tests shrink it). */
  delayScale: number;
  /** Wait for a primary rate-limit reset when it is at most this far away; otherwise stop. */
  maxWaitSeconds: number;
  /** One line for the person watching: a rate limit being waited out. */
  warn: (line: string) => void;
  /** Called for every attempt sent, retries included. */
  onAttempt?: (api: GitHubApi) => void;
}

export interface GitHubConnection {
  readonly octokit: RoadmapOctokit;
  readonly endpoints: GitHubEndpoints;
  /**
   * A failure that is not GitHub's answer to the request, in the catalogue's words: the rate
   * limit that stopped the run, a timeout, a failed connection, a rejected token. Null for
   * GitHub's other answers, which the caller explains in its own context.
   */
  failure: (error: unknown, api: GitHubApi) => RoadmapError | null;
}

/** Secondary rate limits waited out in a row before the run stops (and can be resumed). */
const SECONDARY_LIMIT_RETRIES = 5;

interface RateLimitedRequest {
  method?: string;
  url?: string;
}

export function createGitHubConnection(options: GitHubConnectionOptions): GitHubConnection {
  const { command, endpoints, delayScale, warn } = options;
  // Set by the throttling plugin's callbacks, which cannot throw; the failed request's catch reports it.
  let stopReason: ((cause: unknown) => RoadmapError) | null = null;
  const apiOf = (url: string): GitHubApi => (url === endpoints.graphqlUrl ? 'graphql' : 'rest');
  // The notifier creates content: GitHub asks for writes one at a time, a second apart, and three
  // seconds apart for those that notify people (the plugin's own groups, with scaled waits). The
  // sync only reads, one request after another, so the pacing the plugin applies to writes
  // (GraphQL counts as one) is not needed there.
  // https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests
  const pacing =
    command === 'notifier'
      ? {
          write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 1000 * delayScale }),
          notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3000 * delayScale }),
        }
      : { write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }) };

  const failure = (error: unknown, api: GitHubApi): RoadmapError | null => {
    if (stopReason) {
      const reason = stopReason(error);
      stopReason = null;
      return reason;
    }
    if (error instanceof RoadmapError) return error;
    return unanswered(error, endpoints, api, options.timeoutMs, command);
  };

  const octokit = new GitHubOctokit({
    onAttempt: (url: string) => options.onAttempt?.(apiOf(url)),
    defaultTimeoutMs: options.timeoutMs,
    failureOf: (error: unknown, url: string) => (error instanceof RoadmapError ? error : unanswered(error, endpoints, apiOf(url), options.timeoutMs, command)),
    auth: options.token,
    baseUrl: endpoints.apiUrl,
    userAgent: `open-roadmap-${command === 'sync' ? 'sync' : 'notify'}`,
    // Octokit logs request failures itself; we report them once, in our own words, without the token.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { retryAfterBaseValue: 1000 * delayScale },
    throttle: {
      retryAfterBaseValue: 1000 * delayScale,
      fallbackSecondaryRateRetryAfter: 60,
      ...pacing,
      onSecondaryRateLimit: (retryAfter: number, request: RateLimitedRequest, _octokit: unknown, retryCount: number) => {
        // https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
        if (retryCount < SECONDARY_LIMIT_RETRIES) {
          warn(`GitHub asked us to slow down (secondary rate limit on ${describe(request)}); waiting ${retryAfter}s.`);
          return true;
        }
        stopReason = (cause) => new RoadmapError(ErrorsData.SecondaryRateLimitExhausted, { request: describe(request), waits: SECONDARY_LIMIT_RETRIES, command }, { cause });
        return false;
      },
      onRateLimit: (retryAfter: number, request: RateLimitedRequest) => {
        if (retryAfter <= options.maxWaitSeconds) {
          warn(`GitHub's rate limit is used up; it resets in ${retryAfter}s, waiting.`);
          return true;
        }
        stopReason = (cause) => new RoadmapError(ErrorsData.RateLimitExhausted, { request: describe(request), minutes: Math.ceil(retryAfter / 60), command }, { cause });
        return false;
      },
    },
  } as OctokitOptions);

  return { octokit, endpoints, failure };
}

function describe(request: RateLimitedRequest): string {
  return `${request.method ?? 'GET'} ${request.url ?? ''}`.trim();
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
 * A request that never got an answer (timed out, or the connection failed), or a token GitHub
 * rejected. Octokit reports the first kind as status 500 with the cause inside, which would read
 * as GitHub answering 500. Null for GitHub's other answers.
 */
function unanswered(error: unknown, endpoints: GitHubEndpoints, api: GitHubApi, timeoutMs: number, command: Command): RoadmapError | null {
  const name = (error as { name?: string }).name;
  const causeName = (error as { cause?: { name?: string } }).cause?.name;
  if (name === 'TimeoutError' || name === 'AbortError' || causeName === 'TimeoutError' || causeName === 'AbortError') {
    return new RoadmapError(ErrorsData.GitHubTimeout, { api: api === 'graphql' ? 'GraphQL' : 'REST', timeout: formatSeconds(timeoutMs), command }, { cause: error });
  }
  if ((error as { status?: number }).status === 401) return new RoadmapError(ErrorsData.GitHubTokenRejected, undefined, { cause: error });
  const code = networkCode(error);
  if (!code) return null;
  const [variable, url] = api === 'graphql' ? (['GITHUB_GRAPHQL_URL', endpoints.graphqlUrl] as const) : (['GITHUB_API_URL', endpoints.apiUrl] as const);
  const failure = NETWORK_FAILURES[code] ?? { what: 'secure connection failed', retry: false };
  return new RoadmapError(failure.retry ? ErrorsData.GitHubConnectionDropped : ErrorsData.GitHubUnreachable, { variable, url, what: failure.what, code, command }, { cause: error });
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
