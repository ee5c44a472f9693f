/**
 * Generated worlds with the histories real projects have, each served by the GitHub simulator
 * and pulled by the real sync, for the property tests of this folder.
 */
import { NOW } from '../../scripts/dev/demo/clock.ts';
import { generateWorld, type GroundTruth } from '../../scripts/dev/demo/generate.ts';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import type { SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import type { RoadmapConfigInput } from '../../src/config/index.ts';
import { readSnapshot, type Snapshot } from '../../src/snapshot/read-snapshot.ts';
import { createSandbox, runSync, TOKEN, type SyncSandbox } from '../sync/sync-run.ts';

export interface Scenario {
  seed: number;
  /** What this seed's configuration varies, for test names. */
  variant: string;
  config: RoadmapConfigInput;
}

const STATUS_LABELS = {
  'status: under review': 'under-review',
  'status: planned': 'planned',
  'status: in progress': 'in-progress',
  'status: shipped': 'shipped',
  'status: declined': 'declined',
} as const;

/** The demo project's own configuration, with what a seed varies. */
export function projectConfig(world: SimWorld, truth: GroundTruth, variant: 'project' | 'authors-off' | 'private-listed'): RoadmapConfigInput {
  const [main, docs] = world.repositories.filter((repository) => !repository.isPrivate).map((repository) => `${repository.owner}/${repository.name}`);
  return {
    site: { title: 'Histories' },
    sources: [
      { repo: main ?? '', issues: { labels: ['enhancement'] }, discussions: { categories: ['ideas'] } },
      { repo: docs ?? '', issues: { labels: ['enhancement'] }, discussions: false },
      // Listed without allowPrivate: nothing of it may count.
      ...(variant === 'private-listed' ? [{ repo: truth.privateRepository }] : []),
    ],
    statuses: { labels: STATUS_LABELS, milestone: 'planned' },
    votes: variant === 'authors-off' ? { reactions: ['THUMBS_UP'], countAuthor: false } : { reactions: ['THUMBS_UP', 'HEART'], countAuthor: true },
  };
}

export interface SyncedWorld {
  snapshot: Snapshot;
  snapshotDir: string;
  output: string;
  code: number;
  close(): Promise<void>;
}

/**
 * Serves `world`, runs the real sync on it with `config` (or the configuration file `config.file`),
 * and reads the snapshot it wrote.
 */
export async function syncWorld(world: SimWorld, config: RoadmapConfigInput | { file: string }): Promise<SyncedWorld> {
  const sim: Simulator = await startSimulator({ world, token: TOKEN, now: () => new Date(NOW) });
  let sandbox: SyncSandbox | undefined;
  try {
    sandbox = await createSandbox(sim, 'file' in config ? {} : config);
    const { code, output } = await runSync('file' in config ? { ...sandbox, configFile: config.file } : sandbox);
    const snapshot = code === 0 ? await readSnapshot(sandbox.snapshotDir) : ({} as Snapshot);
    const opened = sandbox;
    return {
      snapshot,
      snapshotDir: opened.snapshotDir,
      output,
      code,
      close: async () => {
        await opened.cleanup();
        await sim.close();
      },
    };
  } catch (error) {
    await sandbox?.cleanup();
    await sim.close();
    throw error;
  }
}

export function historiesWorld(seed: number): { world: SimWorld; truth: GroundTruth } {
  return generateWorld({ preset: 'histories', seed });
}
