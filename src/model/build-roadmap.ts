/**
 * The whole model in one call, for the site's content loader and the notifier: requests,
 * changelog and the Now / Next / Later milestones of one snapshot.
 */
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import { buildChangelog } from './build-changelog.ts';
import { buildRequests, type ModelConfig } from './build-requests.ts';
import { planHorizons, type HorizonMilestone } from './roadmap-horizons.ts';
import type { ReleaseEntry, Request } from './types.ts';

export interface Roadmap {
  /** When the snapshot was taken; "now" for every time-dependent score. */
  syncedAt: string;
  requests: Request[];
  releases: ReleaseEntry[];
  horizons: HorizonMilestone[];
}

export function buildRoadmap(snapshot: Snapshot, config: ModelConfig): Roadmap {
  const requests = buildRequests(snapshot, config);
  return {
    syncedAt: snapshot.manifest.syncedAt,
    requests,
    releases: buildChangelog(snapshot, config, requests),
    horizons: planHorizons(snapshot, requests),
  };
}
