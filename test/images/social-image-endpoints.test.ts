/**
 * The real `/og/…png` endpoints, built twice by Astro inside a fixture site that shares one image
 * cache: what a CI run that restores `.cache/` does.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../helpers/build-fixture.ts';
import { decodePng, pixelAt, pngSize } from './png-pixels.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/site/', import.meta.url));

const data = {
  requests: [
    { key: 'acme/widgets#12', number: 12, title: 'Dark mode for the dashboard', slug: '12-dark-mode', status: 'planned', votes: 42, repository: 'acme/widgets', updatedAt: '2025-03-01T00:00:00Z' },
    { key: 'acme/widgets#31', number: 31, title: 'Export reports as CSV', slug: '31-csv-export', status: 'under-review', votes: 7, repository: 'acme/widgets', updatedAt: '2025-03-01T00:00:00Z' },
    { key: 'acme/widgets#40', number: 40, title: '<script>alert(1)</script> 🚀 שלום', slug: '40-hostile', status: 'declined', votes: 0, repository: 'acme/widgets', updatedAt: '2025-03-01T00:00:00Z' },
    // Fourth by votes: beyond the fixture's `socialImages.requests: 3`, so it shows the site's card.
    { key: 'acme/widgets#41', number: 41, title: 'Least voted', slug: '41-least-voted', status: 'under-review', votes: 0, repository: 'acme/widgets', updatedAt: '2025-01-01T00:00:00Z' },
  ],
  releases: [
    { tagName: 'v2.0.0', slug: 'v2.0.0', title: 'Widgets 2.0', publishedAt: '2025-03-14T10:00:00Z', repository: 'acme/widgets' },
    { tagName: 'release/2.1', slug: 'release-2.1', title: 'release/2.1', publishedAt: '2025-04-01T10:00:00Z', repository: 'acme/widgets' },
  ],
};

let work: string;
const outDir = () => join(work, 'dist');
let env: Record<string, string>;
let firstBuild: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'og-endpoints-'));
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

describe('social image endpoints', () => {
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
    const request = edited.requests[0];
    if (request) request.votes = 43;
    await writeFile(env['IMAGE_FIXTURE_DATA'] ?? '', JSON.stringify(edited));

    const afterEdit = await buildFixture(FIXTURE, env);
    expect(afterEdit).toMatch(/Social images: 1 rendered in [\d.]+s, 5 reused/);
    expect((await readFile(join(outDir(), 'og/requests/12-dark-mode.png'))).equals(before)).toBe(false);
  });
});
