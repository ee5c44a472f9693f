/**
 * The demo roadmap gathers requests from three kinds of channel: GitHub issues, GitHub
 * Discussions, and two imported files (content/channels/: a support inbox in Open Roadmap's CSV,
 * and the backup of the Fider board the project left). Expectations are read off the committed
 * snapshot's raw items and the files' rows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readChannels } from '../../src/channels/read-channels.ts';
import { loadConfig } from '../../src/config/index.ts';
import { buildRoadmap, type Roadmap } from '../../src/model/build-roadmap.ts';
import { readSnapshot, type Snapshot } from '../../src/snapshot/read-snapshot.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIDER = join(ROOT, 'content/channels/old-fider-board');

let snapshot: Snapshot;
let roadmap: Roadmap;

beforeAll(async () => {
  const config = await loadConfig({ root: ROOT });
  snapshot = await readSnapshot(join(ROOT, 'content/snapshot'));
  roadmap = buildRoadmap(snapshot, config, await readChannels(config, { root: ROOT, subscribersFile: null }));
});

describe('the demo roadmap', () => {
  it('shows requests from issues, Discussions and imported files', () => {
    const kinds = new Set(roadmap.requests.map((request) => request.channel ?? request.type));
    expect([...kinds].sort()).toEqual(['Email', 'Old Fider board', 'discussion', 'issue']);
  });

  it('merges issue #12 with a Fider post and an email, counting each person once', async () => {
    const issue = snapshot.items.find((item) => item.repository === 'lumen-dev/lumen' && item.number === 12);
    const request = roadmap.requests.find((candidate) => candidate.key === 'lumen-dev/lumen#12');
    if (issue === undefined || request === undefined) throw new Error('the demo has no issue #12');
    const github = new Set([...issue.votes.flatMap((vote) => (vote.login === null ? [] : [vote.login.toLowerCase()]))]);
    if (issue.author) github.add(issue.author.login.toLowerCase());
    // What else folds into #12 on GitHub counts as well; the model's GitHub people are checked in test/demand/.
    const githubPeople = request.votes.people.length;
    expect(githubPeople).toBeGreaterThanOrEqual(github.size);

    // Fider post 1 (id 101): its author and voters are users 1, 2 and 3. The email (mail-1) was
    // written by Lena, Fider's user 3 by address, and voted for by hiroshiw and vargar5 on GitHub.
    const votes = JSON.parse(await readFile(join(FIDER, 'post_votes.json'), 'utf8')) as Array<{ post_id: number; user_id: number }>;
    const fiderPeople = new Set(votes.filter((vote) => vote.post_id === 101).map((vote) => vote.user_id));
    expect([...fiderPeople].sort()).toEqual([1, 2, 3]);
    for (const login of ['hiroshiw', 'vargar5']) expect(github.has(login), login).toBe(true);

    expect(request.votes.imported).toEqual([{ channel: 'Old Fider board', people: 3 }]);
    expect(request.votes.total).toBe(githubPeople + 3 + request.votes.anonymous);
    expect(request.duplicates.filter((duplicate) => duplicate.channel !== null).map((duplicate) => duplicate.path)).toEqual([
      '/requests/old-fider-board-1-faster-rebuilds-when-only-one-page-changed/',
      '/requests/email-mail-1-rebuild-only-the-pages-that-changed/',
    ]);
  });

  it('folds the Fider post marked duplicate into its original, and leaves the deleted one out', () => {
    const pdf = roadmap.requests.find((request) => request.stablePath === '/requests/old-fider-board-2/');
    expect(pdf?.duplicates.map((duplicate) => duplicate.title)).toEqual(['PDF download of the docs']);
    // Post 2 (id 102): author 2, voters 2 and 4; post 3 (id 103): author 3, voters 3 and 1.
    expect(pdf?.votes.total).toBe(4);
    expect(roadmap.requests.some((request) => request.title === 'Keep the legacy plugin hooks')).toBe(false);
  });
});
