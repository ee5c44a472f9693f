/**
 * The maintainers' priority score: the factors read from labels, the formula worked out by hand,
 * and the orders of the table.
 */
import { describe, expect, it } from 'vitest';
import type { StatusId } from '../../src/config/status-ids.ts';
import { labelFactor, priorityScore, rankByPriority, type Prioritizable } from '../../src/model/priority-score.ts';

function request(key: string, overrides: Partial<Omit<Prioritizable, 'labels'>> & { labels?: string[] } = {}): Prioritizable {
  const { labels = [], ...rest } = overrides;
  return {
    key,
    status: 'under-review' as StatusId,
    votes: { total: 0 },
    trendingScore: 0,
    commentCount: 0,
    ...rest,
    labels: labels.map((name) => ({ name })),
  };
}

describe('labelFactor', () => {
  it.each([
    ['no label', [], 'impact', 1, null],
    ['impact: high', ['impact: high'], 'impact', 2, 'impact: high'],
    ['Impact:Low, any case and spacing', ['Impact:Low'], 'impact', 0.5, 'Impact:Low'],
    ['priority/critical', ['priority/critical'], 'priority', 3, 'priority/critical'],
    ['priority - p1', ['priority - p1'], 'priority', 2, 'priority - p1'],
    ['effort: small', ['effort: small'], 'effort', 0.5, 'effort: small'],
    ['effort: XL', ['effort: XL'], 'effort', 4, 'effort: XL'],
    ['an unknown value is no label', ['impact: enormous'], 'impact', 1, null],
    ['another kind is no label', ['priority: high'], 'impact', 1, null],
    ['several: the largest counts', ['effort: small', 'effort: large'], 'effort', 2, 'effort: large'],
    ['a label that only starts like one', ['impactful'], 'impact', 1, null],
  ] as const)('%s', (_name, labels, kind, factor, label) => {
    expect(labelFactor(labels.map((name) => ({ name })), kind)).toEqual({ factor, label });
  });
});

describe('priorityScore', () => {
  it.each([
    // demand = votes + recent votes + comments / 4; score = demand × impact × priority / effort
    ['votes only', request('a', { votes: { total: 10 } }), 10, 10],
    ['recent votes weigh again', request('a', { votes: { total: 10 }, trendingScore: 4 }), 14, 14],
    ['four comments count as one vote', request('a', { votes: { total: 10 }, commentCount: 8 }), 12, 12],
    ['high impact doubles', request('a', { votes: { total: 10 }, labels: ['impact: high'] }), 10, 20],
    ['critical priority triples', request('a', { votes: { total: 10 }, labels: ['priority: critical'] }), 10, 30],
    ['large effort halves', request('a', { votes: { total: 10 }, labels: ['effort: large'] }), 10, 5],
    [
      'everything together',
      request('a', { votes: { total: 6 }, trendingScore: 2, commentCount: 4, labels: ['impact: high', 'priority: low', 'effort: small'] }),
      9,
      // 9 × 2 × 0.5 / 0.5
      18,
    ],
  ] as const)('%s', (_name, input, demand, score) => {
    const breakdown = priorityScore(input);
    expect(breakdown.demand).toBe(demand);
    expect(breakdown.score).toBe(score);
  });
});

describe('rankByPriority', () => {
  const requests = [
    request('popular', { votes: { total: 20 } }),
    request('cheap', { votes: { total: 8 }, labels: ['effort: xs'] }),
    request('important', { votes: { total: 5 }, labels: ['impact: critical', 'priority: high'] }),
    request('hot', { votes: { total: 6 }, trendingScore: 5.5 }),
    request('talked-about', { votes: { total: 2 }, commentCount: 40 }),
    request('shipped', { status: 'shipped', votes: { total: 99 } }),
    request('declined', { status: 'declined', votes: { total: 99 } }),
  ];
  const keys = (sort: Parameters<typeof rankByPriority>[1]) => rankByPriority(requests, sort).map((row) => row.request.key);

  it.each([
    // scores: popular 20, cheap 32, important 30, hot 11.5, talked-about 12
    ['score', ['cheap', 'important', 'popular', 'talked-about', 'hot']],
    ['votes', ['popular', 'cheap', 'hot', 'important', 'talked-about']],
    ['recent', ['hot', 'cheap', 'important', 'popular', 'talked-about']],
    ['comments', ['talked-about', 'cheap', 'important', 'popular', 'hot']],
    ['impact', ['important', 'cheap', 'popular', 'talked-about', 'hot']],
    ['priority', ['important', 'cheap', 'popular', 'talked-about', 'hot']],
    ['effort', ['cheap', 'important', 'popular', 'talked-about', 'hot']],
  ] as const)('orders open requests by %s, shipped and declined ones left out', (sort, expected) => {
    expect(keys(sort)).toEqual(expected);
  });

  it('breaks ties by votes, then key, so every build gives the same table', () => {
    const tied = [request('b', { votes: { total: 4 } }), request('a', { votes: { total: 4 } }), request('c', { votes: { total: 2 }, commentCount: 8 })];
    expect(rankByPriority(tied).map((row) => row.request.key)).toEqual(['a', 'b', 'c']);
  });
});
