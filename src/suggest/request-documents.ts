/**
 * The model's requests as documents to compare, and the pairs never to suggest.
 *
 * Working on canonical requests (not raw items) settles most of what must stay out:
 * - items of private repositories, spam-labelled items and items by excluded accounts are not
 *   requests (see `src/model/publishable-items.ts`);
 * - items already marked as duplicates, directly or through a chain, are folded into their
 *   canonical request (see `src/model/resolve-duplicates.ts`), so a marked pair is one request
 *   and is never compared with itself. Their titles still describe the request, in other words.
 *
 * What remains is a maintainer's "not a duplicate after all": an `UnmarkedAsDuplicateEvent`
 * that still stands. Suggesting that pair again would be noise.
 */
import { itemKey } from '../model/item-key.ts';
import type { ItemKey, Request } from '../model/types.ts';
import type { Item } from '../snapshot/schema.ts';
import type { SuggestionDocument } from './document-features.ts';

export function requestDocuments(requests: readonly Request[]): SuggestionDocument[] {
  return requests.map((request) => ({
    key: request.key,
    title: request.title,
    body: request.body,
    alsoKnownAs: request.duplicates.map((duplicate) => duplicate.title),
    createdAt: request.createdAt,
  }));
}

/** Which request each item counts towards: itself when canonical, else the request it was folded into. */
export function requestOfItem(requests: readonly Request[]): Map<ItemKey, ItemKey> {
  const requestOf = new Map<ItemKey, ItemKey>();
  for (const request of requests) {
    requestOf.set(request.key, request.key);
    for (const duplicate of request.duplicates) requestOf.set(duplicate.key, request.key);
  }
  return requestOf;
}

/**
 * Pairs of requests a maintainer said are not duplicates: the item was unmarked as a duplicate
 * of the other, and not marked again since.
 */
export function dismissedPairs(items: readonly Item[], requests: readonly Request[]): Array<[ItemKey, ItemKey]> {
  const requestOf = requestOfItem(requests);
  const pairs = new Map<string, [ItemKey, ItemKey]>();
  for (const item of items) {
    if (item.type !== 'issue') continue;
    const standing = new Map<ItemKey, boolean>();
    for (const event of item.events) {
      if (event.kind === 'unmarked_as_duplicate') standing.set(itemKey(event.canonical), true);
      if (event.kind === 'marked_as_duplicate') standing.set(itemKey(event.canonical), false);
    }
    for (const [target, dismissed] of standing) {
      const from = requestOf.get(itemKey(item));
      const to = requestOf.get(target);
      if (!dismissed || from === undefined || to === undefined || from === to) continue;
      const pair: [ItemKey, ItemKey] = from < to ? [from, to] : [to, from];
      pairs.set(pair.join('\n'), pair);
    }
  }
  return [...pairs.values()].sort((x, y) => x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]));
}
