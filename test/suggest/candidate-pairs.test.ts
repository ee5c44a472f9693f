import { describe, expect, it } from 'vitest';
import { buildRequests } from '../../src/model/build-requests.ts';
import { suggestDuplicateRequests } from '../../src/suggest/suggest-duplicate-requests.ts';
import { DEFAULTS } from '../../src/suggest/suggest-duplicates.ts';
import { configForWorld, snapshotOfWorld } from '../../scripts/dev/bench/suggest-bench.ts';
import { generateWorld } from '../../scripts/dev/demo/generate.ts';

describe('candidate generation on a 10,000-request world', () => {
  it('scores a small fraction of the n²/2 pairs, and still finds look-alikes', () => {
    const { world } = generateWorld({ preset: 'bench', items: 10_000, seed: 1 });
    const snapshot = snapshotOfWorld(world);
    const requests = buildRequests(snapshot, configForWorld(world));
    const { suggestions, stats } = suggestDuplicateRequests(requests, snapshot.items);

    expect(stats.documents).toBeGreaterThan(9_000);
    expect(stats.allPairs).toBe((stats.documents * (stats.documents - 1)) / 2);
    // Each request keeps at most m candidates, so at most n·m pairs are scored: 0.2 % of all pairs.
    expect(stats.comparedPairs).toBeLessThanOrEqual(stats.documents * DEFAULTS.candidatesPerDocument);
    expect(stats.comparedPairs).toBeLessThan(stats.allPairs / 100);
    // The index work is bounded too: each request visits at most k posting lists of at most `maxPostings` entries.
    expect(stats.postingsVisited).toBeLessThanOrEqual(stats.documents * DEFAULTS.termsPerDocument * stats.maxPostings);
    expect(stats.postingsVisited).toBeLessThan(stats.allPairs);
    expect(suggestions.length).toBeGreaterThan(0);
  });
});
