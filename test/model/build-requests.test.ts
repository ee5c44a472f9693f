import { describe, expect, it } from 'vitest';
import { buildRoadmap } from '../../src/model/build-roadmap.ts';
import { buildRequests } from '../../src/model/build-requests.ts';
import { planRequestLists } from '../../src/model/request-lists.ts';
import { repositorySlug } from '../../src/model/site-paths.ts';
import {
  comment,
  configWith,
  discussion,
  DOCS,
  issue,
  MAIN,
  markedDuplicate,
  person,
  release,
  repository,
  snapshotOf,
  vote,
} from '../helpers/snapshot-builders.ts';

const keys = (requests: { key: string }[]) => requests.map((request) => request.key);

describe('buildRequests', () => {
  it('folds duplicates into one request whose votes are unique people across all of them', () => {
    const requests = buildRequests(
      snapshotOf([
        issue({ number: 1, author: person('ada'), votes: [vote('bob'), vote('cy')] }),
        issue({ number: 2, author: person('bob'), votes: [vote('ada'), vote('dee')], ...markedDuplicate({ number: 1 }) }),
        discussion({ number: 3, author: null, votes: [vote('cy')], upvoteCount: 7, labels: ['duplicate'], body: 'Duplicate of #1' }),
      ]),
      configWith(),
    );
    expect(keys(requests)).toEqual([`${MAIN}#1`]);
    const [request] = requests;
    expect(request?.votes.people.map((voter) => voter.login).sort()).toEqual(['ada', 'bob', 'cy', 'dee']);
    // 7 upvotes, of which the 4 named people may be any: at least 3 more people.
    expect(request?.votes.anonymous).toBe(3);
    expect(request?.votes.total).toBe(7);
    expect(request?.duplicates.map((duplicate) => `${duplicate.type} ${duplicate.number}`)).toEqual(['issue 2', 'discussion 3']);
  });

  it('never publishes a private repository unless the source allows it', () => {
    const snapshot = snapshotOf([issue({ number: 1 }), issue({ number: 2, repository: DOCS })], [repository(MAIN), repository(DOCS, { isPrivate: true })]);
    expect(keys(buildRequests(snapshot, configWith()))).toEqual([`${MAIN}#1`]);
    const allowed = configWith({ sources: [{ repo: MAIN }, { repo: DOCS, allowPrivate: true }] });
    expect(keys(buildRequests(snapshot, allowed))).toEqual([`${MAIN}#1`, `${DOCS}#2`]);
  });

  it('keeps a private duplicate from counting towards a public request', () => {
    const snapshot = snapshotOf(
      [issue({ number: 1, author: null }), issue({ number: 2, repository: DOCS, author: null, votes: [vote('secret')], ...markedDuplicate({ number: 1 }) })],
      [repository(MAIN), repository(DOCS, { isPrivate: true })],
    );
    expect(buildRequests(snapshot, configWith())[0]?.votes.total).toBe(0);
  });

  it('drops spam, excluded authors and bots, and what is not in a source’s scope', () => {
    const config = configWith({
      sources: [{ repo: MAIN, issues: { labels: ['enhancement'] }, discussions: { categories: ['Ideas'] } }],
      exclude: { users: ['troll'] },
    });
    const requests = buildRequests(
      snapshotOf([
        issue({ number: 1 }),
        issue({ number: 2, labels: ['enhancement', 'spam'] }),
        issue({ number: 3, author: person('troll') }),
        issue({ number: 4, author: person('dependabot[bot]', 'Bot') }),
        issue({ number: 5, labels: ['bug'] }),
        discussion({ number: 6 }),
        discussion({ number: 7, category: { name: 'Q&A', slug: 'q-a' } }),
        issue({ number: 8, repository: DOCS }),
      ]),
      config,
    );
    expect(keys(requests)).toEqual([`${MAIN}#1`, `${MAIN}#6`]);
  });

  it('brings the votes of an out-of-scope duplicate to the request', () => {
    const config = configWith({ sources: [{ repo: MAIN, issues: { labels: ['enhancement'] } }] });
    const requests = buildRequests(
      snapshotOf([issue({ number: 1, author: null }), issue({ number: 2, labels: ['bug'], author: null, votes: [vote('ada')], ...markedDuplicate({ number: 1 }) })]),
      config,
    );
    expect(requests.map((request) => request.votes.total)).toEqual([1]);
  });

  it('gives requests of other repositories their own addresses', () => {
    const requests = buildRequests(
      snapshotOf([issue({ number: 12, title: 'Dark mode!' }), issue({ number: 12, repository: DOCS, title: 'Dark mode!' })]),
      configWith(),
    );
    expect(requests.map((request) => request.path)).toEqual(['/requests/12-dark-mode/', '/requests/docs-12-dark-mode/']);
  });

  it('shows topic labels only, hides comments of excluded accounts', () => {
    const [request] = buildRequests(
      snapshotOf([
        issue({
          number: 1,
          labels: ['enhancement', 'status: planned', 'duplicate', 'area: cli'],
          comments: [comment('Thanks!', { author: 'ada', association: 'NONE' }), comment('Beep', { author: 'ci[bot]', association: 'NONE' })],
        }),
      ]),
      configWith(),
    );
    expect(request?.labels.map((label) => label.name)).toEqual(['enhancement', 'area: cli']);
    expect(request?.comments.map((entry) => entry.body)).toEqual(['Thanks!']);
  });

  it('links a shipped request to its release and the release to its requests', () => {
    const snapshot = snapshotOf(
      [
        issue({ number: 1, state: 'CLOSED', stateReason: 'COMPLETED', closedAt: '2025-02-01T00:00:00Z' }),
        issue({ number: 2 }),
      ],
      [repository(MAIN, { releases: [release({ tagName: 'v2.0.0', publishedAt: '2025-02-10T00:00:00Z', body: 'Closes #1' })] }), repository(DOCS)],
    );
    const roadmap = buildRoadmap(snapshot, configWith());
    const shipped = roadmap.requests.find((request) => request.number === 1);
    expect(shipped?.release?.tagName).toBe('v2.0.0');
    expect(shipped?.shippedAt).toBe('2025-02-10T00:00:00Z');
    expect(roadmap.releases.map((entry) => [entry.tagName, entry.shipped])).toEqual([['v2.0.0', [`${MAIN}#1`]]]);
  });

  it('is deterministic', () => {
    const snapshot = snapshotOf([issue({ number: 1, votes: [vote('a'), vote('b')] }), issue({ number: 2, ...markedDuplicate({ number: 1 }) })]);
    expect(JSON.stringify(buildRoadmap(snapshot, configWith()))).toBe(JSON.stringify(buildRoadmap(snapshot, configWith())));
  });
});

describe('planRequestLists', () => {
  const requests = buildRequests(
    snapshotOf(
      Array.from({ length: 60 }, (_, index) =>
        issue({ number: index + 1, labels: ['enhancement', index % 2 ? 'area: cli' : 'area: themes'], repository: index % 3 ? MAIN : DOCS }),
      ),
    ),
    configWith(),
  );
  const config = configWith();
  const pages = planRequestLists(requests, { repositorySlug: (name) => repositorySlug(name, config.sources), pageSize: 10, maxPagesPerList: 2 });

  it('paginates the full list to the end, so every request is reachable', () => {
    const top = pages.filter((page) => page.filter.kind === 'all' && page.sort === 'top');
    expect(top.map((page) => page.path)).toEqual(['/requests/top/', ...[2, 3, 4, 5, 6].map((n) => `/requests/top/${n}/`)]);
    expect(new Set(top.flatMap((page) => keys(page.requests))).size).toBe(60);
  });

  it('bounds the full list in every other order', () => {
    const newest = pages.filter((page) => page.filter.kind === 'all' && page.sort === 'newest');
    expect(newest.map((page) => page.path)).toEqual(['/requests/newest/', '/requests/newest/2/']);
    expect(newest.every((page) => page.truncated && page.total === 60)).toBe(true);
    const others = pages.filter((page) => page.filter.kind === 'all' && page.sort !== 'top');
    expect(new Set(others.map((page) => page.sort))).toEqual(new Set(['trending', 'newest']));
    expect(others.every((page) => page.pageCount === 2 && page.truncated)).toBe(true);
  });

  it('bounds filtered lists and says they were cut', () => {
    const cli = pages.filter((page) => page.filter.kind === 'label' && page.filter.label === 'area: cli' && page.sort === 'newest');
    expect(cli.map((page) => page.path)).toEqual(['/requests/label/area-cli/newest/', '/requests/label/area-cli/newest/2/']);
    expect(cli.every((page) => page.truncated && page.total === 30)).toBe(true);
  });

  it('filters by repository when there are several, and offers "recently shipped" only where something shipped', () => {
    expect(pages.some((page) => page.path === '/requests/repo/docs/top/')).toBe(true);
    expect(pages.some((page) => page.sort === 'shipped')).toBe(false);
  });
});

describe('an empty snapshot', () => {
  it('gives an empty roadmap that still has a request list to show', () => {
    const roadmap = buildRoadmap(snapshotOf([], [repository(MAIN)]), configWith());
    expect(roadmap.requests).toEqual([]);
    expect(roadmap.releases).toEqual([]);
    expect(roadmap.horizons).toEqual([]);
    const pages = planRequestLists(roadmap.requests, { repositorySlug: (name) => name });
    expect(pages.map((page) => [page.path, page.requests.length])).toContainEqual(['/requests/top/', 0]);
  });
});
