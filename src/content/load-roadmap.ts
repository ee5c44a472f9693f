/**
 * Reads the configuration and the snapshot and runs the model, once per build: the three
 * roadmap collections and the pages that need more than the collections share the result.
 *
 * The snapshot comes from `ROADMAP_SNAPSHOT_DIR` when set (tests and previews of another
 * snapshot), else from `content/snapshot/`. Imported channels (`channels`) are read beside it;
 * with `ROADMAP_SUBSCRIBERS_FILE` set, the subscriber list tells which addresses are whose login.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import { readChannels } from '../channels/read-channels.ts';
import { loadConfig, type RoadmapConfig } from '../config/index.ts';
import { inProject } from '../config/project-dir.ts';
import { buildRoadmap, type Roadmap } from '../model/build-roadmap.ts';
import { DEFAULT_SNAPSHOT_DIR, readManifest, readSnapshot, type Snapshot } from '../snapshot/read-snapshot.ts';
import { processGlobal } from '../workers/process-global.ts';

export interface LoadedRoadmap {
  config: RoadmapConfig;
  snapshot: Snapshot;
  roadmap: Roadmap;
}

export class RoadmapSourceError extends Error {
  override name = 'RoadmapSourceError';
}

export function snapshotDir(): string {
  return process.env.ROADMAP_SNAPSHOT_DIR || inProject(DEFAULT_SNAPSHOT_DIR);
}

async function load(dir: string): Promise<LoadedRoadmap> {
  if (process.env.ROADMAP_SNAPSHOT_DIR && (await readManifest(dir)) === null) {
    throw new RoadmapSourceError(
      `ROADMAP_SNAPSHOT_DIR is set to ${dir}, but there is no snapshot there (manifest.json is missing). ` +
        'Point it at a directory written by `npm run sync`, or unset it to build from content/snapshot.',
    );
  }
  const [config, snapshot] = await Promise.all([loadConfig(), readSnapshot(dir)]);
  // Imported channels are read at every build: they never enter the snapshot, which stays what GitHub said.
  const imports = await readChannels(config, { root: process.cwd(), subscribersFile: process.env.ROADMAP_SUBSCRIBERS_FILE || null });
  return { config, snapshot, roadmap: buildRoadmap(snapshot, config, imports) };
}

/**
 * One per process, not per module copy: a build runs this file twice, once for the content layer
 * and once bundled into the pages, and the two must share one snapshot in memory instead of
 * reading and holding it twice.
 */
const loaded = processGlobal('loaded-roadmap', () => new Map<string, Promise<LoadedRoadmap>>());

/** Changes when a sync rewrites the snapshot (its manifest goes last), so a dev server picks it up. */
async function snapshotVersion(dir: string): Promise<string> {
  try {
    return String((await stat(join(dir, 'manifest.json'))).mtimeMs);
  } catch {
    return 'missing';
  }
}

export async function loadRoadmap(): Promise<LoadedRoadmap> {
  const dir = snapshotDir();
  const key = `${dir}\n${await snapshotVersion(dir)}`;
  let promise = loaded.get(key);
  if (promise === undefined) {
    loaded.clear();
    promise = load(dir);
    loaded.set(key, promise);
    // A failed load is not kept: the next attempt reads again.
    promise.catch(() => loaded.delete(key));
  }
  return promise;
}
