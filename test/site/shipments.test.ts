import { describe, expect, it } from 'vitest';
import { itemKey } from '../../src/model/item-key.ts';
import { releaseId, shipReleases, type ShipmentContext, type ShipmentGroup } from '../../src/model/shipments.ts';
import type { Item, PullRequestRef } from '../../src/snapshot/schema.ts';
import { DOCS, issue, MAIN, release } from './helpers/snapshot-builders.ts';

function mergedPr(number: number, mergedAt: string, repository = MAIN): PullRequestRef {
  return { repository, number, title: `PR ${number}`, url: `https://github.com/${repository}/pull/${number}`, merged: true, mergedAt, mergeCommit: null };
}

const done = { state: 'CLOSED', stateReason: 'COMPLETED', closedAt: '2025-03-01T00:00:00Z' } as const;

function groupsOf(...items: Item[][]): ShipmentGroup[] {
  return items.map((group) => ({ key: itemKey(group[0] as Item), items: group }));
}

const context: ShipmentContext = {
  milestoneTitle: (repository, number) => (repository === MAIN && number === 1 ? 'v1.1.0' : null),
  canonicalKeyOf: (ref) => (ref.repository === MAIN && ref.number === 30 ? itemKey({ repository: MAIN, number: 3 }) : itemKey(ref)),
};

const v100 = release({ tagName: 'v1.0.0', publishedAt: '2025-01-15T00:00:00Z' });
const beta = release({ tagName: 'v1.1.0-beta.1', publishedAt: '2025-02-15T00:00:00Z', isPrerelease: true });
const v110 = release({ tagName: 'v1.1.0', publishedAt: '2025-03-15T00:00:00Z' });

describe('shipReleases', () => {
  it('ships a request in the release after its closing pull request was merged', () => {
    const groups = groupsOf([issue({ number: 1, ...done, closingPullRequests: [mergedPr(100, '2025-02-01T00:00:00Z')] })]);
    const shipped = shipReleases([v100, v110], groups, context);
    expect(shipped.get(releaseId(v100))).toEqual([]);
    expect(shipped.get(releaseId(v110))).toEqual([`${MAIN}#1`]);
  });

  it('lists what a prerelease shipped again in the stable release that follows', () => {
    const groups = groupsOf(
      [issue({ number: 1, ...done, closingPullRequests: [mergedPr(100, '2025-02-01T00:00:00Z')] })],
      [issue({ number: 2, ...done, closingPullRequests: [mergedPr(101, '2025-03-01T00:00:00Z')] })],
    );
    const shipped = shipReleases([v100, beta, v110], groups, context);
    expect(shipped.get(releaseId(beta))).toEqual([`${MAIN}#1`]);
    expect(shipped.get(releaseId(v110))).toEqual([`${MAIN}#1`, `${MAIN}#2`]);
  });

  it("counts a duplicate's closing pull request for its canonical request", () => {
    const groups = groupsOf([issue({ number: 1 }), issue({ number: 9, closingPullRequests: [mergedPr(100, '2025-01-10T00:00:00Z')] })]);
    expect(shipReleases([v100], groups, context).get(releaseId(v100))).toEqual([`${MAIN}#1`]);
  });

  it('ignores unmerged pull requests and those of another repository', () => {
    const unmerged: PullRequestRef = { ...mergedPr(100, '2025-01-10T00:00:00Z'), merged: false, mergedAt: null };
    const groups = groupsOf([issue({ number: 1, closingPullRequests: [unmerged, mergedPr(5, '2025-01-10T00:00:00Z', DOCS)] })]);
    expect(shipReleases([v100], groups, context).get(releaseId(v100))).toEqual([]);
  });

  it('ships requests closed in a milestone named like the release, not those declined in it', () => {
    const groups = groupsOf(
      [issue({ number: 1, milestone: 1, ...done })],
      [issue({ number: 2, milestone: 1, ...done, stateReason: 'NOT_PLANNED' })],
      [issue({ number: 4, milestone: 1 })],
    );
    expect(shipReleases([v100, v110], groups, context).get(releaseId(v110))).toEqual([`${MAIN}#1`]);
  });

  it('ships what the notes name, through duplicates to the canonical request', () => {
    const notes = release({ tagName: 'v1.2.0', publishedAt: '2025-04-01T00:00:00Z', body: '## Features\n- Dark mode. Ships #30\n- Fixes acme/docs#7' });
    const groups = groupsOf([issue({ number: 3 })], [issue({ number: 7, repository: DOCS })]);
    expect(shipReleases([notes], groups, context).get(releaseId(notes))).toEqual([`${MAIN}#3`, `${DOCS}#7`]);
  });

  it('keeps the releases of each repository apart', () => {
    const docsRelease = release({ repository: DOCS, tagName: 'v1.1.0', publishedAt: '2025-03-20T00:00:00Z' });
    const groups = groupsOf([issue({ number: 1, closingPullRequests: [mergedPr(100, '2025-03-18T00:00:00Z')] })]);
    const shipped = shipReleases([v110, docsRelease, release({ tagName: 'v1.2.0', publishedAt: '2025-04-01T00:00:00Z' })], groups, context);
    expect(shipped.get(releaseId(docsRelease))).toEqual([]);
    expect(shipped.get(`${MAIN}@v1.2.0`)).toEqual([`${MAIN}#1`]);
  });
});
