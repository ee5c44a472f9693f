/**
 * Suggested duplicates of a loaded roadmap, worked out once per build and shared.
 *
 * The maintainers' page shows them, and working them out takes seconds for 10,000 requests. So
 * the duplicate suggestions integration starts the work on a worker thread when the build starts
 * (`startSuggestions`), and the page picks the result up (`suggestionsFor`); without a build
 * (`astro dev`), the page works them out itself. The two share the loaded roadmap object through
 * `loadRoadmap()`, and the result through `globalThis`: the page is bundled by Astro, and the
 * bundle has its own copy of this module.
 */
import type { LoadedRoadmap } from '../content/load-roadmap.ts';
import type { SuggestionDocument } from './document-features.ts';
import { dismissedPairs, requestDocuments } from './request-documents.ts';
import { suggestDuplicates, type SuggestionResult } from './suggest-duplicates.ts';

/** What a worker needs: plain data, cheap to copy to another thread. */
export interface SuggestionJob {
  documents: SuggestionDocument[];
  excludedPairs: Array<[string, string]>;
}

export function suggestionJob({ snapshot, roadmap }: Pick<LoadedRoadmap, 'snapshot' | 'roadmap'>): SuggestionJob {
  return { documents: requestDocuments(roadmap.requests), excludedPairs: dismissedPairs(snapshot.items, roadmap.requests) };
}

export function runSuggestionJob(job: SuggestionJob): SuggestionResult {
  return suggestDuplicates(job.documents, { excludedPairs: job.excludedPairs });
}

const SHARED = Symbol.for('open-roadmap.duplicate-suggestions');
const shared: WeakMap<object, Promise<SuggestionResult>> = ((globalThis as Record<symbol, unknown>)[SHARED] as
  | WeakMap<object, Promise<SuggestionResult>>
  | undefined) ?? new WeakMap();
(globalThis as Record<symbol, unknown>)[SHARED] = shared;

/** Starts working out the suggestions of `loaded` with `compute`, unless that has started already. */
export function startSuggestions(loaded: LoadedRoadmap, compute: (job: SuggestionJob) => Promise<SuggestionResult>): Promise<SuggestionResult> {
  let result = shared.get(loaded.roadmap);
  if (result === undefined) {
    result = Promise.resolve().then(() => compute(suggestionJob(loaded)));
    shared.set(loaded.roadmap, result);
    // A failure is not kept: whoever asks next works them out again.
    result.catch(() => shared.delete(loaded.roadmap));
  }
  return result;
}

/** The suggestions of `loaded`: the ones a worker has worked out or is working out, else worked out here. */
export function suggestionsFor(loaded: LoadedRoadmap): Promise<SuggestionResult> {
  return startSuggestions(loaded, async (job) => runSuggestionJob(job));
}
