import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import { thumbsUp } from './world-lookup.ts';

const { world } = generateWorld({ preset: 'bench', items: 10_000, seed: 1 });
const big = world.repositories[0];
if (big === undefined) throw new Error('no repository');
const issues = big.issues;
const discussions = big.discussions;
const share = (count: number, total: number): number => count / total;

describe('the bench preset at 10,000 items', () => {
  it('puts every request in bench/big, the first (public) repository: 80% issues, 20% ideas Discussions', () => {
    expect(`${big.owner}/${big.name}`).toBe('bench/big');
    expect(big.isPrivate).toBe(false);
    expect(issues).toHaveLength(8000);
    expect(discussions).toHaveLength(2000);
    expect(issues.every((issue) => issue.labels.includes('enhancement'))).toBe(true);
    expect(discussions.every((discussion) => discussion.category === 'ideas')).toBe(true);
  });

  it('has realistic distributions: half voted, a few very popular, most discussed, some closed', () => {
    expect(share(issues.filter((issue) => thumbsUp(issue) > 0).length, issues.length)).toBeGreaterThan(0.4);
    expect(share(issues.filter((issue) => thumbsUp(issue) > 0).length, issues.length)).toBeLessThan(0.6);
    const popular = issues.filter((issue) => issue.reactions.length > 100).length;
    expect(popular).toBeGreaterThanOrEqual(3);
    expect(popular).toBeLessThan(100);
    const discussed = share(issues.filter((issue) => issue.comments.length > 0).length, issues.length);
    expect(discussed).toBeGreaterThan(0.5);
    expect(discussed).toBeLessThan(0.7);
    const closed = share(issues.filter((issue) => issue.state === 'CLOSED').length, issues.length);
    expect(closed).toBeGreaterThan(0.1);
    expect(closed).toBeLessThan(0.2);
    expect(issues.some((issue) => issue.stateReason === 'DUPLICATE')).toBe(true);
    expect(issues.filter((issue) => issue.labels.some((label) => label.startsWith('status:'))).length).toBeGreaterThan(100);
  });

  it('varies titles and keeps bodies short', () => {
    const titles = new Set([...issues, ...discussions].map((item) => item.title));
    expect(titles.size).toBeGreaterThan(5000);
    const averageBody = [...issues, ...discussions].reduce((sum, item) => sum + item.body.length, 0) / 10_000;
    expect(averageBody).toBeLessThan(400);
  });

  it('also has releases, milestones and labels', () => {
    expect(big.releases.length).toBeGreaterThanOrEqual(4);
    expect(big.milestones.length).toBeGreaterThanOrEqual(3);
    expect(big.labels.map((label) => label.name)).toContain('enhancement');
    expect(issues.some((issue) => issue.milestone !== null)).toBe(true);
  });
});
