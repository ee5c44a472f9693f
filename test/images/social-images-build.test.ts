/**
 * The social images integration writing the real cards (`/og/…png`) in an Astro build of a
 * fixture site, built several times over one image cache: what a CI run that restores `.cache/` does.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import type { StatusId } from '../../src/config/status-ids.ts';
import { socialImageFiles } from '../../src/images/site-social-images.ts';
import { imageThreads, socialImagesMiddleware } from '../../src/integrations/social-images.ts';
import { buildFixture } from '../helpers/build-fixture.ts';
import { serveMiddleware } from '../helpers/serve-middleware.ts';
import { decodePng, pixelAt, pngSize } from './png-pixels.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/site/', import.meta.url));

const request = (number: number, title: string, slug: string, status: StatusId, votes: number, updatedAt = '2025-03-01T00:00:00Z') => ({
  key: `acme/widgets#${number}`,
  title,
  path: `/requests/${slug}/`,
  status,
  votes: { total: votes },
  updatedAt,
});

const data = {
  requests: [
    request(12, 'Dark mode for the dashboard', '12-dark-mode', 'planned', 42),
    request(31, 'Export reports as CSV', '31-csv-export', 'under-review', 7),
    request(40, '<script>alert(1)</script> 🚀 שלום', '40-hostile', 'declined', 0),
    // Fourth by votes: beyond the fixture's `socialImages.requests: 3`, so it shows the site's card.
    request(41, 'Least voted', '41-least-voted', 'under-review', 0, '2025-01-01T00:00:00Z'),
  ],
  releases: [
    { tagName: 'v2.0.0', name: 'Widgets 2.0', path: '/changelog/v2.0.0/', publishedAt: '2025-03-14T10:00:00Z' },
    { tagName: 'release/2.1', name: null, path: '/changelog/release-2.1/', publishedAt: '2025-04-01T10:00:00Z' },
  ],
};

let work: string;
const outDir = () => join(work, 'dist');
let env: Record<string, string>;
let firstBuild: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'og-build-'));
  env = {
    IMAGE_FIXTURE_DATA: join(work, 'data.json'),
    IMAGE_FIXTURE_OUT_DIR: outDir(),
    ROADMAP_IMAGE_CACHE_DIR: join(work, 'image-cache'),
  };
  await writeFile(env['IMAGE_FIXTURE_DATA'] ?? '', JSON.stringify(data));
  firstBuild = await buildFixture(FIXTURE, env);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(join(FIXTURE, '.astro'), { recursive: true, force: true });
});

describe('social images of a build', () => {
  it('write a 1200×630 PNG per release, per most voted request and for the site, in the theme accent', async () => {
    for (const path of [
      'og/site.png',
      'og/requests/12-dark-mode.png',
      'og/requests/31-csv-export.png',
      'og/requests/40-hostile.png',
      'og/changelog/v2.0.0.png',
      'og/changelog/release-2.1.png',
    ]) {
      const png = await readFile(join(outDir(), path));
      expect(pngSize(png), path).toEqual({ width: 1200, height: 630 });
      // The fixture's roadmap.config.ts sets accent #0f766e: the config reaches the image.
      expect(pixelAt(decodePng(png), 600, 6), path).toEqual([0x0f, 0x76, 0x6e, 255]);
    }
    await expect(readFile(join(outDir(), 'og/requests/41-least-voted.png'))).rejects.toThrow(/ENOENT/);
    expect(firstBuild).toContain('Social images: 6 rendered');
    // On the worker threads the integration provides, not one by one as a fallback.
    expect(firstBuild).not.toContain('rendered one at a time');
  });

  it('render nothing again on an unchanged rebuild, and only the changed request after an edit', async () => {
    const unchanged = await buildFixture(FIXTURE, env);
    expect(unchanged).toMatch(/Social images: 0 rendered in [\d.]+s, 6 reused/);

    const before = await readFile(join(outDir(), 'og/requests/12-dark-mode.png'));
    const edited = structuredClone(data);
    const first = edited.requests[0];
    if (first) first.votes.total = 43;
    await writeFile(env['IMAGE_FIXTURE_DATA'] ?? '', JSON.stringify(edited));

    const afterEdit = await buildFixture(FIXTURE, env);
    expect(afterEdit).toMatch(/Social images: 1 rendered in [\d.]+s, 5 reused/);
    expect((await readFile(join(outDir(), 'og/requests/12-dark-mode.png'))).equals(before)).toBe(false);
  });
});

describe('social images in astro dev', () => {
  it('are served at the addresses the build writes them to, and nothing else is', async () => {
    const config = await loadConfig({ root: FIXTURE });
    const { origin, close } = await serveMiddleware(socialImagesMiddleware(async () => socialImageFiles(config, data), '/roadmap'));
    try {
      // The build above rendered these into the same cache: the dev server serves the same bytes.
      process.env['ROADMAP_IMAGE_CACHE_DIR'] = env['ROADMAP_IMAGE_CACHE_DIR'];
      for (const path of ['og/site.png', 'og/requests/31-csv-export.png', 'og/changelog/release-2.1.png']) {
        const response = await fetch(`${origin}/roadmap/${path}`);
        expect(response.headers.get('content-type'), path).toBe('image/png');
        expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(join(outDir(), path))), path).toBe(true);
      }
      expect((await fetch(`${origin}/roadmap/og/requests/41-least-voted.png`)).status).toBe(404);
    } finally {
      delete process.env['ROADMAP_IMAGE_CACHE_DIR'];
      await close();
    }
  });
});

describe('image workers', () => {
  it('leave one core to Astro’s thread, and are at least one', () => {
    expect([1, 2, 4, 16].map(imageThreads)).toEqual([1, 1, 3, 15]);
  });
});
