/**
 * The guard against publishing a sharply shrunken roadmap (a token that lost access, a filter
 * typo): a sync that finds fewer than half the items the last sync of the same repositories found
 * is refused unless forced. Only like is compared with like: a repository the previous snapshot
 * did not sync, or synced from another API (the committed demo snapshot, another GitHub
 * Enterprise Server), has no previous result, so a first sync of your own repository is never
 * measured against the demo.
 */
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import { ErrorsData } from '../errors/errors-data.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';

export interface SourceCount {
  repository: string;
  items: number;
  /** Skipped as private without `allowPrivate`: its items must go, however many there were. */
  skippedPrivate?: boolean;
}

/** `https://api.github.com/` and `https://api.github.com` are the same API. */
export function sameApi(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

/**
 * The sources the previous snapshot synced too, from the same API, with their items then and now.
 * Repositories are compared without case, as GitHub names them. A repository that has become
 * private is left out: keeping its items for want of `--force` would publish them.
 */
export function comparableSources(previous: Snapshot | null, apiUrl: string, current: readonly SourceCount[]): Array<SourceCount & { before: number }> {
  if (previous === null || !sameApi(previous.manifest.apiUrl, apiUrl)) return [];
  const synced = new Set(previous.manifest.sources.map((source) => source.repository.toLowerCase()));
  return current
    .filter((source) => synced.has(source.repository.toLowerCase()) && source.skippedPrivate !== true)
    .map((source) => ({
      ...source,
      before: previous.items.filter((item) => item.repository.toLowerCase() === source.repository.toLowerCase()).length,
    }));
}

/** Why this result may not replace the snapshot without `--force`, or null when it may. */
export function shrinkRefusal(previous: Snapshot | null, apiUrl: string, current: readonly SourceCount[]): RoadmapError | null {
  const total = current.reduce((sum, source) => sum + source.items, 0);
  const compared = comparableSources(previous, apiUrl, current);
  const before = compared.reduce((sum, source) => sum + source.before, 0);
  const now = compared.reduce((sum, source) => sum + source.items, 0);
  // An empty roadmap is refused once; after a forced empty snapshot, empty is the normal state.
  if (total === 0 && !(compared.length > 0 && before === 0)) {
    return new RoadmapError(ErrorsData.EmptyRoadmapRefused);
  }
  if (now < before / 2) {
    const counts = compared.map((source) => `${source.repository} ${source.before} → ${source.items}`).join(', ');
    return new RoadmapError(ErrorsData.ShrunkRoadmapRefused, { now, before, apiUrl, counts });
  }
  return null;
}
