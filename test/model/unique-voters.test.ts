import { describe, expect, it } from 'vitest';
import { uniqueVoters, type VoterRules } from '../../src/model/unique-voters.ts';
import type { Item } from '../../src/snapshot/schema.ts';
import { configWith, discussion, issue, person, vote } from '../helpers/snapshot-builders.ts';

function rulesWith(overrides: Parameters<typeof configWith>[0] = {}): VoterRules {
  const config = configWith(overrides);
  return { votes: config.votes, exclude: config.exclude, avatarFor: (login) => `https://avatars.example/${login}` };
}

const noAuthor = { author: null };

interface Case {
  name: string;
  items: Item[];
  rules?: VoterRules;
  total: number;
  people: string[];
  anonymous?: number;
}

const cases: Case[] = [
  {
    name: 'one person voting on three duplicates counts once',
    items: [
      issue({ number: 1, ...noAuthor, votes: [vote('ada'), vote('bob')] }),
      issue({ number: 2, ...noAuthor, votes: [vote('ada')] }),
      discussion({ number: 3, ...noAuthor, votes: [vote('ADA')] }),
    ],
    total: 2,
    people: ['ada', 'bob'],
  },
  {
    name: 'several vote reactions by one person count once',
    items: [issue({ number: 1, ...noAuthor, votes: [vote('ada', undefined, 'THUMBS_UP'), vote('ada', undefined, 'HEART')] })],
    rules: rulesWith({ votes: { reactions: ['THUMBS_UP', 'HEART'] } }),
    total: 1,
    people: ['ada'],
  },
  {
    name: 'reactions that are not votes do not count',
    items: [issue({ number: 1, ...noAuthor, votes: [vote('ada', undefined, 'EYES'), vote('bob', undefined, 'HEART')] })],
    total: 0,
    people: [],
  },
  {
    name: 'bots, excluded users and deleted accounts never count',
    items: [
      issue({
        number: 1,
        ...noAuthor,
        votes: [vote('dependabot[bot]'), { login: 'renovate', type: 'Bot', content: 'THUMBS_UP', createdAt: '2025-01-01T00:00:00Z' }, vote('spammer'), vote(null), vote('ada')],
      }),
    ],
    rules: rulesWith({ exclude: { users: ['@Spammer'] } }),
    total: 1,
    people: ['ada'],
  },
  {
    name: 'the author counts as a voter, once, with votes.countAuthor',
    items: [issue({ number: 1, author: person('cleo'), votes: [vote('cleo'), vote('ada')] })],
    total: 2,
    people: ['cleo', 'ada'],
  },
  {
    name: 'without votes.countAuthor the author still counts by reacting, as GitHub counts the reaction',
    items: [issue({ number: 1, author: person('cleo'), votes: [vote('cleo'), vote('ada')] })],
    rules: rulesWith({ votes: { countAuthor: false } }),
    total: 2,
    // Both reacted at the same time: by login. (Counted as an author, cleo would come first.)
    people: ['ada', 'cleo'],
  },
  {
    name: 'without votes.countAuthor an author who did not react does not count',
    items: [issue({ number: 1, author: person('cleo'), votes: [vote('ada')] })],
    rules: rulesWith({ votes: { countAuthor: false } }),
    total: 1,
    people: ['ada'],
  },
  {
    name: 'with votes.countAuthor an author who did not react counts',
    items: [issue({ number: 1, author: person('cleo'), votes: [vote('ada')] })],
    total: 2,
    people: ['cleo', 'ada'],
  },
  {
    name: 'a deleted author does not count',
    items: [issue({ number: 1, author: null, votes: [vote('ada')] })],
    total: 1,
    people: ['ada'],
  },
  {
    name: 'a bot author does not count',
    items: [issue({ number: 1, author: person('github-actions', 'Bot'), votes: [] })],
    total: 0,
    people: [],
  },
  {
    name: 'Discussion upvotes are anonymous votes, minus the people named on that Discussion',
    items: [discussion({ number: 1, ...noAuthor, upvoteCount: 5, votes: [vote('ada'), vote('bob')] })],
    total: 5,
    people: ['ada', 'bob'],
    anonymous: 3,
  },
  {
    name: 'upvotes of two merged Discussions are not added up: the larger floor counts',
    items: [
      issue({ number: 1, ...noAuthor, votes: [vote('ada')] }),
      discussion({ number: 2, ...noAuthor, upvoteCount: 4 }),
      discussion({ number: 3, ...noAuthor, upvoteCount: 6, votes: [vote('ada')] }),
    ],
    total: 6,
    people: ['ada'],
    anonymous: 5,
  },
];

describe('uniqueVoters', () => {
  it.each(cases)('$name', ({ items, rules, total, people, anonymous }) => {
    const tally = uniqueVoters(items, rules ?? rulesWith());
    expect(tally.total).toBe(total);
    expect(tally.people.map((voter) => voter.login.toLowerCase())).toEqual(people);
    expect(tally.anonymous).toBe(anonymous ?? 0);
  });

  it('dates a person by their first vote anywhere in the group', () => {
    const tally = uniqueVoters(
      [
        issue({ number: 1, ...noAuthor, votes: [vote('ada', '2025-03-01T00:00:00Z')] }),
        issue({ number: 2, ...noAuthor, votes: [vote('ada', '2025-02-01T00:00:00Z')] }),
      ],
      rulesWith(),
    );
    expect(tally.people[0]?.votedAt).toBe('2025-02-01T00:00:00Z');
  });

  it('gives every voter an avatar', () => {
    const tally = uniqueVoters([issue({ number: 1, ...noAuthor, votes: [vote('ada')] })], rulesWith());
    expect(tally.people[0]?.avatarUrl).toBe('https://avatars.example/ada');
  });
});
