import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../scripts/dev/build-demo-snapshot.ts';
import { generateWorld } from '../../scripts/dev/demo/generate.ts';
import { loadConfig } from '../../src/config/index.ts';
import { RELATED_LIMIT, relatedRequests, type RelatedRequest, type RelatedSubject } from '../../src/model/related-requests.ts';
import { suggestDuplicateRequests } from '../../src/suggest/suggest-duplicate-requests.ts';
import { RELATED_THRESHOLD } from '../../src/suggest/suggest-duplicates.ts';
import { expectedRequests, keyOf, type ExpectedRequest } from '../truth/world-oracle.ts';
import { loadDemoWorld, type DemoWorld } from './demo-world.ts';

/**
 * The demo generator wrote 25 requests twice in other words without marking them; a visitor on
 * one of them should be offered the other, when it still takes votes. At the threshold the build
 * uses for related requests, the committed demo's pages offer 33 of those 42 (0.79); the floor
 * sits a pair or so under that, a margin for small changes to the generator.
 */
const RECALL_FLOOR = 0.74;

describe('related requests on the demo project', () => {
  let demo: DemoWorld;
  let expected: Map<string, ExpectedRequest>;
  let related: Map<string, RelatedRequest[]>;
  beforeAll(async () => {
    demo = await loadDemoWorld();
    const { world, truth } = generateWorld({ preset: 'demo', seed: DEMO_SEED });
    expected = expectedRequests(world, await loadConfig());
    related = relatedRequests(suggestDuplicateRequests(demo.requests, demo.snapshot.items, { threshold: RELATED_THRESHOLD }).suggestions, demo.requests);
    console.info(`Related requests: ${[...related.values()].filter((list) => list.length > 0).length} pages list some`);
    // The answer key and the snapshot describe the same world.
    expect(truth.unmarkedDuplicates.map(([a, b]) => [keyOf(a.repository, a.number), keyOf(b.repository, b.number)])).toEqual(demo.unmarkedDuplicates);
  });

  const takesVotes = (key: string) => {
    const status = expected.get(key)?.status;
    return status !== undefined && status !== 'shipped' && status !== 'declined';
  };

  it(`offers the other half of an unmarked duplicate that takes votes, at least ${RECALL_FLOOR * 100} % of the time`, () => {
    const wanted = demo.unmarkedDuplicates.flatMap(([a, b]) => [[a, b], [b, a]] as const).filter(([from, to]) => expected.has(from) && takesVotes(to));
    expect(wanted.length).toBeGreaterThan(30);
    const offered = wanted.filter(([from, to]) => related.get(from)?.some((request) => request.key === to));
    expect(offered.length / wanted.length).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });

  it('offers only requests that take votes, never the request itself or an item merged into it', () => {
    let shown = 0;
    for (const [key, list] of related) {
      const folded = new Set(expected.get(key)?.duplicates ?? []);
      for (const request of list) {
        shown += 1;
        expect(takesVotes(request.key), `${request.key} on ${key}`).toBe(true);
        expect(request.key).not.toBe(key);
        expect(folded.has(request.key), `${request.key} is merged into ${key}`).toBe(false);
      }
      expect(list.length).toBeLessThanOrEqual(RELATED_LIMIT);
    }
    expect(shown).toBeGreaterThan(20);
  });

  it("shows each related request's votes as the world counts them", () => {
    for (const list of related.values()) {
      for (const request of list) {
        const truth = expected.get(request.key);
        expect(request.votes).toBe((truth?.voters.length ?? NaN) + (truth?.anonymous ?? NaN));
      }
    }
  });
});

describe('relatedRequests', () => {
  const subject = (key: string, status: RelatedSubject['status'], votes: number, duplicates: RelatedSubject['duplicates'] = []): RelatedSubject => ({
    key,
    title: `Request ${key}`,
    path: `/requests/${key.split('#')[1] ?? ''}/`,
    status,
    votes: { total: votes },
    duplicates,
  });
  const requests = [
    subject('o/r#1', 'under-review', 5, [{ repository: 'O/R', number: 9 }]),
    subject('o/r#2', 'planned', 1),
    subject('o/r#3', 'shipped', 50),
    subject('o/r#4', 'under-review', 8),
    subject('o/r#5', 'declined', 2),
    subject('o/r#9', 'under-review', 3),
  ];
  const keysOf = (list: readonly RelatedRequest[] | undefined) => list?.map((request) => request.key);

  it('lists, in both directions, the most alike first, then the most voted', () => {
    const related = relatedRequests(
      [
        { a: 'o/r#1', b: 'o/r#2', score: 0.5 },
        { a: 'o/r#4', b: 'o/r#1', score: 0.5 },
        { a: 'o/r#2', b: 'o/r#4', score: 0.9 },
      ],
      requests,
    );
    expect(keysOf(related.get('o/r#1'))).toEqual(['o/r#4', 'o/r#2']);
    expect(keysOf(related.get('o/r#2'))).toEqual(['o/r#4', 'o/r#1']);
    expect(related.get('o/r#4')?.[0]).toEqual({ key: 'o/r#2', title: 'Request o/r#2', path: '/requests/2/', votes: 1 });
  });

  it('leaves out shipped and declined requests, the request itself, what is merged into it, and unknown keys', () => {
    const related = relatedRequests(
      [
        { a: 'o/r#1', b: 'o/r#3', score: 0.9 },
        { a: 'o/r#1', b: 'o/r#5', score: 0.9 },
        { a: 'o/r#1', b: 'o/r#1', score: 1 },
        { a: 'o/r#1', b: 'o/r#9', score: 0.9 },
        { a: 'o/r#1', b: 'o/r#77', score: 0.9 },
      ],
      requests,
    );
    expect(related.get('o/r#1')).toBeUndefined();
    // A shipped request still points at the open ones that read like it.
    expect(keysOf(related.get('o/r#3'))).toEqual(['o/r#1']);
  });

  it(`keeps at most ${RELATED_LIMIT}`, () => {
    const many = Array.from({ length: 8 }, (_, index) => subject(`o/r#${index + 10}`, 'planned', index));
    const related = relatedRequests(
      many.slice(1).map((request, index) => ({ a: 'o/r#10', b: request.key, score: 0.4 + index / 100 })),
      many,
    );
    expect(keysOf(related.get('o/r#10'))).toEqual(['o/r#17', 'o/r#16', 'o/r#15', 'o/r#14'].slice(0, RELATED_LIMIT));
  });
});
