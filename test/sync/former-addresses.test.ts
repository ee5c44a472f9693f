/**
 * A request's former addresses, through the real sync against the GitHub simulator: issues
 * renamed before the first sync and between two syncs, and transferred between two listed
 * repositories. Expected addresses are the titles and numbers the test gave the world.
 */
import { describe, expect, it } from 'vitest';
import type { SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { renameIssue, transferIssue } from '../../scripts/dev/github-simulator/world-edits.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import type { Item } from '../../src/snapshot/schema.ts';
import { runSync, simulatedSync } from './sync-run.ts';
import { at, syncWorld } from './sync-world.ts';

const config = {
  site: { title: 'Widgets roadmap' },
  sources: [{ repo: 'acme/widgets', discussions: { categories: ['ideas'] } }, { repo: 'acme/gadgets' }],
  sync: { comments: 5 },
};

/** The sync world with a second public repository, `acme/gadgets`, holding one issue. */
function twoRepositoryWorld(): SimWorld {
  const world = syncWorld();
  const widgets = world.repositories.find((repository) => repository.name === 'widgets')!;
  const gadgets = { ...structuredClone(widgets), name: 'gadgets', id: 3, discussions: [], pullRequests: [], releases: [] };
  gadgets.issues = gadgets.issues.filter((issue) => issue.number === 5).map((issue) => ({ ...issue, id: 9_000, title: 'Gadgets crash' }));
  world.repositories.push(gadgets);
  return world;
}

const env = simulatedSync(twoRepositoryWorld, config);

async function sync(args: string[] = []): Promise<Item[]> {
  const { code, output } = await runSync(env.sandbox, args);
  expect(code, output).toBe(0);
  return (await readSnapshot(env.sandbox.snapshotDir)).items;
}

const issueTitle = (repository: string, number: number) =>
  env.sim.world.repositories.find((repo) => `${repo.owner}/${repo.name}` === repository)!.issues.find((issue) => issue.number === number)!.title;
const itemAt = (items: Item[], repository: string, number: number) =>
  items.find((item) => item.type === 'issue' && item.repository === repository && item.number === number);
const edit = (hours: number) => ({ actor: 'maintainer', at: at(hours) });

describe('the snapshot records where each item was before', () => {
  it('an issue renamed between two syncs keeps its former title, whether or not its timeline is read', async () => {
    // #7 has no comment or vote (only the previous snapshot knows its old title); #2 has both.
    const before7 = issueTitle('acme/widgets', 7);
    const before2 = issueTitle('acme/widgets', 2);
    expect((await sync()).every((item) => item.formerAddresses.length === 0)).toBe(true);
    renameIssue(env.sim.world, 'acme/widgets', 7, 'Widgets in dark mode', edit(5000));
    renameIssue(env.sim.world, 'acme/widgets', 2, 'Export as PDF', edit(5000));
    renameIssue(env.sim.world, 'acme/widgets', 2, 'Export to PDF and PNG', edit(5001));
    const items = await sync();
    expect(itemAt(items, 'acme/widgets', 7)).toMatchObject({
      title: 'Widgets in dark mode',
      formerAddresses: [{ repository: 'acme/widgets', number: 7, title: before7 }],
    });
    // Both titles it had, sorted; the one in between comes from GitHub's RenamedTitleEvent.
    expect(itemAt(items, 'acme/widgets', 2)?.formerAddresses).toEqual(
      [before2, 'Export as PDF'].sort().map((title) => ({ repository: 'acme/widgets', number: 2, title })),
    );
    // Untouched items have none, and a third sync forgets nothing.
    expect(itemAt(items, 'acme/widgets', 1)?.formerAddresses).toEqual([]);
    expect(itemAt(await sync(['--full']), 'acme/widgets', 7)?.formerAddresses).toEqual([{ repository: 'acme/widgets', number: 7, title: before7 }]);
  });

  it('an issue renamed before the first sync has its former titles from its timeline', async () => {
    const first = issueTitle('acme/widgets', 8);
    renameIssue(env.sim.world, 'acme/widgets', 8, 'Second title', edit(4000));
    renameIssue(env.sim.world, 'acme/widgets', 8, 'Third title', edit(4001));
    // Renamed back and forth: the current title is no former address.
    renameIssue(env.sim.world, 'acme/widgets', 9, 'Passing title', edit(4000));
    renameIssue(env.sim.world, 'acme/widgets', 9, 'Request number 9', edit(4001));
    const items = await sync();
    expect(itemAt(items, 'acme/widgets', 8)?.formerAddresses).toEqual(
      [first, 'Second title'].sort().map((title) => ({ repository: 'acme/widgets', number: 8, title })),
    );
    expect(itemAt(items, 'acme/widgets', 9)?.formerAddresses).toEqual([{ repository: 'acme/widgets', number: 9, title: 'Passing title' }]);
  });

  it('an issue transferred between two listed repositories keeps its old repository and number', async () => {
    const title = issueTitle('acme/widgets', 10);
    await sync();
    const moved = transferIssue(env.sim.world, 'acme/widgets', 10, 'acme/gadgets', edit(5000));
    // The next free number in acme/gadgets, whose only issue is #5.
    expect(moved.number).toBe(6);
    let items = await sync(['--full']);
    expect(itemAt(items, 'acme/widgets', 10)).toBeUndefined();
    expect(itemAt(items, 'acme/gadgets', 6)).toMatchObject({ title, formerAddresses: [{ repository: 'acme/widgets', number: 10, title }] });

    // Renamed in its new home: the address there joins the one it had before.
    renameIssue(env.sim.world, 'acme/gadgets', 6, 'Gadget request', edit(5001));
    items = await sync();
    expect(itemAt(items, 'acme/gadgets', 6)?.formerAddresses).toEqual([
      { repository: 'acme/gadgets', number: 6, title },
      { repository: 'acme/widgets', number: 10, title },
    ]);
  });
});
