/**
 * The error catalogue (src/errors/errors-data.ts): every entry names itself, says what happened
 * and what to do, in the house voice, and names are unique.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorsData } from '../../src/errors/errors-data.ts';
import { RoadmapError } from '../../src/errors/roadmap-error.ts';

// Any parameter an entry reads comes back as a short word, so every message can be rendered.
const params = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? `<${key}>` : undefined) }) as never;
const text = (part: string | ((values: never) => string)) => (typeof part === 'function' ? part(params) : part);

describe('the error catalogue', () => {
  const entries = Object.entries(ErrorsData);

  it.each(entries)('%s has a name, a message and a hint', (key, entry) => {
    expect(entry.name).toBe(key);
    expect(entry.name).toMatch(/^[A-Z][A-Za-z]+$/);
    for (const part of [text(entry.message), text(entry.hint)]) {
      expect(part.trim().length).toBeGreaterThan(0);
      expect(part).not.toMatch(/^(Error:|Oops)/i);
    }
  });

  it('names are unique', () => {
    const names = entries.map(([, entry]) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('docs/errors.md lists every entry, and no entry that is gone', () => {
    const listed = [...readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8').split('## The entries')[1]!.matchAll(/`([A-Z][A-Za-z]+)`/g)].map((match) => match[1]);
    expect([...listed].sort()).toEqual(entries.map(([name]) => name).sort());
  });

  it('an error carries its entry, the message and hint made from its parameters, and its cause', () => {
    const cause = new Error('socket hang up');
    const error = new RoadmapError(ErrorsData.RepositoryNotFound, { repository: 'acme/widgets' }, { cause });
    expect(error.message).toBe('Repository acme/widgets was not found on GitHub.');
    expect(error.hint).toContain('sources[].repo');
    expect(error.is(ErrorsData.RepositoryNotFound)).toBe(true);
    expect(error.is(ErrorsData.RepositoryDisappeared)).toBe(false);
    expect(error.cause).toBe(cause);
    expect(error.resumable).toBe(false);
    expect(new RoadmapError(ErrorsData.RateLimitExhausted, { request: 'GET /', minutes: 3, command: 'sync' }).resumable).toBe(true);
  });
});
