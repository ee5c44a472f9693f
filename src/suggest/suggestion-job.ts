/**
 * Suggested duplicates of a loaded roadmap, worked out once per build and shared.
 *
 * The maintainers' page shows them, and working them out takes seconds for 10,000 requests. So
 * the duplicate suggestions integration starts the work on a worker thread when the build starts
 * (`startSuggestions`), and the page picks the result up (`suggestionsFor`); without a build
 * (`astro dev`), the page works them out itself. The two share the loaded roadmap object through
 * `loadRoadmap()`, and the result through `processGlobal`: the page is bundled by Astro, and the
 * bundle has its own copy of this module.
 *
 * The build works out the pairs down to `RELATED_THRESHOLD`, for the request pages' related
 * requests; the maintainers' page keeps those at or above `DEFAULT_THRESHOLD`, as the report does.
 */
import type { LoadedRoadmap } from '../content/load-roadmap.ts';
import { runSuggestionJob, suggestionJob, type SuggestionJob } from './suggest-duplicate-requests.ts';
import { DEFAULT_THRESHOLD, RELATED_THRESHOLD, type SuggestionResult } from './suggest-duplicates.ts';
import { processGlobal } from '../workers/process-global.ts';

const shared = processGlobal('duplicate-suggestions', () => new WeakMap<object, Promise<SuggestionResult>>());

/** Starts working out the suggestions of `loaded` with `compute`, unless that has started already. */
export function startSuggestions(loaded: LoadedRoadmap, compute: (job: SuggestionJob) => Promise<SuggestionResult>): Promise<SuggestionResult> {
  let result = shared.get(loaded.roadmap);
  if (result === undefined) {
    result = Promise.resolve().then(() => compute({ ...suggestionJob(loaded.roadmap.requests, loaded.snapshot.items), threshold: RELATED_THRESHOLD }));
    shared.set(loaded.roadmap, result);
    // A failure is not kept: whoever asks next works them out again.
    result.catch(() => shared.delete(loaded.roadmap));
  }
  return result;
}

/**
 * The pairs of `loaded` down to `RELATED_THRESHOLD`: the ones a worker has worked out or is
 * working out, else worked out here.
 */
export function suggestionsFor(loaded: LoadedRoadmap): Promise<SuggestionResult> {
  return startSuggestions(loaded, async (job) => runSuggestionJob(job));
}

/** The suggested duplicates of `loaded`, as `npm run report:duplicates` lists them: the pairs at or above `DEFAULT_THRESHOLD`. */
export async function duplicateSuggestionsFor(loaded: LoadedRoadmap): Promise<SuggestionResult> {
  const { suggestions, stats } = await suggestionsFor(loaded);
  return { suggestions: suggestions.filter((suggestion) => suggestion.score >= DEFAULT_THRESHOLD), stats };
}
