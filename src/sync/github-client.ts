/**
 * The sync's side of GitHub, on the connection every command builds in `src/github/`: REST pages
 * with a line per stalled page, and GraphQL with our own retry policy (a slow query is retried
 * with a smaller page, not as is) and partial answers that cost only the items they name.
 */
import { createGitHubConnection, type GitHubApi } from '../github/create-octokit.ts';
import { DEFAULT_TIMEOUT_MS, type GitHubEndpoints } from '../github/endpoints.ts';
import { ErrorsData } from '../errors/errors-data.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';
import type { SyncProgress } from './progress.ts';

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

export interface RestPage<T> {
  data: T[];
  headers: Record<string, string | number | undefined>;
}

export interface GitHubClient {
  readonly endpoints: GitHubEndpoints;
  /**
   * The pages of a REST list, starting at `parameters.page` (default 1) and following GitHub's
   * `Link: rel="next"` (@octokit/plugin-paginate-rest), one request per page read.
   * https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api
   */
  restPages<T>(route: string, parameters?: Record<string, unknown>): AsyncIterable<RestPage<T>>;
  graphql<T>(query: string, variables: Record<string, unknown>, options?: GraphqlOptions): Promise<GraphqlResult<T>>;
}

/** REST attempts at a request that keeps timing out before the sync gives up on it. */
const REST_TIMEOUT_ATTEMPTS = 3;

export function createGitHubClient(options: {
  token: string;
  endpoints: GitHubEndpoints;
  progress: SyncProgress;
  policy?: Partial<RateLimitPolicy>;
}): GitHubClient {
  const policy: RateLimitPolicy = { maxWaitSeconds: 300, delayScale: 1, timeoutMs: DEFAULT_TIMEOUT_MS, ...options.policy };
  const { progress, endpoints } = options;
  const { octokit, failure } = createGitHubConnection({
    command: 'sync',
    token: options.token,
    endpoints,
    timeoutMs: policy.timeoutMs,
    delayScale: policy.delayScale,
    maxWaitSeconds: policy.maxWaitSeconds,
    warn: (line) => progress.warn(line),
    onAttempt: (api) => progress.sent(api),
  });
  const translate = (error: unknown, api: GitHubApi, what: string): RoadmapError => failure(error, api) ?? translateHttpError(error, what);

  const sendRest = async (request: Record<string, unknown>, what: string): Promise<RestPage<never>> => {
    try {
      const response = await octokit.request({ ...request, request: { timeoutMs: policy.timeoutMs } } as never);
      progress.request('rest', null, response.headers);
      return { data: response.data as never, headers: response.headers as RestPage<never>['headers'] };
    } catch (error) {
      throw translate(error, 'rest', what);
    }
  };

  // A stalled REST page is abandoned after the timeout and asked again, with a line saying so,
  // as GraphQL queries are (there with a smaller page).
  const sendRestPatiently = async (request: Record<string, unknown>, what: string) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await sendRest(request, what);
      } catch (error) {
        if (!(error instanceof RoadmapError && error.is(ErrorsData.GitHubTimeout))) throw error;
        if (attempt >= REST_TIMEOUT_ATTEMPTS) {
          throw new RoadmapError(ErrorsData.SyncRetriesExhausted, { failure: error.message, retried: `It timed out ${attempt} times in a row.`, hint: error.hint }, { cause: error });
        }
        progress.warn(`${error.message} Retrying.`);
      }
    }
  };

  return {
    endpoints,
    async *restPages<T>(route: string, parameters: Record<string, unknown> = {}) {
      // The plugin's iterator sends each page through this function, so every page gets the
      // timeout, the retries and the translation above.
      const request = Object.assign((options: Record<string, unknown>) => sendRestPatiently(options, route), {
        endpoint: (values: Record<string, unknown>) => octokit.request.endpoint(route, values),
      });
      const pages = (octokit.paginate.iterator as (route: unknown, parameters: unknown) => AsyncIterable<RestPage<T>>)(request, parameters);
      for await (const page of pages) yield { data: page.data, headers: page.headers };
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
        if (answered?.status !== 200) throw translate(error, 'graphql', 'GraphQL');
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

/** GitHub's answers other than those every command shares (`src/github/`), for the sync. */
function translateHttpError(error: unknown, what: string): RoadmapError {
  const status = (error as { status?: number }).status;
  const detail = (error as Error).message ?? String(error);
  const options = { cause: error };
  // GitHub's answer when a query ran too long: `errors` beside partial (or no) `data`.
  if (/Something went wrong while executing your query/.test(detail)) return new RoadmapError(ErrorsData.SyncQueryTooLong, { what }, options);
  if (status === 403 || status === 429) return new RoadmapError(ErrorsData.SyncRefused, { what, status, detail }, options);
  if (status === 404) return new RoadmapError(ErrorsData.SyncNotFound, { what }, options);
  if (status !== undefined && status >= 500) return new RoadmapError(ErrorsData.SyncServerError, { what, status }, options);
  if (status === undefined) return new RoadmapError(ErrorsData.SyncNoAnswer, { what, detail }, options);
  return new RoadmapError(ErrorsData.SyncUnexpectedStatus, { what, status, detail }, options);
}

/** Errors that concern the query or the repository as a whole: the source fails, with a hint that fits. */
function graphqlErrors(queryErrors: GraphqlError[], allErrors: GraphqlError[]): RoadmapError {
  const first = queryErrors[0] ?? allErrors[0] ?? {};
  const where = Array.isArray(first.path) ? ` at ${first.path.join('.')}` : '';
  const summary = `${first.type ? `${first.type}: ` : ''}${first.message ?? 'unknown error'}${where}`;
  const more = allErrors.length > 1 ? ` (and ${allErrors.length - 1} more)` : '';
  const onRepository = Array.isArray(first.path) && first.path.length === 1 && first.path[0] === 'repository';
  // GitHub's words when a query ran too long, with or without a type.
  const tooLong = /Something went wrong while executing your query/.test(first.message ?? '');
  switch (tooLong ? 'SERVICE_UNAVAILABLE' : first.type) {
    case 'NOT_FOUND':
      return new RoadmapError(onRepository ? ErrorsData.GraphqlRepositoryNotFound : ErrorsData.GraphqlNotFound, { summary, more });
    case 'FORBIDDEN':
    case 'INSUFFICIENT_SCOPES':
      return new RoadmapError(ErrorsData.GraphqlForbidden, { summary, more });
    case 'RATE_LIMITED':
      return new RoadmapError(ErrorsData.GraphqlRateLimited, { summary, more });
    case 'SERVICE_UNAVAILABLE':
      return new RoadmapError(ErrorsData.GraphqlIncomplete, { summary, more });
    default:
      return new RoadmapError(ErrorsData.GraphqlErrors, { summary, more });
  }
}
