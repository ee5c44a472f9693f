import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { expectedItems, projectItem } from './expected-snapshot.ts';
import { createSandbox, runSync, spawnSync, TOKEN, simulatedSync } from './sync-run.ts';
import { at, issue, manyVoters, syncWorld } from './sync-world.ts';

const config = {
  site: { title: 'Widgets roadmap' },
  sources: [
    { repo: 'acme/widgets', issues: { labels: ['enhancement'] }, discussions: { categories: ['ideas'] } },
    { repo: 'acme/secret' },
  ],
  sync: { comments: 5 },
};

const env = simulatedSync(syncWorld, config);

async function snapshotFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(env.sandbox.snapshotDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(env.sandbox.snapshotDir.length + 1), await readFile(path, 'utf8'));
  }
  return files;
}

const widgets = () => env.sim.world.repositories.find((repo) => repo.name === 'widgets')!;

describe('npm run sync against the GitHub simulator', () => {
  it('writes every field of every matching issue and Discussion, and nothing else', async () => {
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    const snapshot = await readSnapshot(env.sandbox.snapshotDir);
    const expected = expectedItems(env.sim.world, 'acme/widgets', { labels: ['enhancement'], categories: ['ideas'], keepComments: 5 });
    expect(snapshot.items.filter((item) => item.repository === 'acme/widgets').map(projectItem)).toEqual(expected);
    // More than a page of votes: every voter is there.
    expect(snapshot.items.find((item) => item.number === 1)?.votes.map((vote) => vote.login).sort()).toEqual([...manyVoters].sort());
    // The minimized spam comment is not kept; the deleted account's comment is, without an author.
    const exportPdf = snapshot.items.find((item) => item.number === 2);
    expect(exportPdf?.comments.map((comment) => comment.author?.login ?? null)).toEqual(['carol', null]);
  });

  it('keeps releases (never drafts), milestones and labels', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    const snapshot = await readSnapshot(env.sandbox.snapshotDir);
    const repo = snapshot.repositories.find((r) => r.repository === 'acme/widgets');
    expect(repo?.releases.map((release) => [release.tagName, release.isPrerelease])).toEqual([
      ['v1.1.0-beta.1', true],
      ['v1.0.0', false],
    ]);
    expect(repo?.milestones.map((milestone) => milestone.title)).toEqual(['v1.1.0']);
    expect(repo?.labels.map((label) => label.name)).toEqual(['bug', 'duplicate', 'enhancement', 'status: planned']);
  });

  it('never publishes the items of a private repository', async () => {
    const { code, output } = await runSync(env.sandbox);
    expect(code).toBe(0);
    expect(output).toMatch(/acme\/secret: skipped: private/);
    const files = await snapshotFiles();
    expect([...files.values()].join('\n')).not.toContain('rotate signing keys');
  });

  it('a second sync with nothing changed sends at most 4 requests and rewrites nothing', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    const before = await snapshotFiles();
    env.sim.resetLog();
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    // Per public source: a visibility check, one overview query and one REST listing; the
    // private source: the visibility check alone.
    expect(env.sim.log.length).toBeLessThanOrEqual(4);
    const after = await snapshotFiles();
    after.delete('manifest.json');
    before.delete('manifest.json');
    expect(after).toEqual(before);
    expect(output).toMatch(/Snapshot (unchanged|updated: 1 files written)/);
  });

  it('an incremental sync refetches only what changed, and merges it', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    env.sim.resetLog();
    const repo = widgets();
    const changed = repo.issues.find((i) => i.number === 7)!;
    changed.title = 'Request number 7, now clearer';
    changed.updatedAt = at(5000);
    repo.issues.push(issue(13, { title: 'A brand new request', createdAt: at(5001), updatedAt: at(5001), reactions: [{ content: 'THUMBS_UP', user: 'alice', createdAt: at(5001) }] }));
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    const details = env.sim.log.filter((entry) => entry.operationName === 'IssueDetails');
    expect(details.length).toBe(1);
    expect(details[0]?.variables).toMatchObject({ ids: [expect.any(String)] });
    const snapshot = await readSnapshot(env.sandbox.snapshotDir);
    expect(snapshot.items.find((item) => item.number === 7)?.title).toBe('Request number 7, now clearer');
    expect(snapshot.items.find((item) => item.number === 13)?.votes).toHaveLength(1);
    expect(snapshot.items.find((item) => item.number === 1)?.votes).toHaveLength(manyVoters.length);
  });

  it('a full sync catches deletions and vote changes that GitHub does not report as updates', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    const repo = widgets();
    repo.issues = repo.issues.filter((i) => i.number !== 8);
    // A new vote does not bump updatedAt on GitHub.
    repo.issues.find((i) => i.number === 9)!.reactions.push({ content: 'THUMBS_UP', user: 'carol', createdAt: at(6000) });
    expect((await runSync(env.sandbox)).code).toBe(0);
    let snapshot = await readSnapshot(env.sandbox.snapshotDir);
    expect(snapshot.items.some((item) => item.number === 8)).toBe(true);
    const { code, output } = await runSync(env.sandbox, ['--full']);
    expect(code, output).toBe(0);
    snapshot = await readSnapshot(env.sandbox.snapshotDir);
    expect(snapshot.items.some((item) => item.number === 8)).toBe(false);
    expect(snapshot.items.find((item) => item.number === 9)?.votes.map((vote) => vote.login)).toEqual(['carol']);
  });

  it('retries a GraphQL 502 with a smaller batch and still gets everything', async () => {
    env.sim.faults.add({ match: { operationName: 'IssueDetails', when: (req) => ((req.variables?.ids as unknown[]) ?? []).length > 1 }, times: 2, fault: { type: 'bad-gateway' } });
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toMatch(/Retrying with batches of/);
    const snapshot = await readSnapshot(env.sandbox.snapshotDir);
    expect(snapshot.items.filter((item) => item.repository === 'acme/widgets')).toHaveLength(
      expectedItems(env.sim.world, 'acme/widgets', { labels: ['enhancement'], categories: ['ideas'], keepComments: 5 }).length,
    );
  });

  it('waits out a secondary rate limit and carries on', async () => {
    env.sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'secondary-rate-limit', retryAfter: 1 } });
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toMatch(/secondary rate limit/);
  });

  it('an answer with data and an error about one item costs only that item: its previous copy stays until GitHub returns it', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    const before = await snapshotFiles();
    // Issue 2 has comments and votes, so its change needs an IssueDetails query.
    widgets().issues.find((i) => i.number === 2)!.updatedAt = at(7000);
    env.sim.faults.add({ match: { operationName: 'IssueDetails' }, fault: { type: 'graphql-errors', partial: true }, times: Infinity });
    env.sim.resetLog();
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    // Asked once more on its own before giving up on it.
    expect(env.sim.log.filter((entry) => entry.operationName === 'IssueDetails').length).toBe(2);
    expect(output).toMatch(/acme\/widgets#2 \(issue\): SERVICE_UNAVAILABLE: Something went wrong.*previous snapshot's copy is kept/);
    const after = await snapshotFiles();
    for (const files of [before, after]) files.delete('manifest.json');
    expect(after).toEqual(before);

    env.sim.faults.clear();
    const again = await runSync(env.sandbox);
    expect(again.code, again.output).toBe(0);
    expect((await readSnapshot(env.sandbox.snapshotDir)).items.find((item) => item.number === 2)?.updatedAt).toBe(at(7000));
  });

  it('stops cleanly on a primary rate limit that resets later, then resumes where it stopped', async () => {
    env.sim.faults.add({ match: { operationName: 'IssueDetails' }, fault: { type: 'primary-rate-limit', resetInSeconds: 3600 } });
    const first = await runSync(env.sandbox);
    expect(first.code).toBe(75);
    expect(first.output).toMatch(/rate limit/i);
    expect(first.output).toMatch(/resumes/);
    await expect(stat(env.sandbox.snapshotDir)).rejects.toThrow();
    await expect(stat(env.sandbox.env.ROADMAP_SYNC_CHECKPOINT!)).resolves.toBeTruthy();

    env.sim.faults.clear();
    env.sim.rateLimits.graphql.remaining = env.sim.rateLimits.graphql.limit;
    env.sim.rateLimits.core.remaining = env.sim.rateLimits.core.limit;
    env.sim.resetLog();
    const second = await runSync(env.sandbox);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/Resuming/);
    // The overview and the issue listing were already done: not asked again.
    expect(env.sim.log.filter((entry) => entry.operationName === 'RepositoryOverview' || entry.kind === 'rest').length).toBeLessThanOrEqual(1);
    const snapshot = await readSnapshot(env.sandbox.snapshotDir);
    expect(snapshot.items.find((item) => item.number === 1)?.votes).toHaveLength(manyVoters.length);
  });

  it('refuses a result less than half the previous one unless forced', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    const repo = widgets();
    repo.issues = repo.issues.slice(0, 2);
    repo.discussions = [];
    const refused = await runSync(env.sandbox, ['--full']);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/fewer than half/);
    expect(refused.output).toMatch(/--force/);
    const forced = await runSync(env.sandbox, ['--full', '--force']);
    expect(forced.code, forced.output).toBe(0);
    expect((await readSnapshot(env.sandbox.snapshotDir)).items.length).toBeLessThan(4);
  });

  it('names a wrong config field with its fix', async () => {
    const bad = await createSandbox(env.sim, { site: { title: 'x' }, sources: [{ repo: 'acme' }] });
    try {
      const { code, output } = await runSync(bad);
      expect(code).toBe(1);
      expect(output).toMatch(/sources\[0\]\.repo/);
      expect(output).toMatch(/owner\/name/);
    } finally {
      await bad.cleanup();
    }
  });

  it('says what to do when the token is missing or rejected', async () => {
    const missing = await runSync({ ...env.sandbox, env: { ...env.sandbox.env, GITHUB_TOKEN: '' } });
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/GITHUB_TOKEN is not set/);
    const wrong = await runSync({ ...env.sandbox, env: { ...env.sandbox.env, GITHUB_TOKEN: 'wrong-token' } });
    expect(wrong.code).toBe(1);
    expect(wrong.output).toMatch(/rejected the token/);
    expect(wrong.output).not.toContain('wrong-token');
  });

  it('killed mid-way leaves the previous snapshot intact, and the next run recovers', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    const before = await snapshotFiles();
    widgets().issues.find((i) => i.number === 7)!.updatedAt = at(8000);
    env.sim.faults.add({ match: { operationName: 'IssueDetails' }, fault: { type: 'timeout', ms: 20_000 } });
    const run = spawnSync(env.sandbox);
    const deadline = Date.now() + 15_000;
    while (!env.sim.log.some((entry) => entry.operationName === 'IssueDetails') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The held request is in flight now: kill the sync hard.
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGKILL');
    const result = await run.done;
    expect(result.signal).toBe('SIGKILL');
    expect(await snapshotFiles()).toEqual(before);
    env.sim.faults.clear();
    const again = await runSync(env.sandbox);
    expect(again.code, again.output).toBe(0);
    expect((await readSnapshot(env.sandbox.snapshotDir)).items.find((item) => item.number === 7)?.updatedAt).toBe(at(8000));
  });

  it('never prints the token', async () => {
    env.sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'status', status: 500, body: { message: `echo ${TOKEN}` } }, times: Infinity });
    const { done } = spawnSync(env.sandbox);
    const result = await done;
    expect(result.code).not.toBe(0);
    expect(result.output).not.toContain(TOKEN);
    expect(result.output).toMatch(/GitHub answered 500|GitHub had a problem/);
  });
});
