import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedImage, imageCacheStats, resetImageCacheStats, warmImageCache } from '../../src/images/image-cache.ts';
import { renderSocialImage, type SocialImageInput } from '../../src/images/render-social-image.ts';
import { renderOnWorkers } from '../../src/images/social-image-pool.ts';

const workerFile = fileURLToPath(new URL('../../src/images/social-image-worker.ts', import.meta.url));

const inputs: SocialImageInput[] = ['Dark mode', 'CSV export', 'Offline sync'].map((title, index) => ({
  kind: 'request',
  title,
  projectName: 'Lumen roadmap',
  status: 'planned',
  votes: index * 10,
  theme: { accent: '#2f5bd3' },
}));

describe('renderOnWorkers', () => {
  it('renders every input on worker threads, the same picture as on the main thread', async () => {
    const images = new Map<number, Buffer>();
    await renderOnWorkers(inputs, async (index, png) => void images.set(index, png), { workerFile, threads: 2, minImages: 1 });
    expect([...images.keys()].sort()).toEqual([0, 1, 2]);
    for (const [index, png] of images) expect(png.equals(await renderSocialImage(inputs[index] as SocialImageInput))).toBe(true);
  });

  it('fails, rather than hangs, when the workers cannot start', async () => {
    await expect(
      renderOnWorkers(inputs, async () => {}, { workerFile: join(tmpdir(), 'no-such-worker.ts'), threads: 2, minImages: 1 }),
    ).rejects.toThrow();
  });
});

describe('warmImageCache', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'image-warm-'));
    resetImageCacheStats();
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('renders only what is missing, once per distinct input, so that serving them renders nothing', async () => {
    const options = { directory, version: 1 };
    await cachedImage(inputs[0], () => renderSocialImage(inputs[0] as SocialImageInput), options);
    resetImageCacheStats();

    const asked: SocialImageInput[] = [];
    await warmImageCache(
      [...inputs, { ...(inputs[1] as SocialImageInput) }],
      (input) => input,
      async (missing, store) => {
        asked.push(...missing);
        await renderOnWorkers(missing, (index, png) => store(missing[index] as SocialImageInput, png), { workerFile, threads: 2, minImages: 1 });
      },
      options,
    );
    expect(asked.map((input) => input.title)).toEqual(['CSV export', 'Offline sync']);
    expect(await readdir(directory)).toHaveLength(3);

    let renders = 0;
    for (const input of inputs) {
      await cachedImage(input, () => {
        renders++;
        return renderSocialImage(input);
      }, options);
    }
    expect(renders).toBe(0);
    expect(imageCacheStats()).toMatchObject({ rendered: 2, reused: 1 });
  });
});
