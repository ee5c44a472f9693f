/**
 * The two budgets the sync can exhaust: GraphQL points and REST ("core") requests, each refilled
 * an hour after its window opened, as GitHub does. Headers follow
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#checking-the-status-of-your-rate-limit
 */
export interface RateLimitBucket {
  limit: number;
  remaining: number;
  resetAt: Date;
}

export interface RateLimits {
  graphql: RateLimitBucket;
  core: RateLimitBucket;
}

export type RateLimitResource = keyof RateLimits;

const WINDOW_MS = 60 * 60 * 1000;

export function createRateLimits(graphqlPointsPerHour: number, restRequestsPerHour: number, now: Date): RateLimits {
  const resetAt = new Date(now.getTime() + WINDOW_MS);
  return {
    graphql: { limit: graphqlPointsPerHour, remaining: graphqlPointsPerHour, resetAt },
    core: { limit: restRequestsPerHour, remaining: restRequestsPerHour, resetAt: new Date(resetAt) },
  };
}

/** Starts a fresh window once the current one has ended. */
export function refill(bucket: RateLimitBucket, now: Date): void {
  if (now.getTime() >= bucket.resetAt.getTime()) {
    bucket.remaining = bucket.limit;
    bucket.resetAt = new Date(now.getTime() + WINDOW_MS);
  }
}

export function resetEpochSeconds(bucket: RateLimitBucket): number {
  return Math.floor(bucket.resetAt.getTime() / 1000);
}

export function usedOf(bucket: RateLimitBucket): number {
  return Math.max(0, bucket.limit - bucket.remaining);
}

export function rateLimitHeaders(bucket: RateLimitBucket, resource: RateLimitResource): Record<string, string> {
  return {
    'x-ratelimit-limit': String(bucket.limit),
    'x-ratelimit-remaining': String(Math.max(0, bucket.remaining)),
    'x-ratelimit-reset': String(resetEpochSeconds(bucket)),
    'x-ratelimit-used': String(usedOf(bucket)),
    'x-ratelimit-resource': resource,
  };
}
