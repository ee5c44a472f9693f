import { describe, expect, it } from 'vitest';
import { rankRequests, trendingScore, type Rankable } from '../../src/model/ranking.ts';

function request(key: string, overrides: Partial<Rankable> = {}): Rankable {
  return {
    key,
    status: 'under-review',
    votes: { total: 0 },
    trendingScore: 0,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    shippedAt: null,
    ...overrides,
  };
}

const keys = (list: Rankable[]) => list.map((entry) => entry.key);

describe('trendingScore', () => {
  const now = '2025-06-01T00:00:00Z';

  it('counts a vote cast now as one and a vote one half-life old as a half', () => {
    expect(trendingScore([now], now, 14)).toBe(1);
    expect(trendingScore(['2025-05-18T00:00:00Z'], now, 14)).toBeCloseTo(0.5, 6);
  });

  it('lets a few recent votes beat many old ones', () => {
    const recent = trendingScore(['2025-05-30T00:00:00Z', '2025-05-31T00:00:00Z', '2025-05-29T00:00:00Z'], now, 14);
    const old = trendingScore(Array.from({ length: 20 }, () => '2024-06-01T00:00:00Z'), now, 14);
    expect(recent).toBeGreaterThan(old);
  });

  it('does not reward votes dated after the snapshot', () => {
    expect(trendingScore(['2025-07-01T00:00:00Z'], now, 14)).toBe(1);
  });
});

describe('rankRequests', () => {
  const list = [
    request('a', { votes: { total: 5 }, trendingScore: 0.2, createdAt: '2025-01-03T00:00:00Z' }),
    request('b', { votes: { total: 9 }, trendingScore: 0.1, createdAt: '2025-01-01T00:00:00Z' }),
    request('c', { votes: { total: 5 }, trendingScore: 3, createdAt: '2025-01-02T00:00:00Z', updatedAt: '2025-02-01T00:00:00Z' }),
    request('d', { status: 'shipped', votes: { total: 1 }, shippedAt: '2025-03-01T00:00:00Z' }),
    request('e', { status: 'shipped', votes: { total: 2 }, shippedAt: '2025-04-01T00:00:00Z' }),
  ];

  it.each([
    ['top', ['b', 'c', 'a', 'e', 'd']],
    ['trending', ['c', 'a', 'b', 'e', 'd']],
    ['newest', ['a', 'c', 'b', 'd', 'e']],
    ['shipped', ['e', 'd']],
  ] as const)('%s', (sort, expected) => {
    expect(keys(rankRequests(list, sort))).toEqual(expected);
  });

  it('does not reorder its input', () => {
    const copy = [...list];
    rankRequests(list, 'top');
    expect(list).toEqual(copy);
  });
});
