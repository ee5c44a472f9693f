import { describe, expect, it } from 'vitest';
import { buildRequests } from '../../src/model/build-requests.ts';
import type { ImportedChannels, ImportedRequest } from '../../src/model/imported-requests.ts';
import { configWith, issue, MAIN, person, snapshotOf, vote } from '../helpers/snapshot-builders.ts';

const CHANNELS = [
  { name: 'Email', slug: 'email' },
  { name: 'Old board', slug: 'old-board' },
];

function imported(overrides: Partial<ImportedRequest> & Pick<ImportedRequest, 'channel' | 'id' | 'title'>): ImportedRequest {
  return {
    body: '',
    createdAt: '2025-02-01T00:00:00Z',
    updatedAt: '2025-02-01T00:00:00Z',
    link: null,
    status: null,
    author: null,
    voters: [],
    duplicateOf: null,
    duplicates: [],
    ...overrides,
  };
}

function channelsOf(requests: ImportedRequest[], logins: Record<string, string> = {}): ImportedChannels {
  return { channels: CHANNELS, requests, loginOfEmail: (email) => logins[email.toLowerCase()] ?? null };
}

const at = (day: number) => `2025-02-${String(day).padStart(2, '0')}T00:00:00Z`;

describe('imported requests', () => {
  it('join the board with their channel, address and status, and count their voters without naming them', () => {
    const requests = buildRequests(
      snapshotOf([issue({ number: 1, author: person('ada') })]),
      configWith(),
      channelsOf([
        imported({
          channel: 'email',
          id: 'A17',
          title: 'Export to PDF',
          status: 'planned',
          author: { email: 'zoe@example.com' },
          voters: [
            { person: { email: 'zoe@example.com' }, at: at(2) },
            { person: { id: '8812' }, at: at(3) },
            { person: { id: '8812' }, at: at(4) },
          ],
        }),
      ]),
    );
    const request = requests.find((candidate) => candidate.title === 'Export to PDF');
    expect(request).toMatchObject({
      channel: 'Email',
      status: 'planned',
      url: '',
      stablePath: '/requests/email-a17/',
      path: '/requests/email-a17-export-to-pdf/',
      author: null,
    });
    // zoe (asked and voted) and the person with id 8812 (voted twice): two people, none named.
    expect(request?.votes.total).toBe(2);
    expect(request?.votes.people).toEqual([]);
    expect(request?.votes.imported).toEqual([{ channel: 'Email', people: 2 }]);
    expect(JSON.stringify(requests)).not.toMatch(/zoe|8812/);
  });

  it('merge into a GitHub issue they duplicate, each person counted once across channels', () => {
    const requests = buildRequests(
      snapshotOf([issue({ number: 12, author: person('ada'), votes: [vote('bob'), vote('cy')] })]),
      configWith(),
      channelsOf(
        [
          imported({
            channel: 'email',
            id: '1',
            title: 'Dark mode please',
            duplicateOf: { github: { repository: MAIN, number: 12 } },
            voters: [
              { person: { github: 'Bob' }, at: at(1) }, // bob reacted on GitHub: already counted
              { person: { email: 'Cy@Example.com' }, at: at(1) }, // the subscriber list says cy: counted
              { person: { email: 'dee@example.com' }, at: at(2) },
              { person: { id: '7' }, at: at(3) },
            ],
          }),
          imported({
            channel: 'old-board',
            id: '40',
            title: 'Night theme',
            duplicateOf: { channel: 'email', id: '1' },
            voters: [
              { person: { email: 'DEE@example.com' }, at: at(4) }, // dee again, by address
              { person: { id: '7' }, at: at(5) }, // id 7 of another channel: someone else
              { person: { github: 'eve' }, at: at(6) },
            ],
          }),
        ],
        { 'cy@example.com': 'cy' },
      ),
    );
    expect(requests.map((request) => request.key)).toEqual([`${MAIN}#12`]);
    const [request] = requests;
    // GitHub: ada (author), bob, cy. Imported only: dee, email's 7, old board's 7, eve.
    expect(request?.votes.people.map((voter) => voter.login).sort()).toEqual(['ada', 'bob', 'cy']);
    expect(request?.votes.imported).toEqual([
      { channel: 'Email', people: 2 },
      { channel: 'Old board', people: 2 },
    ]);
    expect(request?.votes.total).toBe(7);
    expect(request?.duplicates.map((duplicate) => [duplicate.channel, duplicate.path])).toEqual([
      ['Email', '/requests/email-1-dark-mode-please/'],
      ['Old board', '/requests/old-board-40-night-theme/'],
    ]);
  });

  it('take in GitHub items they name as their duplicates, with their votes', () => {
    const requests = buildRequests(
      snapshotOf([issue({ number: 5, author: person('ada'), votes: [vote('bob')] }), issue({ number: 6, author: person('cy') })]),
      configWith(),
      channelsOf([imported({ channel: 'email', id: 'x', title: 'Offline mode', duplicates: [{ repository: MAIN, number: 5 }], voters: [{ person: { github: 'ada' }, at: at(1) }] })]),
    );
    expect(requests.map((request) => request.title).sort()).toEqual(['Offline mode', 'Request 6']);
    const request = requests.find((candidate) => candidate.title === 'Offline mode');
    expect(request?.duplicates.map((duplicate) => duplicate.key)).toEqual([`${MAIN}#5`]);
    // ada (author of #5, and an imported voter) and bob: two people, both named by GitHub.
    expect(request?.votes.people.map((voter) => voter.login).sort()).toEqual(['ada', 'bob']);
    expect(request?.votes.total).toBe(2);
  });

  it('leave out an imported voter whose GitHub login is excluded', () => {
    const [request] = buildRequests(
      snapshotOf([]),
      configWith({ exclude: { users: ['troll'] } }),
      channelsOf([imported({ channel: 'email', id: '1', title: 'One', voters: [{ person: { github: 'troll' }, at: at(1) }, { person: { id: 'a' }, at: at(1) }] })]),
    );
    expect(request?.votes.total).toBe(1);
  });
});
