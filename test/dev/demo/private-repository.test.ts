import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import { allItems, fullName, repositoryNamed, textsOf } from './world-lookup.ts';

describe.each([
  ['demo', generateWorld({ preset: 'demo', seed: 1 })],
  ['bench', generateWorld({ preset: 'bench', items: 500, seed: 1 })],
])('the private repository of the %s world', (_preset, { world, truth }) => {
  const privateRepository = repositoryNamed(world, truth.privateRepository);

  it('is marked private, and is the only private repository', () => {
    expect(privateRepository.isPrivate).toBe(true);
    expect(world.repositories.filter((repository) => repository.isPrivate).map(fullName)).toEqual([truth.privateRepository]);
  });

  it('holds request-like items with unmistakably secret titles', () => {
    const items = [...privateRepository.issues, ...privateRepository.discussions];
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) expect(item.title.startsWith('Internal:')).toBe(true);
    expect(items.map((item) => item.title)).toContain('Internal: rotate signing keys');
    expect(items.some((item) => item.labels.includes('enhancement'))).toBe(true);
  });

  it('is not a source of requests, and no public item repeats its titles', () => {
    expect(truth.requests.some((request) => request.ref.repository === truth.privateRepository)).toBe(false);
    const secretTitles = [...privateRepository.issues, ...privateRepository.discussions].map((item) => item.title);
    for (const { repository, item } of allItems(world)) {
      if (repository.isPrivate) continue;
      for (const text of textsOf(item)) for (const secret of secretTitles) expect(text).not.toContain(secret);
      expect(item.title.startsWith('Internal:')).toBe(false);
    }
  });
});
