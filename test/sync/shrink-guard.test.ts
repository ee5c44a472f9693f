import { describe, expect, it } from 'vitest';
import { shrinkRefusal } from '../../src/sync/shrink-guard.ts';
import type { Snapshot } from '../../src/snapshot/read-snapshot.ts';
import { issue, repository, snapshotOf } from '../helpers/snapshot-builders.ts';

const GITHUB = 'https://api.github.com';

/** A previous snapshot synced from `apiUrl`, holding `counts[repository]` items of each repository. */
function previous(apiUrl: string, counts: Record<string, number>): Snapshot {
  const items = Object.entries(counts).flatMap(([name, count]) => Array.from({ length: count }, (_, index) => issue({ repository: name, number: index + 1 })));
  const snapshot = snapshotOf(items, Object.keys(counts).map((name) => repository(name)));
  const sources = Object.entries(counts).map(([name, count]) => ({
    repository: name,
    issuesCursor: null,
    discussionsCursor: null,
    lastFullSyncAt: null,
    itemCount: count,
    configDigest: 'x',
  }));
  return { ...snapshot, manifest: { ...snapshot.manifest, apiUrl, sources } };
}

const demo = () => previous('github-simulator (demo world, seed 1)', { 'lumen-dev/lumen': 340, 'lumen-dev/lumen-docs': 23 });

describe('the shrink guard', () => {
  it.each([
    { case: 'a first sync of your own repository over the demo snapshot', before: demo(), now: { 'you/app': 10 }, refused: null },
    { case: 'a first sync with no snapshot at all', before: null, now: { 'you/app': 1 }, refused: null },
    { case: 'the same repository from another API', before: previous('https://ghe.example.com/api/v3', { 'you/app': 100 }), now: { 'you/app': 10 }, refused: null },
    { case: 'a repository that replaces another one', before: previous(GITHUB, { 'you/old': 100 }), now: { 'you/new': 3 }, refused: null },
    { case: 'half of the same repository, exactly', before: previous(GITHUB, { 'you/app': 20 }), now: { 'you/app': 10 }, refused: null },
    { case: 'fewer than half of the same repository', before: previous(GITHUB, { 'you/app': 20 }), now: { 'you/app': 9 }, refused: 'fewer than half' },
    { case: 'the same repository, named in another case', before: previous(`${GITHUB}/`, { 'You/App': 20 }), now: { 'you/app': 9 }, refused: 'fewer than half' },
    // A repository added to the sources does not hide the one that shrank: 9 + 100 against 20 would pass.
    { case: 'a shrunken repository beside a new one', before: previous(GITHUB, { 'you/app': 20 }), now: { 'you/app': 9, 'you/new': 100 }, refused: 'fewer than half' },
    { case: 'a repository dropped from the sources', before: previous(GITHUB, { 'you/app': 20, 'you/gone': 500 }), now: { 'you/app': 20 }, refused: null },
    { case: 'nothing found, first time', before: demo(), now: { 'you/app': 0 }, refused: 'no requests at all' },
    // Its items must leave the snapshot now, not after someone thinks of --force.
    { case: 'a repository that has become private', before: previous(GITHUB, { 'you/app': 20, 'you/now-private': 100 }), now: { 'you/app': 20, 'you/now-private': 0 }, privateNow: ['you/now-private'], refused: null },
    { case: 'every repository private now', before: previous(GITHUB, { 'you/now-private': 100 }), now: { 'you/now-private': 0 }, privateNow: ['you/now-private'], refused: 'no requests at all' },
    { case: 'nothing found again after a forced empty snapshot', before: previous(GITHUB, { 'you/app': 0 }), now: { 'you/app': 0 }, refused: null },
  ] as Array<{ case: string; before: Snapshot | null; now: Record<string, number>; privateNow?: string[]; refused: string | null }>)('$case: $refused', ({ before, now, privateNow, refused }) => {
    const current = Object.entries(now).map(([name, items]) => ({ repository: name, items, skippedPrivate: privateNow?.includes(name) ?? false }));
    const error = shrinkRefusal(before, GITHUB, current);
    if (refused === null) expect(error).toBeNull();
    else {
      expect(error?.message).toContain(refused);
      expect(error?.hint).toContain('npm run sync -- --force');
    }
  });

  it('says which repositories shrank, from where, and by how much', () => {
    const error = shrinkRefusal(previous(GITHUB, { 'you/app': 20, 'you/docs': 4 }), GITHUB, [
      { repository: 'you/app', items: 2 },
      { repository: 'you/docs', items: 4 },
    ]);
    expect(error?.message).toBe(
      `The sync found 6 requests where the last sync of the same repositories from ${GITHUB} found 24 (you/app 20 → 2, you/docs 4 → 4): fewer than half, so the snapshot was not replaced.`,
    );
  });
});
