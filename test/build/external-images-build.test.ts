/**
 * A build with `ROADMAP_EXTERNAL_IMAGES=fetch` of a snapshot whose request body shows external
 * images: one an earlier build downloaded (in the cache CI restores), one on a loopback address,
 * which a build never fetches on an author's say-so. No network is needed.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { manifestSchema, itemShardSchema } from '../../src/snapshot/schema.ts';
import { buildFixture } from '../helpers/build-fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/snapshot-mini');
// A 1×1 PNG, as any image editor writes it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const CACHED = 'https://images.example/photo.png';
const LOOPBACK = 'http://127.0.0.1:9/secret.png';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

let work = '';
let pageHtml = '';
let base = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'open-roadmap-external-images-'));
  const snapshot = join(work, 'snapshot');
  await cp(FIXTURE, snapshot, { recursive: true });

  // Request #12's body shows both images.
  const manifest = manifestSchema.parse(JSON.parse(await readFile(join(snapshot, 'manifest.json'), 'utf8')));
  const shardFile = manifest.files.find((file) => file.path.startsWith('repos/lumen-dev/lumen/items/'));
  const shard = itemShardSchema.parse(JSON.parse(await readFile(join(snapshot, shardFile?.path ?? ''), 'utf8')));
  const item = shard.items.find((candidate) => candidate.number === 12);
  if (!shardFile || !item) throw new Error('the fixture snapshot has no lumen-dev/lumen#12');
  item.body = `${item.body}\n\n![A photo](${CACHED})\n\n![A secret](${LOOPBACK})\n`;
  const text = `${JSON.stringify(shard, null, 2)}\n`;
  await writeFile(join(snapshot, shardFile.path), text);
  shardFile.sha256 = sha256(text);
  await writeFile(join(snapshot, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  // What an earlier build downloaded for the first image: the cache's layout, written by hand.
  const cache = join(work, 'user-content');
  await mkdir(join(cache, 'files'), { recursive: true });
  await mkdir(join(cache, 'urls'), { recursive: true });
  await writeFile(join(cache, 'files', `${sha256(PNG)}.png`), PNG);
  await writeFile(join(cache, 'urls', `${sha256(CACHED)}.json`), JSON.stringify({ file: `${sha256(PNG)}.png` }));

  const outDir = join(work, 'dist');
  await buildFixture(
    ROOT,
    {
      ROADMAP_SNAPSHOT_DIR: snapshot,
      ROADMAP_ASTRO_CACHE_DIR: join(work, 'astro'),
      ROADMAP_IMAGE_CACHE_DIR: join(work, 'images'),
      ROADMAP_USER_CONTENT_CACHE_DIR: cache,
      ROADMAP_EXTERNAL_IMAGES: 'fetch',
    },
    ['--outDir', outDir],
  );
  const config = await loadConfig({ root: ROOT });
  base = config.site.base === '/' ? '' : config.site.base;
  const folder = (await readdir(join(outDir, 'requests'))).find((name) => name.startsWith('12-'));
  pageHtml = await readFile(join(outDir, 'requests', folder ?? 'missing', 'index.html'), 'utf8');
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('external images in a build', () => {
  it('serve the downloaded copy from the site, under the hash of its content', async () => {
    expect(pageHtml).toMatch(new RegExp(`<img src="${base}/user-content/${sha256(PNG)}\\.png" alt="A photo"`));
    expect(await readFile(join(work, 'dist', 'user-content', `${sha256(PNG)}.png`))).toEqual(PNG);
  });

  it('show an image the build may not fetch as a link, and no image tag names another host', () => {
    expect(pageHtml).toContain(`<a href="${LOOPBACK}" rel="ugc nofollow noopener">A secret</a>`);
    expect(pageHtml).not.toMatch(/<img[^>]*src="https?:\/\/(?:images\.example|127\.0\.0\.1)/);
  });
});
