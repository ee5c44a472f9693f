/**
 * The whole model in one call, for the site's content loader and the notifier: requests,
 * changelog, milestones, the Now / Next / Later milestones of one snapshot, and the duplicate markings
 * that could not be followed.
 */
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import { buildChangelog, type ChangelogModelConfig } from './build-changelog.ts';
import { resolveRequests, type ModelConfig } from './build-requests.ts';
import type { DuplicateProblem } from './duplicate-problems.ts';
import { NO_IMPORTS, type ImportedChannels } from './imported-requests.ts';
import { buildMilestones, type MilestoneEntry } from './milestones.ts';
import { planHorizons, type HorizonMilestone } from './roadmap-horizons.ts';
import type { ReleaseEntry, Request } from './types.ts';

export interface Roadmap {
  /** When the snapshot was taken; "now" for every time-dependent score. */
  syncedAt: string;
  requests: Request[];
  releases: ReleaseEntry[];
  horizons: HorizonMilestone[];
  /** Every milestone holding a request, with its progress. */
  milestones: MilestoneEntry[];
  /** Duplicate markings the model could not follow: the build warns about each, the maintainers' page lists them. */
  problems: DuplicateProblem[];
}

export function buildRoadmap(
  snapshot: Snapshot,
  config: ModelConfig & Pick<ChangelogModelConfig, 'changelog'>,
  imports: ImportedChannels = NO_IMPORTS,
): Roadmap {
  const { requests, problems } = resolveRequests(snapshot, config, imports);
  return {
    syncedAt: snapshot.manifest.syncedAt,
    requests,
    releases: buildChangelog(snapshot, config, requests),
    horizons: planHorizons(snapshot, requests, config.project),
    milestones: buildMilestones(snapshot, requests, config.sources),
    problems,
  };
}
