import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cachedImage,
  canonicalJson,
  imageCacheKey,
  imageCacheStats,
  resetImageCacheStats,
} from '../../src/images/image-cache.ts';
import { renderSocialImage, type SocialImageInput } from '../../src/images/render-social-image.ts';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'image-cache-'));
  resetImageCacheStats();
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A renderer that counts its calls, backed by the real one. */
function countingRenderer() {
  const counter = { renders: 0 };
  const render = (input: SocialImageInput) => () => {
    counter.renders++;
    return renderSocialImage(input);
  };
  return { counter, render };
}

const input: SocialImageInput = {
  kind: 'request',
  title: 'Dark mode for the dashboard',
  projectName: 'Lumen roadmap',
  status: 'planned',
  votes: 42,
  theme: { accent: '#2f5bd3' },
};

describe('cachedImage', () => {
  it('renders once, then serves the same file without rendering again', async () => {
    const { counter, render } = countingRenderer();
    const first = await cachedImage(input, render(input), { directory, version: 1 });
    const second = await cachedImage({ ...input }, render(input), { directory, version: 1 });

    expect(counter.renders).toBe(1);
    expect(second.equals(first)).toBe(true);
    const files = await readdir(directory);
    expect(files).toEqual([`${imageCacheKey(input, 1)}.png`]);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.png$/);
    expect((await readFile(join(directory, files[0] ?? ''))).equals(first)).toBe(true);
    // Serving an image this build rendered is not reuse from an earlier build.
    expect(imageCacheStats()).toMatchObject({ rendered: 1, reused: 0 });
  });

  it('survives across builds: a new process with the same cache folder renders nothing', async () => {
    const { counter, render } = countingRenderer();
    await cachedImage(input, render(input), { directory, version: 1 });
    // What a fresh build sees: nothing in memory, only the folder.
    resetImageCacheStats();
    await cachedImage(structuredClone(input), render(input), { directory, version: 1 });
    expect(counter.renders).toBe(1);
    expect(imageCacheStats()).toMatchObject({ rendered: 0, reused: 1 });
  });

  it('re-renders when an input changes, and only that image', async () => {
    const { counter, render } = countingRenderer();
    const other = { ...input, title: 'Export reports as CSV' };
    await cachedImage(input, render(input), { directory, version: 1 });
    await cachedImage(other, render(other), { directory, version: 1 });
    expect(counter.renders).toBe(2);

    const moreVotes = { ...input, votes: 43 };
    const changed = await cachedImage(moreVotes, render(moreVotes), { directory, version: 1 });
    await cachedImage(other, render(other), { directory, version: 1 });
    expect(counter.renders).toBe(3);
    expect(changed.equals(await cachedImage(input, render(input), { directory, version: 1 }))).toBe(false);
    expect(await readdir(directory)).toHaveLength(3);
  });

  it('re-renders when the renderer version changes', async () => {
    const { counter, render } = countingRenderer();
    await cachedImage(input, render(input), { directory, version: 1 });
    await cachedImage(input, render(input), { directory, version: 2 });
    expect(counter.renders).toBe(2);
  });

  it('leaves no temporary file behind, and nothing when rendering fails', async () => {
    await cachedImage(input, () => renderSocialImage(input), { directory, version: 1 });
    await expect(
      cachedImage({ ...input, title: 'fails' }, () => Promise.reject(new Error('render failed')), { directory, version: 1 }),
    ).rejects.toThrow('render failed');
    expect(await readdir(directory)).toEqual([`${imageCacheKey(input, 1)}.png`]);
  });
});

describe('imageCacheKey', () => {
  it('does not depend on the order properties were written in, nor on unset ones', () => {
    const reordered = { theme: input.theme, votes: 42, status: 'planned', projectName: 'Lumen roadmap', title: input.title, kind: 'request', date: undefined };
    expect(imageCacheKey(reordered, 1)).toBe(imageCacheKey(input, 1));
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('changes with every input that shows on the card', () => {
    const keys = new Set(
      [input, { ...input, title: 'Other' }, { ...input, votes: 41 }, { ...input, status: 'shipped' }, { ...input, theme: { accent: '#000000' } }].map(
        (variant) => imageCacheKey(variant, 1),
      ),
    );
    expect(keys.size).toBe(5);
  });
});
