import { beforeAll, describe, expect, it } from 'vitest';
import { requestDocuments } from '../../src/suggest/request-documents.ts';
import { suggestDuplicates, type SuggestionDocument } from '../../src/suggest/suggest-duplicates.ts';
import { loadDemoWorld } from './demo-world.ts';

/** A seeded shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

describe('suggestions are deterministic', () => {
  let documents: SuggestionDocument[] = [];
  beforeAll(async () => {
    documents = requestDocuments((await loadDemoWorld()).requests);
  });

  it('gives the same suggestions, scores and reasons for the same requests', () => {
    const first = suggestDuplicates(documents);
    expect(first.suggestions.length).toBeGreaterThan(0);
    expect(suggestDuplicates(documents)).toEqual(first);
  });

  it.each([1, 2, 3])('does not depend on the order of the requests (shuffle %i)', (seed) => {
    expect(suggestDuplicates(shuffled(documents, seed))).toEqual(suggestDuplicates(documents));
  });

  it('sorts by score, best first, then by keys in code-point order (the same in every locale)', () => {
    const { suggestions } = suggestDuplicates(documents, { threshold: 0.2 });
    const byCodePoint = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const resorted = [...suggestions].sort((x, y) => y.score - x.score || byCodePoint(x.a, y.a) || byCodePoint(x.b, y.b));
    expect(suggestions).toEqual(resorted);
  });

  it('refuses two documents with one key rather than guess', () => {
    const [first] = documents;
    expect(() => suggestDuplicates([first!, { ...first!, title: 'Another' }])).toThrow(/share the key/);
  });
});
