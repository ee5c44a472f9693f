import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRoadmap } from '../../src/content/load-roadmap.ts';
import { overviewLoader, releasesLoader, requestsLoader } from '../../src/content/roadmap-loaders.ts';

const FIXTURE = new URL('../fixtures/snapshot-mini/', import.meta.url).pathname;

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
  rendered?: { html: string };
}

/** Just enough of Astro's loader context: a store that records its writes. */
function fakeContext() {
  const entries = new Map<string, StoredEntry>();
  const writes: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: StoredEntry) => {
      writes.push(entry.id);
      entries.set(entry.id, entry);
      return true;
    },
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
  };
  const context = {
    collection: 'test',
    store,
    meta: new Map<string, string>(),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: string | Record<string, unknown>) => (typeof data === 'string' ? data : JSON.stringify(data)),
  } as unknown as LoaderContext;
  return { context, entries, writes };
}

describe('roadmap loaders', () => {
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env.ROADMAP_SNAPSHOT_DIR;
    process.env.ROADMAP_SNAPSHOT_DIR = FIXTURE;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.ROADMAP_SNAPSHOT_DIR;
    else process.env.ROADMAP_SNAPSHOT_DIR = previous;
  });

  it('store one entry per canonical request, with rendered and sanitized HTML', async () => {
    const { roadmap } = await loadRoadmap();
    const { context, entries } = fakeContext();
    await requestsLoader().load(context);
    expect([...entries.keys()].sort()).toEqual(roadmap.requests.map((request) => request.slug).sort());
    const hostile = [...entries.values()].find((entry) => String(entry.data.title).includes('XSS-PROBE'));
    expect(hostile?.rendered?.html).toContain('XSS-PROBE');
    expect(hostile?.rendered?.html).not.toMatch(/<script|<[^>]*\son\w+=|="\s*javascript:/i);
  });

  it('skip unchanged entries and delete those that no longer exist', async () => {
    const { context, entries, writes } = fakeContext();
    await releasesLoader().load(context);
    const count = entries.size;
    entries.set('v0.0.1-gone', { id: 'v0.0.1-gone', data: {} });
    writes.length = 0;
    await releasesLoader().load(context);
    expect(writes).toEqual([]);
    expect(entries.has('v0.0.1-gone')).toBe(false);
    expect(entries.size).toBe(count);
  });

  it('store the overview: snapshot time, repositories and milestones', async () => {
    const { context, entries } = fakeContext();
    await overviewLoader().load(context);
    const overview = entries.get('overview')?.data as { syncedAt: string; repositories: unknown[]; horizons: { horizon: string }[] };
    expect(overview.syncedAt).toBe('2025-11-20T12:00:00Z');
    expect(overview.repositories).toHaveLength(2);
    expect(overview.horizons.map((milestone) => milestone.horizon)).toContain('now');
  });

  it('say how to fix a missing snapshot', async () => {
    process.env.ROADMAP_SNAPSHOT_DIR = '/nonexistent/snapshot';
    await expect(loadRoadmap()).rejects.toThrow(/ROADMAP_SNAPSHOT_DIR is set to \/nonexistent\/snapshot.*npm run sync/);
  });
});
