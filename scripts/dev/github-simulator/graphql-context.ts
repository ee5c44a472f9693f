/** What every GraphQL resolver can see about the request it serves. */
import type { SimActor, SimRepository } from './store-types.ts';
import type { WorldIndex } from './world-index.ts';

export interface RateLimitReport {
  cost: number;
  limit: number;
  remaining: number;
  used: number;
  resetAt: string;
  nodeCount: number;
}

export interface ResolverContext {
  index: WorldIndex;
  /** A valid token came with the request; we treat every valid token as having push access. */
  authenticated: boolean;
  viewer: SimActor;
  /** The token may read GitHub Projects (a classic token's `read:project` scope). */
  canReadProjects: boolean;
  /** When the request arrived. */
  now: Date;
  rateLimit: RateLimitReport;
  /** `rateLimit(dryRun: true)` was asked: price the query, resolve nothing else. */
  dryRun: boolean;
  /** Root fields that broke a pagination rule; they resolve to `null` without running. */
  blockedRootKeys: ReadonlySet<string>;
}

/** Private repositories exist only for callers with a valid token, as on GitHub. */
export function canSee(context: { authenticated: boolean }, repo: SimRepository): boolean {
  return context.authenticated || !repo.isPrivate;
}
