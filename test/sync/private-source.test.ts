/**
 * A private repository among the sources, without `allowPrivate`: the sync asks GitHub whether it
 * is private and nothing more, says it skipped it, and writes nothing of it but that it is private.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import type { SimRepository, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { createSandbox, runSync, TOKEN, type SyncSandbox } from './sync-run.ts';
import { at, builder, discussion, issue, syncWorld, votes } from './sync-world.ts';

const PRIVATE = { owner: 'acme', name: 'vault' };

/** The demo's small world, plus a private repository whose every text is unmistakable. */
function worldWithVault(): SimWorld {
  const world = syncWorld();
  const widgets = world.repositories.find((repository) => repository.name === 'widgets');
  if (!widgets) throw new Error('the sync world has no acme/widgets');
  const vault: SimRepository = {
    ...widgets,
    id: 77,
    name: PRIVATE.name,
    isPrivate: true,
    description: 'Vault description of unannounced plans',
    labels: [{ name: 'vault-label', color: '000000', description: 'Vault label description' }],
    milestones: [builder.milestone(1, 'Vault milestone', { id: 7701, description: 'Vault milestone description', dueOn: at(3000) })],
    issues: [
      issue(1, { title: 'Vault issue about signing keys', body: 'Vault issue body', labels: ['vault-label'], reactions: votes(['alice'], 2) }),
      issue(2, { title: 'Vault issue without votes', body: 'Vault body two' }),
    ],
    discussions: [discussion(3, { title: 'Vault discussion on pricing', body: 'Vault discussion body' })],
    pullRequests: [],
    releases: [builder.release('vault-v1', 5, { id: 7702, name: 'Vault release', body: 'Vault release notes', tagCommit: 'a'.repeat(40) })],
  };
  return { ...world, repositories: [...world.repositories, vault] };
}

const vaultTexts = (world: SimWorld): string[] => {
  const vault = world.repositories.find((repository) => repository.name === PRIVATE.name);
  if (!vault) throw new Error('no vault');
  return [
    vault.description ?? '',
    ...vault.labels.flatMap((label) => [label.name, label.description ?? '']),
    ...vault.milestones.flatMap((milestone) => [milestone.title, milestone.description ?? '']),
    ...vault.releases.flatMap((release) => [release.tagName, release.name ?? '', release.body]),
    ...[...vault.issues, ...vault.discussions].flatMap((item) => [item.title, item.body]),
  ].filter((text) => text !== '');
};

let sim: Simulator;
let sandbox: SyncSandbox;

async function snapshotText(): Promise<string> {
  const entries = await readdir(sandbox.snapshotDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
}

/** The requests that name the private repository, by their path or their GraphQL variables. */
function requestsAboutVault() {
  return sim.log.filter(
    (entry) =>
      entry.path.includes(`/repos/${PRIVATE.owner}/${PRIVATE.name}`) ||
      (entry.variables?.owner === PRIVATE.owner && entry.variables.name === PRIVATE.name),
  );
}

beforeAll(async () => {
  sim = await startSimulator({ world: worldWithVault(), token: TOKEN });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.world = worldWithVault();
  sim.resetLog();
});
afterEach(async () => {
  await sandbox.cleanup();
});

const sources = (allowPrivate: boolean) => [
  { repo: 'acme/widgets', issues: { labels: ['enhancement'] }, discussions: { categories: ['ideas'] } },
  { repo: `${PRIVATE.owner}/${PRIVATE.name}`, allowPrivate },
];

describe('a private source without allowPrivate', () => {
  it('is asked only whether it is private, and nothing of it is written', async () => {
    sandbox = await createSandbox(sim, { site: { title: 'Widgets roadmap' }, sources: sources(false) });
    const { code, output } = await runSync(sandbox);
    expect(code, output).toBe(0);

    const asked = requestsAboutVault();
    expect(asked.map((entry) => entry.operationName)).toEqual(['RepositoryVisibility']);
    // No item, label, milestone or release of it is requested in any other way either.
    expect(sim.log.filter((entry) => entry.kind === 'rest').every((entry) => entry.path.startsWith('/repos/acme/widgets/'))).toBe(true);

    const snapshot = await readSnapshot(sandbox.snapshotDir);
    expect(snapshot.items.filter((item) => item.repository === 'acme/vault')).toEqual([]);
    expect(snapshot.repositories.find((repository) => repository.repository === 'acme/vault')).toMatchObject({
      isPrivate: true,
      description: null,
      labels: [],
      milestones: [],
      releases: [],
    });
    const written = await snapshotText();
    for (const text of vaultTexts(sim.world)) expect(written, text).not.toContain(text);
  });

  it('says it skipped the repository and why, and prints none of its content', async () => {
    sandbox = await createSandbox(sim, { site: { title: 'Widgets roadmap' }, sources: sources(false) });
    const { code, output } = await runSync(sandbox);
    expect(code, output).toBe(0);
    expect(output).toContain('acme/vault: skipped: private and allowPrivate is not set');
    expect(output).toMatch(/acme\/vault\s+private \(skipped\)\s+0 items/);
    for (const text of vaultTexts(sim.world)) expect(output, text).not.toContain(text);
  });

  it('drops what an earlier sync kept of a repository that has since become private, without --force', async () => {
    sandbox = await createSandbox(sim, { site: { title: 'Widgets roadmap' }, sources: sources(false) });
    const vault = sim.world.repositories.find((repository) => repository.name === PRIVATE.name);
    if (!vault) throw new Error('no vault');
    // Public at first, and most of the roadmap: its loss would look like a shrink.
    vault.isPrivate = false;
    vault.issues.push(...Array.from({ length: 40 }, (_, index) => issue(100 + index, { title: `Vault filler ${index}` })));
    expect((await runSync(sandbox)).code).toBe(0);
    const before = await readSnapshot(sandbox.snapshotDir);
    const vaultItems = before.items.filter((item) => item.repository === 'acme/vault').length;
    expect(vaultItems).toBeGreaterThan(before.items.length / 2);

    vault.isPrivate = true;
    const { code, output } = await runSync(sandbox, ['--full']);
    expect(code, output).toBe(0);
    expect((await readSnapshot(sandbox.snapshotDir)).items.filter((item) => item.repository === 'acme/vault')).toEqual([]);
    expect(await snapshotText()).not.toContain('Vault filler');
  });

  it('is synced like any other source once allowPrivate is set, without the visibility check', async () => {
    sandbox = await createSandbox(sim, { site: { title: 'Widgets roadmap' }, sources: sources(true) });
    const { code, output } = await runSync(sandbox);
    expect(code, output).toBe(0);
    expect(requestsAboutVault().map((entry) => entry.operationName)).not.toContain('RepositoryVisibility');
    const snapshot = await readSnapshot(sandbox.snapshotDir);
    const vault = sim.world.repositories.find((repository) => repository.name === PRIVATE.name);
    expect(snapshot.items.filter((item) => item.repository === 'acme/vault').map((item) => item.title).sort()).toEqual(
      [...(vault?.issues ?? []), ...(vault?.discussions ?? [])].map((item) => item.title).sort(),
    );
  });
});
