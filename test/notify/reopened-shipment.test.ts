/**
 * One answer to "which release shipped this request", end to end: the GitHub simulator serves
 * issues with real histories, the real sync writes the snapshot, the model builds the request
 * pages' and changelog's answer, and the real notifier's dry run announces each request once.
 *
 *   #1  Dark mode      closed by #50 before v1.2.0, reopened an hour later, closed by #51 after v1.3.0
 *   #2  Export to PDF  in the milestone "v1.3.0", closed by hand four months after v1.3.0
 *   #3  Plugin API     closed by #52 between v1.2.0 and v1.3.0
 *
 * Releases: v1.2.0 (hour 100), v1.3.0 (hour 200), v2.0.0 (hour 400). So, by hand: #1 shipped in
 * v2.0.0 only, #2 in none, #3 in v1.3.0 only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../scripts/dev/github-simulator/server.ts';
import { createWorldBuilder, ref } from '../../scripts/dev/demo/world-builder.ts';
import type { SimIssue, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { loadConfig } from '../../src/config/index.ts';
import { buildChangelog } from '../../src/model/build-changelog.ts';
import { buildRequests } from '../../src/model/build-requests.ts';
import { readSnapshot, type Snapshot } from '../../src/snapshot/read-snapshot.ts';
import { createSandbox, runSync, TOKEN } from '../sync/sync-run.ts';
import { createNotifySandbox, runNotify, type NotifyFixture } from './notify-harness.ts';
import { CONFIG } from './notify-world.ts';

const FOUR_MONTHS = 24 * 122;
const world = createWorldBuilder({ start: '2026-02-01T00:00:00Z', lastId: 9000 });
const { at, event } = world;
const WIDGETS = 'acme/widgets';

/** A closed issue with one vote, opened at hour `number`. */
function issue(number: number, title: string, fields: Partial<SimIssue>): SimIssue {
  return world.issue(number, { title, body: `Please add: ${title}.`, state: 'CLOSED', stateReason: 'COMPLETED', reactions: world.votes(['ada'], number + 1), ...fields });
}

function historyWorld(): SimWorld {
  const users = world.users(['alice', 'ada', 'carol', 'maintainer']);
  const closedBy = (hour: number, pullRequest: number | null) => event.closed(hour, { closer: pullRequest === null ? null : ref(WIDGETS, pullRequest) });
  const merged = (number: number, hour: number, closes: number) =>
    world.mergedPullRequest(number, hour, [ref(WIDGETS, closes)], { title: `Change ${number}`, mergeCommit: String(number).padEnd(40, 'a') });
  const published = (tagName: string, hour: number, sha: string) => world.release(tagName, hour, { body: `Release ${tagName}.`, tagCommit: sha.repeat(40) });
  return {
    users,
    repositories: [
      world.repository(WIDGETS, {
        id: 1,
        labels: [{ name: 'enhancement', color: 'a2eeef', description: null }],
        milestones: [world.milestone(1, 'v1.3.0', { state: 'CLOSED', updatedAt: at(199), closedAt: at(199) })],
        issues: [
          issue(1, 'Dark mode', { closedAt: at(300), updatedAt: at(300), events: [closedBy(60, 50), event.reopened(61), closedBy(300, 51)] }),
          issue(2, 'Export to PDF', {
            milestone: 1,
            closedAt: at(200 + FOUR_MONTHS),
            updatedAt: at(200 + FOUR_MONTHS),
            events: [event.milestoned(10, 'v1.3.0'), closedBy(200 + FOUR_MONTHS, null)],
          }),
          issue(3, 'Plugin API', { closedAt: at(150), updatedAt: at(150), events: [closedBy(150, 52)] }),
        ],
        pullRequests: [merged(50, 60, 1), merged(51, 300, 1), merged(52, 150, 3)],
        releases: [published('v1.2.0', 100, 'b'), published('v1.3.0', 200, 'c'), published('v2.0.0', 400, 'd')],
      }),
    ],
  };
}

let fixture: NotifyFixture;
let snapshot: Snapshot;

beforeAll(async () => {
  const sim = await startSimulator({ world: historyWorld(), token: TOKEN });
  const sync = await createSandbox(sim, CONFIG);
  fixture = { sim, sync, close: async () => (await sim.close(), await sync.cleanup()) };
  const { code, output } = await runSync(sync);
  if (code !== 0) throw new Error(`The sync failed:\n${output}`);
  snapshot = await readSnapshot(sync.snapshotDir);
});
afterAll(async () => {
  await fixture.close();
});

describe('a reopened request, through sync, model and notifier', () => {
  it('keeps every close, reopen and milestone change in the snapshot', () => {
    const kinds = (number: number): string[] =>
      snapshot.items.flatMap((item) => (item.type === 'issue' && item.number === number ? item.events.map((event) => event.kind) : []));
    expect(kinds(1)).toEqual(['closed', 'reopened', 'closed']);
    expect(kinds(2)).toEqual(['milestoned', 'closed']);
  });

  it('names one release on each request and lists it on that release’s changelog page only', async () => {
    const config = await loadConfig({ file: fixture.sync.configFile });
    const requests = buildRequests(snapshot, config);
    const shipped = Object.fromEntries(requests.map((request) => [request.number, request.shippedIn.map((release) => release.tagName)]));
    expect(shipped).toEqual({ 1: ['v2.0.0'], 2: [], 3: ['v1.3.0'] });
    expect(Object.fromEntries(requests.map((request) => [request.number, request.release?.tagName ?? null]))).toEqual({ 1: 'v2.0.0', 2: null, 3: 'v1.3.0' });
    const changelog = buildChangelog(snapshot, config, requests);
    expect(Object.fromEntries(changelog.map((entry) => [entry.tagName, entry.shipped]))).toEqual({
      'v1.2.0': [],
      'v1.3.0': ['acme/widgets#3'],
      'v2.0.0': ['acme/widgets#1'],
    });
  });

  it('announces each request once, with the release that shipped it', async () => {
    const sandbox = await createNotifySandbox(fixture, null, JSON.stringify([{ email: 'ada@example.com', github: 'ada' }]), { subscribersName: 'subscribers.json' });
    try {
      const tags = ['v1.2.0', 'v1.3.0', 'v2.0.0'];
      // Dry runs only read the ledger, so the three can run side by side.
      const runs = await Promise.all(tags.map((tag) => runNotify(fixture, sandbox, ['--release', tag, '--dry-run', '--out', `${sandbox.previewDir}-${tag}`])));
      const announced = Object.fromEntries(
        runs.map((run, index) => {
          expect(run.code, run.stderr).toBe(0);
          return [tags[index], /Previewing acme\/widgets \S+: (.*)\./.exec(run.stderr)?.[1] ?? run.stderr];
        }),
      );
      expect(announced).toEqual({
        'v1.2.0': '0 requests shipped',
        'v1.3.0': '1 request shipped (acme/widgets#3)',
        'v2.0.0': '1 request shipped (acme/widgets#1)',
      });
    } finally {
      await sandbox.cleanup();
    }
  }, 180_000);
});
