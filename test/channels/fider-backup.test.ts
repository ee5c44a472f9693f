/**
 * A Fider backup, written here in the shape Fider's "Download backup" gives (one JSON file per
 * table, every column of the table), imported as a channel. Expectations are read off the rows.
 * @see https://github.com/getfider/fider/blob/main/app/pkg/backup/backup.go
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChannels } from '../../src/channels/read-channels.ts';
import { buildRequests } from '../../src/model/build-requests.ts';
import type { ImportedChannels } from '../../src/model/imported-requests.ts';
import type { Request } from '../../src/model/types.ts';
import { configWith, issue, MAIN, person, snapshotOf, vote } from '../helpers/snapshot-builders.ts';

const post = (id: number, number: number, title: string, status: number, userId: number, extra: Record<string, unknown> = {}) => ({
  id,
  number,
  title,
  slug: title.toLowerCase().replace(/\W+/g, '-'),
  description: `About ${title}`,
  tenant_id: 7,
  user_id: userId,
  created_at: `2025-0${number}-01T10:00:00.123456Z`,
  status,
  response: null,
  response_user_id: null,
  response_date: null,
  original_id: null,
  ...extra,
});
const voteRow = (postId: number, userId: number, day: number) => ({ post_id: postId, user_id: userId, tenant_id: 7, created_at: `2025-05-${String(day).padStart(2, '0')}T08:00:00Z` });
const user = (id: number, name: string, email: string | null) => ({ id, name, email, tenant_id: 7, role: 1, status: 1, avatar_type: 2, api_key: null });

const POSTS = [
  post(11, 1, 'Offline mode', 0, 1), // open
  post(12, 2, 'Work without a network', 5, 2, { original_id: 11, response: 'Same idea', response_date: '2025-06-01T00:00:00Z' }), // duplicate of post 1
  post(13, 3, 'Spam we deleted', 6, 3), // deleted: never imported
  post(14, 4, 'Keyboard shortcuts', 4, 4), // planned
  post(15, 5, 'Dark theme', 2, 3, { response_date: '2025-07-01T00:00:00Z' }), // completed, and a duplicate of GitHub #9 by configuration
];
const VOTES = [
  voteRow(11, 1, 1),
  voteRow(11, 2, 2),
  voteRow(12, 2, 3), // user 2 again, on the duplicate: one person
  voteRow(12, 3, 4),
  voteRow(13, 5, 5),
  voteRow(14, 4, 6),
  voteRow(15, 5, 7),
  voteRow(15, 6, 8),
];
const USERS = [
  user(1, 'Ana Fidervoter', 'ana@fider.example'),
  user(2, 'Ben Fidervoter', 'ben@fider.example'),
  user(3, 'Cai Fidervoter', null),
  user(4, 'Dan Fidervoter', 'dan@fider.example'),
  user(5, 'Eli Fidervoter', 'eli@fider.example'),
  user(6, 'Fay Fidervoter', 'fay@fider.example'),
];

let root = '';
let imports: ImportedChannels;
let requests: Request[];
const byTitle = (title: string) => requests.find((request) => request.title === title);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'open-roadmap-fider-'));
  await mkdir(join(root, 'fider'));
  await writeFile(join(root, 'fider/posts.json'), JSON.stringify(POSTS));
  await writeFile(join(root, 'fider/post_votes.json'), JSON.stringify(VOTES));
  await writeFile(join(root, 'fider/users.json'), JSON.stringify(USERS));
  await writeFile(join(root, 'subscribers.csv'), 'email,github\neli@fider.example,eli-gh\n');
  const config = configWith({ channels: [{ name: 'Old board', file: 'fider', format: 'fider', duplicateOf: { '5': `${MAIN}#9` } }] });
  imports = await readChannels(config, { root, subscribersFile: join(root, 'subscribers.csv') });
  // GitHub #9: opened by gus, 👍 by eli-gh, who is Fider's user 5 by the subscriber list.
  requests = buildRequests(snapshotOf([issue({ number: 9, title: 'Dark mode', author: person('gus'), votes: [vote('eli-gh')] })]), config, imports);
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a Fider backup as a channel', () => {
  it('imports every post but the deleted one, by its Fider number', () => {
    expect(imports.requests.map((request) => [request.id, request.title])).toEqual([
      ['1', 'Offline mode'],
      ['2', 'Work without a network'],
      ['4', 'Keyboard shortcuts'],
      ['5', 'Dark theme'],
    ]);
  });

  it('gives Fider’s statuses their roadmap meaning', () => {
    expect(byTitle('Offline mode')?.status).toBe('under-review');
    expect(byTitle('Keyboard shortcuts')?.status).toBe('planned');
    expect(byTitle('Dark mode')?.status).toBe('under-review');
    expect(requests.some((request) => request.title === 'Spam we deleted')).toBe(false);
  });

  it('folds a Fider duplicate into its original, each voter once', () => {
    const request = byTitle('Offline mode');
    expect(request?.path).toBe('/requests/old-board-1-offline-mode/');
    expect(request?.duplicates.map((duplicate) => duplicate.title)).toEqual(['Work without a network']);
    expect(requests.some((other) => other.title === 'Work without a network')).toBe(false);
    // Post 1: author 1, votes 1 and 2. Post 2: author 2, votes 2 and 3. People: 1, 2, 3.
    expect(request?.votes.total).toBe(3);
    expect(request?.votes.imported).toEqual([{ channel: 'Old board', people: 3 }]);
  });

  it('merges a post the configuration names as a GitHub item’s duplicate, with a subscriber known by login counted once', () => {
    const request = byTitle('Dark mode');
    expect(request?.key).toBe(`${MAIN}#9`);
    expect(request?.duplicates.map((duplicate) => duplicate.title)).toEqual(['Dark theme']);
    // GitHub: gus (author), eli-gh (👍). Fider post 5: author 3, votes 5 (= eli-gh) and 6.
    expect(request?.votes.people.map((voter) => voter.login).sort()).toEqual(['eli-gh', 'gus']);
    expect(request?.votes.imported).toEqual([{ channel: 'Old board', people: 2 }]);
    expect(request?.votes.total).toBe(4);
  });

  it('keeps names and addresses out of the requests', () => {
    const published = JSON.stringify(requests);
    for (const entry of USERS) {
      expect(published).not.toContain(entry.name);
      if (entry.email) expect(published).not.toContain(entry.email);
    }
  });
});
