import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import type { GroundTruth } from '../../../scripts/dev/demo/ground-truth.ts';
import type { SimWorld } from '../../../scripts/dev/github-simulator/store-types.ts';
import { fullName, isIssue, mustItemAt, refKeyOf } from './world-lookup.ts';

/** Requests as a roadmap defines them: public `enhancement` issues and public `ideas` Discussions. */
function requestsIn(world: SimWorld): string[] {
  return world.repositories
    .filter((repository) => !repository.isPrivate)
    .flatMap((repository) => [
      ...repository.issues.filter((issue) => issue.labels.includes('enhancement')).map((issue) => `${fullName(repository)}#${issue.number}`),
      ...repository.discussions.filter((discussion) => discussion.category === 'ideas').map((discussion) => `${fullName(repository)}#${discussion.number}`),
    ])
    .sort();
}

describe.each([
  ['demo', generateWorld({ preset: 'demo', seed: 1 })],
  ['bench', generateWorld({ preset: 'bench', items: 2000, seed: 1 })],
])('the %s truth agrees with its world', (preset, { world, truth }: { world: SimWorld; truth: GroundTruth }) => {
  it('records its preset and the fixed "now"', () => {
    expect(truth).toMatchObject({ preset, seed: 1, now: '2026-11-01T12:00:00Z' });
  });

  it('lists exactly the requests of the world, with the right type', () => {
    expect(truth.requests.map((request) => refKeyOf(request.ref)).sort()).toEqual(requestsIn(world));
    for (const request of truth.requests) expect(isIssue(mustItemAt(world, request.ref))).toBe(request.type === 'issue');
  });

  it('resolves every request to a request that is its own canonical', () => {
    const canonicalOf = new Map(truth.requests.map((request) => [refKeyOf(request.ref), refKeyOf(request.canonical)]));
    for (const request of truth.requests) expect(canonicalOf.get(refKeyOf(request.canonical))).toBe(refKeyOf(request.canonical));
    for (const entry of truth.markedDuplicates) expect(canonicalOf.get(refKeyOf(entry.duplicate))).toBe(refKeyOf(entry.canonical));
  });

  it('only merges requests whose markings say so', () => {
    const marked = new Set(truth.markedDuplicates.map((entry) => refKeyOf(entry.duplicate)));
    for (const request of truth.requests) {
      if (refKeyOf(request.ref) !== refKeyOf(request.canonical)) expect(marked.has(refKeyOf(request.ref))).toBe(true);
    }
  });

  it('lists shipped requests as completed issues of a published release', () => {
    const releases = world.repositories.flatMap((repository) => repository.releases);
    expect(truth.shipped.length).toBeGreaterThan(0);
    for (const entry of truth.shipped) {
      expect(mustItemAt(world, entry.ref)).toMatchObject({ state: 'CLOSED', stateReason: 'COMPLETED' });
      const release = releases.find((candidate) => candidate.tagName === entry.release);
      expect(release?.isDraft).toBe(false);
      expect(release?.publishedAt).not.toBeNull();
    }
  });

  it('points at draft releases that are drafts, and hostile items that exist', () => {
    for (const draft of truth.draftReleases) {
      const release = world.repositories.flatMap((repository) => repository.releases).find((candidate) => candidate.tagName === draft.tagName);
      expect(release?.isDraft).toBe(true);
    }
    for (const ref of truth.hostile) expect(mustItemAt(world, ref)).toBeDefined();
  });
});

describe('the bench truth', () => {
  const { world, truth } = generateWorld({ preset: 'bench', items: 2000, seed: 1 });

  it('has one request per generated item, and duplicates whose markings name their canonical', () => {
    expect(truth.requests).toHaveLength(2000);
    expect(truth.markedDuplicates.length).toBeGreaterThan(10);
    for (const entry of truth.markedDuplicates) {
      const item = mustItemAt(world, entry.duplicate);
      if (isIssue(item)) {
        expect(item.events).toContainEqual(expect.objectContaining({ kind: 'marked_as_duplicate', canonical: entry.canonical }));
        expect(item.stateReason).toBe('DUPLICATE');
      } else {
        expect(item.comments.some((comment) => comment.body === `Duplicate of #${entry.canonical.number}`)).toBe(true);
      }
    }
  });
});
