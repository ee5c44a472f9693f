/**
 * `npm run sync` on GitHub's bad days: partial GraphQL answers, dropped connections, stalls, a
 * closed port, rate limits. After each, the snapshot folder is byte for byte the last good one or
 * a complete new one, the message names the cause, and the token is never printed.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renameIssue } from '../../scripts/dev/github-simulator/world-edits.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { expectedItems, projectItem } from './expected-snapshot.ts';
import { runSync, TOKEN, simulatedSync } from './sync-run.ts';
import { at, syncWorld } from './sync-world.ts';

const config = {
  site: { title: 'Widgets roadmap' },
  sources: [{ repo: 'acme/widgets', issues: { labels: ['enhancement'] }, discussions: { categories: ['ideas'] } }],
  sync: { comments: 5 },
};
const filters = { labels: ['enhancement'], categories: ['ideas'], keepComments: 5 };

const env = simulatedSync(syncWorld, config);

const widgets = () => env.sim.world.repositories.find((repo) => repo.name === 'widgets')!;

/** Every file of the snapshot folder, with its bytes. */
async function snapshotFiles(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(env.sandbox.snapshotDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(env.sandbox.snapshotDir.length + 1), await readFile(join(entry.parentPath, entry.name)));
  }
  return files;
}

/** A first sync that works: the last good snapshot, byte for byte. */
async function lastGood(): Promise<Map<string, Buffer>> {
  const { code, output } = await runSync(env.sandbox);
  expect(code, output).toBe(0);
  env.sim.resetLog();
  return snapshotFiles();
}

/** A complete snapshot: exactly the files its manifest lists, each with the listed sha256, nothing half-written. */
async function expectComplete(): Promise<void> {
  const files = await snapshotFiles();
  const manifest = JSON.parse(String(files.get('manifest.json'))) as { files: Array<{ path: string; sha256: string }> };
  expect([...files.keys()].sort()).toEqual(['manifest.json', ...manifest.files.map((file) => file.path)].sort());
  for (const file of manifest.files) {
    expect(createHash('sha256').update(files.get(file.path)!).digest('hex'), file.path).toBe(file.sha256);
  }
}

/** The snapshot holds what the simulator's world holds now, field by field. */
async function expectWorld(): Promise<void> {
  await expectComplete();
  const snapshot = await readSnapshot(env.sandbox.snapshotDir);
  expect(snapshot.items.map(projectItem)).toEqual(expectedItems(env.sim.world, 'acme/widgets', filters));
}

function summaryLine(output: string): { items: number; changed: number; removed: number } {
  const match = /acme\/widgets\s+\S+\s+(\d+) items\s+(\d+) changed\s+(\d+) removed/.exec(output);
  expect(match, output).not.toBeNull();
  return { items: Number(match![1]), changed: Number(match![2]), removed: Number(match![3]) };
}

describe('partial GraphQL answers', () => {
  it('an issue deleted between listing and details is gone, and the rest is synced', async () => {
    await lastGood();
    const repo = widgets();
    // Issue 2 (votes, comments) changes, so it is listed and then asked for in detail...
    repo.issues.find((issue) => issue.number === 2)!.updatedAt = at(7000);
    renameIssue(env.sim.world, 'acme/widgets', 7, 'Request number 7, now clearer', { actor: null, at: at(7001) });
    // ...and is deleted in between: GitHub answers null and NOT_FOUND at its place in `nodes`.
    env.sim.faults.add({
      match: {
        operationName: 'IssueDetails',
        // Not a fault: the rule never fires, it only deletes the issue as the query arrives.
        when: () => {
          repo.issues = repo.issues.filter((issue) => issue.number !== 2);
          return false;
        },
      },
      fault: { type: 'bad-gateway' },
    });
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toMatch(/acme\/widgets#2 \(issue\): NOT_FOUND: Could not resolve to a node with the global id of '[^']+'; GitHub no longer has it, so it leaves the snapshot/);
    expect(output).not.toMatch(/Check the repository names/);
    await expectWorld();
    expect(summaryLine(output)).toMatchObject({ changed: 1, removed: 1 });
  });

  /** The Discussions of acme/widgets in the order GitHub lists them: most recently updated first. */
  const listedDiscussions = () => [...widgets().discussions].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  /** An error inside the first listed Discussion, which GitHub nulls whole (its `title` cannot be null). */
  const firstListedFails = { path: ['repository', 'discussions', 'nodes', 0, 'title'], nulls: ['repository', 'discussions', 'nodes', 0], errorType: 'SERVICE_UNAVAILABLE', message: 'Timeout while loading the discussion' };

  it('a Discussion the listing answers with an error is asked again on its own, and the rest is synced', async () => {
    const failing = listedDiscussions()[0]!;
    env.sim.faults.add({ match: { operationName: 'RepositoryOverview' }, fault: { type: 'graphql-item-error', ...firstListedFails } });
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toContain(`GitHub could not return Discussion #${failing.number} of acme/widgets (SERVICE_UNAVAILABLE: Timeout while loading the discussion); asking again.`);
    expect(env.sim.log.filter((entry) => entry.operationName === 'DiscussionByNumber')).toHaveLength(1);
    await expectWorld();
  });

  it('a listed Discussion that fails twice is gone when GitHub says so, and the rest is synced', async () => {
    await lastGood();
    const repo = widgets();
    const failing = listedDiscussions().find((discussion) => discussion.category === 'ideas')!;
    failing.updatedAt = at(7000);
    env.sim.faults.add({ match: { operationName: 'RepositoryOverview' }, fault: { type: 'graphql-item-error', ...firstListedFails } });
    env.sim.faults.add({
      match: {
        operationName: 'DiscussionByNumber',
        // Not a fault: the rule never fires, it only deletes the Discussion as it is asked for again.
        when: () => {
          repo.discussions = repo.discussions.filter((discussion) => discussion !== failing);
          return false;
        },
      },
      fault: { type: 'bad-gateway' },
    });
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toMatch(new RegExp(`acme/widgets#${failing.number} \\(discussion\\): NOT_FOUND: Could not resolve to a Discussion with the number of ${failing.number}\\.; GitHub no longer has it, so it leaves the snapshot`));
    await expectWorld();
    expect(summaryLine(output)).toMatchObject({ removed: 1 });
  });

  it("a listed Discussion that fails twice keeps the previous snapshot's copy, and the next sync asks again", async () => {
    await lastGood();
    const before = structuredClone(env.sim.world);
    const failing = listedDiscussions().find((discussion) => discussion.category === 'ideas')!;
    failing.body = 'Edited while GitHub failed to return it.';
    failing.updatedAt = at(7000);
    env.sim.faults.add({ match: { operationName: 'RepositoryOverview' }, fault: { type: 'graphql-item-error', ...firstListedFails } });
    env.sim.faults.add({
      match: { operationName: 'DiscussionByNumber' },
      fault: { type: 'graphql-item-error', path: ['repository', 'discussion', 'title'], nulls: ['repository', 'discussion'], errorType: 'SERVICE_UNAVAILABLE', message: 'Timeout while loading the discussion' },
    });
    const failed = await runSync(env.sandbox);
    expect(failed.code, failed.output).toBe(0);
    expect(failed.output).toMatch(new RegExp(`acme/widgets#${failing.number} \\(discussion\\): SERVICE_UNAVAILABLE: Timeout while loading the discussion; the previous snapshot's copy is kept`));
    await expectComplete();
    const snapshot = await readSnapshot(env.sandbox.snapshotDir);
    expect(snapshot.items.map(projectItem)).toEqual(expectedItems(before, 'acme/widgets', filters));

    const again = await runSync(env.sandbox);
    expect(again.code, again.output).toBe(0);
    await expectWorld();
  });

  it('a null listed Discussion that cannot be identified because the listing moved fails the source and changes nothing', async () => {
    const before = await lastGood();
    const listed = listedDiscussions();
    listed[0]!.updatedAt = at(7000);
    env.sim.faults.add({ match: { operationName: 'RepositoryOverview' }, fault: { type: 'graphql-item-error', ...firstListedFails } });
    env.sim.faults.add({
      match: {
        operationName: 'DiscussionNumbers',
        // Not a fault: another Discussion is updated as the numbers are asked for, and moves to the front.
        when: () => {
          listed[listed.length - 1]!.updatedAt = at(7100);
          return false;
        },
      },
      fault: { type: 'bad-gateway' },
    });
    const { code, output } = await runSync(env.sandbox);
    expect(code).toBe(1);
    expect(output).toContain('GitHub could not return a Discussion of acme/widgets (SERVICE_UNAVAILABLE: Timeout while loading the discussion), and the listing changed before it could be identified.');
    expect(await snapshotFiles()).toEqual(before);
  });

  it('an answer with errors and no data at all is asked again, smaller', async () => {
    env.sim.faults.add({ match: { operationName: 'IssueDetails' }, fault: { type: 'graphql-errors', partial: false } });
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toMatch(/GitHub answered GraphQL with errors and incomplete data: Something went wrong while executing your query.*Retrying with batches of/);
    await expectWorld();
  });

  it('errors about the repository itself fail the source with a hint that fits, and change nothing', async () => {
    const before = await lastGood();
    env.sim.faults.add({
      match: { operationName: 'RepositoryOverview' },
      fault: { type: 'status', status: 200, body: { data: { repository: null }, errors: [{ type: 'FORBIDDEN', path: ['repository'], message: 'Resource not accessible by integration' }] } },
    });
    const forbidden = await runSync(env.sandbox);
    expect(forbidden.code).toBe(1);
    expect(forbidden.output).toMatch(/FORBIDDEN: Resource not accessible by integration/);
    expect(forbidden.output).toMatch(/token's permissions/);
    expect(await snapshotFiles()).toEqual(before);

    widgets().name = 'gadgets';
    const missing = await runSync(env.sandbox);
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/no such repository: NOT_FOUND: Could not resolve to a Repository with the name 'acme\/widgets'/);
    expect(missing.output).toMatch(/sources\[\]\.repo/);
    expect(await snapshotFiles()).toEqual(before);
  });
});

describe('dropped connections and stalls', () => {
  it('a reset connection is asked again, and the sync completes', async () => {
    env.sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'reset' } });
    env.sim.faults.add({ match: { operationName: 'IssueDetails' }, fault: { type: 'reset' } });
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toMatch(/Could not reach GITHUB_GRAPHQL_URL \(http:\/\/127\.0\.0\.1:\d+\/graphql\): connection closed before an answer/);
    await expectWorld();
  });

  it('connections that keep being reset fail the sync with the cause, not as "GitHub answered 500"', async () => {
    const before = await lastGood();
    widgets().issues.find((issue) => issue.number === 7)!.updatedAt = at(7000);
    env.sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'reset' }, times: Infinity });
    const { code, output } = await runSync(env.sandbox);
    expect(code).toBe(1);
    expect(output).toMatch(/Sync failed: Could not reach GITHUB_API_URL \(http:\/\/127\.0\.0\.1:\d+\): connection closed before an answer/);
    expect(output).not.toMatch(/GitHub answered 500|GitHub had a problem/);
    expect(output).not.toContain(TOKEN);
    expect(await snapshotFiles()).toEqual(before);
  });

  it('a stalled REST page is abandoned after the timeout, said so, and asked again', async () => {
    env.sandbox.env.ROADMAP_SYNC_TIMEOUT_MS = '400';
    env.sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'timeout', ms: 3000 } });
    env.sim.faults.add({ match: { operationName: 'IssueDetails' }, fault: { type: 'timeout', ms: 3000 } });
    const started = Date.now();
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toMatch(/A REST request got no answer within 400 ms\. Retrying\./);
    expect(output).toMatch(/A GraphQL request got no answer within 400 ms\. Retrying with batches of/);
    // Neither stall was waited out.
    expect(Date.now() - started).toBeLessThan(6000);
    await expectWorld();
  });

  it("the wait for a secondary limit does not count against the next attempt's timeout", async () => {
    env.sandbox.env.ROADMAP_SYNC_TIMEOUT_MS = '500';
    // 60 s scaled by ROADMAP_SYNC_DELAY_SCALE (0.01): a 600 ms wait, longer than the timeout.
    env.sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'secondary-rate-limit', retryAfter: 60 } });
    env.sim.faults.add({ match: { operationName: 'RepositoryOverview' }, fault: { type: 'secondary-rate-limit', retryAfter: 60 } });
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/got no answer/);
    await expectWorld();
  });

  it('a REST page that never comes fails the sync after three tries and changes nothing', async () => {
    const before = await lastGood();
    env.sandbox.env.ROADMAP_SYNC_TIMEOUT_MS = '300';
    env.sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'timeout', ms: 2000 }, times: Infinity });
    const { code, output } = await runSync(env.sandbox);
    expect(code).toBe(1);
    expect(output).toMatch(/Sync failed: A REST request got no answer within 300 ms\. It timed out 3 times in a row\./);
    expect(output).toMatch(/ROADMAP_SYNC_TIMEOUT_MS/);
    expect(await snapshotFiles()).toEqual(before);
  });

  it('a closed port is named as such, with the address to check', async () => {
    const before = await lastGood();
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const closed = `http://127.0.0.1:${port}`;
    const { code, output } = await runSync({ ...env.sandbox, env: { ...env.sandbox.env, GITHUB_API_URL: closed, GITHUB_GRAPHQL_URL: `${closed}/graphql` } });
    expect(code).toBe(1);
    expect(output).toContain(`Could not reach GITHUB_GRAPHQL_URL (${closed}/graphql): connection refused (ECONNREFUSED).`);
    expect(output).toMatch(/Check that GITHUB_GRAPHQL_URL is right/);
    expect(output).not.toMatch(/GitHub answered 500|GitHub had a problem/);
    expect(output).not.toContain(TOKEN);
    expect(await snapshotFiles()).toEqual(before);
  });
});

describe('rate limits', () => {
  it('a stopped --full resumes with a plain run, as the full pass it was', async () => {
    const before = await lastGood();
    // Only a full pass notices a deleted issue.
    widgets().issues = widgets().issues.filter((issue) => issue.number !== 8);
    env.sim.faults.add({ match: { operationName: 'IssueDetails' }, fault: { type: 'primary-rate-limit', resetInSeconds: 3600 } });
    const stopped = await runSync(env.sandbox, ['--full']);
    expect(stopped.code).toBe(75);
    expect(stopped.output).toMatch(/resumes from where it stopped/);
    expect(await snapshotFiles()).toEqual(before);

    env.sim.faults.clear();
    env.sim.rateLimits.graphql.remaining = env.sim.rateLimits.graphql.limit;
    env.sim.resetLog();
    const resumed = await runSync(env.sandbox);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toMatch(/Resuming the full sync that stopped at/);
    expect(env.sim.log.filter((entry) => entry.operationName === 'RepositoryOverview' || entry.kind === 'rest')).toHaveLength(0);
    await expectWorld();
    expect(summaryLine(resumed.output).removed).toBe(1);
  });

  it('running out of secondary-limit waits stops like the primary limit, resumable, without blaming the token', async () => {
    const before = await lastGood();
    widgets().issues.find((issue) => issue.number === 7)!.updatedAt = at(7000);
    env.sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'secondary-rate-limit', retryAfter: 1 }, times: Infinity });
    const stopped = await runSync(env.sandbox);
    expect(stopped.code).toBe(75);
    expect(stopped.output).toMatch(/secondary rate limit kept refusing requests/);
    expect(stopped.output).toMatch(/resumes from where it stopped/);
    expect(stopped.output).not.toMatch(/permission/i);
    expect(await snapshotFiles()).toEqual(before);
    await expect(stat(env.sandbox.env.ROADMAP_SYNC_CHECKPOINT!)).resolves.toBeTruthy();

    env.sim.faults.clear();
    const resumed = await runSync(env.sandbox);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toMatch(/Resuming the sync/);
    await expectWorld();
  });
});

describe('the summary', () => {
  it('counts as changed only items whose content differs, and as removed the items gone, on a full pass too', async () => {
    await lastGood();
    const unchanged = await runSync(env.sandbox, ['--full']);
    expect(unchanged.code, unchanged.output).toBe(0);
    expect(summaryLine(unchanged.output)).toEqual({ items: expectedItems(env.sim.world, 'acme/widgets', filters).length, changed: 0, removed: 0 });

    const repo = widgets();
    const dropped = repo.issues.filter((issue) => issue.number >= 7 && issue.labels.includes('enhancement'));
    repo.issues = repo.issues.filter((issue) => !dropped.includes(issue));
    repo.discussions.find((discussion) => discussion.number === 20)!.title = 'Plugin system, renamed';
    const forced = await runSync(env.sandbox, ['--full', '--force']);
    expect(forced.code, forced.output).toBe(0);
    expect(summaryLine(forced.output)).toMatchObject({ changed: 1, removed: dropped.length });
  });

  it('counts every request sent, failed ones too', async () => {
    env.sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'status', status: 502 } });
    env.sim.faults.add({ match: { operationName: 'IssueDetails' }, fault: { type: 'bad-gateway' } });
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    const rest = env.sim.log.filter((entry) => entry.kind === 'rest').length;
    const graphql = env.sim.log.filter((entry) => entry.kind === 'graphql').length;
    expect(output).toContain(`${rest + graphql} requests (${rest} REST, ${graphql} GraphQL)`);
  });
});
