import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../scripts/dev/demo/generate.ts';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { expectedItems, projectItem } from './expected-snapshot.ts';
import { createSandbox, runSync, TOKEN, type SyncSandbox } from './sync-run.ts';

// A generated repository with a seed no other test uses: the sync has never seen this data.
const { world } = generateWorld({ preset: 'bench', items: 1500, seed: 90210 });
const publicRepo = world.repositories.find((repo) => !repo.isPrivate)!;
const privateRepo = world.repositories.find((repo) => repo.isPrivate)!;
const repo = `${publicRepo.owner}/${publicRepo.name}`;

let sim: Simulator;
let sandbox: SyncSandbox;
beforeAll(async () => {
  sim = await startSimulator({ world, token: TOKEN });
  sandbox = await createSandbox(sim, {
    site: { title: 'Unseen' },
    sources: [{ repo }, { repo: `${privateRepo.owner}/${privateRepo.name}` }],
    sync: { comments: 3 },
  });
});
afterAll(async () => {
  await sandbox.cleanup();
  await sim.close();
});

describe('a full sync of a repository the tests never saw', () => {
  it('holds every field of every item, and nothing of the private repository', async () => {
    const { code, output } = await runSync(sandbox);
    expect(code, output).toBe(0);
    const snapshot = await readSnapshot(sandbox.snapshotDir);
    const expected = expectedItems(world, repo, { labels: [], categories: [], keepComments: 3 });
    const actual = snapshot.items.filter((item) => item.repository === repo).map(projectItem);
    expect(actual.length).toBe(expected.length);
    expect(actual).toEqual(expected);
    expect(snapshot.items.some((item) => item.repository !== repo)).toBe(false);
    const releases = snapshot.repositories.find((r) => r.repository === repo)?.releases.map((r) => r.tagName).sort();
    expect(releases).toEqual(publicRepo.releases.filter((r) => !r.isDraft).map((r) => r.tagName).sort());
  });
});
