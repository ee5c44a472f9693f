import { describe, expect, it } from 'vitest';
import { resolveDuplicates } from '../../src/model/resolve-duplicates.ts';
import type { Item } from '../../src/snapshot/schema.ts';
import { comment, discussion, DOCS, issue, MAIN, markedDuplicate } from '../helpers/snapshot-builders.ts';

const rules = { label: 'duplicate' };
const key = (number: number, repository = MAIN) => `${repository}#${number}`;

interface Case {
  name: string;
  items: Item[];
  /** item key → expected canonical key */
  expected: Record<string, string>;
}

const cases: Case[] = [
  {
    name: 'GitHub marked it as a duplicate',
    items: [issue({ number: 1 }), issue({ number: 2, ...markedDuplicate({ number: 1 }) })],
    expected: { [key(2)]: key(1), [key(1)]: key(1) },
  },
  {
    name: 'marked, then unmarked: stands alone',
    items: [
      issue({ number: 1 }),
      issue({
        number: 2,
        events: [
          { kind: 'marked_as_duplicate', createdAt: '2025-03-01T00:00:00Z', actor: 'm', canonical: { repository: MAIN, number: 1 } },
          { kind: 'unmarked_as_duplicate', createdAt: '2025-03-02T00:00:00Z', actor: 'm', canonical: { repository: MAIN, number: 1 } },
        ],
      }),
    ],
    expected: { [key(2)]: key(2) },
  },
  {
    name: 'duplicate label and "Duplicate of #1" in the body',
    items: [issue({ number: 1 }), issue({ number: 2, labels: ['enhancement', 'duplicate'], body: 'Duplicate of #1' })],
    expected: { [key(2)]: key(1) },
  },
  {
    name: 'duplicate label and owner/repo#N: across repositories',
    items: [issue({ number: 1, repository: DOCS }), issue({ number: 1, labels: ['Duplicate'], body: `Same as ${DOCS}#1, please merge` })],
    expected: { [key(1)]: key(1, DOCS) },
  },
  {
    name: 'duplicate label and a Discussion link: across channels',
    items: [
      discussion({ number: 7 }),
      issue({ number: 8, labels: ['duplicate'], body: `See https://github.com/${MAIN}/discussions/7 for the original.` }),
    ],
    expected: { [key(8)]: key(7) },
  },
  {
    name: 'duplicate label without naming the original: stands alone',
    items: [issue({ number: 1 }), issue({ number: 2, labels: ['duplicate'], body: 'I think this exists already.' })],
    expected: { [key(2)]: key(2) },
  },
  {
    name: 'a maintainer comment "Duplicate of #1" without the label',
    items: [issue({ number: 1 }), issue({ number: 2, comments: [comment('Duplicate of #1', { association: 'OWNER' })] })],
    expected: { [key(2)]: key(1) },
  },
  {
    name: 'a comment by someone else does not mark a duplicate',
    items: [issue({ number: 1 }), issue({ number: 2, comments: [comment('Duplicate of #1', { author: 'visitor', association: 'NONE' })] })],
    expected: { [key(2)]: key(2) },
  },
  {
    name: 'closed as duplicate, original named in the body',
    items: [
      issue({ number: 1 }),
      issue({ number: 2, state: 'CLOSED', stateReason: 'DUPLICATE', closedAt: '2025-03-01T00:00:00Z', body: 'Maybe related to #1' }),
    ],
    expected: { [key(2)]: key(1) },
  },
  {
    name: 'a Discussion closed as duplicate of an issue',
    items: [
      issue({ number: 1 }),
      discussion({ number: 3, state: 'CLOSED', stateReason: 'DUPLICATE', closedAt: '2025-03-01T00:00:00Z', comments: [comment('Duplicate of #1')] }),
    ],
    expected: { [key(3)]: key(1) },
  },
  {
    name: 'chains resolve transitively',
    items: [
      issue({ number: 1 }),
      issue({ number: 2, ...markedDuplicate({ number: 1 }) }),
      issue({ number: 3, ...markedDuplicate({ number: 2 }) }),
      issue({ number: 4, ...markedDuplicate({ number: 3 }) }),
    ],
    expected: { [key(2)]: key(1), [key(3)]: key(1), [key(4)]: key(1) },
  },
  {
    name: 'a two-item cycle: the oldest is canonical',
    items: [issue({ number: 5, ...markedDuplicate({ number: 6 }) }), issue({ number: 6, ...markedDuplicate({ number: 5 }) })],
    expected: { [key(5)]: key(5), [key(6)]: key(5) },
  },
  {
    name: 'a three-item cycle with a tail: oldest of the cycle is canonical for all',
    items: [
      issue({ number: 3, ...markedDuplicate({ number: 4 }) }),
      issue({ number: 4, ...markedDuplicate({ number: 2 }) }),
      issue({ number: 2, ...markedDuplicate({ number: 3 }) }),
      issue({ number: 1, ...markedDuplicate({ number: 4 }) }),
    ],
    expected: { [key(1)]: key(2), [key(2)]: key(2), [key(3)]: key(2), [key(4)]: key(2) },
  },
  {
    name: 'a duplicate of an unknown item stands alone',
    items: [issue({ number: 2, ...markedDuplicate({ number: 999 }) })],
    expected: { [key(2)]: key(2) },
  },
  {
    name: 'reopened after being marked a duplicate: stands alone',
    items: [
      issue({ number: 1 }),
      issue({
        number: 2,
        events: [...markedDuplicate({ number: 1 }).events, { kind: 'reopened', createdAt: '2025-04-01T00:00:00Z', actor: 'author2' }],
        state: 'OPEN',
        stateReason: 'REOPENED',
      }),
    ],
    expected: { [key(2)]: key(2) },
  },
  {
    name: 'reopened, then marked again: a duplicate once more',
    items: [
      issue({ number: 1 }),
      issue({
        number: 2,
        ...markedDuplicate({ number: 1 }, '2025-05-01T00:00:00Z'),
        events: [
          { kind: 'reopened', createdAt: '2025-04-01T00:00:00Z', actor: 'author2' },
          ...markedDuplicate({ number: 1 }, '2025-05-01T00:00:00Z').events,
        ],
      }),
    ],
    expected: { [key(2)]: key(1) },
  },
  {
    name: 'a reopened Discussion stands alone even with the label',
    items: [issue({ number: 1 }), discussion({ number: 2, labels: ['duplicate'], body: 'Duplicate of #1', stateReason: 'REOPENED' })],
    expected: { [key(2)]: key(2) },
  },
  {
    name: 'references in code do not count',
    items: [issue({ number: 1 }), issue({ number: 2, labels: ['duplicate'], body: 'Run `git log #1` and\n\n```\nDuplicate of #1\n```' })],
    expected: { [key(2)]: key(2) },
  },
  {
    name: 'an item naming itself is not its own duplicate',
    items: [issue({ number: 2, labels: ['duplicate'], body: 'Duplicate of #2' })],
    expected: { [key(2)]: key(2) },
  },
];

describe('resolveDuplicates', () => {
  it.each(cases)('$name', ({ items, expected }) => {
    const { canonicalOf } = resolveDuplicates(items, rules);
    for (const [item, canonical] of Object.entries(expected)) expect(canonicalOf.get(item), item).toBe(canonical);
  });

  it('lists duplicates under their canonical item, oldest first', () => {
    const { duplicatesOf } = resolveDuplicates(
      [
        issue({ number: 1 }),
        issue({ number: 9, ...markedDuplicate({ number: 1 }) }),
        issue({ number: 4, ...markedDuplicate({ number: 9 }) }),
      ],
      rules,
    );
    expect(duplicatesOf.get(key(1))).toEqual([key(4), key(9)]);
    expect(duplicatesOf.has(key(9))).toBe(false);
  });

  it('breaks a cycle the same way whatever the input order', () => {
    const items = [
      issue({ number: 7, ...markedDuplicate({ number: 8 }) }),
      issue({ number: 8, ...markedDuplicate({ number: 9 }) }),
      issue({ number: 9, ...markedDuplicate({ number: 7 }) }),
    ];
    const forwards = resolveDuplicates(items, rules).canonicalOf;
    const backwards = resolveDuplicates([...items].reverse(), rules).canonicalOf;
    expect([...backwards.entries()].sort()).toEqual([...forwards.entries()].sort());
  });

  it('keeps a group apart when its head may not be a request', () => {
    const { canonicalOf } = resolveDuplicates(
      [issue({ number: 1, labels: ['bug'] }), issue({ number: 2, ...markedDuplicate({ number: 1 }) })],
      { ...rules, canBeCanonical: (item) => item.labels.includes('enhancement') },
    );
    expect(canonicalOf.get(key(2))).toBe(key(2));
  });

  it('ignores "Duplicate of" from excluded commenters', () => {
    const { canonicalOf } = resolveDuplicates(
      [issue({ number: 1 }), issue({ number: 2, comments: [comment('Duplicate of #1', { author: 'triage-bot', association: 'MEMBER' })] })],
      { ...rules, isIgnoredCommenter: (c) => c.author?.login === 'triage-bot' },
    );
    expect(canonicalOf.get(key(2))).toBe(key(2));
  });
});
