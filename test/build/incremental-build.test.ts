/**
 * Incremental builds (`experimental.incrementalBuild` with the `cacheKey`s of request pages,
 * lists, redirects and social images): after one request changes, a rebuild that reuses
 * the last build's cache renders little, and gives exactly the site a build from scratch gives.
 * A cache key that forgot something a page shows would make the two differ.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOneRequest } from '../../scripts/dev/bench/bench-snapshot.ts';
import { buildFixture } from '../helpers/build-fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/snapshot-mini');

let work = '';
let rebuildLog = '';
let changedTitle = '';

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    files.set(path, await readFile(join(dir, path)));
  }
  return files;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'open-roadmap-incremental-'));
  const snapshot = join(work, 'snapshot');
  await cp(FIXTURE, snapshot, { recursive: true });
  const build = (cache: string, outDir: string) =>
    buildFixture(
      ROOT,
      { ROADMAP_SNAPSHOT_DIR: snapshot, ROADMAP_ASTRO_CACHE_DIR: join(work, cache), ROADMAP_IMAGE_CACHE_DIR: join(work, `${cache}-images`) },
      ['--outDir', join(work, outDir)],
    );

  await build('cache', 'first');
  changedTitle = (await changeOneRequest(snapshot)).title;
  rebuildLog = await build('cache', 'rebuild');
  await build('fresh-cache', 'scratch');
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('an incremental rebuild after one request changed', () => {
  it('restores most routes from the last build instead of rendering them', () => {
    const restored = rebuildLog.match(/\(restored\)/g)?.length ?? 0;
    const rendered = rebuildLog.split('\n').filter((line) => /├─ .*\(\+\d/.test(line)).length;
    expect(restored).toBeGreaterThan(0);
    expect(rendered).toBeGreaterThan(0);
    // List pages without the changed request are reused too (`/requests/status/…/`).
    expect(rebuildLog).toMatch(/├─ \/requests\/status\/\S+ \(restored\)/);
    // Only the changed request's entry is built again: its Markdown is not rendered twice.
    expect(rebuildLog).toMatch(/entries from the snapshot of [^,]+, 1 of them new or changed/);
  });

  it('gives the same files as a build from scratch', async () => {
    const [rebuilt, scratch] = await Promise.all([filesOf(join(work, 'rebuild')), filesOf(join(work, 'scratch'))]);
    expect([...rebuilt.keys()].sort()).toEqual([...scratch.keys()].sort());
    const differing = [...scratch].filter(([path, contents]) => !rebuilt.get(path)?.equals(contents)).map(([path]) => path);
    expect(differing).toEqual([]);
    const pages = [...scratch.values()].map((contents) => contents.toString('utf8'));
    expect(pages.some((page) => page.includes(changedTitle))).toBe(true);
  });
});
