/**
 * Where GitHub's API is and how long a request may take, read from the environment the way
 * GitHub Actions provides it (also on GitHub Enterprise Server, where Actions sets both URLs to
 * the instance's API).
 */
import { ErrorsData } from '../errors/errors-data.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';

export interface GitHubEndpoints {
  /** REST base URL: `https://api.github.com`, `https://ghes.example.com/api/v3`, or the simulator. */
  apiUrl: string;
  /** GraphQL endpoint: `https://api.github.com/graphql`, `https://ghes.example.com/api/graphql`. */
  graphqlUrl: string;
}

export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): GitHubEndpoints {
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const graphqlUrl = (env.GITHUB_GRAPHQL_URL || defaultGraphqlUrl(apiUrl)).replace(/\/+$/, '');
  for (const [variable, value] of [
    ['GITHUB_API_URL', apiUrl],
    ['GITHUB_GRAPHQL_URL', graphqlUrl],
  ] as const) {
    if (!/^https?:\/\/[^\s]+$/.test(value)) throw new RoadmapError(ErrorsData.GitHubUrlInvalid, { variable, value });
  }
  return { apiUrl, graphqlUrl };
}

function defaultGraphqlUrl(apiUrl: string): string {
  // GHES serves REST under /api/v3 and GraphQL under /api/graphql.
  return apiUrl.endsWith('/api/v3') ? `${apiUrl.slice(0, -'/v3'.length)}/graphql` : `${apiUrl}/graphql`;
}

/** How long one request may take before it is abandoned, unless the command's variable says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** `ROADMAP_SYNC_TIMEOUT_MS` when it is a positive number of milliseconds, else the default. */
export function syncTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const timeoutMs = Number(env.ROADMAP_SYNC_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS);
  return Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : DEFAULT_TIMEOUT_MS;
}
