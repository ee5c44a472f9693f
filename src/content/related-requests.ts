/**
 * Related requests for the request pages: the suggested duplicates of this build (worked out on
 * a worker thread from the start of the build, see `integrations/duplicate-suggestions.ts`),
 * turned into each page's short list by `model/related-requests.ts`.
 */
import { relatedRequests, type RelatedRequest, type RelatedSubject } from '../model/related-requests.ts';
import type { ItemKey } from '../model/types.ts';
import { suggestionsFor } from '../suggest/suggestion-job.ts';
import { loadRoadmap } from './load-roadmap.ts';

export async function relatedRequestsOf(requests: readonly RelatedSubject[]): Promise<Map<ItemKey, RelatedRequest[]>> {
  const { suggestions } = await suggestionsFor(await loadRoadmap());
  return relatedRequests(suggestions, requests);
}
