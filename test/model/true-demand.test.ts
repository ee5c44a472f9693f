/**
 * How many people want each request: every scenario as a tiny snapshot, counted by hand in the
 * table, run through the model's real entry point (duplicates folded, then people counted).
 */
import { describe, expect, it } from 'vitest';
import { resolveRequests } from '../../src/model/build-requests.ts';
import type { Item, Vote } from '../../src/snapshot/schema.ts';
import {
  configWith,
  discussion,
  DOCS,
  issue,
  MAIN,
  markedDuplicate,
  person,
  snapshotOf,
  vote,
} from '../helpers/snapshot-builders.ts';

const noAuthor = { author: null };
const dup = (number: number) => ({ labels: ['duplicate'], body: `Duplicate of #${number}` });
const botVote = (login: string): Vote => ({ login, type: 'Bot', content: 'THUMBS_UP', createdAt: '2025-01-10T00:00:00Z' });

interface Case {
  name: string;
  items: Item[];
  config?: Parameters<typeof configWith>[0];
  /** The one request the items fold into. */
  total: number;
  /** Its named voters, lower-cased, in any order. */
  people: string[];
  anonymous?: number;
}

const cases: Case[] = [
  {
    name: 'one person voting on three duplicates counts once',
    items: [
      issue({ number: 1, ...noAuthor, votes: [vote('ada'), vote('bob')] }),
      issue({ number: 2, ...noAuthor, votes: [vote('ada')], ...markedDuplicate({ number: 1 }) }),
      issue({ number: 3, ...noAuthor, votes: [vote('Ada')], ...markedDuplicate({ number: 2 }) }),
      discussion({ number: 4, ...noAuthor, votes: [vote('ADA')], ...dup(1) }),
    ],
    total: 2,
    people: ['ada', 'bob'],
  },
  {
    name: 'voters across repositories and channels add up, each person once',
    items: [
      issue({ number: 1, ...noAuthor, votes: [vote('ada')] }),
      issue({ number: 5, repository: DOCS, ...noAuthor, votes: [vote('bob'), vote('ada')], body: `Duplicate of ${MAIN}#1`, labels: ['duplicate'] }),
      discussion({ number: 6, ...noAuthor, votes: [vote('cy')], ...dup(1) }),
    ],
    total: 3,
    people: ['ada', 'bob', 'cy'],
  },
  {
    name: 'a person reacting with several vote reactions counts once',
    items: [issue({ number: 1, ...noAuthor, votes: [vote('ada', undefined, 'THUMBS_UP'), vote('ada', undefined, 'HEART')] })],
    config: { votes: { reactions: ['THUMBS_UP', 'HEART'] } },
    total: 1,
    people: ['ada'],
  },
  {
    name: 'reactions that are not configured as votes do not count',
    items: [issue({ number: 1, ...noAuthor, votes: [vote('ada', undefined, 'HEART'), vote('bob', undefined, 'EYES'), vote('cy')] })],
    total: 1,
    people: ['cy'],
  },
  {
    name: 'bots never count: a [bot] login, or GitHub type Bot',
    items: [issue({ number: 1, ...noAuthor, votes: [vote('dependabot[bot]'), botVote('renovate'), vote('ada')] })],
    total: 1,
    people: ['ada'],
  },
  {
    name: 'with exclude.bots off, bots count like anyone',
    items: [issue({ number: 1, ...noAuthor, votes: [vote('dependabot[bot]'), botVote('renovate'), vote('ada')] })],
    config: { exclude: { bots: false } },
    total: 3,
    people: ['dependabot[bot]', 'renovate', 'ada'],
  },
  {
    name: 'excluded users never count, on the request or its duplicates',
    items: [
      issue({ number: 1, ...noAuthor, votes: [vote('Spammer'), vote('ada')] }),
      issue({ number: 2, ...noAuthor, votes: [vote('spammer')], ...markedDuplicate({ number: 1 }) }),
    ],
    config: { exclude: { users: ['@spammer'] } },
    total: 1,
    people: ['ada'],
  },
  {
    name: 'deleted accounts never count, whoever they were',
    items: [issue({ number: 1, ...noAuthor, votes: [vote(null), vote(null), vote('ada')] })],
    total: 1,
    people: ['ada'],
  },
  {
    name: 'a deleted author does not count; a living author does',
    items: [
      issue({ number: 1, author: null, votes: [vote('ada')] }),
      issue({ number: 2, author: person('cleo'), votes: [], ...markedDuplicate({ number: 1 }) }),
    ],
    total: 2,
    people: ['ada', 'cleo'],
  },
  {
    name: 'authors count once each, even when they also reacted, with votes.countAuthor',
    items: [
      issue({ number: 1, author: person('cleo'), votes: [vote('cleo'), vote('ada')] }),
      issue({ number: 2, author: person('ada'), votes: [], ...markedDuplicate({ number: 1 }) }),
    ],
    total: 2,
    people: ['ada', 'cleo'],
  },
  {
    name: 'without votes.countAuthor, authors count where they reacted, on their own item too, and nowhere else',
    items: [
      issue({ number: 1, author: person('cleo'), votes: [vote('cleo'), vote('ada')] }),
      issue({ number: 2, author: person('dan'), votes: [vote('dan')], ...markedDuplicate({ number: 1 }) }),
      issue({ number: 3, author: person('eve'), votes: [vote('ada')], ...markedDuplicate({ number: 1 }) }),
    ],
    config: { votes: { countAuthor: false } },
    total: 3,
    people: ['ada', 'cleo', 'dan'],
  },
  {
    name: 'with votes.countAuthor, the same authors count whether they reacted or not',
    items: [
      issue({ number: 1, author: person('cleo'), votes: [vote('cleo'), vote('ada')] }),
      issue({ number: 2, author: person('dan'), votes: [vote('dan')], ...markedDuplicate({ number: 1 }) }),
      issue({ number: 3, author: person('eve'), votes: [vote('ada')], ...markedDuplicate({ number: 1 }) }),
    ],
    total: 4,
    people: ['ada', 'cleo', 'dan', 'eve'],
  },
  {
    name: 'an item opened by a bot is not published: neither its author nor its voters count',
    items: [
      issue({ number: 1, ...noAuthor, votes: [vote('ada')] }),
      issue({ number: 2, author: person('github-actions', 'Bot'), votes: [vote('bob')], ...markedDuplicate({ number: 1 }) }),
    ],
    total: 1,
    people: ['ada'],
  },
  {
    name: 'a spam-labelled duplicate brings no votes',
    items: [
      issue({ number: 1, ...noAuthor, votes: [vote('ada')] }),
      issue({ number: 2, ...noAuthor, labels: ['spam', 'duplicate'], body: 'Duplicate of #1', votes: [vote('sock1'), vote('sock2')] }),
    ],
    total: 1,
    people: ['ada'],
  },
  {
    name: 'Discussion upvotes without any known voter: all anonymous',
    items: [discussion({ number: 1, ...noAuthor, upvoteCount: 5 })],
    total: 5,
    people: [],
    anonymous: 5,
  },
  {
    name: 'Discussion upvotes with known voters: the named people may be among the upvoters',
    items: [discussion({ number: 1, ...noAuthor, upvoteCount: 5, votes: [vote('ada'), vote('bob')] })],
    total: 5,
    people: ['ada', 'bob'],
    anonymous: 3,
  },
  {
    name: 'Discussion upvotes fewer than the people named anywhere in the group add nobody',
    items: [
      issue({ number: 1, ...noAuthor, votes: [vote('ada'), vote('bob'), vote('cy'), vote('dee')] }),
      discussion({ number: 2, ...noAuthor, upvoteCount: 3, ...dup(1) }),
    ],
    total: 4,
    people: ['ada', 'bob', 'cy', 'dee'],
    anonymous: 0,
  },
  {
    name: 'upvotes of two merged Discussions are not added up: the larger one counts',
    items: [
      issue({ number: 1, ...noAuthor, votes: [vote('ada')] }),
      discussion({ number: 2, ...noAuthor, upvoteCount: 4, ...dup(1) }),
      discussion({ number: 3, ...noAuthor, upvoteCount: 6, votes: [vote('bob')], ...dup(1) }),
    ],
    total: 6,
    people: ['ada', 'bob'],
    anonymous: 4,
  },
  {
    name: 'a Discussion author counts as a named voter with countAuthor',
    items: [discussion({ number: 1, author: person('cleo'), upvoteCount: 3 })],
    total: 3,
    people: ['cleo'],
    anonymous: 2,
  },
  {
    name: 'without countAuthor, every upvote counts, the author’s own included: the same 3',
    items: [discussion({ number: 1, author: person('cleo'), upvoteCount: 3 })],
    config: { votes: { countAuthor: false } },
    total: 3,
    people: [],
    anonymous: 3,
  },
  {
    name: 'with countAuthor, a Discussion author nobody upvoted still counts',
    items: [discussion({ number: 1, author: person('cleo'), upvoteCount: 0 })],
    total: 1,
    people: ['cleo'],
    anonymous: 0,
  },
  {
    name: 'without countAuthor, a Discussion nobody upvoted or reacted to has no votes',
    items: [discussion({ number: 1, author: person('cleo'), upvoteCount: 0 })],
    config: { votes: { countAuthor: false } },
    total: 0,
    people: [],
    anonymous: 0,
  },
  {
    name: 'without countAuthor, an author who reacted is named once and may be one of the upvoters',
    items: [discussion({ number: 1, author: person('cleo'), upvoteCount: 3, votes: [vote('cleo')] })],
    config: { votes: { countAuthor: false } },
    total: 3,
    people: ['cleo'],
    anonymous: 2,
  },
  // The worked example of docs/true-demand.md, both ways, and with 5 upvotes.
  ...[
    { countAuthor: true, upvotes: 3, total: 5, people: ['ada', 'bob', 'cleo', 'dan', 'eve'], anonymous: 0 },
    { countAuthor: false, upvotes: 3, total: 3, people: ['ada', 'bob', 'cleo'], anonymous: 0 },
    { countAuthor: true, upvotes: 5, total: 5, people: ['ada', 'bob', 'cleo', 'dan', 'eve'], anonymous: 0 },
    { countAuthor: false, upvotes: 5, total: 5, people: ['ada', 'bob', 'cleo'], anonymous: 2 },
  ].map(({ countAuthor, upvotes, ...expected }) => ({
    name: `the worked example in the docs, countAuthor ${countAuthor}, ${upvotes} upvotes: ${expected.total} votes`,
    items: [
      issue({ number: 12, author: person('cleo'), votes: [vote('cleo'), vote('ada')] }),
      issue({ number: 15, author: person('dan'), votes: [], ...markedDuplicate({ number: 12 }) }),
      discussion({ number: 7, author: person('eve'), upvoteCount: upvotes, votes: [vote('ada'), vote('bob')], ...dup(12) }),
    ],
    config: { votes: { countAuthor } },
    ...expected,
  })),
];

describe('unique voters across a request and its duplicates', () => {
  it.each(cases)('$name', ({ items, config, total, people, anonymous }) => {
    const { requests } = resolveRequests(snapshotOf(items), configWith(config ?? {}));
    expect(requests).toHaveLength(1);
    const votes = requests[0]?.votes;
    expect(votes?.total).toBe(total);
    expect(votes?.people.map((voter) => voter.login.toLowerCase()).sort()).toEqual([...people].sort());
    expect(votes?.anonymous).toBe(anonymous ?? 0);
    expect(votes?.total).toBe((votes?.people.length ?? 0) + (votes?.anonymous ?? 0));
  });

  it('dates each person by their first vote anywhere in the group, for trending', () => {
    const { requests } = resolveRequests(
      snapshotOf([
        issue({ number: 1, ...noAuthor, votes: [vote('ada', '2025-03-01T00:00:00Z')] }),
        issue({ number: 2, ...noAuthor, votes: [vote('ada', '2025-02-01T00:00:00Z')], ...markedDuplicate({ number: 1 }) }),
      ]),
      configWith(),
    );
    expect(requests[0]?.votes.people.map((voter) => voter.votedAt)).toEqual(['2025-02-01T00:00:00Z']);
  });

  it('a request reopened after being marked as a duplicate keeps its own voters apart', () => {
    const { requests } = resolveRequests(
      snapshotOf([
        issue({ number: 1, ...noAuthor, votes: [vote('ada')] }),
        issue({
          number: 2,
          ...noAuthor,
          votes: [vote('bob'), vote('ada')],
          events: [...markedDuplicate({ number: 1 }).events, { kind: 'reopened', createdAt: '2025-04-01T00:00:00Z', actor: 'bob' }],
        }),
      ]),
      configWith(),
    );
    expect(requests.map((request) => [request.number, request.votes.total])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});
