/**
 * Which requests a release ships, as the notifier sees it: the model's answer over a snapshot the
 * real sync wrote, with each request's duplicates and the people who asked. And which release a
 * run announces when none, or an ambiguous one, is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type RoadmapConfig } from '../../src/config/index.ts';
import { publishedReleases } from '../../src/model/publishable-items.ts';
import { readSnapshot, type Snapshot } from '../../src/snapshot/read-snapshot.ts';
import type { Release } from '../../src/snapshot/schema.ts';
import { releaseShipment } from '../../src/notify/release-shipments.ts';
import { selectRelease } from '../../src/notify/select-release.ts';
import { startFixture, type NotifyFixture } from './notify-harness.ts';

let fixture: NotifyFixture;
let snapshot: Snapshot;
let config: RoadmapConfig;

beforeAll(async () => {
  fixture = await startFixture();
  snapshot = await readSnapshot(fixture.sync.snapshotDir);
  config = await loadConfig({ file: fixture.sync.configFile });
});
afterAll(async () => {
  await fixture.close();
});

function release(tagName: string): Release {
  const found = publishedReleases(snapshot, config).find((candidate) => candidate.tagName === tagName);
  if (!found) throw new Error(`no release ${tagName}`);
  return found;
}

describe('releaseShipment', () => {
  it('ships what merged pull requests, the milestone and the notes say, most wanted first', () => {
    const shipment = releaseShipment(snapshot, config, release('v1.1.0'));
    // Ties in votes: the most recently updated first (#21 closed at hour 90, #5 at 85, #4 at 80, #3 at 70).
    expect(shipment.requests.map((request) => [request.key, request.votes.total])).toEqual([
      ['acme/widgets#1', 6],
      ['acme/widgets#21', 2],
      ['acme/widgets#5', 2],
      ['acme/widgets#4', 2],
      ['acme/widgets#3', 2],
    ]);
    expect(shipment.changelogUrl).toBe('https://acme.github.io/widgets/changelog/v1.1.0/');
  });

  it('comments on a request and every duplicate, and knows everyone who asked', () => {
    const darkMode = releaseShipment(snapshot, config, release('v1.1.0')).requests[0];
    expect(darkMode?.items.map((item) => [item.key, item.type, item.canonical])).toEqual([
      ['acme/widgets#1', 'issue', true],
      ['acme/widgets#2', 'issue', false],
      ['acme/widgets#20', 'discussion', false],
    ]);
    expect([...(darkMode?.askedBy ?? [])].sort()).toEqual(['ada', 'alice', 'bob', 'carol', 'grace', 'ivan']);
    expect(darkMode?.pageUrl).toBe('https://acme.github.io/widgets/requests/1-dark-mode/');
  });

  it('ships nothing twice: the previous release and the pre-release after it ship none of it', () => {
    expect(releaseShipment(snapshot, config, release('v1.0.0')).requests).toEqual([]);
    expect(releaseShipment(snapshot, config, release('v1.2.0-beta.1')).requests).toEqual([]);
  });

  it('knows which items are locked', () => {
    const plugin = releaseShipment(snapshot, config, release('v1.1.0')).requests.find((request) => request.number === 5);
    expect(plugin?.items.map((item) => item.locked)).toEqual([true]);
  });
});

describe('selectRelease', () => {
  const make = (repository: string, tagName: string, publishedAt: string, isPrerelease = false): Release => ({
    repository,
    tagName,
    name: null,
    body: '',
    url: `https://github.com/${repository}/releases/tag/${tagName}`,
    author: null,
    isPrerelease,
    createdAt: publishedAt,
    publishedAt,
    tagCommit: null,
  });
  const releases = [
    make('acme/app', 'v1.0.0', '2026-01-01T00:00:00Z'),
    make('acme/app', 'v1.1.0', '2026-02-01T00:00:00Z'),
    make('acme/app', 'v1.2.0-rc.1', '2026-03-01T00:00:00Z', true),
    make('acme/docs', 'v1.0.0', '2026-01-15T00:00:00Z'),
  ];
  const choose = (tag: string | null, repository: string | null = null, preferredRepository: string | null = null) =>
    selectRelease(releases, { tag, repository, preferredRepository });

  it('takes the newest release that is not a pre-release of the repository asked for', () => {
    expect(choose(null, 'acme/app').tagName).toBe('v1.1.0');
    expect(choose(null, 'ACME/Docs').repository).toBe('acme/docs');
  });

  it('prefers the repository the workflow runs in when several could be meant', () => {
    expect(choose(null, null, 'acme/docs')).toMatchObject({ repository: 'acme/docs', tagName: 'v1.0.0' });
    expect(choose('v1.0.0', null, 'acme/app')).toMatchObject({ repository: 'acme/app' });
  });

  it('announces a pre-release only when named', () => {
    expect(choose('v1.2.0-rc.1').isPrerelease).toBe(true);
  });

  it('asks for --repo instead of guessing', () => {
    expect(() => choose(null)).toThrow('Several repositories have releases: acme/app (v1.1.0), acme/docs (v1.0.0).');
    expect(() => choose('v1.0.0')).toThrow('v1.0.0 is a release of several repositories: acme/app, acme/docs.');
    expect(() => choose('v1.0.0', 'acme/site')).toThrow('The snapshot has no published release of acme/site.');
  });
});
