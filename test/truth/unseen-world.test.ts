/**
 * True demand on repositories the tests never saw. Each world is generated with a seed no other
 * test uses, served by the GitHub simulator, pulled by the real sync, and built into requests by
 * the model. The expectations come from the world itself and the generator's ground truth, never
 * from the model: for every canonical request, the people a careful person would count by walking
 * the world (the configured reactions by living, human, non-excluded accounts on the request and
 * on every item the truth says resolves to it, plus the authors when they count, plus the
 * Discussion upvoters there must be beyond them) and the duplicates the truth lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW } from '../../scripts/dev/demo/clock.ts';
import { generateWorld, type GroundTruth } from '../../scripts/dev/demo/generate.ts';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import type { SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { parseConfig, type RoadmapConfigInput } from '../../src/config/index.ts';
import { resolveRequests, type ResolvedRequests } from '../../src/model/build-requests.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { createSandbox, runSync, TOKEN, type SyncSandbox } from '../sync/sync-run.ts';
import { busiestVoter, expectedDemandByRequest, keyOf, truthGroups } from './world-demand.ts';

interface Scenario {
  name: string;
  world: SimWorld;
  truth: GroundTruth;
  config: RoadmapConfigInput;
}

function benchScenario(): Scenario {
  const { world, truth } = generateWorld({ preset: 'bench', items: 1200, seed: 6021 });
  return {
    name: 'a 1,200-item bench repository (seed 6021)',
    world,
    truth,
    config: {
      site: { title: 'Unseen bench' },
      sources: [
        { repo: 'bench/big', issues: { labels: ['enhancement'] }, discussions: { categories: ['ideas'] } },
        { repo: 'bench/private' },
      ],
      exclude: { users: [busiestVoter(world, truth)] },
    },
  };
}

function demoScenario(): Scenario {
  const { world, truth } = generateWorld({ preset: 'demo', seed: 29 });
  const [main, docs] = world.repositories.filter((repository) => !repository.isPrivate).map((repository) => `${repository.owner}/${repository.name}`);
  return {
    name: 'the demo project with every kind of duplicate marking (seed 29)',
    world,
    truth,
    config: {
      site: { title: 'Unseen demo' },
      sources: [
        { repo: main ?? '', issues: { labels: ['enhancement'] }, discussions: { categories: ['ideas'] } },
        { repo: docs ?? '', issues: { labels: ['enhancement'] }, discussions: false },
        // Configured, but private without allowPrivate: a duplicate of its items must stay apart.
        { repo: truth.privateRepository },
      ],
      // Another reaction, and authors left out: the other branch of every counting rule.
      votes: { reactions: ['THUMBS_UP', 'HEART'], countAuthor: false },
    },
  };
}

describe.each([benchScenario(), demoScenario()])('true demand on $name', ({ world, truth, config: input }) => {
  const config = parseConfig(input);
  /** The truth's groups: canonical request → every request that resolves to it, itself included. */
  const groups = truthGroups(truth);
  const demand = expectedDemandByRequest(world, truth, config);
  let sim: Simulator;
  let sandbox: SyncSandbox;
  let resolved: ResolvedRequests;

  beforeAll(async () => {
    sim = await startSimulator({ world, token: TOKEN, now: () => new Date(NOW) });
    sandbox = await createSandbox(sim, input);
    const { code, output } = await runSync(sandbox);
    expect(code, output).toBe(0);
    resolved = resolveRequests(await readSnapshot(sandbox.snapshotDir), config);
  }, 300_000);

  afterAll(async () => {
    await sandbox.cleanup();
    await sim.close();
  });

  it('shows exactly the canonical requests of the truth, each with the duplicates the truth lists', () => {
    expect(resolved.requests.map((request) => request.key).sort()).toEqual([...groups.keys()].sort());
    for (const request of resolved.requests) {
      const expected = (groups.get(request.key) ?? []).filter((key) => key !== request.key).sort();
      expect(request.duplicates.map((duplicate) => duplicate.key).sort(), request.key).toEqual(expected);
    }
    expect(resolved.requests.some((request) => request.duplicates.length > 0)).toBe(true);
  });

  it('counts each canonical request’s distinct human voters across it and its duplicates', () => {
    let anonymous = 0;
    for (const request of resolved.requests) {
      const expected = demand.get(request.key);
      if (expected === undefined) throw new Error(`${request.key} is not a canonical request of the truth`);
      expect(request.votes.people.map((voter) => voter.login.toLowerCase()).sort(), request.key).toEqual([...expected.people].sort());
      expect(request.votes.anonymous, request.key).toBe(expected.anonymous);
      expect(request.votes.total, request.key).toBe(expected.people.size + expected.anonymous);
      anonymous += expected.anonymous;
    }
    // The world exercises the anonymous rule, or this test would prove less than it says.
    expect(anonymous).toBeGreaterThan(0);
  });

  it('counts the account that voted on several duplicates once', () => {
    if (truth.repeatVoter === null) return;
    const request = resolved.requests.find((candidate) => candidate.key === keyOf(truth.repeatVoter?.canonical ?? { repository: '', number: 0 }));
    const login = truth.repeatVoter.login.toLowerCase();
    expect(request?.votes.people.filter((voter) => voter.login.toLowerCase() === login)).toHaveLength(1);
  });

  it('reports every marking it could not follow, and nothing else', () => {
    const unfollowable = truth.markedDuplicates.filter((entry) => ['self', 'unknown-target', 'private-target'].includes(entry.how));
    const cycles = truth.markedDuplicates.filter((entry) => entry.how === 'cycle');
    const expected = new Set([...unfollowable.map((entry) => keyOf(entry.duplicate)), ...cycles.map((entry) => keyOf(entry.canonical))]);
    expect(new Set(resolved.problems.map((problem) => problem.item.key))).toEqual(expected);
    for (const entry of unfollowable) {
      const problem = resolved.problems.find((candidate) => candidate.item.key === keyOf(entry.duplicate));
      expect(problem?.kind, entry.how).toBe(entry.how === 'self' ? 'self-reference' : 'unavailable-original');
      if (problem?.kind === 'unavailable-original') expect(problem.reason, entry.how).toBe(entry.how === 'private-target' ? 'private' : 'not-found');
    }
  });
});
