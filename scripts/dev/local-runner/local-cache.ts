/**
 * actions/cache on this machine: an entry is `<state>/cache/<key>/`. Like the real cache, a key
 * is written once, and a restore takes the newest entry whose key starts with a prefix.
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/caching-dependencies-to-speed-up-workflows#matching-a-cache-key
 */
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Where a cached path is kept inside its entry: relative to the workspace, or under `_absolute/`. */
function storedAs(path: string, workdir: string): { from: string; stored: string } {
  const absolute = resolve(workdir, path);
  const inside = relative(workdir, absolute);
  return { from: absolute, stored: inside.startsWith('..') || isAbsolute(inside) ? join('_absolute', absolute) : inside };
}

/** actions/cache/restore: the newest entry whose key starts with `prefix`, into `paths`; its key, or null. */
export async function restoreCache(state: string, prefix: string, paths: string[], workdir: string): Promise<string | null> {
  const cacheDir = join(state, 'cache');
  const entries = (await readdir(cacheDir).catch(() => [] as string[])).filter((key) => key.startsWith(prefix));
  if (entries.length === 0) return null;
  const newest = (
    await Promise.all(entries.map(async (key) => ({ key, time: (await stat(join(cacheDir, key))).mtimeMs })))
  ).sort((a, b) => b.time - a.time || b.key.localeCompare(a.key))[0]!.key;
  for (const path of paths) {
    const { from: target, stored } = storedAs(path, workdir);
    const from = join(cacheDir, newest, stored);
    if (await exists(from)) await cp(from, target, { recursive: true });
  }
  return newest;
}

/** actions/cache/save: writes `key` once; an existing key is left as it is, as on GitHub. */
export async function saveCache(state: string, key: string, paths: string[], workdir: string): Promise<void> {
  const target = join(state, 'cache', key);
  if (await exists(target)) return;
  for (const path of paths) {
    const { from, stored } = storedAs(path, workdir);
    if (await exists(from)) await cp(from, join(target, stored), { recursive: true });
  }
  await mkdir(target, { recursive: true });
}
