/**
 * What a release page groups and thanks, what a milestone page counts, and where references to
 * requests lead. Each expectation is worked out from the snapshot written in the test (labels,
 * votes, milestones, states), never by asking the code under test.
 */
import { describe, expect, it } from 'vitest';
import { buildRoadmap } from '../../src/model/build-roadmap.ts';
import { linkedItemKey, referencedItemKeys, siteLinksFor } from '../../src/markdown/site-links.ts';
import { renderMarkdown } from '../../src/markdown/render-markdown.ts';
import type { Item, PullRequestRef } from '../../src/snapshot/schema.ts';
import { configWith, DOCS, issue, MAIN, markedDuplicate, release, repository, snapshotOf, vote } from '../helpers/snapshot-builders.ts';

const PUBLISHED = '2025-03-01T00:00:00Z';
const v1 = release({ tagName: 'v1.0.0', publishedAt: PUBLISHED });

function mergedPr(number: number): PullRequestRef {
  return { repository: MAIN, number, title: `PR ${number}`, url: `https://github.com/${MAIN}/pull/${number}`, merged: true, mergedAt: '2025-02-01T00:00:00Z', mergeCommit: null };
}

/** An issue closed as completed by a pull request merged before v1.0.0: v1.0.0 ships it. */
function shipped(number: number, labels: string[], voters: [string, string][] = []): Item {
  const pr = mergedPr(100 + number);
  return issue({
    number,
    labels,
    author: null,
    votes: voters.map(([login, at]) => vote(login, at)),
    state: 'CLOSED',
    stateReason: 'COMPLETED',
    closedAt: '2025-02-01T00:00:00Z',
    closingPullRequests: [pr],
    events: [{ kind: 'closed', createdAt: '2025-02-01T00:00:00Z', actor: 'maintainer', stateReason: 'COMPLETED', closer: pr }],
  });
}

describe('a release page', () => {
  const items = [
    shipped(1, ['bug'], [['ada', '2025-01-05T00:00:00Z']]),
    shipped(2, ['enhancement'], [['bob', '2025-01-02T00:00:00Z'], ['ada', '2025-01-03T00:00:00Z']]),
    // Both a bug and an enhancement: the first category in the configured order takes it.
    shipped(3, ['Bug', 'enhancement']),
    shipped(4, ['question'], [['cy', '2025-01-01T00:00:00Z']]),
    shipped(5, []),
  ];
  const snapshot = snapshotOf(items, [repository(MAIN, { releases: [v1] }), repository(DOCS)]);

  it('groups what it shipped by the configured categories, in their order, the rest last', () => {
    const config = configWith({
      changelog: { categories: [{ title: 'New', labels: ['enhancement'] }, { title: 'Fixed', labels: ['bug'] }], other: 'Also' },
    });
    const [entry] = buildRoadmap(snapshot, config).releases;
    const numbers = (keys: string[]) => keys.map((key) => Number(key.split('#')[1])).sort();
    expect(entry?.groups.map((group) => [group.title, numbers(group.requests)])).toEqual([
      ['New', [2, 3]],
      ['Fixed', [1]],
      ['Also', [4, 5]],
    ]);
  });

  it('leaves out categories nothing falls in', () => {
    const config = configWith({ changelog: { categories: [{ title: 'Docs', labels: ['documentation'] }, { title: 'Fixed', labels: ['bug'] }] } });
    const [entry] = buildRoadmap(snapshot, config).releases;
    expect(entry?.groups.map((group) => group.title)).toEqual(['Fixed', 'Other changes']);
  });

  it('thanks each person who asked once, first to ask first', () => {
    const [entry] = buildRoadmap(snapshot, configWith()).releases;
    // cy voted on Jan 1, bob on Jan 2, ada first on Jan 3 (and again on Jan 5 elsewhere).
    expect(entry?.thanked.map((person) => person.login)).toEqual(['cy', 'bob', 'ada']);
  });
});

describe('milestones', () => {
  const milestone = (number: number, title: string, state: 'OPEN' | 'CLOSED', dueOn: string | null) => ({
    number,
    title,
    description: null,
    state,
    dueOn,
    url: `https://github.com/${MAIN}/milestone/${number}`,
  });
  const closedAs = (reason: 'COMPLETED' | 'NOT_PLANNED') => ({
    state: 'CLOSED' as const,
    stateReason: reason,
    closedAt: '2025-02-01T00:00:00Z',
    events: [{ kind: 'closed' as const, createdAt: '2025-02-01T00:00:00Z', actor: 'maintainer', stateReason: reason, closer: null }],
  });
  const items = [
    issue({ number: 1, milestone: 1 }),
    issue({ number: 2, milestone: 1, ...closedAs('COMPLETED') }),
    issue({ number: 3, milestone: 1, ...closedAs('NOT_PLANNED') }),
    issue({ number: 4, milestone: 1, votes: [vote('ada')] }),
    // A duplicate counts in its request, not in its own milestone.
    issue({ number: 5, milestone: 2, ...markedDuplicate({ number: 1 }) }),
    issue({ number: 6, milestone: 3 }),
  ];
  const repositories = [
    repository(MAIN, {
      milestones: [
        milestone(1, 'v2.0', 'OPEN', '2025-09-01T00:00:00Z'),
        milestone(2, 'Empty', 'OPEN', '2025-07-01T00:00:00Z'),
        milestone(3, 'v1.0', 'CLOSED', '2025-01-01T00:00:00Z'),
        milestone(4, 'Someday', 'OPEN', null),
      ],
    }),
  ];
  const { milestones } = buildRoadmap(snapshotOf(items, repositories), configWith());

  it('lists each milestone holding a request, open ones first, with its progress', () => {
    // v2.0 holds #1, #2 (shipped), #3 (declined) and #4; #5 is merged into #1. Empty and Someday hold none.
    expect(milestones.map((entry) => [entry.title, entry.done, entry.requests.length])).toEqual([
      ['v2.0', 2, 4],
      ['v1.0', 0, 1],
    ]);
  });

  it('orders a milestone’s requests: open ones most wanted first, then the done ones', () => {
    const numbers = milestones[0]?.requests.map((key) => Number(key.split('#')[1]));
    expect(numbers?.slice(0, 2)).toEqual([4, 1]);
    expect(numbers?.slice(2).sort()).toEqual([2, 3]);
    // The number and the title as GitHub slugs a heading (dots dropped), like a request's address.
    expect(milestones[0]?.path).toBe('/milestones/1-v20/');
  });
});

describe('references to requests', () => {
  const addresses = new Map([
    [`${MAIN}#12`, '/roadmap/requests/12-dark-mode/'],
    [`${DOCS}#3`, '/roadmap/requests/docs-3-typos/'],
  ]);
  const render = (markdown: string) =>
    renderMarkdown(markdown, { repository: MAIN, siteLinks: siteLinksFor(referencedItemKeys(markdown, MAIN), addresses) });

  it('finds the items a text may name, however it names them', () => {
    const text = `Like #12 and acme/docs#3, see GH-7 and https://github.com/Acme/Widgets/discussions/9. Not &#64; or x#1y.`;
    expect([...referencedItemKeys(text, MAIN)].sort()).toEqual([`${DOCS}#3`, `${MAIN}#12`, `${MAIN}#7`, `${MAIN}#9`].sort());
  });

  it('reads the item a GitHub link points at, and nothing else', () => {
    const origins = ['https://github.com'];
    expect(linkedItemKey('https://github.com/Acme/Widgets/issues/12', origins)).toBe(`${MAIN}#12`);
    expect(linkedItemKey('https://github.com/acme/widgets/discussions/12', origins)).toBe(`${MAIN}#12`);
    expect(linkedItemKey('https://github.com/acme/widgets/pull/12', origins)).toBeNull();
    expect(linkedItemKey('https://github.com/acme/widgets/issues/12#issuecomment-1', origins)).toBeNull();
    expect(linkedItemKey('https://example.com/acme/widgets/issues/12', origins)).toBeNull();
  });

  it('keeps links to published requests on the site, and every other link on GitHub', () => {
    const html = render('Same as #12 and acme/docs#3; not #13. [comment](https://github.com/acme/widgets/issues/12#issuecomment-5)');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual([
      '/roadmap/requests/12-dark-mode/',
      '/roadmap/requests/docs-3-typos/',
      `https://github.com/${MAIN}/issues/13`,
      `https://github.com/${MAIN}/issues/12#issuecomment-5`,
    ]);
    // Links on the site are not marked as user-generated links elsewhere.
    expect(html).toMatch(/<a href="\/roadmap\/requests\/12-dark-mode\/"[^>]*>#12<\/a>/);
    expect(html).not.toMatch(/href="\/roadmap[^"]*"[^>]*rel=/);
  });
});
