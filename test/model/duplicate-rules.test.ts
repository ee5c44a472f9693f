/**
 * Every duplicate rule as a small scenario, through the model's real entry point: which
 * requests a visitor sees, what each folds in, and which markings a maintainer is told to fix.
 */
import { describe, expect, it } from 'vitest';
import { resolveRequests } from '../../src/model/build-requests.ts';
import type { Item } from '../../src/snapshot/schema.ts';
import {
  comment,
  configWith,
  discussion,
  DOCS,
  issue,
  MAIN,
  markedDuplicate,
  person,
  repository,
  snapshotOf,
} from '../helpers/snapshot-builders.ts';

const OTHER = 'acme/private-plans';
const key = (number: number, repo = MAIN) => `${repo}#${number}`;

interface Case {
  name: string;
  items: Item[];
  /** Canonical request → the items merged into it, oldest first. Requests not listed have none. */
  merged: Record<string, string[]>;
  /** Requests that must exist, on their own. */
  alone?: string[];
  /** Problems reported, as "kind item [reason]". */
  problems?: string[];
  repositories?: Parameters<typeof snapshotOf>[1];
  config?: Parameters<typeof configWith>[0];
}

const reopen = (at: string) => ({ kind: 'reopened' as const, createdAt: at, actor: 'author2' });

const cases: Case[] = [
  {
    name: 'the duplicate label and "Duplicate of #1" in the body',
    items: [issue({ number: 1 }), issue({ number: 2, labels: ['enhancement', 'duplicate'], body: 'Duplicate of #1' })],
    merged: { [key(1)]: [key(2)] },
  },
  {
    name: 'the label is matched whatever its case, and the configured label is used',
    items: [issue({ number: 1 }), issue({ number: 2, labels: ['Dupe'], body: 'Duplicate of #1' })],
    config: { duplicates: { label: 'dupe' } },
    merged: { [key(1)]: [key(2)] },
  },
  {
    name: 'the label and owner/repo#N: across configured repositories',
    items: [issue({ number: 4, repository: DOCS }), issue({ number: 9, labels: ['duplicate'], body: `Duplicate of ${DOCS}#4` })],
    merged: { [key(4, DOCS)]: [key(9)] },
  },
  {
    name: 'owner and repository names are matched without regard to case',
    items: [issue({ number: 4, repository: DOCS }), issue({ number: 9, labels: ['duplicate'], body: 'Duplicate of ACME/Docs#4' })],
    merged: { [key(4, DOCS)]: [key(9)] },
  },
  {
    name: 'the label and a full issue URL',
    items: [issue({ number: 1 }), issue({ number: 2, labels: ['duplicate'], body: `Duplicate of https://github.com/${MAIN}/issues/1#issuecomment-5` })],
    merged: { [key(1)]: [key(2)] },
  },
  {
    name: 'the label and a full Discussion URL: an issue folds into a Discussion',
    items: [discussion({ number: 7 }), issue({ number: 8, labels: ['duplicate'], body: `Duplicate of https://github.com/${MAIN}/discussions/7` })],
    merged: { [key(7)]: [key(8)] },
  },
  {
    name: 'a maintainer’s comment "Duplicate of #1", without the label',
    items: [issue({ number: 1 }), issue({ number: 2, comments: [comment('Duplicate of #1', { association: 'COLLABORATOR' })] })],
    merged: { [key(1)]: [key(2)] },
  },
  {
    name: 'the same comment by someone who is not a maintainer marks nothing',
    items: [issue({ number: 1 }), issue({ number: 2, comments: [comment('Duplicate of #1', { author: 'visitor', association: 'CONTRIBUTOR' })] })],
    merged: {},
    alone: [key(1), key(2)],
  },
  {
    name: 'a maintainer bot’s comment marks nothing (bots are excluded)',
    items: [issue({ number: 1 }), issue({ number: 2, comments: [comment('Duplicate of #1', { author: 'triage[bot]', association: 'MEMBER' })] })],
    merged: {},
    alone: [key(1), key(2)],
  },
  {
    name: 'GitHub’s marking (MarkedAsDuplicateEvent, closed as DUPLICATE)',
    items: [issue({ number: 1 }), issue({ number: 2, ...markedDuplicate({ number: 1 }) })],
    merged: { [key(1)]: [key(2)] },
  },
  {
    name: 'GitHub’s marking undone by UnmarkedAsDuplicateEvent: stands alone, nothing to fix',
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
    merged: {},
    alone: [key(1), key(2)],
    problems: [],
  },
  {
    name: 'closed with stateReason DUPLICATE, original named in a maintainer’s comment',
    items: [
      issue({ number: 1 }),
      issue({ number: 2, state: 'CLOSED', stateReason: 'DUPLICATE', closedAt: '2025-03-01T00:00:00Z', comments: [comment('Closing: duplicate of #1')] }),
    ],
    merged: { [key(1)]: [key(2)] },
  },
  {
    name: 'a Discussion closed as DUPLICATE pointing at an issue by URL (cross-channel)',
    items: [
      issue({ number: 1 }),
      discussion({ number: 3, state: 'CLOSED', stateReason: 'DUPLICATE', closedAt: '2025-03-01T00:00:00Z', body: `Duplicate of https://github.com/${MAIN}/issues/1` }),
    ],
    merged: { [key(1)]: [key(3)] },
  },
  {
    name: 'a Discussion in another repository pointing at an issue, in a maintainer’s comment',
    items: [
      issue({ number: 1 }),
      discussion({ number: 3, repository: DOCS, state: 'CLOSED', stateReason: 'DUPLICATE', closedAt: '2025-03-01T00:00:00Z', comments: [comment(`Duplicate of ${MAIN}#1`)] }),
    ],
    merged: { [key(1)]: [key(3, DOCS)] },
  },
  {
    name: 'a chain resolves transitively, across channels and repositories',
    items: [
      issue({ number: 1 }),
      discussion({ number: 2, labels: ['duplicate'], body: 'Duplicate of #1' }),
      issue({ number: 3, repository: DOCS, labels: ['duplicate'], body: `Duplicate of https://github.com/${MAIN}/discussions/2` }),
      issue({ number: 4, ...markedDuplicate({ repository: DOCS, number: 3 }) }),
    ],
    merged: { [key(1)]: [key(2), key(3, DOCS), key(4)] },
  },
  {
    name: 'a two-item cycle: the earlier-created item is the request, and the loop is reported',
    items: [issue({ number: 6, ...markedDuplicate({ number: 5 }) }), issue({ number: 5, ...markedDuplicate({ number: 6 }) })],
    merged: { [key(5)]: [key(6)] },
    problems: [`cycle ${key(5)}`],
  },
  {
    name: 'creation time decides a cycle, not the number',
    items: [
      issue({ number: 5, createdAt: '2025-02-10T00:00:00Z', ...markedDuplicate({ number: 6 }) }),
      issue({ number: 6, createdAt: '2025-02-01T00:00:00Z', ...markedDuplicate({ number: 5 }) }),
    ],
    merged: { [key(6)]: [key(5)] },
    problems: [`cycle ${key(6)}`],
  },
  {
    name: 'a three-item cycle with a tail: everything under the cycle’s earliest item',
    items: [
      issue({ number: 3, ...markedDuplicate({ number: 4 }) }),
      issue({ number: 4, ...markedDuplicate({ number: 2 }) }),
      issue({ number: 2, ...markedDuplicate({ number: 3 }) }),
      issue({ number: 9, ...markedDuplicate({ number: 4 }) }),
    ],
    merged: { [key(2)]: [key(3), key(4), key(9)] },
    problems: [`cycle ${key(2)}`],
  },
  {
    name: 'a self-reference stands alone and is reported',
    items: [
      issue({
        number: 2,
        events: [{ kind: 'marked_as_duplicate', createdAt: '2025-03-01T00:00:00Z', actor: 'm', canonical: { repository: MAIN, number: 2 } }],
        comments: [comment('Duplicate of #2')],
      }),
    ],
    merged: {},
    alone: [key(2)],
    problems: [`self-reference ${key(2)}`],
  },
  {
    name: 'a duplicate of a number that does not exist stands alone and is reported',
    items: [issue({ number: 2, labels: ['duplicate'], body: 'Duplicate of #999' })],
    merged: {},
    alone: [key(2)],
    problems: [`unavailable-original ${key(2)} not-found`],
  },
  {
    name: 'a duplicate of an item in a repository that is not a source',
    items: [issue({ number: 2, ...markedDuplicate({ repository: 'someone/else', number: 1 }) })],
    merged: {},
    alone: [key(2)],
    problems: [`unavailable-original ${key(2)} other-repository`],
  },
  {
    name: 'a duplicate of an item in a private repository stands alone, keeps its votes, and is reported',
    items: [issue({ number: 2, ...markedDuplicate({ repository: OTHER, number: 1 }) }), issue({ number: 1, repository: OTHER })],
    repositories: [repository(MAIN), repository(OTHER, { isPrivate: true })],
    config: { sources: [{ repo: MAIN }, { repo: OTHER }] },
    merged: {},
    alone: [key(2)],
    problems: [`unavailable-original ${key(2)} private`],
  },
  {
    name: 'a duplicate of a spam-labelled item stands alone',
    items: [issue({ number: 1, labels: ['enhancement', 'spam'] }), issue({ number: 2, labels: ['duplicate'], body: 'Duplicate of #1' })],
    merged: {},
    alone: [key(2)],
    problems: [`unavailable-original ${key(2)} excluded-label`],
  },
  {
    name: 'a duplicate of an item opened by an excluded account stands alone',
    items: [issue({ number: 1, author: person('troll') }), issue({ number: 2, ...markedDuplicate({ number: 1 }) })],
    config: { exclude: { users: ['troll'] } },
    merged: {},
    alone: [key(2)],
    problems: [`unavailable-original ${key(2)} excluded-author`],
  },
  {
    name: 'a request marked as a duplicate of a bug report the roadmap does not publish stands alone',
    items: [issue({ number: 1, labels: ['bug'] }), issue({ number: 2, ...markedDuplicate({ number: 1 }) })],
    config: { sources: [{ repo: MAIN, issues: { labels: ['enhancement'] } }] },
    merged: {},
    alone: [key(2)],
    problems: [`unavailable-original ${key(2)} not-a-request`],
  },
  {
    name: 'a chain through an unpublished bug report still reaches its request',
    items: [
      issue({ number: 1 }),
      issue({ number: 2, labels: ['bug'], ...markedDuplicate({ number: 1 }) }),
      issue({ number: 3, ...markedDuplicate({ number: 2 }) }),
    ],
    config: { sources: [{ repo: MAIN, issues: { labels: ['enhancement'] } }] },
    merged: { [key(1)]: [key(2), key(3)] },
    problems: [],
  },
  {
    name: 'bug reports duplicating each other are nobody’s problem on a feature roadmap',
    items: [issue({ number: 1, labels: ['bug'] }), issue({ number: 2, labels: ['bug'], body: 'Duplicate of #77', ...markedDuplicate({ number: 77 }) })],
    config: { sources: [{ repo: MAIN, issues: { labels: ['enhancement'] } }] },
    merged: {},
    problems: [],
  },
  {
    name: 'reopened after being marked as a duplicate: stands alone again, nothing to fix',
    items: [
      issue({ number: 1 }),
      issue({
        number: 2,
        labels: ['enhancement', 'duplicate'],
        body: 'Duplicate of #1',
        comments: [comment('Duplicate of #1', { createdAt: '2025-03-01T00:00:00Z' })],
        events: [...markedDuplicate({ number: 1 }).events, reopen('2025-04-01T00:00:00Z')],
        state: 'OPEN',
        stateReason: 'REOPENED',
      }),
    ],
    merged: {},
    alone: [key(1), key(2)],
    problems: [],
  },
  {
    name: 'reopened, then marked again: a duplicate once more',
    items: [
      issue({ number: 1 }),
      issue({ number: 2, ...markedDuplicate({ number: 1 }, '2025-05-01T00:00:00Z'), events: [reopen('2025-04-01T00:00:00Z'), ...markedDuplicate({ number: 1 }, '2025-05-01T00:00:00Z').events] }),
    ],
    merged: { [key(1)]: [key(2)] },
  },
  {
    name: 'a reopened Discussion stands alone even with the label and the phrase',
    items: [issue({ number: 1 }), discussion({ number: 2, labels: ['duplicate'], body: 'Duplicate of #1', stateReason: 'REOPENED' })],
    merged: {},
    alone: [key(1), key(2)],
  },
  {
    name: 'the duplicate label without an original: stands alone and is reported',
    items: [issue({ number: 2, labels: ['enhancement', 'duplicate'], body: 'I think this was asked before.' })],
    merged: {},
    alone: [key(2)],
    problems: [`no-original ${key(2)}`],
  },
  {
    name: 'closed as a duplicate without an original: stands alone and is reported',
    items: [discussion({ number: 4, state: 'CLOSED', stateReason: 'DUPLICATE', closedAt: '2025-03-01T00:00:00Z' })],
    merged: {},
    alone: [key(4)],
    problems: [`no-original ${key(4)}`],
  },
  {
    name: 'GitHub’s marking beats a maintainer comment naming another item',
    items: [
      issue({ number: 1 }),
      issue({ number: 3 }),
      issue({ number: 2, ...markedDuplicate({ number: 1 }), comments: [comment('Duplicate of #3', { createdAt: '2025-01-05T00:00:00Z' })] }),
    ],
    merged: { [key(1)]: [key(2)] },
  },
];

function describeProblems(problems: ReturnType<typeof resolveRequests>['problems']): string[] {
  return problems.map((problem) => [problem.kind, problem.item.key, problem.kind === 'unavailable-original' ? problem.reason : ''].join(' ').trim());
}

describe('duplicates merged across channels and repositories', () => {
  it.each(cases)('$name', ({ items, merged, alone = [], problems, repositories, config }) => {
    const result = resolveRequests(snapshotOf(items, repositories), configWith(config ?? {}));
    const byKey = new Map(result.requests.map((request) => [request.key, request]));
    for (const [canonical, duplicates] of Object.entries(merged)) {
      expect(byKey.get(canonical)?.duplicates.map((duplicate) => duplicate.key), canonical).toEqual(duplicates);
    }
    const mergedAnywhere = new Set(Object.values(merged).flat());
    for (const request of result.requests) {
      if (!(request.key in merged)) expect(request.duplicates, request.key).toEqual([]);
      expect(mergedAnywhere.has(request.key), `${request.key} is merged, so it is no request of its own`).toBe(false);
    }
    for (const standing of alone) expect(byKey.has(standing), standing).toBe(true);
    if (problems !== undefined) expect(describeProblems(result.problems)).toEqual(problems);
  });

  it('says what happened and what to do for every problem', () => {
    const { problems } = resolveRequests(
      snapshotOf([issue({ number: 2, labels: ['duplicate'], body: 'Duplicate of #999' })]),
      configWith(),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('#999');
    expect(problems[0]?.message).toMatch(/stands on its own/);
    expect(problems[0]?.hint.length).toBeGreaterThan(10);
  });

  it('reports a duplicate of an item in a repository that is not a source without naming that repository or number', () => {
    // Not a source, so the sync never asked whether it is private: it may be.
    const notASource = { repository: 'acme/quietvault-notes', number: 4172 };
    const { problems } = resolveRequests(snapshotOf([issue({ number: 2, ...markedDuplicate(notASource) })]), configWith());
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.item.key).toBe(key(2));
    expect(problem?.message).toContain(key(2));
    expect(problem?.message).toMatch(/an item in a repository that is not among the roadmap’s sources/);
    for (const text of [problem?.message, problem?.hint]) {
      expect(text).not.toMatch(/quietvault/i);
      expect(text).not.toContain(String(notASource.number));
    }
  });

  it('breaks cycles and reports them the same way whatever the order of the snapshot', () => {
    const items = [
      issue({ number: 7, ...markedDuplicate({ number: 8 }) }),
      issue({ number: 8, ...markedDuplicate({ number: 9 }) }),
      issue({ number: 9, ...markedDuplicate({ number: 7 }) }),
    ];
    const forwards = resolveRequests(snapshotOf(items), configWith());
    const backwards = resolveRequests(snapshotOf([...items].reverse()), configWith());
    expect(backwards.requests.map((request) => [request.key, request.duplicates.map((duplicate) => duplicate.key)])).toEqual(
      forwards.requests.map((request) => [request.key, request.duplicates.map((duplicate) => duplicate.key)]),
    );
    expect(backwards.problems).toEqual(forwards.problems);
    expect(forwards.requests.map((request) => request.key)).toEqual([key(7)]);
  });
});
