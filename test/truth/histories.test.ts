/**
 * The roadmap tells the truth about repositories with real histories. Worlds the tests never saw
 * (the `histories` preset: the demo project plus reopened and re-shipped requests, late closes,
 * moved milestones, leftover and piled-up status labels, renames, a transfer, a duplicate that was
 * not one) are served by the GitHub simulator, pulled by the real sync and built by the model, and
 * every canonical request is compared with what `world-oracle.ts` reads in the raw world: its
 * duplicates, its voters, its status and the release that shipped it. No tolerance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroundTruth } from '../../scripts/dev/demo/generate.ts';
import type { SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { parseConfig, type RoadmapConfig } from '../../src/config/index.ts';
import { resolveRequests } from '../../src/model/build-requests.ts';
import type { Request } from '../../src/model/types.ts';
import { expectedRequests, keyOf, type ExpectedRequest } from './world-oracle.ts';
import { historiesWorld, projectConfig, syncWorld, type SyncedWorld } from './world-scenarios.ts';

const SCENARIOS = [
  { seed: 3, variant: 'project' },
  { seed: 11, variant: 'authors-off' },
  { seed: 19, variant: 'private-listed' },
  { seed: 23, variant: 'project' },
  { seed: 31, variant: 'project' },
  { seed: 37, variant: 'authors-off' },
] as const;

/** One line per disagreement, so a failure names every request that is wrong and how. */
function disagreements<T>(requests: readonly Request[], expected: Map<string, ExpectedRequest>, pick: (request: Request) => T, want: (entry: ExpectedRequest) => T): string[] {
  return requests.flatMap((request) => {
    const entry = expected.get(request.key);
    if (entry === undefined) return [`${request.key}: not a canonical request of the world`];
    const [got, wanted] = [JSON.stringify(pick(request)), JSON.stringify(want(entry))];
    return got === wanted ? [] : [`${request.key} "${request.title}": expected ${wanted}, got ${got}`];
  });
}

describe.each(SCENARIOS)('seed $seed ($variant)', ({ seed, variant }) => {
  let world: SimWorld;
  let truth: GroundTruth;
  let config: RoadmapConfig;
  let expected: Map<string, ExpectedRequest>;
  let synced: SyncedWorld;
  let requests: Request[];

  beforeAll(async () => {
    ({ world, truth } = historiesWorld(seed));
    const input = projectConfig(world, truth, variant);
    config = parseConfig(input);
    expected = expectedRequests(world, config);
    synced = await syncWorld(world, input);
    expect(synced.code, synced.output).toBe(0);
    requests = resolveRequests(synced.snapshot, config).requests;
  }, 120_000);

  afterAll(async () => {
    await synced?.close();
  });

  it('plants every history as a request of its own, shipped where the generator meant it to be', () => {
    const kinds = new Set(truth.histories.map((entry) => entry.kind));
    expect(kinds.size).toBe(12);
    for (const entry of truth.histories) {
      const key = keyOf(entry.ref.repository, entry.ref.number);
      expect(expected.get(key)?.duplicates, entry.kind).toEqual([]);
      const meant = truth.shipped.find((shipped) => keyOf(shipped.ref.repository, shipped.ref.number) === key);
      expect(expected.get(key)?.release, entry.kind).toBe(meant?.release ?? null);
    }
  });

  it('the oracle groups duplicates as the generator planned them', () => {
    // The generator knows what it meant; the oracle only reads the data. They must agree.
    for (const request of truth.requests) {
      const canonical = keyOf(request.canonical.repository, request.canonical.number);
      const key = keyOf(request.ref.repository, request.ref.number);
      if (canonical === key) expect(expected.has(key), key).toBe(true);
      else expect(expected.get(canonical)?.duplicates, key).toContain(key);
    }
  });

  it('publishes exactly the canonical requests of the world, each with its duplicates', () => {
    expect(requests.map((request) => request.key).sort()).toEqual([...expected.keys()].sort());
    expect(disagreements(requests, expected, (request) => request.duplicates.map((duplicate) => duplicate.key).sort(), (entry) => entry.duplicates)).toEqual([]);
  });

  it('counts the distinct people behind each request and its duplicates', () => {
    expect(
      disagreements(
        requests,
        expected,
        (request) => ({ people: request.votes.people.map((voter) => voter.login.toLowerCase()).sort(), anonymous: request.votes.anonymous }),
        (entry) => ({ people: entry.voters, anonymous: entry.anonymous }),
      ),
    ).toEqual([]);
  });

  it('gives each request the status its labels, state, close reason and milestone say', () => {
    expect(disagreements(requests, expected, (request) => request.status, (entry) => entry.status)).toEqual([]);
  });

  it('shows each request under its current title, a transferred one at its new address', () => {
    expect(disagreements(requests, expected, (request) => request.title, (entry) => entry.title)).toEqual([]);
    const transferred = truth.histories.find((entry) => entry.kind === 'transferred');
    expect(requests.some((request) => transferred !== undefined && request.key === keyOf(transferred.ref.repository, transferred.ref.number))).toBe(true);
  });

  it('ships a reopened, re-closed or re-planned request in the release of its final close, or not at all', () => {
    const planted = new Set(truth.histories.map((entry) => keyOf(entry.ref.repository, entry.ref.number)));
    const histories = requests.filter((request) => planted.has(request.key));
    expect(histories).toHaveLength(planted.size);
    expect(disagreements(histories, expected, (request) => request.release?.tagName ?? null, (entry) => entry.release)).toEqual([]);
  });

  it('ships each request in the first release containing the change that finally closed it', () => {
    expect(disagreements(requests, expected, (request) => request.release?.tagName ?? null, (entry) => entry.release)).toEqual([]);
  });

  it('lists a shipped request in that one release, and an unshipped one in none', () => {
    expect(
      disagreements(
        requests,
        expected,
        (request) => request.shippedIn.map((release) => release.tagName),
        (entry) => (entry.release === null ? [] : [entry.release]),
      ),
    ).toEqual([]);
  });
});

describe('issues deleted between the sync’s listing and its detail queries (seed 43)', () => {
  let world: SimWorld;
  let config: RoadmapConfig;
  let synced: SyncedWorld;
  let deleted: string[];

  beforeAll(async () => {
    let truth: GroundTruth;
    ({ world, truth } = historiesWorld(43));
    // A request of its own, and a duplicate whose voters must leave its request with it.
    const renamed = truth.histories.find((entry) => entry.kind === 'renamed')?.ref;
    const duplicate = truth.markedDuplicates.find((entry) => entry.how === 'comment+event')?.duplicate;
    const refs = [renamed, duplicate].filter((ref) => ref !== undefined);
    deleted = refs.map((ref) => keyOf(ref.repository, ref.number));
    for (const repository of world.repositories) {
      for (const issue of repository.issues) {
        if (deleted.includes(keyOf(`${repository.owner}/${repository.name}`, issue.number))) issue.deletedAfterListing = true;
      }
    }
    const input = projectConfig(world, truth, 'project');
    config = parseConfig(input);
    synced = await syncWorld(world, input);
  }, 120_000);

  afterAll(async () => {
    await synced?.close();
  });

  it('syncs the rest, and the roadmap counts neither them nor their votes', () => {
    expect(deleted).toHaveLength(2);
    expect(synced.code, synced.output).toBe(0);
    const expected = expectedRequests(world, config);
    const requests = resolveRequests(synced.snapshot, config).requests;
    expect(requests.map((request) => request.key).sort()).toEqual([...expected.keys()].sort());
    for (const key of deleted) expect(requests.some((request) => request.key === key || request.duplicates.some((duplicate) => duplicate.key === key)), key).toBe(false);
    expect(
      disagreements(
        requests,
        expected,
        (request) => ({ duplicates: request.duplicates.map((duplicate) => duplicate.key).sort(), people: request.votes.people.map((voter) => voter.login.toLowerCase()).sort() }),
        (entry) => ({ duplicates: entry.duplicates, people: entry.voters }),
      ),
    ).toEqual([]);
  });
});
