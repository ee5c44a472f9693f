/** The committed demo snapshot, its configuration and model, and the generator's answer key. */
import { loadConfig } from '../../src/config/index.ts';
import { buildRequests } from '../../src/model/build-requests.ts';
import { itemKey } from '../../src/model/item-key.ts';
import type { Request } from '../../src/model/types.ts';
import { readSnapshot, type Snapshot } from '../../src/snapshot/read-snapshot.ts';
import { DEMO_SEED } from '../../scripts/dev/build-demo-snapshot.ts';
import { generateWorld } from '../../scripts/dev/demo/generate.ts';

export interface DemoWorld {
  snapshot: Snapshot;
  requests: Request[];
  /** Pairs of request keys the generator wrote twice in other words, without marking them. */
  unmarkedDuplicates: Array<[string, string]>;
}

export async function loadDemoWorld(): Promise<DemoWorld> {
  const [config, snapshot] = await Promise.all([loadConfig(), readSnapshot('content/snapshot')]);
  const { truth } = generateWorld({ preset: 'demo', seed: DEMO_SEED });
  return {
    snapshot,
    requests: buildRequests(snapshot, config),
    unmarkedDuplicates: truth.unmarkedDuplicates.map(([a, b]) => [itemKey(a), itemKey(b)]),
  };
}
