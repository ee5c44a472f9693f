/**
 * Browser tests run against a built site, so before Chromium starts this checks that there is one
 * and that it is not older than what it is built from: after an edit, testing the last build would
 * pass or fail for the wrong reasons. A build pointed at with SITE_DIST is taken as it is.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What `npm run build` reads: a change to any of these makes the last build stale. */
export const BUILD_INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'roadmap.config.ts', 'package-lock.json'];

export default async function checkBuiltSite(): Promise<void> {
  await assertFreshBuild(ROOT, process.env.SITE_DIST);
}

/** Throws, saying what to run, unless `root`'s build (or the one at `given`) can be tested. */
export async function assertFreshBuild(root: string, given: string | undefined): Promise<void> {
  const dist = join(root, given ?? 'dist');
  const entry = join(dist, 'index.html');
  if (!existsSync(entry)) {
    throw new Error(`No built site in ${dist}. Run \`npm run build\` first (or point SITE_DIST at a build).`);
  }
  if (given !== undefined) return;
  const built = (await stat(entry)).mtimeMs;
  const newer = await newestChange(root, BUILD_INPUTS);
  if (newer && newer.mtimeMs > built) {
    throw new Error(
      `The site in ${dist} is older than ${relative(root, newer.path)}: the tests would check the last build, not your change. Run \`npm run build\` first (or set SITE_DIST=dist to test it anyway).`,
    );
  }
}

/** The most recently modified file among `paths` (folders walked), or undefined if none exists. */
export async function newestChange(
  root: string,
  paths: readonly string[],
): Promise<{ path: string; mtimeMs: number } | undefined> {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const path of paths.map((name) => join(root, name))) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    const files = info.isDirectory()
      ? (await readdir(path, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name))
      : [path];
    for (const file of files) {
      const { mtimeMs } = await stat(file);
      if (!newest || mtimeMs > newest.mtimeMs) newest = { path: file, mtimeMs };
    }
  }
  return newest;
}
