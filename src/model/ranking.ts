/**
 * The orders a list of requests can be read in. Every order is total (ties fall back to the
 * key), so pages come out the same on every build.
 */
import type { StatusId } from '../config/status-ids.ts';

export const REQUEST_SORTS = ['top', 'trending', 'newest', 'shipped'] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

/** The fields ranking needs; both model requests and stored entries have them. */
export interface Rankable {
  key: string;
  status: StatusId;
  votes: { total: number };
  trendingScore: number;
  createdAt: string;
  updatedAt: string;
  shippedAt: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Recent votes weigh more: a vote cast `halfLifeDays` before `now` counts half, twice as long
 * ago a quarter, and so on. `now` is the snapshot's time, not the clock, so a rebuild of the
 * same snapshot ranks the same way. Votes "from the future" (clock skew) count as one.
 */
export function trendingScore(voteTimes: readonly string[], now: string, halfLifeDays: number): number {
  const nowMs = Date.parse(now);
  let score = 0;
  for (const time of voteTimes) {
    const ageDays = Math.max(0, nowMs - Date.parse(time)) / DAY_MS;
    score += 0.5 ** (ageDays / halfLifeDays);
  }
  // Rounded so that the stored value does not depend on floating-point summation order.
  return Math.round(score * 1e6) / 1e6;
}

const byKey = (a: Pick<Rankable, 'key'>, b: Pick<Rankable, 'key'>): number => a.key.localeCompare(b.key);

/** Most votes first, then by key: the order of the site's own listings of every request (the JSON API, the page routes). */
export function compareByVotesThenKey(a: Pick<Rankable, 'key' | 'votes'>, b: Pick<Rankable, 'key' | 'votes'>): number {
  return b.votes.total - a.votes.total || byKey(a, b);
}

/** The "top" order: most votes first, then the most recently updated. */
export function compareByVotes(a: Pick<Rankable, 'key' | 'votes' | 'updatedAt'>, b: Pick<Rankable, 'key' | 'votes' | 'updatedAt'>): number {
  return b.votes.total - a.votes.total || b.updatedAt.localeCompare(a.updatedAt) || a.key.localeCompare(b.key);
}

const COMPARATORS: Record<RequestSort, (a: Rankable, b: Rankable) => number> = {
  top: compareByVotes,
  trending: (a, b) => b.trendingScore - a.trendingScore || b.votes.total - a.votes.total || byKey(a, b),
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt) || byKey(a, b),
  shipped: (a, b) => (b.shippedAt ?? '').localeCompare(a.shippedAt ?? '') || b.votes.total - a.votes.total || byKey(a, b),
};

/** Whether a request belongs in a list read in this order: "recently shipped" lists shipped ones only. */
export function isListedIn(sort: RequestSort, request: Rankable): boolean {
  return sort !== 'shipped' || (request.status === 'shipped' && request.shippedAt !== null);
}

/** The requests listed in `sort`'s order, best first. Does not change its input. */
export function rankRequests<T extends Rankable>(requests: readonly T[], sort: RequestSort): T[] {
  return requests.filter((request) => isListedIn(sort, request)).sort(COMPARATORS[sort]);
}
