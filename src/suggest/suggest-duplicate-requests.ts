/**
 * Suggested duplicates among a roadmap's requests: what the report and the maintainer page show.
 */
import type { Request } from '../model/types.ts';
import type { Item } from '../snapshot/schema.ts';
import type { SuggestionDocument } from './document-features.ts';
import { dismissedPairs, requestDocuments } from './request-documents.ts';
import { suggestDuplicates, type SuggestionResult, type SuggestOptions } from './suggest-duplicates.ts';

/** What the suggestions are worked out from: plain data, cheap to copy to a worker thread. */
export interface SuggestionJob {
  documents: SuggestionDocument[];
  /** The pairs maintainers already said are not duplicates. */
  excludedPairs: Array<[string, string]>;
  /** Pairs scoring below this are left out; default `DEFAULT_THRESHOLD`. */
  threshold?: number;
}

/**
 * @param requests the model's canonical requests (`buildRequests`)
 * @param items the snapshot's items, for the pairs maintainers already said are not duplicates
 */
export function suggestionJob(requests: readonly Request[], items: readonly Item[]): SuggestionJob {
  return { documents: requestDocuments(requests), excludedPairs: dismissedPairs(items, requests) };
}

export function runSuggestionJob(job: SuggestionJob, options: SuggestOptions = {}): SuggestionResult {
  const threshold = options.threshold ?? job.threshold;
  return suggestDuplicates(job.documents, {
    ...options,
    ...(threshold === undefined ? {} : { threshold }),
    excludedPairs: [...job.excludedPairs, ...(options.excludedPairs ?? [])],
  });
}

export function suggestDuplicateRequests(requests: readonly Request[], items: readonly Item[], options: SuggestOptions = {}): SuggestionResult {
  return runSuggestionJob(suggestionJob(requests, items), options);
}
