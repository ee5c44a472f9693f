/**
 * The requests a request page offers as related: the open requests that read most alike, so a
 * visitor about to ask for the same thing votes on the one that exists instead. The pairs and
 * their scores come from the suggested-duplicates engine (`src/suggest/`), which only pairs
 * requests that read alike enough to be worth a maintainer's look; this picks, for each request,
 * the ones worth a visitor's vote.
 *
 * Pure: the same pairs and requests always give the same lists.
 */
import type { ItemKey, Request } from './types.ts';
import { isOpenRequest } from './status.ts';

/** At most this many per page: a short list is read, a long one skipped. */
export const RELATED_LIMIT = 4;

export interface ScoredPair {
  a: ItemKey;
  b: ItemKey;
  /** Similarity from 0 to 1. */
  score: number;
}

/** What the page shows of a related request; the stored entries have it, as the model's requests do. */
export type RelatedSubject = Pick<Request, 'key' | 'title' | 'path' | 'status'> & {
  votes: { total: number };
  duplicates: ReadonlyArray<{ repository: string; number: number }>;
};

export interface RelatedRequest {
  key: ItemKey;
  title: string;
  path: string;
  votes: number;
}


/**
 * Each request's related open requests, most alike first (then most voted): never the request
 * itself, one of the items merged into it, or a shipped or declined request, which asks for no
 * votes any more. Requests without any are left out of the map.
 */
export function relatedRequests(pairs: readonly ScoredPair[], requests: readonly RelatedSubject[], limit = RELATED_LIMIT): Map<ItemKey, RelatedRequest[]> {
  const byKey = new Map(requests.map((request) => [request.key, request]));
  const candidates = new Map<ItemKey, Array<{ request: RelatedSubject; score: number }>>();
  const offer = (from: ItemKey, to: ItemKey, score: number) => {
    const source = byKey.get(from);
    const target = byKey.get(to);
    if (source === undefined || target === undefined || from === to || !isOpenRequest(target)) return;
    if (source.duplicates.some((duplicate) => `${duplicate.repository.toLowerCase()}#${duplicate.number}` === to)) return;
    candidates.set(from, [...(candidates.get(from) ?? []), { request: target, score }]);
  };
  for (const pair of pairs) {
    offer(pair.a, pair.b, pair.score);
    offer(pair.b, pair.a, pair.score);
  }
  const related = new Map<ItemKey, RelatedRequest[]>();
  for (const [key, list] of candidates) {
    const best = list
      .sort((x, y) => y.score - x.score || y.request.votes.total - x.request.votes.total || x.request.key.localeCompare(y.request.key))
      .slice(0, limit)
      .map(({ request }) => ({ key: request.key, title: request.title, path: request.path, votes: request.votes.total }));
    related.set(key, best);
  }
  return related;
}
