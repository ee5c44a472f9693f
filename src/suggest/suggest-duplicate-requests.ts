/**
 * Suggested duplicates among a roadmap's requests: what the report and the maintainer page show.
 */
import type { Request } from '../model/types.ts';
import type { Item } from '../snapshot/schema.ts';
import { dismissedPairs, requestDocuments } from './request-documents.ts';
import { suggestDuplicates, type SuggestionResult, type SuggestOptions } from './suggest-duplicates.ts';

/**
 * @param requests the model's canonical requests (`buildRequests`)
 * @param items the snapshot's items, for the pairs maintainers already said are not duplicates
 */
export function suggestDuplicateRequests(requests: readonly Request[], items: readonly Item[], options: SuggestOptions = {}): SuggestionResult {
  return suggestDuplicates(requestDocuments(requests), {
    ...options,
    excludedPairs: [...dismissedPairs(items, requests), ...(options.excludedPairs ?? [])],
  });
}
