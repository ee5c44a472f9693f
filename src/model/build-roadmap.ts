/**
 * The whole model in one call, for the site's content loader and the notifier: requests,
 * changelog, the Now / Next / Later milestones of one snapshot, and the duplicate markings
 * that could not be followed.
 */
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import { buildChangelog } from './build-changelog.ts';
import { resolveRequests, type ModelConfig } from './build-requests.ts';
import type { DuplicateProblem } from './duplicate-problems.ts';
import { planHorizons, type HorizonMilestone } from './roadmap-horizons.ts';
import type { ReleaseEntry, Request } from './types.ts';

export interface Roadmap {
  /** When the snapshot was taken; "now" for every time-dependent score. */
  syncedAt: string;
  requests: Request[];
  releases: ReleaseEntry[];
  horizons: HorizonMilestone[];
  /** Duplicate markings the model could not follow: the build warns about each, the maintainers' page lists them. */
  problems: DuplicateProblem[];
}

export function buildRoadmap(snapshot: Snapshot, config: ModelConfig): Roadmap {
  const { requests, problems } = resolveRequests(snapshot, config);
  return {
    syncedAt: snapshot.manifest.syncedAt,
    requests,
    releases: buildChangelog(snapshot, config, requests),
    horizons: planHorizons(snapshot, requests, config.project),
    problems,
  };
}
