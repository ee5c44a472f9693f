/**
 * `npm run demo:snapshot`: rebuilds the committed demo snapshot (content/snapshot/) the way a real
 * one is made. The seeded generator writes the demo project's GitHub data, the GitHub simulator
 * serves it, and the real sync pulls it through the API — so the demo exercises the same path as
 * production. Deterministic: the same seed gives the same files, byte for byte.
 *
 * Next to the snapshot it writes `<snapshot>.known-duplicates.json`: the pairs the generator planted
 * without marking them, which `npm run report:duplicates` reads as plain JSON to measure itself.
 */
import { rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config/index.ts';
import { DEFAULT_SNAPSHOT_DIR } from '../../src/snapshot/read-snapshot.ts';
import { NOW } from './demo/clock.ts';
import { generateWorld } from './demo/generate.ts';
import { startSimulator } from './github-simulator/server.ts';
import { createGitHubClient } from '../../src/sync/github-client.ts';
import { createProgress } from '../../src/sync/progress.ts';
import { runSync } from '../../src/sync/run-sync.ts';

export const DEMO_SEED = 1;

export async function buildDemoSnapshot(options: { snapshotDir: string; seed?: number; quiet?: boolean }): Promise<void> {
  const seed = options.seed ?? DEMO_SEED;
  const { world, truth } = generateWorld({ preset: 'demo', seed });
  const token = 'demo-token';
  const sim = await startSimulator({ world, token, now: () => new Date(NOW) });
  const progress = createProgress(options.quiet ? () => {} : undefined);
  try {
    // A clean slate: the demo snapshot is always a full sync of the demo world.
    await rm(options.snapshotDir, { recursive: true, force: true });
    await runSync({
      config: await loadConfig(),
      client: createGitHubClient({ token, endpoints: { apiUrl: sim.url, graphqlUrl: sim.graphqlUrl }, progress }),
      progress,
      snapshotDir: options.snapshotDir,
      checkpointFile: `${options.snapshotDir}.checkpoint.json`,
      full: true,
      force: false,
      now: () => new Date(NOW),
      origin: `github-simulator (demo world, seed ${seed})`,
    });
  } finally {
    await sim.close();
  }
  const knownDuplicates = { seed, unmarkedDuplicates: truth.unmarkedDuplicates };
  await writeFile(`${options.snapshotDir}.known-duplicates.json`, `${JSON.stringify(knownDuplicates, null, 2)}\n`);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
  const snapshotDir = values.out ?? DEFAULT_SNAPSHOT_DIR;
  await buildDemoSnapshot({ snapshotDir, ...(values.seed ? { seed: Number(values.seed) } : {}) });
  process.stderr.write(`Demo snapshot written to ${snapshotDir}/\n`);
}
