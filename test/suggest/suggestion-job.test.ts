import { describe, expect, it, vi } from 'vitest';
import { loadRoadmap } from '../../src/content/load-roadmap.ts';
import { suggestOnWorker } from '../../src/integrations/duplicate-suggestions.ts';
import { suggestDuplicateRequests, suggestionJob } from '../../src/suggest/suggest-duplicate-requests.ts';
import { DEFAULT_THRESHOLD, RELATED_THRESHOLD } from '../../src/suggest/suggest-duplicates.ts';
import { duplicateSuggestionsFor, startSuggestions, suggestionsFor } from '../../src/suggest/suggestion-job.ts';

describe('suggested duplicates shared by a build', () => {
  it('come out of the worker thread as the report works them out', async () => {
    const { snapshot, roadmap } = await loadRoadmap();
    const warn = vi.fn();
    const fromWorker = await suggestOnWorker(suggestionJob(roadmap.requests, snapshot.items), warn);
    expect(warn).not.toHaveBeenCalled();
    const inline = suggestDuplicateRequests(roadmap.requests, snapshot.items);
    expect(inline.suggestions.length).toBeGreaterThan(0);
    expect(fromWorker).toEqual(inline);
  });

  it('are worked out once: the page gets what the build started', async () => {
    const loaded = await loadRoadmap();
    const copy = { ...loaded, roadmap: { ...loaded.roadmap } };
    const compute = vi.fn(async () => suggestDuplicateRequests(copy.roadmap.requests, copy.snapshot.items));
    const started = startSuggestions(copy, compute);
    expect(await suggestionsFor(copy)).toBe(await started);
    expect(startSuggestions(copy, compute)).toBe(started);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('are worked out again after a failure, and on the calling thread when none was started', async () => {
    const loaded = await loadRoadmap();
    const copy = { ...loaded, roadmap: { ...loaded.roadmap } };
    await expect(startSuggestions(copy, () => Promise.reject(new Error('worker gone')))).rejects.toThrow('worker gone');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await suggestionsFor(copy)).toEqual(suggestDuplicateRequests(copy.roadmap.requests, copy.snapshot.items, { threshold: RELATED_THRESHOLD }));
  });

  it('go down to the related-requests threshold, and the maintainers get those the report lists', async () => {
    const loaded = await loadRoadmap();
    const copy = { ...loaded, roadmap: { ...loaded.roadmap } };
    const all = await suggestionsFor(copy);
    expect(RELATED_THRESHOLD).toBeLessThan(DEFAULT_THRESHOLD);
    expect(all.suggestions.some((suggestion) => suggestion.score < DEFAULT_THRESHOLD)).toBe(true);
    expect(await duplicateSuggestionsFor(copy)).toEqual(suggestDuplicateRequests(copy.roadmap.requests, copy.snapshot.items));
  });

  it('fall back to the calling thread when the worker fails, and say so', async () => {
    const warn = vi.fn();
    const job = { documents: [{ key: 'o/r#1', title: 'Export', body: 'x' }], excludedPairs: [] as Array<[string, string]> };
    // A document the worker cannot copy back would fail there; a bad job fails the same way on both sides.
    const broken = { ...job, documents: job.documents.map((document) => ({ ...document, body: undefined as unknown as string })) };
    await expect(suggestOnWorker(broken, warn)).rejects.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Suggested duplicates are worked out on the main thread: Duplicate suggestions 1 of 1 failed'));
  });
});
