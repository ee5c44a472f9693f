import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import { BODY_PAYLOADS, HOSTILE_MARKER, TITLE_PAYLOADS } from '../../../scripts/dev/demo/hostile-payloads.ts';
import { allItems, fullName, refKeyOf, textsOf } from './world-lookup.ts';

const { world, truth } = generateWorld({ preset: 'demo', seed: 1 });
const items = allItems(world);
const everyText = [
  ...items.flatMap(({ item }) => textsOf(item)),
  ...world.repositories.flatMap((repository) => repository.releases.map((release) => release.body)),
];

describe('hostile payloads in the demo', () => {
  it.each(Object.entries(BODY_PAYLOADS))('the %s payload appears in some body, comment or release note', (_kind, payload) => {
    expect(payload).toContain(HOSTILE_MARKER);
    expect(everyText.some((text) => text.includes(payload))).toBe(true);
  });

  it.each(Object.entries(TITLE_PAYLOADS))('the %s payload is the title of a public request', (_kind, payload) => {
    const titled = items.filter(({ item }) => item.title === payload);
    expect(titled.some(({ repository }) => !repository.isPrivate)).toBe(true);
  });

  it('covers the classic vectors', () => {
    const all = everyText.join('\n') + items.map(({ item }) => item.title).join('\n');
    for (const needle of ['<script>', 'onerror=', 'javascript:', 'data:text/html;base64,', '<iframe', '<svg onload', '<style>', '<form', '<input', 'id="top"', '<!--', '</title>', '\r\nBcc: victim@example.com', '\u202E', '\u200D']) {
      expect(all, needle).toContain(needle);
    }
  });

  it('keeps titles GitHub could have stored: the very long one uses all 256 characters', () => {
    expect(TITLE_PAYLOADS.veryLong).toHaveLength(256);
    for (const { item } of items) expect(item.title.length).toBeLessThanOrEqual(256);
  });

  it('the truth lists exactly the items and releases that carry the marker', () => {
    const carrying = items.filter(({ item }) => textsOf(item).some((text) => text.includes(HOSTILE_MARKER)));
    const expected = carrying.map(({ repository, item }) => `${fullName(repository)}#${item.number}`).sort();
    expect(truth.hostile.map(refKeyOf).sort()).toEqual(expected);
    const releases = world.repositories.flatMap((repository) =>
      repository.releases.filter((release) => release.body.includes(HOSTILE_MARKER)).map((release) => ({ repository: fullName(repository), tagName: release.tagName })),
    );
    expect(truth.hostileReleases).toEqual(releases);
  });

  it('plants payloads in public requests, in comments, in a Discussion, and in the private repository', () => {
    const hostile = new Set(truth.hostile.map(refKeyOf));
    const planted = items.filter(({ repository, item }) => hostile.has(`${fullName(repository)}#${item.number}`));
    expect(planted.some(({ item }) => item.comments.some((comment) => comment.body.includes(HOSTILE_MARKER)))).toBe(true);
    expect(planted.some(({ item }) => !('events' in item))).toBe(true);
    expect(planted.some(({ repository }) => repository.isPrivate)).toBe(true);
    expect(planted.some(({ item }) => item.labels.includes('enhancement'))).toBe(true);
  });
});
